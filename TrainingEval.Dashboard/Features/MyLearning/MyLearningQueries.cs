using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.MyLearning;

/// <summary>A learner's result in one assessment, both parts on the 0–100 scale of the pass line.</summary>
public sealed record ExamResultRow(
    string CohortCode, string AssessmentName, string? AssessmentNameEn, AssessmentKind Kind, DateOnly HeldOn,
    double Score, double? Practical, double PassLine)
{
    /// <summary>Each part taken must reach the pass line (spec: the pass line applies to every part).</summary>
    public bool Passed => Score >= PassLine && (Practical is null || Practical >= PassLine);
}

/// <summary>A mentor's comment on one dimension, with the score it came with.</summary>
public sealed record MentorCommentRow(string CohortCode, string Dimension, int Score, string Comment, DateTime RatedAt, string MentorName, string? MentorNameEn);

/// <summary>我的学习: the learner's own vertical view plus exams, mentor comments and the suggestions of their alerts.</summary>
public sealed record MyLearningView(
    LearnerVerticalView Vertical,
    IReadOnlyList<ExamResultRow> Exams,
    IReadOnlyList<MentorCommentRow> Comments,
    IReadOnlyList<AlertRow> Alerts)
{
    /// <summary>Suggestions still to act on (open or acknowledged alerts), newest first.</summary>
    public IReadOnlyList<AlertRow> OpenSuggestions { get; } = [.. Alerts.Where(a => a.Status != AlertStatus.Resolved)];
}

/// <summary>Read queries of the learner's own page (我的学习); every call checks the reader may see the learner.</summary>
public sealed class MyLearningQueries(IDbContextFactory<TrainingDbContext> factory, LearnerQueries learners, AlertService alerts, IRecordAccess access)
{
    public const int CommentLimit = 30;

    /// <summary>The page's data for learner <paramref name="learnerId"/>, or null when there is no such learner.</summary>
    public async Task<MyLearningView?> GetAsync(int learnerId, CancellationToken cancellationToken = default)
    {
        await access.EnsureCanReadLearnerAsync(learnerId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var employeeNumber = await db.Learners.Where(l => l.Id == learnerId).Select(l => l.EmployeeNumber).SingleOrDefaultAsync(cancellationToken);
        if (employeeNumber is null || await learners.GetVerticalViewAsync(employeeNumber, cancellationToken) is not { } vertical)
            return null;

        var results = await db.AssessmentResults.AsNoTracking()
            .Where(r => r.Enrollment!.LearnerId == learnerId)
            .Select(r => new
            {
                r.Assessment!.Cohort!.Code, r.Assessment.Name, r.Assessment.NameEn, r.Assessment.Kind, r.Assessment.HeldOn,
                r.Assessment.MaxScore, r.Assessment.PracticalMaxScore, r.Assessment.PassLine, r.Score, r.PracticalScore,
            })
            .ToListAsync(cancellationToken);
        var exams = results
            .Select(r => new ExamResultRow(r.Code, r.Name, r.NameEn, r.Kind, r.HeldOn,
                Percent(r.Score, r.MaxScore),
                r.PracticalScore is { } p && r.PracticalMaxScore is { } max ? Percent(p, max) : null,
                r.PassLine))
            .OrderByDescending(r => r.HeldOn).ThenBy(r => r.AssessmentName, StringComparer.Ordinal)
            .ToList();

        var comments = await db.MentorRatings.AsNoTracking()
            .Where(r => r.Enrollment!.LearnerId == learnerId && r.Comment != null)
            .OrderByDescending(r => r.RatedAt).ThenByDescending(r => r.Id)
            .Take(CommentLimit)
            .Select(r => new MentorCommentRow(r.Enrollment!.Cohort!.Code, r.Dimension, r.Score, r.Comment!, r.RatedAt, r.Mentor!.Name, r.Mentor.NameEn))
            .ToListAsync(cancellationToken);

        return new MyLearningView(vertical, exams, comments, await alerts.ForLearnerAsync(learnerId, cancellationToken));
    }

    private static double Percent(double score, double max) => max <= 0 ? 0 : score / max * 100;
}
