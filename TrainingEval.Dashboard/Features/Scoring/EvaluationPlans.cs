using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Plans;

namespace TrainingEval.Dashboard.Features.Scoring;

/// <summary>
/// A cohort's evaluation plan (spec section 9, "Derived counts need a source"), the one place that says which kinds of
/// record a cohort tracks: the kinds its plan names when someone set one (<see cref="Infrastructure.Persistence.Entities.Cohort.TrackedKinds"/>,
/// e.g. from the cohorts import's <c>tracks</c> column), otherwise <b>by default the kinds that have at least one record
/// in the cohort</b>:
/// <list type="bullet">
/// <item>attendance — an attendance mark at one of its sessions (a planned session without marks says nothing);</item>
/// <item>assignments — an assignment set for the cohort (missing hand-ins then count 0, spec section 2);</item>
/// <item>assessments, surveys — a result, a response;</item>
/// <item>interactions, application events, mentor ratings — one of its learners' in this cohort;</item>
/// <item>performance reviews — a review of one of its learners;</item>
/// <item>KPI measurements — a measurement for the cohort.</item>
/// </list>
/// The scoring collectors, the learning health index and the cohort page all read the plan here.
/// </summary>
public static class EvaluationPlans
{
    /// <summary>An explicit plan as stored, or null when the cohort uses the default.</summary>
    public static EvaluationPlan? Explicit(string? stored)
    {
        if (stored is null)
            return null;
        var kinds = new HashSet<RecordKind>();
        foreach (var code in stored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EvaluationPlan.TryParse(code, out var kind))
                kinds.Add(kind);
        }
        return new EvaluationPlan(kinds, IsExplicit: true);
    }

    public static async Task<EvaluationPlan> LoadAsync(TrainingDbContext db, int cohortId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(db, [cohortId], cancellationToken)).GetValueOrDefault(cohortId) ?? EvaluationPlan.Empty;

    /// <summary>The plans of the given cohorts (one query per 1,000 cohorts, each kind an EXISTS on its index).</summary>
    public static async Task<IReadOnlyDictionary<int, EvaluationPlan>> LoadAsync(TrainingDbContext db, IReadOnlyCollection<int> cohortIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cohortIds);
        var plans = new Dictionary<int, EvaluationPlan>();
        foreach (var chunk in cohortIds.Distinct().Chunk(BatchedLookup.ChunkSize))
        {
            var rows = await db.Cohorts.AsNoTracking()
                .Where(c => chunk.Contains(c.Id))
                .Select(c => new
                {
                    c.Id,
                    c.TrackedKinds,
                    Attendance = db.Attendance.Any(a => a.Session!.CohortId == c.Id),
                    Assignments = db.Assignments.Any(a => a.CohortId == c.Id),
                    Assessments = db.AssessmentResults.Any(r => r.Assessment!.CohortId == c.Id),
                    Surveys = db.SurveyResponses.Any(r => r.Survey!.CohortId == c.Id),
                    Interactions = db.Interactions.Any(i => i.Enrollment!.CohortId == c.Id),
                    // A case a learner logged is not yet a record of that kind (their mentor has not confirmed it): a cohort
                    // with pending cases only stays "not tracked", so its learners are not all scored 0 applications.
                    Applications = db.ApplicationEvents.Any(a => a.Enrollment!.CohortId == c.Id && a.Status == ApplicationCaseStatus.Confirmed),
                    Ratings = db.MentorRatings.Any(r => r.Enrollment!.CohortId == c.Id),
                    Reviews = c.Enrollments.Any(e => db.PerformanceReviews.Any(r => r.LearnerId == e.LearnerId)),
                    Kpis = db.KpiMeasurements.Any(m => m.CohortId == c.Id),
                })
                .ToListAsync(cancellationToken);
            foreach (var c in rows)
            {
                var recorded = new HashSet<RecordKind>();
                void If(bool has, RecordKind kind)
                {
                    if (has)
                        recorded.Add(kind);
                }
                If(c.Attendance, RecordKind.Attendance);
                If(c.Assignments, RecordKind.Assignments);
                If(c.Assessments, RecordKind.Assessments);
                If(c.Surveys, RecordKind.Surveys);
                If(c.Interactions, RecordKind.Interactions);
                If(c.Applications, RecordKind.ApplicationEvents);
                If(c.Ratings, RecordKind.MentorRatings);
                If(c.Reviews, RecordKind.PerformanceReviews);
                If(c.Kpis, RecordKind.KpiMeasurements);
                plans[c.Id] = Explicit(c.TrackedKinds) ?? new EvaluationPlan(recorded, IsExplicit: false);
            }
        }
        return plans;
    }
}
