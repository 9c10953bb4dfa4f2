using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Domain.Health;
using TrainingEval.Domain.Plans;

namespace TrainingEval.Dashboard.Features.Health;

/// <summary>An enrollment an alert is about: where it goes (the enrollment's mentor).</summary>
internal sealed record EnrollmentRef(int EnrollmentId, int? MentorId);

/// <summary>
/// One learner's components for one week, the enrollments active in its window (what "the same cohort" is checked
/// against) and the score drops among the week's results.
/// </summary>
internal sealed record LearnerWeek(
    int LearnerId,
    HealthComponents Components,
    EnrollmentRef Primary,
    IReadOnlyList<HealthEnrollment> Active,
    IReadOnlyList<(EnrollmentRef Enrollment, RaisedAlert Alert)> ScoreDrops);

/// <summary>
/// Every record the health index reads for a range of days, loaded with one query per table and grouped by
/// enrollment, so any number of weeks is computed in memory without going back to the database.
/// </summary>
internal sealed class ActivityWindow
{
    private sealed record EnrollmentRow(int Id, int LearnerId, int CohortId, int? MentorId, EnrollmentStatus Status, DateOnly EnrolledOn, DateOnly? WithdrawnOn, DateOnly CohortStart, DateOnly CohortEnd)
    {
        public HealthEnrollment ForHealth => new(CohortStart, CohortEnd, EnrolledOn, Status == EnrollmentStatus.Withdrawn ? WithdrawnOn : null);
    }

    private sealed record ResultRow(int AssessmentId, DateOnly HeldOn, double Points);

    private List<EnrollmentRow> _enrollments = [];
    private Dictionary<int, List<DateOnly>> _sessionsByCohort = [];
    private Dictionary<int, List<(DateOnly Day, AttendanceStatus Status)>> _attendance = [];
    private Dictionary<int, List<(int Id, DateTime DueAt)>> _assignmentsByCohort = [];
    private Dictionary<(int AssignmentId, int EnrollmentId), DateTime> _submissions = [];
    private Dictionary<int, List<ResultRow>> _results = [];
    private Dictionary<int, List<(DateOnly Day, int Count)>> _interactions = [];
    private IReadOnlyDictionary<int, EvaluationPlan> _plans = new Dictionary<int, EvaluationPlan>();

    /// <param name="cohorts">When given, only cohorts that share a learner with these (the learners of an import and everything they are in).</param>
    public static async Task<ActivityWindow> LoadAsync(TrainingDbContext db, DateOnly rangeStart, DateOnly rangeEnd, int? learnerId, int[]? cohorts, CancellationToken cancellationToken)
    {
        // The cohorts in play: overlapping the range, and (for one learner) only theirs — but with all their learners,
        // as engagement compares the learner with the cohort's median.
        var cohortIds = await db.Cohorts.AsNoTracking()
            .Where(c => c.StartDate <= rangeEnd && c.EndDate >= rangeStart.AddDays(-1)
                        && (learnerId == null || c.Enrollments.Any(e => e.LearnerId == learnerId))
                        && (cohorts == null || c.Enrollments.Any(e => db.Enrollments.Any(x => cohorts.Contains(x.CohortId) && x.LearnerId == e.LearnerId))))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var window = new ActivityWindow();
        if (cohortIds.Count == 0)
            return window;

        // Spec section 9: a component counted from a kind of record the cohort does not track is missing, not 0.
        window._plans = await EvaluationPlans.LoadAsync(db, cohortIds, cancellationToken);
        window._enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => cohortIds.Contains(e.CohortId))
            .Select(e => new EnrollmentRow(e.Id, e.LearnerId, e.CohortId, e.MentorId ?? e.Learner!.MentorId, e.Status, e.EnrolledOn, e.WithdrawnOn, e.Cohort!.StartDate, e.Cohort.EndDate))
            .ToListAsync(cancellationToken);

        window._sessionsByCohort = (await db.Sessions.AsNoTracking()
                .Where(s => cohortIds.Contains(s.CohortId) && s.HeldOn >= rangeStart && s.HeldOn <= rangeEnd)
                .Select(s => new { s.CohortId, s.HeldOn })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.CohortId)
            .ToDictionary(g => g.Key, g => g.Select(s => s.HeldOn).ToList());

