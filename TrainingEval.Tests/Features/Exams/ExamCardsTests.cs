using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Exams;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Exams;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Exams;

/// <summary>
/// The learner's 我的考试 card and exam page over the test company ("now" 2026-04-01): the final exam of LEAN-1 (theory out
/// of 100, pass line 60), a fixed paper of a true/false and a numeric question (5 points each) and a 30-minute limit. In
/// both languages: the card lists the open exam and starts it; the page shows the time left, saves each answer as given
/// and shows the result against the pass line on submit; question text is shown as text.
/// </summary>
public sealed class ExamCardsTests : MentoringTestContext
{
    private int _final;
    private int[] _q = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        var final = new Assessment { CohortId = Data.Cohort.Id, Code = "FINAL", Name = "结业考试", NameEn = "Final exam", Kind = AssessmentKind.FinalExam, HeldOn = TestData.End };
        db.Assessments.Add(final);
        var questions = new[]
        {
            new ExamQuestion { ProgramId = Data.Program.Id, Kind = ExamQuestionKind.TrueFalse, Text = "<b>整理</b>就是摆整齐。", TextEn = "<b>Sort</b> means neat rows.", CorrectOptions = [1] },
            new ExamQuestion { ProgramId = Data.Program.Id, Kind = ExamQuestionKind.Numeric, Text = "0.9 × 0.9 = ?", CorrectNumber = 0.81, Tolerance = 0.01 },
        };
        db.ExamQuestions.AddRange(questions);
        await db.SaveChangesAsync(Ct);
        db.ExamPapers.Add(new ExamPaper
        {
            AssessmentId = final.Id, TimeLimitMinutes = 30, IsOpen = true,
            Questions = [.. questions.Select((q, i) => new ExamPaperQuestion { QuestionId = q.Id, Sequence = i + 1 })],
        });
        await db.SaveChangesAsync(Ct);
        (_final, _q) = (final.Id, [.. questions.Select(q => q.Id)]);
    }

    [Theory]
    [InlineData("en", "My exams", "Final exam", "LEAN-1 · 30 minutes · attempts 0 of 1", "Start")]
    [InlineData("zh-CN", "我的考试", "结业考试", "LEAN-1 · 30 分钟 · 已考 0 / 1 次", "开始考试")]
    public async Task The_card_lists_the_open_exam_and_starting_it_opens_the_attempt(string culture, string title, string name, string meta, string start)
    {
        UseCulture(culture);
        User = LearnerUser(0);

        var card = Render<MyExams>(p => p.Add(c => c.LearnerId, Data[0].LearnerId));

        card.WaitForElement("[data-testid=exam-item]");
        card.Find("h2").TextContent.Trim().ShouldBe(title);
        card.Find(".exam-name").TextContent.Trim().ShouldBe(name);
        card.Find(".exam-meta").TextContent.Trim().ShouldBe(meta);
        card.Find("[data-testid=exam-start]").TextContent.Trim().ShouldBe(start);
        card.Find("[data-testid=exam-start]").Click();

        var attempt = await QueryAsync(db => db.ExamAttempts.AsNoTracking().SingleAsync(Ct));
        attempt.Deadline.ShouldBe(Now.AddMinutes(30));
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.ShouldEndWith($"me/exams/{attempt.Id}");
    }

    [Theory]
    [InlineData("en", "Time left: 30:00", "Ends at 2026-04-01 20:30:00 (UTC+08:00)", "<b>Sort</b> means neat rows.", "False", "Saved", "Theory 50 / 100 — failed (pass line 60)")]
    [InlineData("zh-CN", "剩余时间：30:00", "截止时间 2026-04-01 20:30:00 (UTC+08:00)", "<b>整理</b>就是摆整齐。", "错", "已保存", "理论 50 / 100 — 未通过（及格线 60）")]
    public async Task The_page_saves_each_answer_as_given_and_shows_the_result_against_the_pass_line(
        string culture, string timeLeft, string deadline, string text, string falseText, string saved, string result)
    {
        User = LearnerUser(0);
        var attemptId = await Backend_Attempts().StartAsync(Data[0].Id, _final, Ct);
        UseCulture(culture);

        var page = Render<ExamAttemptPage>(p => p.Add(c => c.AttemptId, attemptId));

        page.WaitForElement("[data-testid=attempt-question]");
        page.Find("[data-testid=attempt-time-left]").TextContent.Trim().ShouldBe(timeLeft);
        // The deadline on the organisation's clock (Asia/Shanghai), as every time in the app reads; stored in UTC.
        page.Find("[data-testid=attempt-deadline]").TextContent.Trim().ShouldBe(deadline);
        var first = page.FindAll("[data-testid=attempt-question]")[0];
        first.QuerySelector(".attempt-text")!.TextContent.Trim().ShouldBe(text);
        first.QuerySelector(".attempt-text b").ShouldBeNull();
        var options = first.QuerySelectorAll("label");
        options.Select(o => o.TextContent.Trim()).ShouldContain(falseText);
        page.FindAll("[data-testid=attempt-question]")[0].QuerySelectorAll("input[type=radio]")[1].Click();
        page.WaitForElement("[data-testid=attempt-saved]").TextContent.Trim().ShouldBe(saved);
        (await QueryAsync(db => db.ExamAnswers.AsNoTracking().SingleAsync(Ct))).QuestionId.ShouldBe(_q[0]);

        // Reopened (a dropped connection), the saved answer is still ticked.
        var again = Render<ExamAttemptPage>(p => p.Add(c => c.AttemptId, attemptId));
        again.WaitForElement("[data-testid=attempt-question]");
        again.FindAll("[data-testid=attempt-question]")[0].QuerySelectorAll("input[type=radio]")[1].HasAttribute("checked").ShouldBeTrue();

        again.Find("[data-testid=attempt-submit]").Click();
        again.WaitForElement("[data-testid=attempt-result]").TextContent.Trim().ShouldBe(result);
        (await QueryAsync(db => db.AssessmentResults.AsNoTracking().SingleAsync(Ct))).Score.ShouldBe(50);
    }

    private ExamAttemptService Backend_Attempts() => Services.GetRequiredService<ExamAttemptService>();
}
