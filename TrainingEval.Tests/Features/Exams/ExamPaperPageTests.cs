using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Exams;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Exams;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Exams;

/// <summary>
/// The exam set-up page of the test cohort's final exam (theory out of 100, practical out of 50, pass line 60) for HR, in
/// both languages: the assessment's parts, the bank's questions to tick, and a save that lands — or is refused with the
/// service's message when the bank holds too few questions of a difficulty.
/// </summary>
public sealed class ExamPaperPageTests : MentoringTestContext
{
    private async Task<int> SeedAsync()
    {
        await using var db = Database.CreateContext();
        var final = new Assessment { CohortId = Data.Cohort.Id, Code = "FINAL", Name = "结业考试", NameEn = "Final exam", Kind = AssessmentKind.FinalExam, HeldOn = TestData.End, PracticalMaxScore = 50 };
        db.Assessments.Add(final);
        db.ExamQuestions.Add(new ExamQuestion
        {
            ProgramId = Data.Program.Id, Kind = ExamQuestionKind.TrueFalse, Text = "整理就是把东西摆整齐。", TextEn = "Sort means putting things in neat rows.",
            CorrectOptions = [1], Difficulty = AssessmentDifficulty.Basic,
        });
        await db.SaveChangesAsync(Ct);
        return final.Id;
    }

    [Theory]
    [InlineData("en", "Exam set-up", "FINAL · cohort LEAN-1 · theory out of 100, pass line 60 · practical out of 50", "Sort means putting things in neat rows.", "True/false", "Exam saved.")]
    [InlineData("zh-CN", "试卷设置", "FINAL · 期班 LEAN-1 · 理论满分 100，及格线 60 · 实操满分 50", "整理就是把东西摆整齐。", "判断题", "试卷已保存。")]
    public async Task HR_ticks_a_bank_question_adds_a_criterion_and_saves(string culture, string overline, string subtitle, string question, string kind, string saved)
    {
        var finalId = await SeedAsync();
        UseCulture(culture);
        User = Analyst;

        var page = Render<ExamPaperPage>(p => p.Add(c => c.CohortCode, "lean-1").Add(c => c.AssessmentCode, "final"));

        page.WaitForElement("[data-testid=paper-form]");
        page.Markup.ShouldContain(overline);
        page.Markup.ShouldContain(subtitle);
        var box = page.Find("[data-testid=paper-question]");
        box.TextContent.ShouldContain(question);
        box.TextContent.ShouldContain(kind);
        page.Find("[data-testid=paper-question] input").Change(true);
        page.Find("[data-testid=paper-criterion-add]").Click();
        page.Find("input[data-testid=paper-criterion-name]").Change("操作规范");
        page.Find("[data-testid=paper-save]").Click();

        page.WaitForElement("[data-testid=paper-message]").TextContent.Trim().ShouldBe(saved);
        var paper = await QueryAsync(db => db.ExamPapers.Include(p => p.Questions).Include(p => p.Criteria).SingleAsync(p => p.AssessmentId == finalId, Ct));
        paper.Questions.ShouldHaveSingleItem();
        paper.Criteria.ShouldHaveSingleItem().Name.ShouldBe("操作规范");
    }

    [Fact]
    public async Task Drawing_more_questions_than_the_bank_holds_is_refused_with_the_reason()
    {
        await SeedAsync();
        UseCulture("en");
        User = Analyst;
        var page = Render<ExamPaperPage>(p => p.Add(c => c.CohortCode, "LEAN-1").Add(c => c.AssessmentCode, "FINAL"));
        page.WaitForElement("[data-testid=paper-form]");

        page.FindAll("[data-testid=paper-selection] input[type=radio]")[1].Click();
        page.Find("input[data-testid=paper-draw-Basic]").Change("3");
        page.Find("[data-testid=paper-save]").Click();

        page.WaitForElement("[data-testid=paper-form-error]").TextContent.Trim().ShouldBe("3 questions of difficulty Basic cannot be drawn: the bank holds 1.");
        (await QueryAsync(db => db.ExamPapers.CountAsync(Ct))).ShouldBe(0);
    }
}
