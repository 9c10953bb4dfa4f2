using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Shared;

/// <summary>
/// Issue 20: axe-core (WCAG 2.0/2.1 A and AA rules) finds nothing on the product's pages, in both languages, light and dark,
/// at desktop and phone width. A failure lists rule, impact, element and page for every violation.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Pages =
    [
        "", "programs", "programs/LEAN-TL", "cohorts", "cohorts/LEAN-TL-202501", "learners", "compare?cohorts=LEAN-TL-202501,LEAN-TL-202509",
        "notifications", "reports", "reports/cohorts/LEAN-TL-202501", "reports/cohorts/LEAN-TL-202501/difference", "reports/cohorts/LEAN-TL-202501/roi",
        "reports/promotions", "reports/high-potential", "playground", "import", "audit", "account/password",
    ];

    public static TheoryData<string, int, bool> Variants() => new()
    {
        { "en", BrowserFixture.DesktopWidth, false },
        { "zh-CN", BrowserFixture.DesktopWidth, false },
        { "en", BrowserFixture.PhoneWidth, true },
        { "zh-CN", BrowserFixture.PhoneWidth, true },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_analysts_pages_have_no_axe_violations(string culture, int width, bool darkMode)
    {
        await using var session = await browser.OpenAsync("", culture, width, darkMode: darkMode);
        var violations = new List<string>();
        foreach (var path in Pages)
        {
            await session.GoToAsync(new Uri(browser.BaseUri, path));
            violations.AddRange(await ScanAsync(session, path));
        }
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_mentors_learners_and_trainers_pages_have_no_axe_violations(string culture, int width, bool darkMode)
    {
        var violations = new List<string>();
        foreach (var (user, paths) in new[] { ("mentor", new[] { "mentor", "mentor/digest", "notifications", "account/notifications" }), ("learner", new[] { "me", "check-in" }), ("trainer", new[] { "teaching" }), ("executive", new[] { "account/notifications" }), ("admin", new[] { "admin/outbox" }) })
        {
            await using var session = await browser.OpenAsync(paths[0], culture, width, darkMode: darkMode, user: user);
            foreach (var path in paths)
            {
                await session.GoToAsync(new Uri(browser.BaseUri, path));
                violations.AddRange(await ScanAsync(session, $"{path} ({user})"));
            }
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

    private static async Task<IEnumerable<string>> ScanAsync(BrowserSession session, string path)
    {
        // Charts draw after the page is interactive; scan what a reader finally sees.
        await session.Page.WaitForTimeoutAsync(300);
        var result = await session.Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations.SelectMany(v => v.Nodes.Select(n => $"/{path}: {v.Id} ({v.Impact}) {string.Join(" ", n.Target)} — {Cut(n.Html)}"));
    }

    private static string Cut(string html) => html.Length <= 300 ? html : html[..300] + "…";
}
