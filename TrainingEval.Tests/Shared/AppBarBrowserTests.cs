using Microsoft.Playwright;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Shared;

/// <summary>
/// The app bar at phone, tablet and desktop widths, in both languages and both themes: the brand and every action stay
/// in one row, the product name is never cut, the signed-in user's name never wraps; on a phone the user button is
/// only an icon and the name is in its menu.
/// </summary>
public sealed class AppBarBrowserTests(BrowserFixture browser)
{
    private const int TabletWidth = 768;

    [Theory]
    [InlineData("zh-CN", BrowserFixture.PhoneWidth, false)]
    [InlineData("en", BrowserFixture.PhoneWidth, false)]
    [InlineData("zh-CN", BrowserFixture.PhoneWidth, true)]
    [InlineData("en", TabletWidth, false)]
    [InlineData("zh-CN", TabletWidth, true)]
    [InlineData("zh-CN", BrowserFixture.DesktopWidth, false)]
    [InlineData("en", BrowserFixture.DesktopWidth, true)]
    public async Task The_brand_and_the_user_button_fit_in_one_row(string culture, int width, bool darkMode)
    {
        var height = width == BrowserFixture.PhoneWidth ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight;
        await using var session = await browser.OpenAsync("", culture, width, height, darkMode);
        var page = session.Page;
        var bar = await BoxOfAsync(page.Locator(".mud-appbar"));
        var brand = await BoxOfAsync(page.Locator(".mud-appbar .brand"));
        var brandName = page.Locator(".mud-appbar .brand-name");
        var userButton = await BoxOfAsync(page.GetByTestId("user-button"));

        await Expect(brandName).ToBeVisibleAsync();
        await Expect(brandName).ToHaveTextAsync("TrainingEval");
        (await brandName.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth")).ShouldBeTrue("the product name is cut");
        foreach (var part in new[] { brand, userButton })
        {
            part.Y.ShouldBeGreaterThanOrEqualTo(bar.Y);
            (part.Y + part.Height).ShouldBeLessThanOrEqualTo(bar.Y + bar.Height);
        }
        (brand.X + brand.Width).ShouldBeLessThan(userButton.X);
        (userButton.X + userButton.Width).ShouldBeLessThanOrEqualTo(width);
        // One line of text: a wrapped name would make the button taller than an icon button.
        userButton.Height.ShouldBeLessThanOrEqualTo(48);
        // The brand keeps its light text on the dark bar in both themes.
        (await page.Locator(".mud-appbar .brand").EvaluateAsync<string>("e => getComputedStyle(e).color"))
            .ShouldBe(await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).color"));

        var userName = page.Locator("[data-testid=user-button] .mud-button-label");
        if (width == BrowserFixture.PhoneWidth)
        {
            // Icon only on a phone; the name is still the button's name for a screen reader.
            (await userName.EvaluateAsync<string>("e => getComputedStyle(e).fontSize")).ShouldBe("0px");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "HR 分析师 Analyst" })).ToBeVisibleAsync();
            await Expect(page.Locator(".mud-appbar .brand-tagline")).ToBeHiddenAsync();
            await page.GetByTestId("user-button").ClickAsync();
            await Expect(page.GetByTestId("user-menu-name")).ToHaveTextAsync("HR 分析师 Analyst");
        }
        else
        {
            await Expect(userName).ToHaveTextAsync("HR 分析师 Analyst");
            await Expect(page.Locator(".mud-appbar .brand-tagline")).ToBeVisibleAsync();
        }
        await session.ScreenshotAsync($"app-bar-{culture}-{width}-{(darkMode ? "dark" : "light")}", fullPage: false);
    }

    private static async Task<LocatorBoundingBoxResult> BoxOfAsync(ILocator locator)
    {
        await Expect(locator).ToBeVisibleAsync();
        return (await locator.BoundingBoxAsync()).ShouldNotBeNull();
    }
}
