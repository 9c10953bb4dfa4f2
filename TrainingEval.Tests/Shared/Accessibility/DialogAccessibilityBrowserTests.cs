using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Shared.Accessibility;

/// <summary>Open dialogs, drawers and chart tables (issue 20), and the app bar's menus from the keyboard.</summary>
public sealed class DialogAccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [MemberData(nameof(AxeScan.Variants), MemberType = typeof(AxeScan))]
    public async Task Open_dialogs_and_drawers_have_no_axe_violations(string culture, int width, bool darkMode)
    {
        var violations = new List<string>();
        await using (var analyst = await browser.OpenAsync("cohorts/LEAN-TL-202501", culture, width, darkMode: darkMode))
        {
            await analyst.Page.GetByTestId("whatif-open-indicators").ClickAsync();
            await Expect(analyst.Page.GetByTestId("whatif-indicators")).ToBeVisibleAsync();
            violations.AddRange(await AxeScan.ScanAsync(analyst, "cohorts/LEAN-TL-202501 (what-if indicator drawer)"));

            // Every chart's text alternative, open.
            await analyst.GoToAsync(new Uri(browser.BaseUri, "cohorts/LEAN-TL-202501"));
            var toggles = analyst.Page.GetByTestId("chart-table-toggle");
            await Expect(toggles).Not.ToHaveCountAsync(0);
            var charts = await toggles.CountAsync();
            for (var i = 0; i < charts; i++)
                await toggles.Nth(i).ClickAsync();
            await Expect(analyst.Page.GetByTestId("chart-table")).ToHaveCountAsync(charts);
            violations.AddRange(await AxeScan.ScanAsync(analyst, "cohorts/LEAN-TL-202501 (chart tables)"));
        }
        await using (var mentor = await browser.OpenAsync("mentor", culture, width, darkMode: darkMode, user: "mentor"))
        {
            await mentor.Page.GetByTestId("mentee-row").First.GetByTestId("rate-button").ClickAsync();
            await Expect(mentor.Page.GetByTestId("rating-dialog")).ToBeVisibleAsync();
            violations.AddRange(await AxeScan.ScanAsync(mentor, "mentor (rating dialog)"));
            await mentor.Page.Keyboard.PressAsync("Escape");
            await Expect(mentor.Page.GetByTestId("rating-dialog")).ToHaveCountAsync(0);

            await mentor.Page.GetByTestId("alert-ack").First.ClickAsync();
            await Expect(mentor.Page.GetByTestId("alert-note")).ToBeVisibleAsync();
            violations.AddRange(await AxeScan.ScanAsync(mentor, "mentor (alert note dialog)"));
        }
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_app_bars_menus_are_buttons_that_open_from_the_keyboard()
    {
        await using var session = await browser.OpenAsync("", "en");
        var page = session.Page;

        var language = page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Language: English" });
        await language.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-culture=zh-CN]")).ToBeVisibleAsync();
        // A fresh page for the second menu: the first one's open popover must not be in the way.
        await session.GoToAsync(new Uri(browser.BaseUri, ""));

        var user = page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "HR 分析师 Analyst" });
        await user.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
    }
}
