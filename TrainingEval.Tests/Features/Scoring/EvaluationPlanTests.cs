using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Plans;
using TrainingEval.Domain.Profiles;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Scoring;

/// <summary>
/// Spec section 9, "Derived counts need a source": a cohort tracks the kinds of record its plan names, by default the
/// kinds with at least one record; a counted indicator of a kind it does not track is missing, never 0, while a learner
/// of a tracking cohort without a record of the kind gets the derived 0.
/// </summary>
public sealed class EvaluationPlanTests : IAsyncLifetime
{
    private static readonly DateTime Today = new(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(Today));
        _data = await TestData.CreateAsync(_database);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<ObservationSink> CollectAsync()
    {
        await using var db = _database.CreateContext();
        return await ObservationCollector.CreateDefault().CollectAsync(db, new CollectionScope
        {
            CohortId = _data.Cohort.Id, StartDate = TestData.Start, EndDate = TestData.End, Profile = WeightProfile.Default, AsOf = Today,
            Enrollments = [.. _data.Enrollments.Select(e => new ScoredEnrollment(e.Id, e.LearnerId, _data.Department.Id, e.Learner!.EmployeeNumber))],
            IsPartial = false,
        }, Ct);
    }

    private static double[] Values(ObservationSink sink, Enrollment enrollment, string code) =>
        [.. sink.For(enrollment.Id).Where(o => o.IndicatorCode == code).Select(o => o.Raw.Value)];

    private async Task<EvaluationPlan> PlanAsync()
    {
        await using var db = _database.CreateContext();
        return await EvaluationPlans.LoadAsync(db, _data.Cohort.Id, Ct);
    }

    private async Task AddAsync(params object[] entities)
    {
        await using var db = _database.CreateContext();
        db.AddRange(entities);
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_cohort_without_interactions_or_application_events_has_neither_indicator_not_a_zero()
    {
        (await PlanAsync()).ShouldSatisfyAllConditions(p => p.IsExplicit.ShouldBeFalse(), p => p.Tracked.ShouldBeEmpty());

        var sink = await CollectAsync();

        foreach (var e in _data.Enrollments)
        {
            Values(sink, e, BuiltInIndicators.Interaction).ShouldBeEmpty();
            Values(sink, e, BuiltInIndicators.Application).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task One_record_of_a_kind_makes_the_cohort_track_it_and_silent_learners_count_zero()
    {
        await AddAsync(
            new Interaction { EnrollmentId = _data[0].Id, OccurredAt = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc), Kind = InteractionKind.Question },
            new ApplicationEvent { EnrollmentId = _data[1].Id, OccurredOn = TestData.End.AddDays(10), Description = "5S in the cell" });

        var plan = await PlanAsync();
        var sink = await CollectAsync();

        plan.IsExplicit.ShouldBeFalse();
        plan.Tracked.Order().ShouldBe([RecordKind.Interactions, RecordKind.ApplicationEvents]);
        _data.Enrollments.Select(e => Values(sink, e, BuiltInIndicators.Interaction).Single()).ShouldBe([1, 0, 0]);
        // The window (60 days after 2026-04-24) has closed by 2026-07-15: everyone has a count.
        _data.Enrollments.Select(e => Values(sink, e, BuiltInIndicators.Application).Single()).ShouldBe([0, 1, 0]);
    }

    [Fact]
    public async Task An_explicit_plan_wins_over_the_records_in_both_directions()
    {
        await AddAsync(new Interaction { EnrollmentId = _data[0].Id, OccurredAt = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc), Kind = InteractionKind.Post });
        var import = ImportTestKit.Service(_database);
        // The cohort says it tracks on-the-job application (none reported: that is 0) and not interactions (the stray post is ignored).
        var result = await import.ImportCsvAsync(ImportKind.Cohorts, "cohort_code,program_code,name,start_date,end_date,tracks\nLEAN-1,LEAN,精益 1期,2026-03-02,2026-04-24,application_events; attendance");

        result.Errors.ShouldBeEmpty();
        result.RecomputedCohorts.ShouldBe(["LEAN-1"]);
        var plan = await PlanAsync();
        plan.IsExplicit.ShouldBeTrue();
        plan.Tracked.Order().ShouldBe([RecordKind.Attendance, RecordKind.ApplicationEvents]);
        var sink = await CollectAsync();
        _data.Enrollments.Select(e => Values(sink, e, BuiltInIndicators.Interaction).Length).ShouldBe([0, 0, 0]);
        _data.Enrollments.Select(e => Values(sink, e, BuiltInIndicators.Application).Single()).ShouldBe([0, 0, 0]);

        // "default" goes back to the records; a wrong kind is refused with the allowed codes.
        (await import.ImportCsvAsync(ImportKind.Cohorts, "cohort_code,program_code,name,start_date,end_date,tracks\nLEAN-1,LEAN,精益 1期,2026-03-02,2026-04-24,default")).Errors.ShouldBeEmpty();
        (await PlanAsync()).ShouldSatisfyAllConditions(p => p.IsExplicit.ShouldBeFalse(), p => p.Tracked.ShouldBe([RecordKind.Interactions]));
        var refused = await import.ImportCsvAsync(ImportKind.Cohorts, "cohort_code,program_code,name,start_date,end_date,tracks\nLEAN-1,LEAN,精益 1期,2026-03-02,2026-04-24,homework");
        refused.Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "tracks lists the kinds of record the cohort tracks, separated by ';' (attendance, assignments, assessments, surveys, interactions, application_events, mentor_ratings, performance_reviews, kpi_measurements), or is none or default.");
    }

    [Fact]
    public async Task A_learner_with_nothing_measured_in_an_untracked_cohort_has_coverage_0_and_tier_insufficient()
    {
        await new Services(_database).Scores.RecomputeCohortAsync(_data.Cohort.Id, Ct);

        await using var db = _database.CreateContext();
        var scores = await db.LearnerScores.Where(s => s.CohortId == _data.Cohort.Id).ToListAsync(Ct);
        scores.Count.ShouldBe(3);
        scores.ShouldAllBe(s => s.Coverage == 0 && s.Composite == null && s.Tier == TrainingEval.Domain.Scoring.Tier.Insufficient && s.Passed == false && s.Rank == null);
    }
}
