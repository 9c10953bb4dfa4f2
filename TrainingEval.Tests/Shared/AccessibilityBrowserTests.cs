using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Shared;

/// <summary>
/// Issue 20: axe-core (WCAG 2.0/2.1 A and AA rules) finds nothing on the product's pages and open dialogs, in both
/// languages, light and dark, at desktop and phone width (every combination). A failure lists rule, impact, element and
/// page for every violation.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Pages =
    [
        "", "programs", "programs/LEAN-TL", "cohorts", "cohorts/LEAN-TL-202501", "learners", "compare?cohorts=LEAN-TL-202501,LEAN-TL-202509",
        "notifications", "reports", "reports/cohorts/LEAN-TL-202501", "reports/cohorts/LEAN-TL-202501/difference", "reports/cohorts/LEAN-TL-202501/roi",
        "reports/promotions", "reports/high-potential", "playground", "import", "audit", "account/password", "search?q=peng", "views",
    ];

    public static TheoryData<string, int, bool> Variants()
    {
        var variants = new TheoryData<string, int, bool>();
        foreach (var culture in new[] { "en", "zh-CN" })
        {
            foreach (var width in new[] { BrowserFixture.DesktopWidth, BrowserFixture.PhoneWidth })
            {
                variants.Add(culture, width, false);
                variants.Add(culture, width, true);
            }
        }
        return variants;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_analysts_pages_have_no_axe_violations(string culture, int width, bool darkMode)
    {
        await using var session = await browser.OpenAsync("", culture, width, darkMode: darkMode);
        var violations = new List<string>();
        // A learner page and a growth report too (their breadcrumbs and charts): the demo learner's.
        var learner = await DemoLearnerAsync();
        foreach (var path in Pages.Append($"learners/{learner}").Append($"reports/learners/{learner}"))
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
        var (trainedCohort, sessionId) = await TrainersSessionAsync();
        foreach (var (user, paths) in new[]
        {
            ("mentor", new[] { "mentor", "mentor/digest", "notifications", "account/notifications" }),
            ("learner", new[] { "me", "check-in" }),
            ("trainer", new[] { "teaching", $"cohorts/{trainedCohort}/sessions", $"sessions/{sessionId}/roster" }),
            ("executive", new[] { "account/notifications" }),
            ("admin", new[] { "admin/outbox" }),
        })
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

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Open_dialogs_and_drawers_have_no_axe_violations(string culture, int width, bool darkMode)
    {
        var violations = new List<string>();
        await using (var analyst = await browser.OpenAsync("cohorts/LEAN-TL-202501", culture, width, darkMode: darkMode))
        {
            await analyst.Page.GetByTestId("whatif-open-indicators").ClickAsync();
            await Expect(analyst.Page.GetByTestId("whatif-indicators")).ToBeVisibleAsync();
            violations.AddRange(await ScanAsync(analyst, "cohorts/LEAN-TL-202501 (what-if indicator drawer)"));

            // Every chart's text alternative, open.
            await analyst.GoToAsync(new Uri(browser.BaseUri, "cohorts/LEAN-TL-202501"));
            var toggles = analyst.Page.GetByTestId("chart-table-toggle");
            await Expect(toggles).Not.ToHaveCountAsync(0);
            var charts = await toggles.CountAsync();
            for (var i = 0; i < charts; i++)
                await toggles.Nth(i).ClickAsync();
            await Expect(analyst.Page.GetByTestId("chart-table")).ToHaveCountAsync(charts);
            violations.AddRange(await ScanAsync(analyst, "cohorts/LEAN-TL-202501 (chart tables)"));
        }
        await using (var mentor = await browser.OpenAsync("mentor", culture, width, darkMode: darkMode, user: "mentor"))
        {
            await mentor.Page.GetByTestId("mentee-row").First.GetByTestId("rate-button").ClickAsync();
            await Expect(mentor.Page.GetByTestId("rating-dialog")).ToBeVisibleAsync();
            violations.AddRange(await ScanAsync(mentor, "mentor (rating dialog)"));
            await mentor.Page.Keyboard.PressAsync("Escape");
            await Expect(mentor.Page.GetByTestId("rating-dialog")).ToHaveCountAsync(0);

            await mentor.Page.GetByTestId("alert-ack").First.ClickAsync();
            await Expect(mentor.Page.GetByTestId("alert-note")).ToBeVisibleAsync();
            violations.AddRange(await ScanAsync(mentor, "mentor (alert note dialog)"));
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

    private async Task<string> DemoLearnerAsync()
    {
        await browser.EnsureStartedAsync();
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var account = await db.Users.Where(u => u.UserName == "learner").Select(u => u.LearnerId).FirstAsync(TestContext.Current.CancellationToken);
        return await db.Learners.Where(l => l.Id == account).Select(l => l.EmployeeNumber).FirstAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A cohort the demo trainer teaches and one of its sessions (the demo makes both for the running cohorts).</summary>
    private async Task<(string Cohort, int SessionId)> TrainersSessionAsync()
    {
        await browser.EnsureStartedAsync();
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var trainer = await db.Users.Where(u => u.UserName == "trainer").Select(u => u.Id).FirstAsync(TestContext.Current.CancellationToken);
        var session = await db.Sessions.Where(s => db.CohortTrainers.Any(t => t.UserId == trainer && t.CohortId == s.CohortId))
            .OrderBy(s => s.Id).Select(s => new { s.Cohort!.Code, s.Id }).FirstAsync(TestContext.Current.CancellationToken);
        return (session.Code, session.Id);
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
