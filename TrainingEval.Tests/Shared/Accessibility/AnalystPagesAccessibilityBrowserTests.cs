using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Shared.Accessibility;

/// <summary>The analysts' pages (issue 20), one language per class so the two run side by side.</summary>
public abstract class AnalystPagesAccessibilityBrowserTests(BrowserFixture browser)
{
    private static readonly string[] Pages =
    [
        "", "programs", "programs/LEAN-TL", "cohorts", "cohorts/LEAN-TL-202501", "learners", "compare?cohorts=LEAN-TL-202501,LEAN-TL-202509",
        "notifications", "reports", "reports/cohorts/LEAN-TL-202501", "reports/cohorts/LEAN-TL-202501/difference", "reports/cohorts/LEAN-TL-202501/roi",
        "reports/promotions", "reports/high-potential", "playground", "import", "audit", "account/password", "search?q=peng", "views",
    ];

    protected abstract string Culture { get; }

    [Theory]
    [MemberData(nameof(AxeScan.Looks), MemberType = typeof(AxeScan))]
    public async Task The_analysts_pages_have_no_axe_violations(int width, bool darkMode)
    {
        await using var session = await browser.OpenAsync("", Culture, width, darkMode: darkMode);
        var violations = new List<string>();
        // A learner page and a growth report too (their breadcrumbs and charts): the demo learner's.
        var learner = await DemoLearnerAsync();
        foreach (var path in Pages.Append($"learners/{learner}").Append($"reports/learners/{learner}"))
        {
            await session.GoToAsync(new Uri(browser.BaseUri, path));
            violations.AddRange(await AxeScan.ScanAsync(session, path));
        }
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    private async Task<string> DemoLearnerAsync()
    {
        await browser.EnsureStartedAsync();
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var account = await db.Users.Where(u => u.UserName == "learner").Select(u => u.LearnerId).FirstAsync(TestContext.Current.CancellationToken);
        return await db.Learners.Where(l => l.Id == account).Select(l => l.EmployeeNumber).FirstAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class EnglishAnalystPagesAccessibilityBrowserTests(BrowserFixture browser) : AnalystPagesAccessibilityBrowserTests(browser), IClassFixture<BrowserFixture>
{
    protected override string Culture => "en";
}

public sealed class ChineseAnalystPagesAccessibilityBrowserTests(BrowserFixture browser) : AnalystPagesAccessibilityBrowserTests(browser), IClassFixture<BrowserFixture>
{
    protected override string Culture => "zh-CN";
}
