using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Live;

namespace TrainingEval.Tests.Features.Learners;

/// <summary>The learners and cohorts lists show stored scores: a rescore reloads the page on screen.</summary>
public sealed class ListsLiveUpdateTests : LearnerPageTestBase
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override bool WithHealth => false;

    /// <summary>Stores a new composite for <paramref name="employeeNo"/> in <paramref name="cohortCode"/>; returns the cohort.</summary>
    private async Task<int> RescoreAsync(string cohortCode, string employeeNo, double composite)
    {
        await using var db = Database.CreateContext();
        var record = await db.LearnerScores.SingleAsync(s => s.Cohort!.Code == cohortCode && s.Learner!.EmployeeNumber == employeeNo, Ct);
        record.Composite = composite;
        record.Coverage = 1;
        await db.SaveChangesAsync(Ct);
        return record.CohortId;
    }

    [Fact]
    public async Task A_rescore_reloads_the_learners_latest_composite_in_the_list()
    {
        UseCulture("en");
        var list = Render<LearnersList>();
        list.WaitForAssertion(() => list.FindAll("[data-testid=learner-link]").Count.ShouldBe(2));
        var cohortId = await RescoreAsync("QC-202501", "E0002", 71.5);

        await Services.GetRequiredService<IScoreChangeNotifier>().PublishAsync(new CohortScoresChanged(cohortId));

        list.WaitForAssertion(() => list.FindAll("[data-testid=learners-table] tbody tr")
            .Single(r => r.TextContent.Contains("E0002", StringComparison.Ordinal)).TextContent.ShouldContain("71.5"));
    }

    [Fact]
    public async Task A_rescore_reloads_the_cohorts_means_in_the_list()
    {
        UseCulture("en");
        var list = Render<CohortsList>();
        list.WaitForAssertion(() => list.FindAll("[data-testid=cohort-link]").Count.ShouldBe(4));
        var cohortId = await RescoreAsync("QC-202605", LearnerPageFixture.EmployeeNo, 42.5);

        await Services.GetRequiredService<IScoreChangeNotifier>().PublishAsync(new CohortScoresChanged(cohortId));

        list.WaitForAssertion(() => list.FindAll("[data-testid=cohorts-table] tbody tr")
            .Single(r => r.TextContent.Contains("QC-202605", StringComparison.Ordinal)).TextContent.ShouldContain("42.5"));
    }
}