        window._attendance = (await db.Attendance.AsNoTracking()
                .Where(a => cohortIds.Contains(a.Session!.CohortId) && a.Session.HeldOn >= rangeStart && a.Session.HeldOn <= rangeEnd)
                .Select(a => new { a.EnrollmentId, a.Session!.HeldOn, a.Status })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.EnrollmentId)
            .ToDictionary(g => g.Key, g => g.Select(a => (a.HeldOn, a.Status)).ToList());

        var dueFrom = rangeStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var dueTo = rangeEnd.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => cohortIds.Contains(a.CohortId) && a.DueAt >= dueFrom && a.DueAt < dueTo)
            .Select(a => new { a.Id, a.CohortId, a.DueAt })
            .ToListAsync(cancellationToken);
        window._assignmentsByCohort = assignments.GroupBy(a => a.CohortId).ToDictionary(g => g.Key, g => g.Select(a => (a.Id, a.DueAt)).ToList());
        var assignmentIds = assignments.Select(a => a.Id).ToList();
        window._submissions = (await db.Submissions.AsNoTracking()
                .Where(s => assignmentIds.Contains(s.AssignmentId))
                .Select(s => new { s.AssignmentId, s.EnrollmentId, s.SubmittedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(s => (s.AssignmentId, s.EnrollmentId))
            .ToDictionary(g => g.Key, g => g.Min(s => s.SubmittedAt));

        // Every earlier result of the cohort counts for score_drop, so results are read from the cohort's start.
        window._results = (await db.AssessmentResults.AsNoTracking()
                .Where(r => cohortIds.Contains(r.Assessment!.CohortId) && r.Assessment.HeldOn <= rangeEnd && r.Assessment.Kind != AssessmentKind.PreTest)
                .Select(r => new
                {
                    r.EnrollmentId, r.AssessmentId, r.Assessment!.HeldOn,
                    r.Score, r.PracticalScore, r.Assessment.MaxScore, r.Assessment.PracticalMaxScore,
                })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.EnrollmentId)
            .ToDictionary(g => g.Key, g => g
                .Select(r => new ResultRow(r.AssessmentId, r.HeldOn, Percent(r.Score, r.PracticalScore, r.MaxScore, r.PracticalMaxScore)))
                .OrderBy(r => r.HeldOn).ThenBy(r => r.AssessmentId)
                .ToList());

        var from = rangeStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        window._interactions = (await db.Interactions.AsNoTracking()
                .Where(i => cohortIds.Contains(i.Enrollment!.CohortId) && i.OccurredAt >= from && i.OccurredAt < dueTo)
                .Select(i => new { i.EnrollmentId, i.OccurredAt, i.Count })
                .ToListAsync(cancellationToken))
            .GroupBy(i => i.EnrollmentId)
            .ToDictionary(g => g.Key, g => g.Select(i => (DateOnly.FromDateTime(i.OccurredAt), i.Count)).ToList());
        return window;
    }

    /// <summary>An assessment's score on 0–100: the points of the parts taken over their maximum (a practical part not taken is left out).</summary>
    internal static double Percent(double score, double? practical, double max, double? practicalMax)
    {
        var points = score;
        var of = max;
        if (practical is { } p && practicalMax is { } pm && pm > 0)
        {
            points += p;
            of += pm;
        }
        return of <= 0 ? 0 : Math.Clamp(points / of * 100, 0, 100);
    }

    private bool Tracks(int cohortId, RecordKind kind) => _plans.TryGetValue(cohortId, out var plan) && plan.Tracks(kind);

    public IReadOnlySet<int> LearnerIds(int? learnerId, int[]? cohorts = null) =>
        learnerId is { } id ? new HashSet<int> { id }
        : cohorts is not null ? _enrollments.Where(e => cohorts.Contains(e.CohortId)).Select(e => e.LearnerId).ToHashSet()
        : _enrollments.Select(e => e.LearnerId).ToHashSet();

    /// <summary>
    /// The components of every learner active in a cohort during the week's window: the cohort's dates overlap the window,
    /// the learner enrolled by its last day and had not withdrawn before its first.
    /// </summary>
    public IEnumerable<LearnerWeek> Compute(IsoWeek week, int windowDays)
    {
        var end = week.End;
        var start = LearningHealthIndex.WindowStart(end, windowDays);
        var active = _enrollments.Where(e => e.ForHealth.IsActiveIn(start, end)).ToList();

        // Engagement: each cohort's median count of the window, over its active learners, and the sessions it held.
        var interactionCounts = active.ToDictionary(e => e.Id, e => _interactions.TryGetValue(e.Id, out var days) ? days.Where(d => d.Day >= start && d.Day <= end).Sum(d => d.Count) : 0);
        var cohortMedian = new Dictionary<int, (double Median, int SessionsHeld)>();
        foreach (var cohort in active.GroupBy(e => e.CohortId))
        {
            var counts = cohort.Select(e => interactionCounts[e.Id]).ToList();
            var held = _sessionsByCohort.TryGetValue(cohort.Key, out var sessions) ? sessions.Count(d => d >= start && d <= end) : 0;
            // A cohort that does not track interactions has no engagement to measure (derived counts need a source, spec
            // section 9): counted as no sessions held, so engagement is missing, not 0.
            cohortMedian[cohort.Key] = (LearningHealthIndex.Median(counts), Tracks(cohort.Key, RecordKind.Interactions) ? held : 0);
        }

        var snapshotEnd = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var learner in active.GroupBy(e => e.LearnerId))
        {
            int present = 0, late = 0, absent = 0, onTime = 0, lateWork = 0, missing = 0;
            var scores = new List<double>();
            var engagement = new List<double>();
            var drops = new List<(EnrollmentRef, RaisedAlert)>();
            foreach (var e in learner)
            {
                if (Tracks(e.CohortId, RecordKind.Attendance) && _attendance.TryGetValue(e.Id, out var marks))
                {
                    foreach (var (day, status) in marks)
                    {
                        if (day < start || day > end)
                            continue;
                        switch (status)
                        {
                            case AttendanceStatus.Present: present++; break;
                            case AttendanceStatus.Late: late++; break;
                            case AttendanceStatus.Absent: absent++; break;
                        }
                    }
                }
                if (Tracks(e.CohortId, RecordKind.Assignments) && _assignmentsByCohort.TryGetValue(e.CohortId, out var due))
                {
                    foreach (var (id, dueAt) in due)
                    {
                        var dueDay = DateOnly.FromDateTime(dueAt);
                        if (dueDay < start || dueDay > end)
                            continue;
                        // Handed in after the snapshot is still missing at the snapshot: a rerun gives the same answer.
                        if (!_submissions.TryGetValue((id, e.Id), out var at) || at >= snapshotEnd)
                            missing++;
                        else if (at <= dueAt)
                            onTime++;
                        else
                            lateWork++;
                    }
                }
                if (_results.TryGetValue(e.Id, out var results))
                {
                    for (var i = 0; i < results.Count; i++)
                    {
                        var r = results[i];
                        if (r.HeldOn < start || r.HeldOn > end)
                            continue;
                        scores.Add(r.Points);
                        if (r.HeldOn >= week.Start)
                        {
                            var earlier = results.Take(i).Where(x => x.HeldOn < r.HeldOn || x.AssessmentId < r.AssessmentId).Select(x => x.Points).ToList();
                            if (AlertRules.ForAssessment(r.AssessmentId, earlier, r.Points) is { } drop)
                                drops.Add((new EnrollmentRef(e.Id, e.MentorId), drop));
                        }
                    }
                }
                // A cohort that met fewer than two times in the window gives no engagement (missing, not 0).
                var (median, held) = cohortMedian[e.CohortId];
                if (LearningHealthIndex.Engagement(interactionCounts[e.Id], median, held) is { } engaged)
                    engagement.Add(engaged);
            }

            var components = new HealthComponents(
                LearningHealthIndex.Attendance(present, late, absent),
                LearningHealthIndex.Punctuality(onTime, lateWork, missing),
                LearningHealthIndex.Performance(scores),
                engagement.Count == 0 ? null : engagement.Average());
            // Alerts go to the mentor of the learner's most recent cohort.
            var primary = learner.OrderByDescending(e => e.CohortStart).ThenByDescending(e => e.Id).First();
            yield return new LearnerWeek(learner.Key, components, new EnrollmentRef(primary.Id, primary.MentorId), [.. learner.Select(e => e.ForHealth)], drops);
        }
    }
}
