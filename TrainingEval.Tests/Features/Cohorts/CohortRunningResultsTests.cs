using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Tests.Features.Programs;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>
/// Spec section 9: "Pass rates, tier mixes and rankings of a cohort that has not ended are shown as provisional (marked, never as
/// final results)" — whatever each learner's coverage. The demo company is generated for "today" 2026-11-15, so its newest lean run is running.
/// </summary>
public sealed class CohortRunningResultsTests(DemoCompanyDatabase demo) : ProgramPageTest(demo)
{
    private async Task<string> CohortAsync(bool running)
    {
        var today = DemoCompanyDatabase.Today;
        var cohorts = await Demo.QueryAsync(db => db.Cohorts
            .Where(c => c.Program!.Code == "LEAN-TL" && db.LearnerScores.Any(s => s.CohortId == c.Id && s.Composite != null))
            .OrderByDescending(c => c.StartDate)
            .Select(c => new { c.Code, c.StartDate, c.EndDate, Closed = c.ClosedAt != null })
            .ToListAsync());
        return cohorts.First(c => running ? !c.Closed && c.StartDate <= today && c.EndDate >= today : c.Closed || c.EndDate < today).Code;
    }

    private IRenderedComponent<CohortPage> RenderCohort(string code)
    {
        var page = Render<CohortPage>(p => p.Add(x => x.CohortCode, code));
        page.WaitForElement("[data-testid=cohort-stats]", TimeSpan.FromSeconds(10));
        return page;
    }

    [Fact]
    public async Task A_running_cohort_marks_its_pass_rate_mean_and_ranking_provisional_and_says_why()
    {
        var page = RenderCohort(await CohortAsync(running: true));

        page.Find("[data-testid=cohort-status]").TextContent.Trim().ShouldBe("Running");
        page.Find("[data-testid=running-banner]").TextContent.ShouldContain("pass rate, tiers and ranking are provisional as a whole");
        page.Find("[data-testid=stat-pass-rate-value] [data-testid=provisional]").GetAttribute("data-reason").ShouldBe("running");
        page.Find("[data-testid=stat-composite] [data-testid=provisional]");
        page.Find("[data-testid=ranking-card] [data-testid=ranking-running]").TextContent.ShouldContain("this ranking is provisional");
    }

    [Fact]
    public async Task An_ended_cohort_shows_its_results_as_final()
    {
        var page = RenderCohort(await CohortAsync(running: false));

        page.Find("[data-testid=cohort-status]").GetAttribute("data-status").ShouldBeOneOf("Ended", "Closed");
        page.FindAll("[data-testid=running-banner]").ShouldBeEmpty();
        page.FindAll("[data-testid=stat-pass-rate-value] [data-testid=provisional]").ShouldBeEmpty();
        page.FindAll("[data-testid=ranking-running]").ShouldBeEmpty();
    }
}
