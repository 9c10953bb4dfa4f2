using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using TrainingEval.Dashboard.Features.Cohorts.Manage;
using TrainingEval.Dashboard.Features.Surveys;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Surveys;

/// <summary>
/// The survey cards over the test company (cohort LEAN-1, 2026-03-02 to 2026-04-24, "now" 2026-04-01): the learner's
/// 我的问卷 with its form, the mentor's follow-ups to answer, the cohort page's response rates and HR's item editor on the
/// manage page — in both languages, what people typed shown as text.
/// </summary>
public sealed class SurveyCardsTests : MentoringTestContext
{
    private static readonly DateOnly Opened = new(2026, 3, 20);

    private async Task<int> SurveyAsync(SurveyKind kind, DateOnly openedOn, string code, string name, string nameEn, List<SurveyItemInput>? items = null)
    {
        await using (var db = Database.CreateContext())
        {
            db.Surveys.Add(new SatisfactionSurvey { CohortId = Data.Cohort.Id, Code = code, Kind = kind, Name = name, NameEn = nameEn, OpenedOn = openedOn, ItemCount = 1 });
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }
        var id = await QueryAsync(db => db.Surveys.Where(s => s.Code == code).Select(s => s.Id).SingleAsync(Ct));
        var before = User;
        User = Analyst;
        await Backend.Surveys.SaveItemsAsync(id, items ?? SurveyTemplates.For(kind).CopyItems(), Ct);
        User = before;
        return id;
    }

    private async Task AnswerAsync(int learner, int surveyId, int rating, int count)
    {
        var before = User;
        User = LearnerUser(learner);
        await Backend.Surveys.SubmitAsync(Data[learner].LearnerId, Data[learner].Id, surveyId, [.. Enumerable.Range(0, count).Select(_ => new SurveyAnswerInput { Rating = rating })], Ct);
        User = before;
    }

