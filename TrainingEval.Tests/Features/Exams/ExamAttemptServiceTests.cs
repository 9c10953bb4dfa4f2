using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Exams;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Exams;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Exams;

/// <summary>
/// Taking an exam in the service, on a clock the test moves: the final exam of LEAN-1 (theory out of 100, pass line 60), a
/// fixed paper of four 5-point questions and a 30-minute limit. Start records the deadline; answers are saved as given
/// and come back on reopening; submit grades at once, writes the result and rescores the learner; late answers and
/// submits, a second submit, a foreign question, someone else's attempt and attempts beyond the allowed are refused.
/// </summary>
public sealed class ExamAttemptServiceTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 4, 20, 9, 0, 0, DateTimeKind.Utc);
    private FixedClock _clock = null!;
    private TestDatabase _database = null!;
    private ExamKit _kit = null!;
    private int _final;
    private int[] _q = [];
    private int _elsewhere;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _clock = new FixedClock(Start);
        _database = await TestDatabase.CreateAsync(_clock);
        _kit = new ExamKit(_database, await TestData.CreateAsync(_database));
        await using var db = _database.CreateContext();
        var final = new Assessment { CohortId = _kit.Data.Cohort.Id, Code = "FINAL", Name = "结业考试", Kind = AssessmentKind.FinalExam, HeldOn = TestData.End };
        db.Assessments.Add(final);
        var p = _kit.Data.Program.Id;
        var questions = new[]
        {
            new ExamQuestion { ProgramId = p, Kind = ExamQuestionKind.SingleChoice, Text = "5S 第一个 S？", Options = ["整理", "整顿"], CorrectOptions = [0] },
            new ExamQuestion { ProgramId = p, Kind = ExamQuestionKind.MultipleChoice, Text = "哪些是浪费？", Options = ["等待", "标准作业", "搬运"], CorrectOptions = [0, 2] },
            new ExamQuestion { ProgramId = p, Kind = ExamQuestionKind.TrueFalse, Text = "整理就是摆整齐。", CorrectOptions = [1] },
            new ExamQuestion { ProgramId = p, Kind = ExamQuestionKind.Numeric, Text = "0.9 × 0.9 = ?", CorrectNumber = 0.81, Tolerance = 0.01 },
            new ExamQuestion { ProgramId = p, Kind = ExamQuestionKind.SingleChoice, Text = "不在试卷上", Options = ["甲", "乙"], CorrectOptions = [0] },
        };
        db.ExamQuestions.AddRange(questions);
        await db.SaveChangesAsync(Ct);
        db.ExamPapers.Add(new ExamPaper
        {
            AssessmentId = final.Id, TimeLimitMinutes = 30, IsOpen = true,
            Questions = [.. questions.Take(4).Select((q, i) => new ExamPaperQuestion { QuestionId = q.Id, Sequence = i + 1 })],
        });
        await db.SaveChangesAsync(Ct);
        (_final, _q, _elsewhere) = (final.Id, [.. questions.Take(4).Select(q => q.Id)], questions[4].Id);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private UserContext Learner(int i) => TestUsers.Learner(_kit.Data[i].LearnerId) with { Name = _kit.Data[i].Learner!.EmployeeNumber };

    private async Task<int> StartAsync(int i)
    {
        _kit.User = Learner(i);
        return await _kit.Attempts.StartAsync(_kit.Data[i].Id, _final, Ct);
    }

    // Single and multiple right, true/false wrong, numeric right within tolerance: 15 of 20 ⇒ 75.
    private async Task AnswerThreeOfFourAsync(int attempt)
    {
        await _kit.Attempts.SaveAnswerAsync(attempt, _q[0], new ExamResponse([0]), Ct);
        await _kit.Attempts.SaveAnswerAsync(attempt, _q[1], new ExamResponse([2, 0]), Ct);
        await _kit.Attempts.SaveAnswerAsync(attempt, _q[2], new ExamResponse([0]), Ct);
        await _kit.Attempts.SaveAnswerAsync(attempt, _q[3], new ExamResponse(Number: 0.815), Ct);
    }

    private async Task<AssessmentResult?> ResultAsync(int i)
    {
        await using var db = _database.CreateContext();
        return await db.AssessmentResults.AsNoTracking().SingleOrDefaultAsync(r => r.EnrollmentId == _kit.Data[i].Id, Ct);
    }

    [Fact]
    public async Task Start_records_the_servers_deadline_and_answers_saved_as_given_come_back_on_reopening()
    {
        var attempt = await StartAsync(0);
        await _kit.Attempts.SaveAnswerAsync(attempt, _q[0], new ExamResponse([1]), Ct);
        _clock.UtcNow = Start.AddMinutes(10);
        // Changing one's mind replaces the saved answer.
        await _kit.Attempts.SaveAnswerAsync(attempt, _q[0], new ExamResponse([0]), Ct);
        await _kit.Attempts.SaveAnswerAsync(attempt, _q[3], new ExamResponse(Number: 0.81), Ct);

        // A new page (after a dropped connection) shows what was saved, and the time left by the server's clock.
        var view = await _kit.Attempts.AttemptAsync(attempt, Ct);
        view.ShouldSatisfyAllConditions(
            v => v.Status.ShouldBe(ExamAttemptStatus.InProgress),
            v => v.Deadline.ShouldBe(Start.AddMinutes(30)),
            v => v.TimeLeft.ShouldBe(TimeSpan.FromMinutes(20)),
            v => v.Questions.Select(q => q.Id).ShouldBe(_q),
            v => v.Questions[0].Saved!.Options!.ShouldBe([0]),
            v => v.Questions[3].Saved!.Number.ShouldBe(0.81),
            v => v.Questions[1].Saved.ShouldBeNull(),
            v => v.Outcome.ShouldBeNull());
        // Starting again while one is under way returns it rather than a second attempt.
        (await _kit.Attempts.StartAsync(_kit.Data[0].Id, _final, Ct)).ShouldBe(attempt);
    }

    [Fact]
    public async Task Submit_grades_at_once_writes_the_result_and_rescores_the_learner_into_exam_theory()
    {
        var attempt = await StartAsync(0);
        await AnswerThreeOfFourAsync(attempt);
        _clock.UtcNow = Start.AddMinutes(25);

        var outcome = await _kit.Attempts.SubmitAsync(attempt, Ct);

        outcome.ShouldSatisfyAllConditions(
            o => o.Status.ShouldBe(ExamAttemptStatus.Submitted),
            o => o.TheoryScore.ShouldBe(75),
            o => o.MaxScore.ShouldBe(100),
            o => o.PassLine.ShouldBe(60),
            o => o.Passed.ShouldBeTrue());
        (await ResultAsync(0)).ShouldNotBeNull().Score.ShouldBe(75);
        await using var db = _database.CreateContext();
        var score = await db.LearnerScores.AsNoTracking().SingleAsync(s => s.EnrollmentId == _kit.Data[0].Id, Ct);
        score.ComputedAt.ShouldBe(Start.AddMinutes(25));
        score.Learning.ShouldNotBeNull();
        var answers = await db.ExamAnswers.AsNoTracking().Where(a => a.AttemptId == attempt).OrderBy(a => a.QuestionId).Select(a => a.Points).ToListAsync(Ct);
        answers.ShouldBe([5.0, 5.0, 0.0, 5.0]);
        // Audited under the learner's name: the attempt, its answers and the result.
        var audit = await db.AuditTrail.AsNoTracking().Where(a => a.EntityType == nameof(AssessmentResult) || a.EntityType == nameof(ExamAttempt)).ToListAsync(Ct);
        audit.ShouldContain(a => a.EntityType == nameof(AssessmentResult) && a.Action == AuditAction.Added && a.Actor == _kit.Data[0].Learner!.EmployeeNumber);
    }

    [Theory]
    [InlineData("en", "This attempt has been submitted already; its result stands.")]
    [InlineData("zh-CN", "此次考试已提交，成绩以已提交的为准。")]
    public async Task A_second_submit_and_answers_after_submitting_are_refused(string culture, string message)
    {
        var attempt = await StartAsync(0);
        await AnswerThreeOfFourAsync(attempt);
        await _kit.Attempts.SubmitAsync(attempt, Ct);

        using var _ = new CultureScope(culture);
        (await Should.ThrowAsync<DataValidationException>(() => _kit.Attempts.SubmitAsync(attempt, Ct))).Errors.ShouldBe([message]);
        (await Should.ThrowAsync<DataValidationException>(() => _kit.Attempts.SaveAnswerAsync(attempt, _q[2], new ExamResponse([1]), Ct))).Errors.ShouldBe([message]);
        (await ResultAsync(0))!.Score.ShouldBe(75);
    }

    [Fact]
    public async Task After_the_deadline_answers_and_the_submit_are_refused_and_the_attempt_is_graded_on_what_was_saved()
    {
        var attempt = await StartAsync(0);
        await _kit.Attempts.SaveAnswerAsync(attempt, _q[0], new ExamResponse([0]), Ct);
        _clock.UtcNow = Start.AddMinutes(30).AddSeconds(1);

        using var _ = new CultureScope("en");
        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Attempts.SaveAnswerAsync(attempt, _q[1], new ExamResponse([0, 2]), Ct));
        ex.Errors.ShouldBe(["The time limit ended at 2026-04-20 17:30:00 (UTC+08:00): the attempt was closed and graded on the answers saved by then — theory 25 / 100."]);
        (await Should.ThrowAsync<DataValidationException>(() => _kit.Attempts.SubmitAsync(attempt, Ct))).Errors.ShouldBe(["This attempt has been submitted already; its result stands."]);
        var view = await _kit.Attempts.AttemptAsync(attempt, Ct);
        view.Status.ShouldBe(ExamAttemptStatus.TimedOut);
        view.Outcome!.Passed.ShouldBeFalse();
        (await ResultAsync(0))!.Score.ShouldBe(25);
    }

    [Fact]
    public async Task An_answer_to_a_question_not_in_the_attempt_is_refused_and_nothing_is_saved()
    {
        var attempt = await StartAsync(0);
        using var _ = new CultureScope("zh-CN");
        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Attempts.SaveAnswerAsync(attempt, _elsewhere, new ExamResponse([0]), Ct));
        ex.Errors.ShouldBe([$"题目 {_elsewhere} 不属于本次考试。"]);
        await using var db = _database.CreateContext();
        (await db.ExamAnswers.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Nobody_takes_or_reads_someone_elses_attempt_staff_included()
    {
        var attempt = await StartAsync(0);
        _kit.User = Learner(1);
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Attempts.SaveAnswerAsync(attempt, _q[0], new ExamResponse([0]), Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Attempts.SubmitAsync(attempt, Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Attempts.AttemptAsync(attempt, Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Attempts.StartAsync(_kit.Data[0].Id, _final, Ct));
        _kit.User = TestUsers.Analyst;
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Attempts.SubmitAsync(attempt, Ct));
        await using var db = _database.CreateContext();
        (await db.ExamAnswers.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_learner_gets_the_attempts_allowed_and_no_more_and_the_best_score_is_the_result()
    {
        var first = await StartAsync(0);
        await AnswerThreeOfFourAsync(first);
        await _kit.Attempts.SubmitAsync(first, Ct);
        using var _ = new CultureScope("en");
        (await Should.ThrowAsync<DataValidationException>(() => _kit.Attempts.StartAsync(_kit.Data[0].Id, _final, Ct)))
            .Errors.ShouldBe(["You have used all 1 attempt(s) of this exam."]);

        await using (var db = _database.CreateContext())
        {
            var paper = await db.ExamPapers.SingleAsync(Ct);
            paper.AttemptsAllowed = 2;
            await db.SaveChangesAsync(Ct);
        }
        var second = await _kit.Attempts.StartAsync(_kit.Data[0].Id, _final, Ct);
        await _kit.Attempts.SaveAnswerAsync(second, _q[0], new ExamResponse([0]), Ct);
        (await _kit.Attempts.SubmitAsync(second, Ct)).TheoryScore.ShouldBe(25);
        // The better first attempt stays the result.
        (await ResultAsync(0))!.Score.ShouldBe(75);
    }

    [Fact]
    public async Task A_closed_exam_cannot_be_started()
    {
        await using (var db = _database.CreateContext())
        {
            (await db.ExamPapers.SingleAsync(Ct)).IsOpen = false;
            await db.SaveChangesAsync(Ct);
        }
        using var _ = new CultureScope("en");
        _kit.User = Learner(0);
        (await Should.ThrowAsync<DataValidationException>(() => _kit.Attempts.StartAsync(_kit.Data[0].Id, _final, Ct)))
            .Errors.ShouldBe(["This exam is not open for you: it is not open yet, or not an exam of your cohort."]);
    }
}
