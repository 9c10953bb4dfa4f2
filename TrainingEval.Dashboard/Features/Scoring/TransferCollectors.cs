using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Scoring;

/// <summary><c>mentor_rating</c>: the mean of the learner's latest rating on each mentor dimension in this cohort.</summary>
public sealed class MentorRatingCollector : IIndicatorCollector
{
    public IReadOnlyList<string> Indicators { get; } = [BuiltInIndicators.MentorRating];

    public async Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken)
    {
        var query = db.MentorRatings.Where(r => r.Enrollment!.CohortId == scope.CohortId);
        if (scope.IsPartial)
            query = query.Where(r => scope.EnrollmentIds.Contains(r.EnrollmentId));
        var ratings = await query.Select(r => new { r.EnrollmentId, r.Dimension, r.Sequence, r.Score }).ToListAsync(cancellationToken);
        foreach (var learner in ratings.GroupBy(r => r.EnrollmentId))
        {
            if (IndicatorDerivation.LatestRatingMean(learner.Select(r => (r.Dimension, r.Sequence, (double)r.Score))) is { } mean)
                sink.Add(learner.Key, BuiltInIndicators.MentorRating, mean);
        }
    }
}

/// <summary>
/// <c>application</c>: on-the-job application events in the tracking window (the profile's
/// <c>ApplicationWindowDays</c> after the cohort's last day). Once the window has closed every learner
/// has a count, 0 included; while it is open only learners with events have one (the count so far). Only confirmed
/// events count: a case a learner logged is evidence once their mentor confirms it, not while it waits or needs more.
/// </summary>
public sealed class ApplicationCollector : IIndicatorCollector
{
    public IReadOnlyList<string> Indicators { get; } = [BuiltInIndicators.Application];

    public async Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken)
    {
        // Spec section 9: no application events anywhere in the cohort is "not tracked", never "0 applications".
        if (!scope.Derives(BuiltInIndicators.Application))
            return;
        var window = scope.Profile.ApplicationWindowDays;
        var first = scope.EndDate.AddDays(1);
        var last = scope.EndDate.AddDays(window);
        var query = db.ApplicationEvents.Where(a => a.Enrollment!.CohortId == scope.CohortId && a.Status == ApplicationCaseStatus.Confirmed
            && a.OccurredOn >= first && a.OccurredOn <= last);
        if (scope.IsPartial)
            query = query.Where(a => scope.EnrollmentIds.Contains(a.EnrollmentId));
        var days = (await query.Select(a => new { a.EnrollmentId, a.OccurredOn }).ToListAsync(cancellationToken)).ToLookup(a => a.EnrollmentId, a => a.OccurredOn);
        foreach (var e in scope.Enrollments)
        {
            if (IndicatorDerivation.ApplicationCount(days[e.EnrollmentId], scope.EndDate, window, scope.Today) is { } count)
                sink.Add(e.EnrollmentId, BuiltInIndicators.Application, count);
        }
    }
}

/// <summary>
/// <c>behavior_change</c>: the behaviour rating of the first review after the cohort against the latest
/// review on or before its start; <c>performance</c>: the overall rating of that first review after. A review the
/// source marked as this cohort's before or after (imported with cohort_code and timing) takes that side.
/// </summary>
public sealed class PerformanceReviewCollector : IIndicatorCollector
{
    public IReadOnlyList<string> Indicators { get; } = [BuiltInIndicators.BehaviorChange, BuiltInIndicators.Performance];

    public async Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken)
    {
        var learnerIds = scope.Enrollments.Select(e => e.LearnerId).ToArray();
        var reviews = await db.PerformanceReviews
            .Where(r => learnerIds.Contains(r.LearnerId))
            .Select(r => new Review(r.LearnerId, r.ReviewedOn, r.BehaviorRating, r.OverallRating, r.CohortId == scope.CohortId ? r.Timing : null))
            .ToListAsync(cancellationToken);
        var byLearner = reviews.ToLookup(r => r.LearnerId);
        var wantsChange = scope.Wants(BuiltInIndicators.BehaviorChange);
        var wantsPerformance = scope.Wants(BuiltInIndicators.Performance);
        foreach (var e in scope.Enrollments)
        {
            var (before, after) = IndicatorDerivation.PairReviews(byLearner[e.LearnerId], r => r.ReviewedOn, r => r.MarkedFor, scope.StartDate, scope.EndDate);
            if (after is null)
                continue;
            if (wantsChange && before is not null)
                sink.Add(e.EnrollmentId, BuiltInIndicators.BehaviorChange, after.Behavior, before.Behavior);
            if (wantsPerformance)
                sink.Add(e.EnrollmentId, BuiltInIndicators.Performance, after.Overall);
        }
    }

    /// <summary>A review; <see cref="MarkedFor"/> is its side when the source marked it as this cohort's before or after.</summary>
    private sealed record Review(int LearnerId, DateOnly ReviewedOn, double Behavior, double Overall, ReviewSide? MarkedFor);
}

/// <summary>
/// <c>kpi</c>: one observation per KPI of the program that has an actual value — the learner's own
/// measurement, or else the measurement of the learner's team (department) in this cohort.
/// </summary>
public sealed class KpiCollector : IIndicatorCollector
{
    public IReadOnlyList<string> Indicators { get; } = [BuiltInIndicators.Kpi];

    public async Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken)
    {
        var query = db.KpiMeasurements.Where(m => m.CohortId == scope.CohortId && m.Actual != null);
        if (scope.IsPartial)
            query = query.Where(m => m.EnrollmentId == null || scope.EnrollmentIds.Contains(m.EnrollmentId.Value));
        var measurements = await query
            .Select(m => new { m.KpiId, m.EnrollmentId, m.DepartmentId, m.Baseline, m.Target, Actual = m.Actual!.Value })
            .ToListAsync(cancellationToken);
        var own = measurements.Where(m => m.EnrollmentId is not null).ToLookup(m => m.EnrollmentId!.Value);
        var team = measurements.Where(m => m.DepartmentId is not null).ToLookup(m => m.DepartmentId!.Value);
        foreach (var e in scope.Enrollments)
        {
            var mine = own[e.EnrollmentId].ToList();
            foreach (var m in mine)
                sink.Add(e.EnrollmentId, BuiltInIndicators.Kpi, m.Actual, m.Baseline, m.Target);
            foreach (var m in team[e.DepartmentId])
            {
                if (!mine.Any(x => x.KpiId == m.KpiId))
                    sink.Add(e.EnrollmentId, BuiltInIndicators.Kpi, m.Actual, m.Baseline, m.Target);
            }
        }
    }
}
