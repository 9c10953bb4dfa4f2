using Microsoft.Playwright;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Shared;

/// <summary>
/// The document around every page: pages render in the circuit (no prerendering), so until it is up the browser shows a
/// localized loading screen, which goes away as soon as the layout is in; the root is the overview and an unknown address
/// is a 404 with the not-found page, in the user's language.
/// </summary>
public sealed class ShellBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", "Opening the page…", "Overview")]
    [InlineData("zh-CN", "正在打开页面…", "培训总览")]
    public async Task The_loading_screen_shows_until_the_page_renders_and_the_root_is_the_overview(string culture, string loadingText, string heading)
    {
        await using var session = await browser.OpenAsync("playground", culture);
        var page = session.Page;
        // Hold the circuit's negotiation back so the loading screen can be seen, then let it through.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await page.GotoAsync(new Uri(browser.BaseUri, "/").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".te-boot")).ToBeVisibleAsync();
        await Expect(page.Locator(".te-boot")).ToContainTextAsync(loadingText);
        await session.ScreenshotAsync($"shell-loading-{culture}", fullPage: false);
        release.SetResult();

        await session.WaitForCircuitAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await Expect(page.Locator(".te-boot")).ToBeHiddenAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/");
    }

    [Theory]
    [InlineData("en", "Page not found")]
    [InlineData("zh-CN", "页面不存在")]
    public async Task An_unknown_address_answers_404_with_the_localized_not_found_page(string culture, string title)
    {
        await using var session = await browser.OpenAsync("playground", culture);
        var page = session.Page;

        var response = await page.GotoAsync(new Uri(browser.BaseUri, "no-such-page").ToString());
        await session.WaitForCircuitAsync();

        response!.Status.ShouldBe(404);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator(".te-boot")).ToBeHiddenAsync();
    }
}
