using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Exams;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Exams;

/// <summary>
/// The exam set-up of a cohort's assessment in the service: a fixed paper or one drawn by difficulty, the practical rubric,
/// the time limit and attempts; refusals say what and why (a question from another bank, too few questions of a
/// difficulty, a rubric without a practical part, more attempts by a trainer, questions changed after an attempt started).
/// </summary>
public sealed class ExamPaperServiceTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private ExamKit _kit = null!;
    private int _final;
    private int _quiz;
    private List<int> _questions = [];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(Now));
        _kit = new ExamKit(_database, await TestData.CreateAsync(_database));
        await using var db = _database.CreateContext();
        var final = new Assessment { CohortId = _kit.Data.Cohort.Id, Code = "FINAL", Name = "结业考试", Kind = AssessmentKind.FinalExam, HeldOn = TestData.End, PracticalMaxScore = 50 };
        var quiz = new Assessment { CohortId = _kit.Data.Cohort.Id, Code = "QUIZ-1", Name = "第一周测验", Kind = AssessmentKind.Quiz, HeldOn = TestData.Start };
        db.Assessments.AddRange(final, quiz);
        await db.SaveChangesAsync(Ct);
        (_final, _quiz) = (final.Id, quiz.Id);
        foreach (var (text, level) in new[] { ("整理", AssessmentDifficulty.Basic), ("整顿", AssessmentDifficulty.Basic), ("OEE", AssessmentDifficulty.Advanced) })
        {
            var q = await _kit.Bank.SaveAsync(_kit.Data.Program.Id, null, 0, ExamKit.SingleChoice($"{text} 是什么？"), Ct);
            if (level != AssessmentDifficulty.Basic)
            {
                var input = ExamQuestionInput.From(q);
                input.Difficulty = level;
                q = await _kit.Bank.SaveAsync(_kit.Data.Program.Id, q.Id, q.Revision, input, Ct);
            }
            _questions.Add(q.Id);
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<ExamPaper> PaperAsync(int assessmentId)
    {
        await using var db = _database.CreateContext();
        return await db.ExamPapers.AsNoTracking().Include(p => p.Questions).Include(p => p.Criteria).SingleAsync(p => p.AssessmentId == assessmentId, Ct);
    }

    private ExamPaperInput Fixed(params int[] ids) => new() { TimeLimitMinutes = 30, QuestionIds = [.. ids], IsOpen = true };

    [Fact]
    public async Task A_fixed_paper_with_a_rubric_is_saved_in_order_and_audited()
    {
        var input = Fixed(_questions[2], _questions[0]);
        input.Criteria = [new() { Name = "操作规范", NameEn = "Follows the procedure", Points = 30 }, new() { Name = "安全", Points = 20 }];
        await _kit.Bank.SaveAsync(_kit.Data.Program.Id, null, 0, ExamKit.SingleChoice("不在试卷上"), Ct);
        await _kit.Papers.SaveAsync(_final, 0, input, Ct);

        var paper = await PaperAsync(_final);
        paper.ShouldSatisfyAllConditions(
            p => p.TimeLimitMinutes.ShouldBe(30),
            p => p.AttemptsAllowed.ShouldBe(1),
            p => p.IsOpen.ShouldBeTrue(),
            p => p.Questions.OrderBy(q => q.Sequence).Select(q => q.QuestionId).ShouldBe([_questions[2], _questions[0]]),
            p => p.Criteria.OrderBy(c => c.Sequence).Select(c => (c.Name, c.Points)).ShouldBe([("操作规范", 30.0), ("安全", 20.0)]));
        var setup = await _kit.Papers.SetupAsync("lean-1", "final", Ct);
        setup.ShouldNotBeNull().Available[AssessmentDifficulty.Basic].ShouldBe(3);

        await using var db = _database.CreateContext();
        (await db.AuditTrail.AsNoTracking().Where(a => a.EntityType == nameof(ExamPaper)).ToListAsync(Ct)).ShouldHaveSingleItem().Actor.ShouldBe("analyst");
    }

    [Fact]
    public async Task Refusals_say_which_question_difficulty_or_part_is_wrong_and_nothing_is_saved()
    {
        using var _ = new CultureScope("en");
        var papers = _kit.Papers;
        var foreign = Fixed(_questions[0], 9999);
        var ex = await Should.ThrowAsync<DataValidationException>(() => papers.SaveAsync(_final, 0, foreign, Ct));
        ex.Errors.ShouldBe([$"Question 9999 is not in the question bank of program {_kit.Data.Program.Code}."]);

        var draw = new ExamPaperInput { Selection = ExamSelection.RandomByDifficulty, BasicCount = 2, AdvancedCount = 2 };
        ex = await Should.ThrowAsync<DataValidationException>(() => papers.SaveAsync(_final, 0, draw, Ct));
        ex.Errors.ShouldBe(["2 questions of difficulty Advanced cannot be drawn: the bank holds 1."]);

        var rubric = Fixed(_questions[0]);
        rubric.Criteria = [new() { Name = "操作", Points = 10 }];
        ex = await Should.ThrowAsync<DataValidationException>(() => papers.SaveAsync(_quiz, 0, rubric, Ct));
        ex.Errors.ShouldBe(["QUIZ-1 has no practical part, so it takes no rubric; give it a practical maximum first."]);

        var limits = new ExamPaperInput { TimeLimitMinutes = 0, AttemptsAllowed = 0 };
        ex = await Should.ThrowAsync<DataValidationException>(() => papers.SaveAsync(_final, 0, limits, Ct));
        ex.Errors.ShouldBe(["The time limit is 1 to 1440 minutes (not 0).", "A learner has 1 to 10 attempts (not 0).", "Choose at least one theory question."], ignoreOrder: true);

        await using var db = _database.CreateContext();
        (await db.ExamPapers.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Only_HR_allows_more_than_one_attempt_and_other_trainers_cannot_set_up_the_exam()
    {
        _kit.User = await _kit.TrainerAsync("trainer.li", _kit.Data.Cohort.Id);
        var papers = _kit.Papers;
        await papers.SaveAsync(_final, 0, Fixed(_questions[0]), Ct);
        var more = Fixed(_questions[0]);
        more.AttemptsAllowed = 2;
        using (new CultureScope("zh-CN"))
        {
            var revision = (await PaperAsync(_final)).Revision;
            var ex = await Should.ThrowAsync<DataValidationException>(() => papers.SaveAsync(_final, revision, more, Ct));
            ex.Errors.ShouldBe(["只有 HR 可以允许超过 1 次的考试机会。"]);
        }

        _kit.User = TestUsers.Analyst;
        await _kit.Papers.SaveAsync(_final, (await PaperAsync(_final)).Revision, more, Ct);
        (await PaperAsync(_final)).AttemptsAllowed.ShouldBe(2);

        _kit.User = await _kit.TrainerAsync("trainer.zhao", null);
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Papers.SetupAsync(_final, Ct));
    }

    [Fact]
    public async Task After_an_attempt_started_the_questions_stay_and_the_time_limit_can_still_change()
    {
        var papers = _kit.Papers;
        await papers.SaveAsync(_final, 0, Fixed(_questions[0]), Ct);
        await using (var db = _database.CreateContext())
        {
            db.ExamAttempts.Add(new ExamAttempt { AssessmentId = _final, EnrollmentId = _kit.Data[0].Id, Number = 1, StartedAt = Now, Deadline = Now.AddMinutes(30), QuestionIds = [_questions[0]] });
            await db.SaveChangesAsync(Ct);
        }

        using var _ = new CultureScope("en");
        var revision = (await PaperAsync(_final)).Revision;
        var ex = await Should.ThrowAsync<DataValidationException>(() => papers.SaveAsync(_final, revision, Fixed(_questions[0], _questions[1]), Ct));
        ex.Errors.ShouldBe(["Learners have started FINAL: its questions and rubric stay as they were (the time limit, attempts and opening can still change)."]);
        var longer = Fixed(_questions[0]);
        longer.TimeLimitMinutes = 45;
        await papers.SaveAsync(_final, (await PaperAsync(_final)).Revision, longer, Ct);
        (await PaperAsync(_final)).ShouldSatisfyAllConditions(p => p.TimeLimitMinutes.ShouldBe(45), p => p.Questions.ShouldHaveSingleItem().QuestionId.ShouldBe(_questions[0]));

        // A stale form is refused rather than overwriting the change.
        await Should.ThrowAsync<ConcurrencyConflictException>(() => papers.SaveAsync(_final, 0, longer, Ct));
    }
}
