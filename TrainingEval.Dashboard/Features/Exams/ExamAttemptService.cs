using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Exams;

namespace TrainingEval.Dashboard.Features.Exams;

/// <summary>A graded attempt's theory result against the assessment's pass line.</summary>
public sealed record ExamOutcome(int AttemptId, ExamAttemptStatus Status, double TheoryScore, double MaxScore, double PassLine, bool Passed, int AwaitingTrainer);

/// <summary>A question as the learner sees it in an attempt (no right answer), with the answer saved so far.</summary>
public sealed record AttemptQuestion(int Id, int Number, ExamQuestionKind Kind, string Text, string? TextEn, IReadOnlyList<string> Options,
    IReadOnlyList<string> OptionsEn, double Points, ExamResponse? Saved);

/// <summary>An attempt as its page shows it: the questions with the saved answers, the server's deadline and, once graded, the outcome.</summary>
public sealed record AttemptView(int Id, int EnrollmentId, string AssessmentCode, string AssessmentName, string? AssessmentNameEn, ExamAttemptStatus Status,
    DateTime Deadline, DateTime ServerNow, IReadOnlyList<AttemptQuestion> Questions, ExamOutcome? Outcome)
{
    /// <summary>Time left by the server's clock (zero once past the deadline).</summary>
    public TimeSpan TimeLeft => Deadline > ServerNow ? Deadline - ServerNow : TimeSpan.Zero;
}

/// <summary>An open exam of one of the learner's cohorts, with the attempts used and the one under way (if any) and the best result so far.</summary>
public sealed record OpenExam(int AssessmentId, int EnrollmentId, string Code, string Name, string? NameEn, string CohortCode, int TimeLimitMinutes,
    int AttemptsAllowed, int AttemptsUsed, int? RunningAttemptId, int? LastAttemptId, double? BestScore, double MaxScore, double PassLine) : IBilingualName
{
    public bool CanStart => RunningAttemptId is null && AttemptsUsed < AttemptsAllowed;
}

