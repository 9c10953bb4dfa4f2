using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Scoring;

/// <summary>
/// <c>satisfaction</c>: each response to one of the cohort's reaction surveys is one observation, the mean of its
/// answered items (needs and follow-up surveys are not a reaction to the course).
/// </summary>
public sealed class SatisfactionCollector : IIndicatorCollector
{
    public IReadOnlyList<string> Indicators { get; } = [BuiltInIndicators.Satisfaction];

    public async Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken)
    {
        var query = db.SurveyResponses.Where(r => r.Survey!.CohortId == scope.CohortId && r.Survey.Kind == SurveyKind.Reaction && r.Respondent == SurveyRespondent.Learner);
        if (scope.IsPartial)
            query = query.Where(r => scope.EnrollmentIds.Contains(r.EnrollmentId));
        var responses = await query.Select(r => new { r.EnrollmentId, r.ItemScores }).ToListAsync(cancellationToken);
        foreach (var response in responses)
        {
            if (IndicatorDerivation.SurveyMean(response.ItemScores) is { } mean)
                sink.Add(response.EnrollmentId, BuiltInIndicators.Satisfaction, mean);
        }
    }
}

/// <summary><c>attendance</c>: present 1, late 0.5, absent 0 over the held sessions; excused sessions do not count.</summary>
public sealed class AttendanceCollector : IIndicatorCollector
{
    public IReadOnlyList<string> Indicators { get; } = [BuiltInIndicators.Attendance];

    public async Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken)
    {
        if (!scope.Derives(BuiltInIndicators.Attendance))
            return;
        var query = db.Attendance.Where(a => a.Session!.CohortId == scope.CohortId);
        if (scope.IsPartial)
            query = query.Where(a => scope.EnrollmentIds.Contains(a.EnrollmentId));
        var counts = await query
            .GroupBy(a => a.EnrollmentId)
            .Select(g => new
            {
                EnrollmentId = g.Key,
                Present = g.Count(a => a.Status == AttendanceStatus.Present),
                Late = g.Count(a => a.Status == AttendanceStatus.Late),
                Absent = g.Count(a => a.Status == AttendanceStatus.Absent),
            })
            .ToListAsync(cancellationToken);
        foreach (var c in counts)
        {
            if (IndicatorDerivation.AttendanceRate(c.Present, c.Late, c.Absent) is { } rate)
                sink.Add(c.EnrollmentId, BuiltInIndicators.Attendance, rate);
        }
    }
}

/// <summary>
/// <c>interaction</c>: the learner's posts, questions and poll answers in the cohort. Once a cohort that tracks
/// interactions has started every learner has a count (0 when silent); before that, or in a cohort that does not
/// track them (spec section 9), nobody has one.
/// </summary>
public sealed class InteractionCollector : IIndicatorCollector
{
    public IReadOnlyList<string> Indicators { get; } = [BuiltInIndicators.Interaction];

    public async Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken)
    {
        if (scope.StartDate > scope.Today || !scope.Derives(BuiltInIndicators.Interaction))
            return;
        var query = db.Interactions.Where(i => i.Enrollment!.CohortId == scope.CohortId);
        if (scope.IsPartial)
            query = query.Where(i => scope.EnrollmentIds.Contains(i.EnrollmentId));
        var counts = await query.GroupBy(i => i.EnrollmentId).Select(g => new { g.Key, Count = g.Sum(i => i.Count) })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        foreach (var e in scope.Enrollments)
            sink.Add(e.EnrollmentId, BuiltInIndicators.Interaction, counts.GetValueOrDefault(e.EnrollmentId));
    }
}

/// <summary>
/// The custom <c>follow_up</c> indicator of the Behavior level (<see cref="FollowUpSurveys"/>, the one rule): each response to
/// one of the cohort's follow-up surveys, the learner's and their mentor's, is one observation, the mean of its answered
/// items. Runs only when the profile has <c>follow_up</c> as a likert5 indicator.
/// </summary>
public sealed class FollowUpCollector : IIndicatorCollector
{
    public IReadOnlyList<string> Indicators { get; } = [FollowUpSurveys.IndicatorCode];

    public async Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken)
    {
        if (!FollowUpSurveys.Scores(scope.Profile.Find(FollowUpSurveys.IndicatorCode)))
            return;
        var query = db.SurveyResponses.Where(r => r.Survey!.CohortId == scope.CohortId && r.Survey.Kind == SurveyKind.FollowUp);
        if (scope.IsPartial)
            query = query.Where(r => scope.EnrollmentIds.Contains(r.EnrollmentId));
        var responses = await query.OrderBy(r => r.Id).Select(r => new { r.EnrollmentId, r.ItemScores }).ToListAsync(cancellationToken);
        foreach (var response in responses)
        {
            if (IndicatorDerivation.SurveyMean(response.ItemScores) is { } mean)
                sink.Add(response.EnrollmentId, FollowUpSurveys.IndicatorCode, mean);
        }
    }
}
