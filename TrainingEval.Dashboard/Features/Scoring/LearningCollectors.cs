using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Scoring;

/// <summary>
/// <c>exam_theory</c> and <c>exam_practical</c> from the final exam's parts, and <c>knowledge_gain</c>
/// from the post-test (or, without one, the final exam's theory part) against the pre-test. Scores are
/// rescaled from the assessment's maximum to the indicator's <c>max</c> (gain uses 0–100).
/// </summary>
public sealed class AssessmentCollector : IIndicatorCollector
{
    public IReadOnlyList<string> Indicators { get; } = [BuiltInIndicators.ExamTheory, BuiltInIndicators.ExamPractical, BuiltInIndicators.KnowledgeGain];

    public async Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken)
    {
        var query = db.AssessmentResults.Where(r => r.Assessment!.CohortId == scope.CohortId && r.Assessment.Kind != AssessmentKind.Quiz);
        if (scope.IsPartial)
            query = query.Where(r => scope.EnrollmentIds.Contains(r.EnrollmentId));
        var results = await query
            .Select(r => new Result(r.EnrollmentId, r.Assessment!.Kind, r.Assessment.HeldOn, r.AssessmentId, r.Score, r.Assessment.MaxScore, r.PracticalScore, r.Assessment.PracticalMaxScore))
            .ToListAsync(cancellationToken);

        var theory = scope.Profile.Find(BuiltInIndicators.ExamTheory);
        var practical = scope.Profile.Find(BuiltInIndicators.ExamPractical);
        var wantsGain = scope.Profile.Find(BuiltInIndicators.KnowledgeGain) is not null;
        foreach (var learner in results.GroupBy(r => r.EnrollmentId))
        {
            foreach (var exam in learner.Where(r => r.Kind == AssessmentKind.FinalExam))
            {
                if (theory is not null)
                    sink.Add(learner.Key, theory.Code, IndicatorDerivation.Rescale(exam.Score, exam.Max, theory.Max));
                if (practical is not null && exam.Practical is { } p && exam.PracticalMax is { } pMax)
                    sink.Add(learner.Key, practical.Code, IndicatorDerivation.Rescale(p, pMax, practical.Max));
            }
            if (!wantsGain)
                continue;
            var pre = Latest(learner, AssessmentKind.PreTest);
            var post = Latest(learner, AssessmentKind.PostTest) ?? Latest(learner, AssessmentKind.FinalExam);
            if (pre is not null && post is not null)
                sink.Add(learner.Key, BuiltInIndicators.KnowledgeGain,
                    IndicatorDerivation.Rescale(post.Score, post.Max, 100), IndicatorDerivation.Rescale(pre.Score, pre.Max, 100));
        }
    }

    private static Result? Latest(IEnumerable<Result> results, AssessmentKind kind) =>
        results.Where(r => r.Kind == kind).OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.AssessmentId).FirstOrDefault();

    private sealed record Result(int EnrollmentId, AssessmentKind Kind, DateOnly HeldOn, int AssessmentId, double Score, double Max, double? Practical, double? PracticalMax);
}

/// <summary>
/// <c>assignments</c>: on time 1, late 0.5, missing 0 over the assignments set so far — those due by
/// now, plus any the learner already handed in early. Before anything is due nobody has a value.
/// </summary>
public sealed class AssignmentCollector : IIndicatorCollector
{
    public IReadOnlyList<string> Indicators { get; } = [BuiltInIndicators.Assignments];

    public async Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken)
    {
        if (!scope.Derives(BuiltInIndicators.Assignments))
            return;
        var assignments = await db.Assignments.Where(a => a.CohortId == scope.CohortId)
            .Select(a => new { a.Id, a.DueAt })
            .ToDictionaryAsync(a => a.Id, a => a.DueAt, cancellationToken);
        if (assignments.Count == 0)
            return;
        var dueCount = assignments.Values.Count(d => d <= scope.AsOf);

        var query = db.Submissions.Where(s => s.Assignment!.CohortId == scope.CohortId);
        if (scope.IsPartial)
            query = query.Where(s => scope.EnrollmentIds.Contains(s.EnrollmentId));
        var submissions = await query.Select(s => new { s.EnrollmentId, s.AssignmentId, s.SubmittedAt }).ToListAsync(cancellationToken);
        var byEnrollment = submissions.ToLookup(s => s.EnrollmentId);

        foreach (var e in scope.Enrollments)
        {
            int onTime = 0, late = 0, early = 0;
            foreach (var s in byEnrollment[e.EnrollmentId])
            {
                var due = assignments[s.AssignmentId];
                if (s.SubmittedAt <= due)
                    onTime++;
                else
                    late++;
                if (due > scope.AsOf)
                    early++;
            }
            var set = dueCount + early;
            if (IndicatorDerivation.AssignmentRate(onTime, late, Math.Max(0, set - onTime - late)) is { } rate)
                sink.Add(e.EnrollmentId, BuiltInIndicators.Assignments, rate);
        }
    }
}
