using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Exams;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Exams;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Exams;

/// <summary>
/// The question bank page of the test program for HR, in both languages: each question with its type, difficulty, points,
/// right answer and knowledge points, markup shown as text; the form refuses a question without a valid right answer with
/// the field's message and saves nothing.
/// </summary>
public sealed class QuestionBankPageTests : MentoringTestContext
{
    private async Task SeedAsync()
    {
        await using var db = Database.CreateContext();
        db.ExamQuestions.AddRange(
            new ExamQuestion
            {
                ProgramId = Data.Program.Id, Kind = ExamQuestionKind.MultipleChoice, Text = "<script>alert(1)</script>哪些属于 5S？",
                TextEn = "<b>Which</b> are part of 5S?", Options = ["整理", "加班", "清扫"], OptionsEn = ["Sort", "Overtime", "Shine"],
                CorrectOptions = [0, 2], Points = 4, Difficulty = AssessmentDifficulty.Intermediate, Tags = ["5S", "现场管理"],
            },
            new ExamQuestion
            {
                ProgramId = Data.Program.Id, Kind = ExamQuestionKind.Numeric, Text = "OEE = 0.9 × 0.9 = ?", CorrectNumber = 0.81, Tolerance = 0.01,
                Difficulty = AssessmentDifficulty.Advanced,
            });
        await db.SaveChangesAsync(Ct);
    }

    [Theory]
    [InlineData("en", "Question bank", "Questions: 2", "Multiple choice", "Intermediate", "Points: 4", "<b>Which</b> are part of 5S?", "Sort", "Right answer: 1, 3", "Knowledge points: 5S, 现场管理", "Right answer: 0.81 ± 0.01")]
    [InlineData("zh-CN", "题库", "共 2 题", "多选题", "中级", "分值：4", "<script>alert(1)</script>哪些属于 5S？", "整理", "正确答案：1, 3", "知识点：5S、现场管理", "正确答案：0.81 ± 0.01")]
    public async Task HR_sees_each_question_with_its_type_difficulty_answer_and_knowledge_points(string culture, string overline, string count, string kind,
        string difficulty, string points, string text, string option, string answer, string tags, string numeric)
    {
        await SeedAsync();
        UseCulture(culture);
        User = Analyst;

        var page = Render<QuestionBankPage>(p => p.Add(c => c.ProgramCode, Data.Program.Code));

        page.WaitForElement("[data-testid=bank-list]");
        page.Markup.ShouldContain(overline);
        page.Find("[data-testid=bank-count]").TextContent.Trim().ShouldBe(count);
        var multiple = page.FindAll(".bank-question")[1];
        var shown = multiple.TextContent;
        shown.ShouldContain(kind);
        shown.ShouldContain(difficulty);
        shown.ShouldContain(points);
        multiple.QuerySelector(".bank-text")!.TextContent.Trim().ShouldBe(text);
        // Markup in a question is text, never elements.
        multiple.QuerySelector(".bank-text script, .bank-text b").ShouldBeNull();
        multiple.QuerySelector(".bank-options li")!.TextContent.Trim().ShouldBe(option);
        multiple.QuerySelectorAll(".bank-right").Length.ShouldBe(2);
        shown.ShouldContain(answer);
        shown.ShouldContain(tags);
        page.FindAll(".bank-question")[0].TextContent.ShouldContain(numeric);
    }

    [Fact]
    public async Task The_form_refuses_a_single_choice_without_a_right_option_and_saves_a_valid_one()
    {
        UseCulture("en");
        User = Analyst;
        var page = Render<QuestionBankPage>(p => p.Add(c => c.ProgramCode, Data.Program.Code));
        page.WaitForElement("[data-testid=bank-empty]").TextContent.Trim().ShouldBe("No questions yet.");

        page.Find("[data-testid=question-new]").Click();
        page.Find("textarea[data-testid=question-text]").Change("5S 中的第一个 S 是什么？");
        page.Find("textarea[data-testid=question-options]").Change("整理\n整顿");
        page.Find("input[data-testid=question-correct]").Change("3");
        page.Find("[data-testid=question-save]").Click();

        page.WaitForElement("[data-testid=question-form-error]").TextContent.Trim()
            .ShouldBe("Right answer \"3\" names an option that is not there: the options are numbered 1 to 2.");
        (await QueryAsync(db => db.ExamQuestions.CountAsync(Ct))).ShouldBe(0);

        page.Find("input[data-testid=question-correct]").Change("1");
        page.Find("[data-testid=question-save]").Click();
        page.WaitForElement("[data-testid=bank-message]").TextContent.Trim().ShouldBe("Question saved.");
        page.Find("[data-testid=bank-count]").TextContent.Trim().ShouldBe("Questions: 1");
        (await QueryAsync(db => db.ExamQuestions.SingleAsync(Ct))).CorrectOptions.ShouldBe([0]);
    }
}