/// <summary>
/// Taking an exam (issue 17 item 2): the learner of an enrollment starts an attempt at an open paper of their cohort (the
/// server records the start and the deadline by its own clock), saves each answer as it is given, and submits; the attempt is
/// graded at once (<see cref="ExamGrading"/>) and its theory score becomes the enrollment's <see cref="AssessmentResult"/>
/// in the same save, after which the learner is rescored live. Nobody answers for someone else; answers and submits after
/// the deadline are refused, and an attempt past its deadline is closed and graded on what was saved by then. With more
/// than one attempt allowed, the best theory score is the result.
/// </summary>
public sealed class ExamAttemptService(
    IDbContextFactory<TrainingDbContext> factory,
    CohortScoreService scores,
    IRecordAccess access,
    IStringLocalizer<ExamStrings> text,
    TimeProvider clock,
    LocalTime local)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The open exams of learner <paramref name="learnerId"/>'s cohorts (the /me card), by the day they are held.</summary>
    public async Task<IReadOnlyList<OpenExam>> OpenExamsAsync(int learnerId, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureCanReadLearnerAsync(learnerId, cancellationToken);
        if (user.LearnerId != learnerId)
            throw new AccessDeniedException($"exams of learner {learnerId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ExamPapers.AsNoTracking().Where(p => p.IsOpen)
            .SelectMany(p => db.Enrollments.Where(e => e.LearnerId == learnerId && e.CohortId == p.Assessment!.CohortId), (p, e) => new
            {
                p.AssessmentId, EnrollmentId = e.Id, p.Assessment!.Code, p.Assessment.Name, p.Assessment.NameEn, CohortCode = e.Cohort!.Code, p.TimeLimitMinutes,
                p.AttemptsAllowed, p.Assessment.MaxScore, p.Assessment.PassLine, p.Assessment.HeldOn,
            })
            .ToListAsync(cancellationToken);
        var enrollmentIds = rows.Select(r => r.EnrollmentId).Distinct().ToList();
        var attempts = await db.ExamAttempts.AsNoTracking().Where(a => enrollmentIds.Contains(a.EnrollmentId))
            .Select(a => new { a.Id, a.AssessmentId, a.EnrollmentId, a.Status, a.Deadline, a.TheoryScore }).ToListAsync(cancellationToken);
        var now = Now;
        return [.. rows.OrderBy(r => r.HeldOn).ThenBy(r => r.Code, StringComparer.Ordinal).Select(r =>
        {
            var mine = attempts.Where(a => a.AssessmentId == r.AssessmentId && a.EnrollmentId == r.EnrollmentId).OrderBy(a => a.Id).ToList();
            var running = mine.FirstOrDefault(a => a.Status == ExamAttemptStatus.InProgress && a.Deadline >= now);
            return new OpenExam(r.AssessmentId, r.EnrollmentId, r.Code, r.Name, r.NameEn, r.CohortCode, r.TimeLimitMinutes, r.AttemptsAllowed, mine.Count,
                running?.Id, mine.LastOrDefault()?.Id, mine.Max(a => a.TheoryScore), r.MaxScore, r.PassLine);
        })];
    }

    /// <summary>Starts an attempt of enrollment <paramref name="enrollmentId"/> at assessment <paramref name="assessmentId"/>, or returns the one under way.</summary>
    /// <exception cref="AccessDeniedException">The signed-in user is not the enrollment's learner.</exception>
    /// <exception cref="DataValidationException">The exam is not open for the learner's cohort, or every allowed attempt is used.</exception>
    public async Task<int> StartAsync(int enrollmentId, int assessmentId, CancellationToken cancellationToken = default)
    {
        await access.EnsureIsLearnerOfAsync(enrollmentId, cancellationToken);
        await CloseExpiredAsync(enrollmentId, assessmentId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var enrollment = await db.Enrollments.AsNoTracking().Where(e => e.Id == enrollmentId).Select(e => new { e.CohortId, e.Cohort!.ProgramId })
            .SingleAsync(cancellationToken);
        var paper = await db.ExamPapers.AsNoTracking().Include(p => p.Questions).Include(p => p.Assessment)
            .FirstOrDefaultAsync(p => p.AssessmentId == assessmentId && p.Assessment!.CohortId == enrollment.CohortId, cancellationToken);
        if (paper is null || !paper.IsOpen)
            throw new DataValidationException(text["Err_ExamNotOpen"]);
        var attempts = await db.ExamAttempts.Where(a => a.AssessmentId == assessmentId && a.EnrollmentId == enrollmentId).ToListAsync(cancellationToken);
        if (attempts.FirstOrDefault(a => a.Status == ExamAttemptStatus.InProgress) is { } running)
            return running.Id;
        if (attempts.Count >= paper.AttemptsAllowed)
            throw new DataValidationException(text["Err_NoAttemptsLeft", paper.AttemptsAllowed]);

        List<int> questions;
        if (paper.Selection == ExamSelection.Fixed)
            questions = [.. paper.Questions.OrderBy(q => q.Sequence).Select(q => q.QuestionId)];
        else
        {
            var bank = await db.ExamQuestions.AsNoTracking().Where(q => q.ProgramId == enrollment.ProgramId).Select(q => new { q.Id, q.Difficulty }).ToListAsync(cancellationToken);
            questions = [];
            foreach (var (level, count) in new[] { (AssessmentDifficulty.Basic, paper.BasicCount), (AssessmentDifficulty.Intermediate, paper.IntermediateCount), (AssessmentDifficulty.Advanced, paper.AdvancedCount) })
            {
                var pool = bank.Where(q => q.Difficulty == level).Select(q => q.Id).ToArray();
                if (pool.Length < count)
                    throw new DataValidationException(text["Err_NotEnoughQuestions", count, text[$"Difficulty_{level}"], pool.Length]);
                Random.Shared.Shuffle(pool);
                questions.AddRange(pool.Take(count));
            }
        }
        var now = Now;
        var attempt = new ExamAttempt
        {
            AssessmentId = assessmentId,
            EnrollmentId = enrollmentId,
            Number = attempts.Count + 1,
            StartedAt = now,
            Deadline = now.AddMinutes(paper.TimeLimitMinutes),
            Status = ExamAttemptStatus.InProgress,
            QuestionIds = questions,
        };
        db.ExamAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        return attempt.Id;
    }

    /// <summary>
    /// An attempt of the signed-in learner with the answers saved so far (reopening the page after a dropped connection shows
    /// them); an attempt found past its deadline is closed and graded first.
    /// </summary>
    public async Task<AttemptView> AttemptAsync(int attemptId, CancellationToken cancellationToken = default)
    {
        var attempt = await AttemptForLearnerAsync(attemptId, cancellationToken);
        if (attempt.Status == ExamAttemptStatus.InProgress && Now > attempt.Deadline)
            await GradeAsync(attemptId, ExamAttemptStatus.TimedOut, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ExamAttempts.AsNoTracking().Include(a => a.Answers).Include(a => a.Assessment).SingleAsync(a => a.Id == attemptId, cancellationToken);
        var questions = await db.ExamQuestions.AsNoTracking().Where(q => row.QuestionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken);
        var shown = new List<AttemptQuestion>();
        foreach (var id in row.QuestionIds)
        {
            if (!questions.TryGetValue(id, out var q))
                continue;
            var answer = row.Answers.FirstOrDefault(a => a.QuestionId == id);
            shown.Add(new AttemptQuestion(q.Id, shown.Count + 1, q.Kind, q.Text, q.TextEn, q.Options, q.OptionsEn, q.Points,
                answer is null ? null : JsonSerializer.Deserialize<ExamResponse>(answer.Response, Json)));
        }
        var a = row.Assessment!;
        var outcome = row.TheoryScore is { } score
            ? new ExamOutcome(row.Id, row.Status, score, a.MaxScore, a.PassLine, ExamGrading.Passed(score, a.MaxScore, a.PassLine),
                row.Answers.Count(x => x.Points is null && questions.TryGetValue(x.QuestionId, out var q) && q.Kind == ExamQuestionKind.ShortAnswer))
            : null;
        return new AttemptView(row.Id, row.EnrollmentId, a.Code, a.Name, a.NameEn, row.Status, row.Deadline, Now, shown, outcome);
    }

    /// <summary>Saves (or replaces) the answer to one question of an attempt under way.</summary>
    /// <exception cref="DataValidationException">The attempt is submitted or past its deadline, or the question is not in it.</exception>
    public async Task SaveAnswerAsync(int attemptId, int questionId, ExamResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var attempt = await AttemptForLearnerAsync(attemptId, cancellationToken);
        if (attempt.Status != ExamAttemptStatus.InProgress)
            throw new DataValidationException(text["Err_AlreadySubmitted"]);
        if (Now > attempt.Deadline)
        {
            var outcome = await GradeAsync(attemptId, ExamAttemptStatus.TimedOut, cancellationToken);
            throw new DataValidationException(text["Err_PastDeadline", Time(attempt.Deadline), Score(outcome.TheoryScore), Score(outcome.MaxScore)]);
        }
        if (!attempt.QuestionIds.Contains(questionId))
            throw new DataValidationException(text["Err_QuestionNotInAttempt", questionId]);
        var json = JsonSerializer.Serialize(response, Json);
        if (json.Length > ExamAnswer.ResponseMaxLength)
            throw new DataValidationException(text["Err_AnswerTooLong", ExamAnswer.ResponseMaxLength]);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var answer = await db.ExamAnswers.FirstOrDefaultAsync(a => a.AttemptId == attemptId && a.QuestionId == questionId, cancellationToken);
        if (answer is null)
            db.ExamAnswers.Add(new ExamAnswer { AttemptId = attemptId, QuestionId = questionId, Response = json, SavedAt = Now });
        else
        {
            answer.Response = json;
            answer.SavedAt = Now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Submits an attempt under way: graded at once, its score becomes the result and the learner is rescored.</summary>
    /// <exception cref="DataValidationException">Submitted already, or past the deadline (then closed and graded on what was saved; the message gives the score).</exception>
    public async Task<ExamOutcome> SubmitAsync(int attemptId, CancellationToken cancellationToken = default)
    {
        var attempt = await AttemptForLearnerAsync(attemptId, cancellationToken);
        if (attempt.Status != ExamAttemptStatus.InProgress)
            throw new DataValidationException(text["Err_AlreadySubmitted"]);
        if (Now > attempt.Deadline)
        {
            var late = await GradeAsync(attemptId, ExamAttemptStatus.TimedOut, cancellationToken);
            throw new DataValidationException(text["Err_PastDeadline", Time(attempt.Deadline), Score(late.TheoryScore), Score(late.MaxScore)]);
        }
        return await GradeAsync(attemptId, ExamAttemptStatus.Submitted, cancellationToken);
    }

    private async Task<ExamAttempt> AttemptForLearnerAsync(int attemptId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var attempt = await db.ExamAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId, cancellationToken)
            ?? throw new RecordNotFoundException("exam attempt", attemptId);
        await access.EnsureIsLearnerOfAsync(attempt.EnrollmentId, cancellationToken);
        return attempt;
    }

    // Closes the learner's attempts past their deadline (graded on what was saved), so a dropped session never leaves one open.
    private async Task CloseExpiredAsync(int enrollmentId, int assessmentId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var expired = await db.ExamAttempts.AsNoTracking()
            .Where(a => a.EnrollmentId == enrollmentId && a.AssessmentId == assessmentId && a.Status == ExamAttemptStatus.InProgress && a.Deadline < now)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in expired)
            await GradeAsync(id, ExamAttemptStatus.TimedOut, cancellationToken);
    }

    // Grades every answer, closes the attempt and writes the enrollment's result, all in one save; then rescores the learner.
    private async Task<ExamOutcome> GradeAsync(int attemptId, ExamAttemptStatus closeAs, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var attempt = await db.ExamAttempts.Include(a => a.Answers).Include(a => a.Assessment).SingleAsync(a => a.Id == attemptId, cancellationToken);
        var assessment = attempt.Assessment!;
        if (attempt.Status != ExamAttemptStatus.InProgress)
            throw new DataValidationException(text["Err_AlreadySubmitted"]);
        var questions = await db.ExamQuestions.AsNoTracking().Where(q => attempt.QuestionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken);
        var grades = new List<QuestionGrade>();
        foreach (var id in attempt.QuestionIds)
        {
            if (!questions.TryGetValue(id, out var question))
                continue;
            var answer = attempt.Answers.FirstOrDefault(a => a.QuestionId == id);
            var response = answer is null ? null : JsonSerializer.Deserialize<ExamResponse>(answer.Response, Json);
            var grade = ExamGrading.Grade(question.ToAnswerKey(), response);
            if (answer is not null)
                answer.Points = grade.Points;
            grades.Add(grade);
        }
        var score = ExamGrading.TheoryScore(grades, assessment.MaxScore);
        attempt.Status = closeAs;
        attempt.SubmittedAt = Now;
        attempt.TheoryScore = score;

        var result = await db.AssessmentResults.FirstOrDefaultAsync(r => r.AssessmentId == assessment.Id && r.EnrollmentId == attempt.EnrollmentId, cancellationToken);
        var best = await db.ExamAttempts.Where(a => a.AssessmentId == assessment.Id && a.EnrollmentId == attempt.EnrollmentId && a.Id != attemptId && a.TheoryScore != null)
            .MaxAsync(a => a.TheoryScore, cancellationToken);
        var counted = Math.Max(score, best ?? 0);
        if (result is null)
            db.AssessmentResults.Add(new AssessmentResult { AssessmentId = assessment.Id, EnrollmentId = attempt.EnrollmentId, Score = counted });
        else
            result.Score = counted;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            // A second submit racing the first: the first one graded it.
            _ = ex;
            throw new DataValidationException(text["Err_AlreadySubmitted"]);
        }
        await scores.RecomputeLearnersAsync(assessment.CohortId, [attempt.EnrollmentId], cancellationToken);
        return new ExamOutcome(attemptId, closeAs, score, assessment.MaxScore, assessment.PassLine,
            ExamGrading.Passed(score, assessment.MaxScore, assessment.PassLine), grades.Count(g => g.AwaitsTrainer));
    }

    private static string Score(double value) => value.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture);

    // The organisation's clock with its offset, as every other time in the app reads (the deadline is stored in UTC).
    private string Time(DateTime utc) => local.Format(utc);
}
