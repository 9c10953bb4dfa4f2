using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>
/// The cohort page reloads its stored scores when the notifier reports a change to its cohort, but never under an
/// open what-if draft: then it says so and refreshes on request, keeping the draft. (Its own database: the tests write.)
/// </summary>
public sealed class CohortPageLiveTests(CohortDemoDatabase demo) : CohortPageTestContext(demo.Database), IClassFixture<CohortDemoDatabase>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IRenderedComponent<CohortPage> RenderPage()
    {
        UseCulture("en");
        var page = Render<CohortPage>(p => p.Add(x => x.CohortCode, demo.LargestCohortCode));
        page.WaitForElement("[data-testid=cohort-title]", TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => page.FindAll("[data-testid=learner-link]").ShouldNotBeEmpty());
        return page;
    }

    /// <summary>Stores a new composite for a top-ranked learner (as a rescore would); returns the cohort and the learner's employee number.</summary>
    private async Task<(int CohortId, string EmployeeNo)> RescoreTopLearnerAsync(double composite)
    {
        await using var db = demo.Database.CreateContext();
        var cohort = await db.Cohorts.SingleAsync(c => c.Code == demo.LargestCohortCode, Ct);
        var top = await db.LearnerScores.Include(s => s.Learner).Where(s => s.CohortId == cohort.Id && s.Rank == 1)
            .OrderBy(s => s.Learner!.EmployeeNumber).FirstAsync(Ct);
        top.Composite = composite;
        await db.SaveChangesAsync(Ct);
        return (cohort.Id, top.Learner!.EmployeeNumber);
    }

    private static string CompositeOf(IRenderedComponent<CohortPage> page, string employeeNo) =>
        page.FindAll("[data-testid=learner-table] tbody tr").Single(r => r.TextContent.Contains(employeeNo, StringComparison.Ordinal))
            .QuerySelector("td.composite")!.TextContent.Trim();

    [Fact]
    public async Task A_rescore_of_the_cohort_reloads_the_stored_scores()
    {
        var page = RenderPage();
        var (cohortId, employeeNo) = await RescoreTopLearnerAsync(99.9);
        CompositeOf(page, employeeNo).ShouldNotStartWith("99.9");

        await Services.GetRequiredService<IScoreChangeNotifier>().PublishAsync(new CohortScoresChanged(cohortId));

        page.WaitForAssertion(() => CompositeOf(page, employeeNo).ShouldStartWith("99.9"));
        page.FindAll("[data-testid=base-changed]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Under_an_open_draft_a_rescore_keeps_the_draft_says_so_and_refreshes_on_request()
    {
        var page = RenderPage();
        page.Find("[data-testid=whatif-level-Behavior] input[type=range]").Input("5");
        page.WaitForElement("[data-testid=draft-banner]");
        var draft = LatestSeries("cohort-ranking")!.Value.GetRawText();
        var (cohortId, _) = await RescoreTopLearnerAsync(12.3);

        await Services.GetRequiredService<IScoreChangeNotifier>().PublishAsync(new CohortScoresChanged(cohortId));

        page.WaitForElement("[data-testid=base-changed]");
        page.Find("[data-testid=draft-banner]").ShouldNotBeNull();
        LatestSeries("cohort-ranking")!.Value.GetRawText().ShouldBe(draft);

        page.Find("[data-testid=refresh-base]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=base-changed]").ShouldBeEmpty());
        page.Find("[data-testid=draft-banner]").ShouldNotBeNull();
        page.Find("[data-testid=whatif-panel]").GetAttribute("data-draft").ShouldBe("true");
    }

    [Fact]
    public async Task Under_an_open_draft_a_change_to_another_cohort_says_nothing()
    {
        var page = RenderPage();
        page.Find("[data-testid=whatif-level-Behavior] input[type=range]").Input("5");
        page.WaitForElement("[data-testid=draft-banner]");
        int other;
        await using (var db = demo.Database.CreateContext())
            other = await db.Cohorts.Where(c => c.Code != demo.LargestCohortCode).Select(c => c.Id).FirstAsync(Ct);

        await Services.GetRequiredService<IScoreChangeNotifier>().PublishAsync(new CohortScoresChanged(other));

        page.FindAll("[data-testid=base-changed]").ShouldBeEmpty();
        page.Find("[data-testid=draft-banner]").ShouldNotBeNull();
    }
}
