using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Demo;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Reports;

/// <summary>ROI assumptions and promotion decisions: validated, audited with old and new values, guarded against stale edits.</summary>
public sealed class ReportWritesTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Today = new(2026, 11, 15);
    private TestDatabase _database = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(Today.ToDateTime(new TimeOnly(12, 0))));
        var company = DemoCompanyGenerator.Generate(new DemoCompanySpec { Today = Today, Employees = 120, Mentors = 8, Programs = 1, CohortSizeFactor = 0.4, MaxCohortsPerProgram = 3 });
        await new DemoCompanySeeder(_database.Factory).SeedAsync(company);
        await new CohortScoreService(_database.Factory, ScorePipeline.CreateDefault(_database.Clock), _database.Clock).RecomputeAllAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<(int CohortId, string Code, int KpiId)> FirstKpiAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var cohort = await db.Cohorts.OrderBy(c => c.StartDate).FirstAsync(Ct);
        var kpi = await db.Kpis.Where(k => k.ProgramId == cohort.ProgramId).OrderBy(k => k.Id).FirstAsync(Ct);
        return (cohort.Id, cohort.Code, kpi.Id);
    }

    private static RoiAssumptionInput Input(double attribution, int? revision = null) =>
        new() { Attribution = attribution, Confidence = 0.9, ValuePerUnit = 120m, PeriodMonths = 6, Note = "Team survey, March", Revision = revision };

    [Fact]
    public async Task Saved_assumptions_drive_the_report_and_their_changes_are_audited()
    {
        var (cohortId, code, kpiId) = await FirstKpiAsync();
        var hr = new ReportServiceContext(_database, TestUsers.Analyst);

        await hr.Roi.SaveAssumptionAsync(cohortId, kpiId, Input(0.6), Ct);
        var cohort = (await hr.Index.FindCohortAsync(code, Ct))!;
        var line = (await hr.Roi.LoadAsync(cohort, Ct)).Kpis.Single(k => k.KpiId == kpiId);
        line.IsDefaultAssumption.ShouldBeFalse();
        line.Assumption.Attribution.ShouldBe(0.6);
        line.UpdatedBy.ShouldBe("analyst");

        await hr.Roi.SaveAssumptionAsync(cohortId, kpiId, Input(0.4, line.Assumption.Revision), Ct);

        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var change = await db.AuditTrail.SingleAsync(a => a.EntityType == nameof(RoiAssumption) && a.Property == nameof(RoiAssumption.Attribution) && a.Action == AuditAction.Modified, Ct);
        change.OldValue.ShouldBe("0.6");
        change.NewValue.ShouldBe("0.4");
        change.Actor.ShouldBe("analyst");
    }

    [Fact]
    public async Task A_stale_edit_is_refused()
    {
        var (cohortId, _, kpiId) = await FirstKpiAsync();
        var hr = new ReportServiceContext(_database, TestUsers.Analyst);
        await hr.Roi.SaveAssumptionAsync(cohortId, kpiId, Input(0.6), Ct);

        // A second analyst opened the report while the KPI still had the defaults (no revision).
        await Should.ThrowAsync<ConcurrencyConflictException>(() => hr.Roi.SaveAssumptionAsync(cohortId, kpiId, Input(0.7), Ct));
    }

    [Theory]
    [InlineData(1.5, "Attribution must be between 0 and 1")]
    [InlineData(-0.1, "Attribution must be between 0 and 1")]
    public async Task Out_of_range_assumptions_are_refused_with_the_field_named(double attribution, string message)
    {
        var (cohortId, _, kpiId) = await FirstKpiAsync();
        var hr = new ReportServiceContext(_database, TestUsers.Analyst);

        var error = await Should.ThrowAsync<DataValidationException>(() => hr.Roi.SaveAssumptionAsync(cohortId, kpiId, Input(attribution), Ct));

        error.Errors.ShouldContain(e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Executives_read_but_do_not_edit()
    {
        var (cohortId, _, kpiId) = await FirstKpiAsync();
        var ceo = new ReportServiceContext(_database, TestUsers.Executive);

        await Should.ThrowAsync<AccessDeniedException>(() => ceo.Roi.SaveAssumptionAsync(cohortId, kpiId, Input(0.5), Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => ceo.Promotions.DecideAsync(1, cohortId, PromotionDecisionKind.Accepted, null, null, Ct));
    }

    [Fact]
    public async Task A_promotion_decision_is_stored_with_who_and_when_and_audited()
    {
        int learnerId, cohortId;
        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            var enrollment = await db.Enrollments.OrderBy(e => e.Id).FirstAsync(Ct);
            (learnerId, cohortId) = (enrollment.LearnerId, enrollment.CohortId);
        }
        var hr = new ReportServiceContext(_database, TestUsers.Analyst);

        await hr.Promotions.DecideAsync(learnerId, cohortId, PromotionDecisionKind.Deferred, "Revisit after the next review", null, Ct);
        await hr.Promotions.DecideAsync(learnerId, cohortId, PromotionDecisionKind.Accepted, null, 0, Ct);

        await using var check = await _database.Factory.CreateDbContextAsync(Ct);
        var row = await check.PromotionDecisions.SingleAsync(Ct);
        row.Decision.ShouldBe(PromotionDecisionKind.Accepted);
        row.DecidedBy.ShouldBe("analyst");
        row.DecidedAt.ShouldBe(Today.ToDateTime(new TimeOnly(12, 0)));
        (await check.AuditTrail.CountAsync(a => a.EntityType == nameof(PromotionDecision) && a.Property == nameof(PromotionDecision.Decision), Ct)).ShouldBe(1);
        await Should.ThrowAsync<ConcurrencyConflictException>(() => hr.Promotions.DecideAsync(learnerId, cohortId, PromotionDecisionKind.Declined, null, 0, Ct));
    }
}
