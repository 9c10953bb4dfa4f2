using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Exams;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Exams;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Exams;

/// <summary>
/// The question bank of a program in the service: HR and the trainers of the program's cohorts add, edit and delete
/// questions; a question that cannot be answered right is refused field by field, in the reader's language, with nothing
/// saved; a question an attempt drew cannot be deleted; every write is audited under the name of who made it.
/// </summary>
public sealed class QuestionBankServiceTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private ExamKit _kit = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(Now));
        _kit = new ExamKit(_database, await TestData.CreateAsync(_database));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private int ProgramId => _kit.Data.Program.Id;

    private async Task<List<ExamQuestion>> QuestionsAsync()
    {
        await using var db = _database.CreateContext();
        return await db.ExamQuestions.AsNoTracking().OrderBy(q => q.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task HR_adds_a_question_with_its_right_option_difficulty_and_knowledge_points_and_it_is_audited()
    {
        var saved = await _kit.Bank.SaveAsync(ProgramId, null, 0, ExamKit.SingleChoice(correct: "2"), Ct);

        var stored = (await QuestionsAsync()).Single();
        stored.ShouldSatisfyAllConditions(
            q => q.Id.ShouldBe(saved.Id),
            q => q.Kind.ShouldBe(ExamQuestionKind.SingleChoice),
            q => q.Options.ShouldBe(["整理", "整顿", "清扫"]),
            q => q.OptionsEn.ShouldBe(["Sort", "Set in order", "Shine"]),
            // The form numbers options from 1; the key stores them from 0.
            q => q.CorrectOptions.ShouldBe([1]),
            q => q.Tags.ShouldBe(["5S", "现场管理"]),
            q => q.Difficulty.ShouldBe(AssessmentDifficulty.Basic));
        var bank = await _kit.Bank.BankAsync(_kit.Data.Program.Code.ToLowerInvariant(), Ct);
        bank.ShouldNotBeNull().Questions.Single().InUse.ShouldBeFalse();

        await using var db = _database.CreateContext();
        var audit = await db.AuditTrail.AsNoTracking().Where(a => a.EntityType == nameof(ExamQuestion)).ToListAsync(Ct);
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.Action.ShouldBe(AuditAction.Added),
            a => a.Actor.ShouldBe("analyst"),
            a => a.NewValue!.ShouldContain("5S 中的第一个 S 是什么？"));
    }

    [Theory]
    [InlineData("en", "1, 2", "exactly one right answer")]
    [InlineData("en", "4", "Right answer \"4\" names an option that is not there: the options are numbered 1 to 3.")]
    [InlineData("en", "", "Give the right answer as option numbers")]
    [InlineData("zh-CN", "4", "正确答案“4”中有不存在的选项：选项编号为 1 到 3。")]
    public async Task A_question_that_cannot_be_answered_right_is_refused_and_nothing_is_saved(string culture, string correct, string message)
    {
        using var _ = new CultureScope(culture);
        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Bank.SaveAsync(ProgramId, null, 0, ExamKit.SingleChoice(correct: correct), Ct));
        ex.Errors.ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
        (await QuestionsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Numeric_and_option_rules_say_which_field_is_wrong()
    {
        using var _ = new CultureScope("en");
        var numeric = new ExamQuestionInput { Kind = ExamQuestionKind.Numeric, Text = "OEE = 0.9 × 0.95 × 0.98 = ?", Tolerance = -1, Points = 0 };
        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Bank.SaveAsync(ProgramId, null, 0, numeric, Ct));
        ex.Errors.ShouldBe([
            "A question is worth more than 0 and at most 100 points (not 0).",
            "Give the right value of a numeric question.",
            "The tolerance cannot be negative (not -1).",
        ], ignoreOrder: true);
        var fewOptions = ExamKit.SingleChoice();
        fewOptions.Options = "整理";
        fewOptions.OptionsEn = "Sort\nSet in order";
        ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Bank.SaveAsync(ProgramId, null, 0, fewOptions, Ct));
        ex.Errors.ShouldContain("A choice question has 2 to 10 options, one per line; this one has 1.");
        ex.Errors.ShouldContain("The English options must be as many as the options (1), or none; there are 2.");
        (await QuestionsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_trainer_of_one_of_the_programs_cohorts_edits_the_bank_and_other_trainers_and_learners_are_refused()
    {
        _kit.User = await _kit.TrainerAsync("trainer.li", _kit.Data.Cohort.Id);
        var saved = await _kit.Bank.SaveAsync(ProgramId, null, 0, ExamKit.SingleChoice(), Ct);
        var edit = ExamKit.SingleChoice("5S 中“整理”指什么？");
        await _kit.Bank.SaveAsync(ProgramId, saved.Id, saved.Revision, edit, Ct);
        (await QuestionsAsync()).Single().Text.ShouldBe("5S 中“整理”指什么？");

        _kit.User = await _kit.TrainerAsync("trainer.zhao", null);
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Bank.SaveAsync(ProgramId, null, 0, ExamKit.SingleChoice(), Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Bank.BankAsync(_kit.Data.Program.Code, Ct));
        _kit.User = TestUsers.Learner(_kit.Data[0].LearnerId);
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Bank.DeleteAsync(ProgramId, saved.Id, Ct));
        (await QuestionsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_edit_based_on_a_question_that_changed_since_it_was_opened_is_refused()
    {
        var saved = await _kit.Bank.SaveAsync(ProgramId, null, 0, ExamKit.SingleChoice(), Ct);
        await _kit.Bank.SaveAsync(ProgramId, saved.Id, saved.Revision, ExamKit.SingleChoice("第一次修改"), Ct);

        using var _ = new CultureScope("en");
        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() => _kit.Bank.SaveAsync(ProgramId, saved.Id, saved.Revision, ExamKit.SingleChoice("第二次修改"), Ct));
        ex.Message.ShouldBe($"Question {saved.Id} was changed by someone else since you opened it; reopen it and edit again.");
        (await QuestionsAsync()).Single().Text.ShouldBe("第一次修改");
    }

    [Fact]
    public async Task A_question_an_attempt_drew_cannot_be_deleted_and_an_unused_one_can()
    {
        var used = await _kit.Bank.SaveAsync(ProgramId, null, 0, ExamKit.SingleChoice(), Ct);
        var unused = await _kit.Bank.SaveAsync(ProgramId, null, 0, ExamKit.SingleChoice("整顿的要点是什么？"), Ct);
        await using (var db = _database.CreateContext())
        {
            var assessment = new Assessment { CohortId = _kit.Data.Cohort.Id, Code = "FINAL", Name = "结业考试", Kind = AssessmentKind.FinalExam, HeldOn = TestData.End };
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync(Ct);
            db.ExamAttempts.Add(new ExamAttempt
            {
                AssessmentId = assessment.Id, EnrollmentId = _kit.Data[0].Id, Number = 1, StartedAt = Now, Deadline = Now.AddMinutes(30),
                SubmittedAt = Now.AddMinutes(20), Status = ExamAttemptStatus.Submitted, QuestionIds = [used.Id], TheoryScore = 100,
            });
            await db.SaveChangesAsync(Ct);
        }

        using var _ = new CultureScope("zh-CN");
        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Bank.DeleteAsync(ProgramId, used.Id, Ct));
        ex.Errors.ShouldBe(["“5S 中的第一个 S 是什么？”不能删除：已有 1 次考试抽到此题，其作答和成绩引用了它。"]);
        (await _kit.Bank.BankAsync(_kit.Data.Program.Code, Ct))!.Questions.Single(q => q.Question.Id == used.Id).InUse.ShouldBeTrue();

        await _kit.Bank.DeleteAsync(ProgramId, unused.Id, Ct);
        (await QuestionsAsync()).Select(q => q.Id).ShouldBe([used.Id]);
    }
}