    private async Task<List<SurveyResponse>> ResponsesAsync() =>
        await QueryAsync(db => db.SurveyResponses.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct));

    // Two rating items (the first with markup in its text) and a single choice.
    private static List<SurveyItemInput> PulseItems() =>
    [
        new() { Kind = SurveyItemKind.Likert, Text = "<b>节奏</b>合适", TextEn = "<b>Pace</b> is right" },
        new() { Kind = SurveyItemKind.Likert, Text = "练习有用", TextEn = "Exercises help" },
        new() { Kind = SurveyItemKind.SingleChoice, Text = "最想加强", TextEn = "Want more of", Options = "练习\n讲解", OptionsEn = "Practice\nExplanation", Required = false },
    ];

    [Theory]
    [InlineData("en", "My surveys", "Answer", "Answered on 2026-04-01", "Strongly disagree", "Strongly agree", "Question 1 “<b>Pace</b> is right” needs an answer.", "Thank you: your answers were saved.")]
    [InlineData("zh-CN", "我的问卷", "去作答", "已于 2026-04-01 提交", "非常不同意", "非常同意", "第 1 题“<b>节奏</b>合适”为必答题。", "谢谢！您的回答已保存。")]
    public async Task The_learner_answers_an_open_survey_in_the_dialog_and_it_shows_as_answered(
        string culture, string title, string answer, string answered, string lowest, string highest, string required, string thanks)
    {
        var pulse = await SurveyAsync(SurveyKind.Reaction, Opened, "PULSE", "课中反馈", "Mid-course pulse", PulseItems());
        // Opens after "now": not listed.
        await SurveyAsync(SurveyKind.Reaction, Data.Cohort.EndDate, "END", "课程满意度调查", "Course satisfaction survey");
        UseCulture(culture);
        User = LearnerUser(0);
        var dialogs = Render<MudDialogProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var card = Render<MySurveys>(p => p.Add(c => c.LearnerId, Data[0].LearnerId));

        card.WaitForElement("[data-testid=my-survey]");
        card.Find("h2").TextContent.Trim().ShouldBe(title);
        card.FindAll("[data-testid=my-survey]").Count.ShouldBe(1);
        card.Find("[data-testid=my-survey-answer]").TextContent.Trim().ShouldBe(answer);
        card.Find("[data-testid=my-survey-answer]").Click();

        dialogs.WaitForElement("[data-testid=survey-item]");
        var items = dialogs.FindAll("[data-testid=survey-item]");
        items.Count.ShouldBe(3);
        // HR's markup is text in the form, never an element.
        items[0].QuerySelector(".item-text")!.TextContent.ShouldContain(culture == "en" ? "<b>Pace</b> is right" : "<b>节奏</b>合适");
        dialogs.FindAll(".item-text b").ShouldBeEmpty();
        var labels = items[0].QuerySelectorAll("label").Select(l => l.TextContent.Trim()).ToList();
        labels[0].ShouldBe("1 · " + lowest);
        labels[4].ShouldBe("5 · " + highest);

        // Nothing chosen: the required items are named and nothing is saved.
        dialogs.Find("[data-testid=survey-submit]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=survey-error]").TextContent.ShouldContain(required));
        (await ResponsesAsync()).ShouldBeEmpty();

        dialogs.FindAll("[data-testid=survey-item]")[0].QuerySelectorAll("input[type=radio]")[3].Click();
        dialogs.FindAll("[data-testid=survey-item]")[1].QuerySelectorAll("input[type=radio]")[4].Click();
        dialogs.FindAll("[data-testid=survey-item]")[2].QuerySelectorAll("input[type=radio]")[1].Click();
        dialogs.Find("[data-testid=survey-submit]").Click();

        card.WaitForAssertion(() => card.Find("[data-testid=my-survey]").GetAttribute("data-answered").ShouldBe("true"));
        card.Find("[data-testid=my-survey]").TextContent.ShouldContain(answered);
        card.FindAll("[data-testid=my-survey-answer]").ShouldBeEmpty();
        (await ResponsesAsync()).Single().ShouldSatisfyAllConditions(
            r => r.SurveyId.ShouldBe(pulse),
            r => r.ItemScores.ShouldBe([4, 5]),
            r => r.Choices.ShouldBe([null, null, 1]));
        snackbar.WaitForAssertion(() => snackbar.Markup.ShouldContain(thanks));
    }

    [Theory]
    [InlineData("en", "Follow-ups to answer", "About 学员1")]
    [InlineData("zh-CN", "待填写的跟踪问卷", "评价对象：学员1")]
    public async Task The_mentor_answers_a_follow_up_about_a_mentee_and_the_learner_still_answers_their_own(string culture, string title, string about)
    {
        var id = await SurveyAsync(SurveyKind.FollowUp, Opened, "F30", "训后行为跟踪", "Behaviour follow-up");
        UseCulture(culture);
        var dialogs = Render<MudDialogProvider>();
        var card = Render<MentorFollowUps>(p => p.Add(c => c.MentorId, Data.Mentor.Id));

        card.WaitForElement("[data-testid=mentor-followup]");
        card.Find("h2").TextContent.Trim().ShouldBe(title);
        card.FindAll("[data-testid=mentor-followup]").Select(r => r.GetAttribute("data-employee")).ShouldBe(["E001", "E002", "E003", "E004", "E005"]);
        card.Find("[data-employee=E001] [data-testid=mentor-followup-answer]").Click();
        dialogs.WaitForElement("[data-testid=survey-about]").TextContent.Trim().ShouldBe(about);
        var items = dialogs.FindAll("[data-testid=survey-item]");
        for (var i = 0; i < 4; i++)
            dialogs.FindAll("[data-testid=survey-item]")[i].QuerySelectorAll("input[type=radio]")[2].Click();
        dialogs.Find("[data-testid=survey-submit]").Click();

        card.WaitForAssertion(() => card.FindAll("[data-testid=mentor-followup]").Count.ShouldBe(4));
        card.FindAll("[data-employee=E001]").ShouldBeEmpty();
        (await ResponsesAsync()).Single().ShouldSatisfyAllConditions(
            r => r.Respondent.ShouldBe(SurveyRespondent.Mentor),
            r => r.EnrollmentId.ShouldBe(Data[0].Id),
            r => r.ItemScores.ShouldBe([3, 3, 3, 3]));
        items.Count.ShouldBe(5);
        // The learner's own view of the same follow-up is still open.
        User = LearnerUser(0);
        (await Backend.Surveys.ForLearnerAsync(Data[0].LearnerId, Ct)).Single(s => s.SurveyId == id).AnsweredAt.ShouldBeNull();
    }

    [Theory]
    [InlineData("en", "Survey responses", "2/5 answered (40%)", "learners 1/5 (20%)", "mentors 0/5 (0%)")]
    [InlineData("zh-CN", "问卷作答率", "2/5 已答（40%）", "学员自评 1/5（20%）", "导师评价 0/5（0%）")]
    public async Task The_cohort_page_card_shows_each_surveys_response_rate(string culture, string title, string reaction, string self, string mentors)
    {
        var pulse = await SurveyAsync(SurveyKind.Reaction, Opened, "PULSE", "课中反馈", "Mid-course pulse");
        var follow = await SurveyAsync(SurveyKind.FollowUp, Opened, "F30", "训后行为跟踪", "Behaviour follow-up");
        await AnswerAsync(0, pulse, 4, 6);
        await AnswerAsync(1, pulse, 3, 6);
        await AnswerAsync(2, follow, 4, 5);
        UseCulture(culture);
        User = Analyst;

        var card = Render<CohortSurveyRates>(p => p.Add(c => c.CohortId, Data.Cohort.Id));

        card.WaitForElement("[data-testid=survey-rate]");
        card.Find("h2").TextContent.Trim().ShouldBe(title);
        card.Find("[data-survey=PULSE] [data-testid=survey-rate-learners]").TextContent.Trim().ShouldBe(reaction.Replace("%", NumberPercent(), StringComparison.Ordinal));
        card.Find("[data-survey=F30] [data-testid=survey-rate-learners]").TextContent.Trim().ShouldBe(self.Replace("%", NumberPercent(), StringComparison.Ordinal));
        card.Find("[data-survey=F30] [data-testid=survey-rate-mentors]").TextContent.Trim().ShouldBe(mentors.Replace("%", NumberPercent(), StringComparison.Ordinal));
    }

    // The percent sign as the current culture writes it after a number ("40%" in both cultures here).
    private static string NumberPercent() => 0.4.ToString("P0", System.Globalization.CultureInfo.CurrentCulture).Replace("40", "", StringComparison.Ordinal).Trim();

    [Theory]
    [InlineData("en", "Items", "6 (5 rated 1–5)", "This cohort's weight profile has no follow_up indicator")]
    [InlineData("zh-CN", "题目", "6（5 道评分题）", "本班级的权重方案没有 follow_up 指标")]
    public async Task HR_gives_a_survey_its_items_from_the_template_and_is_told_follow_ups_do_not_score(string culture, string itemsButton, string count, string notScored)
    {
        await using (var db = Database.CreateContext())
        {
            db.Surveys.Add(new SatisfactionSurvey { CohortId = Data.Cohort.Id, Code = "END", Kind = SurveyKind.Reaction, Name = "满意度", NameEn = "Satisfaction", OpenedOn = Data.Cohort.EndDate, ItemCount = 3 });
            db.Surveys.Add(new SatisfactionSurvey { CohortId = Data.Cohort.Id, Code = "F30", Kind = SurveyKind.FollowUp, Name = "跟踪", NameEn = "Follow-up", OpenedOn = Data.Cohort.EndDate.AddDays(30), ItemCount = 3 });
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }
        UseCulture(culture);
        User = Analyst;
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<CohortSurveyPanel>(p => p
            .Add(c => c.CohortCode, "LEAN-1")
            .Add(c => c.DefaultDay, Data.Cohort.EndDate)
            .Add(c => c.Tracking, new PlanTracking(true, true, false)));

        panel.WaitForElement("[data-testid=survey-followup-scoring]").TextContent.ShouldContain(notScored);
        panel.Find("[data-testid=survey-offset]").TextContent.ShouldContain("30");
        var end = panel.FindAll("tr").Single(r => r.TextContent.Contains("END", StringComparison.Ordinal));
        var button = end.QuerySelector("[data-testid=survey-items]")!;
        button.TextContent.Trim().ShouldBe(itemsButton);
        button.Click();

        // A survey without items starts from its kind's template; saving stores them and the table counts them.
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=survey-item-editor]").Count.ShouldBe(6));
        dialogs.Find("[data-testid=survey-items-save]").Click();

        panel.WaitForAssertion(() => panel.FindAll("tr").Single(r => r.TextContent.Contains("END", StringComparison.Ordinal))
            .QuerySelector("[data-testid=survey-item-count]")!.TextContent.Trim().ShouldBe(count));
        var saved = await QueryAsync(db => db.Surveys.AsNoTracking().Include(s => s.Items).SingleAsync(s => s.Code == "END", Ct));
        saved.ItemCount.ShouldBe(5);
        saved.Items.Count.ShouldBe(6);
    }

    [Theory]
    [InlineData("en", "Remind", "Reminders for PULSE: sent 4, 0 already reminded today.", "Reminders for PULSE: sent 0, 4 already reminded today.")]
    [InlineData("zh-CN", "提醒未作答", "PULSE 的提醒：已发送 4 条，0 人今天已提醒过。", "PULSE 的提醒：已发送 0 条，4 人今天已提醒过。")]
    public async Task HR_reminds_those_who_have_not_answered_and_nobody_twice_in_a_day(string culture, string button, string first, string second)
    {
        var pulse = await SurveyAsync(SurveyKind.Reaction, Opened, "PULSE", "课中反馈", "Mid-course pulse");
        await AnswerAsync(0, pulse, 4, 6);
        UseCulture(culture);
        User = Analyst;
        var panel = Render<CohortSurveyPanel>(p => p
            .Add(c => c.CohortCode, "LEAN-1")
            .Add(c => c.DefaultDay, Data.Cohort.EndDate)
            .Add(c => c.Tracking, new PlanTracking(true, true, false)));

        var remind = panel.WaitForElement("[data-testid=survey-remind]");
        remind.TextContent.Trim().ShouldBe(button);
        remind.Click();
        panel.WaitForAssertion(() => panel.Find("[data-testid=survey-done]").TextContent.Trim().ShouldBe(first));
        panel.Find("[data-testid=survey-remind]").Click();
        panel.WaitForAssertion(() => panel.Find("[data-testid=survey-done]").TextContent.Trim().ShouldBe(second));

        var reminders = await QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.SurveyReminder).ToListAsync(Ct));
        reminders.Select(n => n.LearnerId).Order().ShouldBe(Data.Enrollments.Skip(1).Select(e => (int?)e.LearnerId).Order());
    }
}
