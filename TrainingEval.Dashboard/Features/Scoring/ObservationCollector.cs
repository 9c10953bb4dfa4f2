using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Features.Scoring;

/// <summary>
/// Gathers every observation of a cohort's learners: the derived values of the built-in indicators
/// (one <see cref="IIndicatorCollector"/> each, run only for indicators the profile has) and the
/// directly stored ones (<see cref="StoredObservation"/>, for data migrated from elsewhere and for
/// custom indicators).
/// <para>
/// Which source wins: for one learner and one indicator, <b>stored observations replace the derived
/// value</b> when any exist. A stored value is an explicit statement by whoever imported it (typically
/// the complete result from the system the data came from), while the records here may be partial for
/// the same period; adding both would count the same thing twice. Indicators without stored values
/// keep their derived value, so a learner can mix both sources across indicators.
/// </para>
/// </summary>
public sealed class ObservationCollector(IEnumerable<IIndicatorCollector> collectors)
{
    private readonly IReadOnlyList<IIndicatorCollector> _collectors = collectors.ToList();

    /// <summary>The built-in collectors: the one list the app registers (<see cref="ScoringFeature.AddScoring"/>) and tests and benchmarks use.</summary>
    public static ObservationCollector CreateDefault() => new(
    [
        new SatisfactionCollector(), new AttendanceCollector(), new InteractionCollector(),
        new AssessmentCollector(), new AssignmentCollector(),
        new MentorRatingCollector(), new ApplicationCollector(), new PerformanceReviewCollector(),
        new KpiCollector(), new FollowUpCollector(),
    ]);

    public async Task<ObservationSink> CollectAsync(TrainingDbContext db, CollectionScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var sink = new ObservationSink();
        if (scope.Enrollments.Count == 0)
            return sink;
        if (scope.Plan is null)
            scope = scope.With(await EvaluationPlans.LoadAsync(db, scope.CohortId, cancellationToken));
        foreach (var collector in _collectors)
        {
            if (collector.Indicators.Any(scope.Wants))
                await collector.CollectAsync(db, scope, sink, cancellationToken);
        }

        var query = db.StoredObservations.Where(o => o.Enrollment!.CohortId == scope.CohortId);
        if (scope.IsPartial)
            query = query.Where(o => scope.EnrollmentIds.Contains(o.EnrollmentId));
        var stored = await query.OrderBy(o => o.Id)
            .Select(o => new { o.EnrollmentId, o.IndicatorCode, o.Value, o.Baseline, o.Target })
            .ToListAsync(cancellationToken);
        foreach (var group in stored.GroupBy(o => (o.EnrollmentId, o.IndicatorCode)))
        {
            // Indicators the profile does not have (e.g. a custom one dropped in this version) are ignored.
            var indicator = scope.Profile.Find(group.Key.IndicatorCode);
            if (indicator is null)
                continue;
            sink.Remove(group.Key.EnrollmentId, indicator.Code);
            foreach (var o in group)
                sink.Add(o.EnrollmentId, indicator.Code, o.Value, o.Baseline, o.Target);
        }
        return sink;
    }
}
