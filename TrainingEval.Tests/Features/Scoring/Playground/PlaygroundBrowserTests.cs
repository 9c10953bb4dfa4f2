using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Scoring.Playground;

/// <summary>The playground in headless Chromium against the real server: live scores, language switch, screenshots.</summary>
public sealed class PlaygroundBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Opens_on_the_worked_example_and_updates_the_composite_as_the_analyst_types()
    {
        await using var session = await browser.OpenAsync("playground", culture: "en");
        var page = session.Page;

        await Expect(page.GetByTestId("composite")).ToHaveTextAsync("76.8");
        await Expect(page.GetByTestId("tier")).ToHaveAttributeAsync("data-tier", "B");
        await Expect(page.GetByTestId("provisional")).ToBeVisibleAsync();
        await session.ScreenshotAsync("playground-desktop-en");
        // The README's picture: what a visitor sees first, at a common laptop size.
        var firstScreen = await session.ScreenshotAsync("playground-desktop-en-first-screen", fullPage: false);
        BrowserFixture.PublishToRepository(firstScreen, Path.Combine("docs", "images", "playground.png"));

        var theory = page.Locator("[data-indicator=exam_theory] .input-value input");
        await theory.FillAsync("100");
        await Expect(page.GetByTestId("composite")).ToHaveTextAsync("78.3");

        await page.Locator("[data-indicator=attendance] .input-value input").FillAsync("90");
        await Expect(page.Locator("[data-indicator=attendance] .input-value .mud-input-control-helper-container")).ToContainTextAsync("90");
        await Expect(page.GetByTestId("stale-notice")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("composite")).ToHaveTextAsync("78.3");
        await session.ScreenshotAsync("playground-desktop-en-invalid");
    }

    [Fact]
    public async Task Switching_language_shows_the_page_in_Chinese_and_back_in_English()
    {
        await using var session = await browser.OpenAsync("playground", culture: "en");
        var page = session.Page;
        await Expect(page.Locator("h1")).ToHaveTextAsync("Scoring playground");

        await page.GetByTestId("language-menu").ClickAsync();
        await page.Locator("[data-culture=zh-CN]").ClickAsync();
        await page.WaitForURLAsync("**/playground");
        await session.WaitForCircuitAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("评分演练");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByTestId("tier")).ToContainTextAsync("B（良好）");
        await session.ScreenshotAsync("playground-desktop-zh-CN");

        await page.GetByTestId("language-menu").ClickAsync();
        await page.Locator("[data-culture=en]").ClickAsync();
        await page.WaitForURLAsync("**/playground");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Scoring playground");
    }

    [Fact]
    public async Task At_phone_width_the_drawer_is_closed_and_the_summary_comes_first()
    {
        await using var session = await browser.OpenAsync("playground", culture: "zh-CN", width: BrowserFixture.PhoneWidth, height: BrowserFixture.PhoneHeight);
        var page = session.Page;

        await Expect(page.GetByTestId("composite")).ToHaveTextAsync("76.8");
        await Expect(page.Locator(".mud-drawer")).Not.ToBeInViewportAsync();
        var summaryTop = (await page.GetByTestId("score-summary").BoundingBoxAsync())!.Y;
        var firstEditorTop = (await page.Locator(".profile-editor").BoundingBoxAsync())!.Y;
        summaryTop.ShouldBeLessThan(firstEditorTop);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await session.ScreenshotAsync("playground-phone-zh-CN", fullPage: false);
        await session.ScreenshotAsync("playground-phone-zh-CN-full");
    }

    [Fact]
    public async Task The_dark_theme_is_remembered_per_browser()
    {
        await using var session = await browser.OpenAsync("playground", culture: "en");
        var page = session.Page;

        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForFunctionAsync("() => document.cookie.includes('trainingeval-theme=dark')");
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")).ShouldBe("rgb(13, 18, 32)");

        await session.GoToAsync(new Uri(browser.BaseUri, "playground"));
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        background.ShouldBe("rgb(13, 18, 32)");
        await session.ScreenshotAsync("playground-desktop-en-dark");
    }
}
