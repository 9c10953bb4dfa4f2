using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts.Manage;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Notifications;
using TrainingEval.Dashboard.Features.Surveys;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Surveys;

/// <summary>
/// Surveys built and answered in the app, in the service: HR gives a survey items (from a template), a learner answers it
/// once on their own enrolment, the answer is audited and rescored at once (a reaction survey's Likert mean is satisfaction,
/// the Reaction level); a follow-up's answers — the learner's and the mentor's — feed the custom Behavior indicator
/// follow_up only when the profile has it. The cohort ran 2026-03-02 to 2026-04-24; "today" is 2026-06-01, so a follow-up
/// 30 days after the end (2026-05-24) is open and one 60 days after (2026-06-23) is not yet.
/// </summary>
public sealed class SurveyServiceTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private Services _services = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The default profile with follow_up in the Behavior level (its weights rebalanced to 100).</summary>
    private static WeightProfile WithFollowUp { get; } = WeightProfile.Default with
    {
        Indicators =
        [
            .. BuiltInIndicators.All.Where(i => i.Level != KirkpatrickLevel.Behavior),
            BuiltInIndicators.All.Single(i => i.Code == BuiltInIndicators.MentorRating) with { Weight = 30 },
            BuiltInIndicators.All.Single(i => i.Code == BuiltInIndicators.Application) with { Weight = 25 },
            BuiltInIndicators.All.Single(i => i.Code == BuiltInIndicators.BehaviorChange) with { Weight = 20 },
            new IndicatorDefinition { Code = FollowUpSurveys.IndicatorCode, Level = KirkpatrickLevel.Behavior, Normalization = Normalization.Likert5, Weight = 25, IsCustom = true },
        ],
    };

    public ValueTask InitializeAsync() => SetUpAsync(null);

    private async ValueTask SetUpAsync(WeightProfile? profile)
    {
        if (_database is not null)
            await _database.DisposeAsync();
        _database = await TestDatabase.CreateAsync(new FixedClock(Now));
        _data = await TestData.CreateAsync(_database, profile: profile);
        _services = new Services(_database);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private UserContext Learner(int i) => TestUsers.Learner(_data[i].LearnerId) with { Name = $"learner{i + 1}" };

    private UserContext MentorUser => TestUsers.Mentor(_data.Mentor.Id) with { Name = "mentor.wang" };

    private async Task<int> SurveyAsync(SurveyKind kind, DateOnly openedOn, string code = "S1")
    {
        await using var db = _database.CreateContext();
        var survey = new SatisfactionSurvey { CohortId = _data.Cohort.Id, Code = code, Kind = kind, Name = "问卷 " + code, NameEn = "Survey " + code, OpenedOn = openedOn, ItemCount = 1 };
        db.Surveys.Add(survey);
        db.AuditingEnabled = false;
        await db.SaveChangesAsync(Ct);
        _services.User = TestUsers.Analyst;
        await _services.Surveys.SaveItemsAsync(survey.Id, SurveyTemplates.For(kind).CopyItems(), Ct);
        return survey.Id;
    }

    // The reaction template: 5 Likert items, then a free text (optional).
    private static List<SurveyAnswerInput> Reaction(int a, int b, int c, int d, int e, string? text = null) =>
        [new() { Rating = a }, new() { Rating = b }, new() { Rating = c }, new() { Rating = d }, new() { Rating = e }, new() { Text = text }];

    // The follow-up template: 4 Likert items, then a free text.
    private static List<SurveyAnswerInput> FollowUp(int rating) => [.. Enumerable.Range(0, 4).Select(_ => new SurveyAnswerInput { Rating = rating }), new() { Text = "例子" }];

    private Task<LearnerSurvey> AnswerAsync(int i, int surveyId, IReadOnlyList<SurveyAnswerInput> answers)
    {
        _services.User = Learner(i);
        return _services.Surveys.SubmitAsync(_data[i].LearnerId, _data[i].Id, surveyId, answers, Ct);
    }

    private async Task<List<SurveyResponse>> ResponsesAsync()
    {
        await using var db = _database.CreateContext();
        return await db.SurveyResponses.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
    }

    private async Task<LearnerScoreRecord?> ScoreAsync(int i)
    {
        await using var db = _database.CreateContext();
        return await db.LearnerScores.AsNoTracking().SingleOrDefaultAsync(s => s.EnrollmentId == _data[i].Id, Ct);
    }

    [Fact]
    public async Task Template_items_are_stored_in_order_and_the_item_count_is_the_number_of_rating_items()
    {
        var id = await SurveyAsync(SurveyKind.Needs, TestData.Start);

        var items = await _services.Surveys.ItemsAsync(id, Ct);
        items.Items.Select(i => (i.Position, i.Kind)).ShouldBe([(1, SurveyItemKind.SingleChoice), (2, SurveyItemKind.Likert), (3, SurveyItemKind.FreeText)]);
        items.Items[0].Options.Count.ShouldBe(4);
        items.Items[0].OptionsEn.Count.ShouldBe(4);
        await using var db = _database.CreateContext();
        (await db.Surveys.SingleAsync(s => s.Id == id, Ct)).ItemCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_reaction_answer_is_saved_once_audited_and_its_likert_mean_is_satisfaction_after_the_rescore()
    {
        var id = await SurveyAsync(SurveyKind.Reaction, TestData.End);
        _services.User = Learner(0);
        (await _services.Surveys.ForLearnerAsync(_data[0].LearnerId, Ct)).Single().AnsweredAt.ShouldBeNull();

        var saved = await AnswerAsync(0, id, Reaction(5, 4, 4, 3, 4, "讲得好"));

        saved.AnsweredAt.ShouldBe(Now);
        var response = (await ResponsesAsync()).Single();
        response.ShouldSatisfyAllConditions(
            r => r.ItemScores.ShouldBe([5, 4, 4, 3, 4]),
            r => r.Texts.ShouldBe([null, null, null, null, null, "讲得好"]),
            r => r.Choices.ShouldBe([null, null, null, null, null, null]),
            r => r.Respondent.ShouldBe(SurveyRespondent.Learner),
            r => r.SubmittedAt.ShouldBe(Now));
        // Mean 4.0 on likert5 is 75 points; satisfaction is the only Reaction indicator the cohort has, so Reaction is 75.
        var score = await ScoreAsync(0);
        score.ShouldNotBeNull();
        score.Reaction!.Value.ShouldBe(75, 1e-9);
        (await ScoreAsync(1)).ShouldBeNull();
        (await _services.Surveys.ForLearnerAsync(_data[0].LearnerId, Ct)).Single().AnsweredAt.ShouldBe(Now);

        await using var db = _database.CreateContext();
        var audit = await db.AuditTrail.AsNoTracking().Where(a => a.EntityType == nameof(SurveyResponse)).ToListAsync(Ct);
        audit.ShouldNotBeEmpty();
        audit.ShouldAllBe(a => a.Action == AuditAction.Added && a.Actor == "learner1");
        audit.ShouldContain(a => a.NewValue != null && a.NewValue.Contains("讲得好"));
        (await db.AuditTrail.AsNoTracking().CountAsync(a => a.EntityType == nameof(SurveyItem) && a.Actor == "analyst", Ct)).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("en", "You already answered “Survey S1” on 2026-06-01: a survey is answered once.")]
    [InlineData("zh-CN", "您已于 2026-06-01 提交“问卷 S1”：每份问卷只能提交一次。")]
    public async Task A_second_submit_is_refused_and_the_first_answer_stands(string culture, string message)
    {
        var id = await SurveyAsync(SurveyKind.Reaction, TestData.End);
        await AnswerAsync(0, id, Reaction(5, 5, 5, 5, 5));

        using var scope = new CultureScope(culture);
        var ex = await Should.ThrowAsync<DataValidationException>(() => AnswerAsync(0, id, Reaction(1, 1, 1, 1, 1)));

        ex.Errors.ShouldBe([message]);
        (await ResponsesAsync()).Single().ItemScores.ShouldBe([5, 5, 5, 5, 5]);
    }

    [Theory]
    [InlineData("en", "Question 2 “The trainer explained clearly and engaged us” needs an answer.", "Question 4 “The course was well organised (time, venue, pace)”: choose a rating from 1 to 5 (7 is not one).")]
    [InlineData("zh-CN", "第 2 题“讲师讲解清楚、互动充分”为必答题。", "第 4 题“课程组织安排得当（时间、场地、节奏）”：请选择 1 至 5 分（7 不在范围内）。")]
    public async Task Required_items_and_ratings_out_of_range_are_refused_by_item_and_nothing_is_saved(string culture, string required, string range)
    {
        var id = await SurveyAsync(SurveyKind.Reaction, TestData.End);
        using var scope = new CultureScope(culture);
        var answers = Reaction(4, 4, 4, 7, 4);
        answers[1].Rating = null;

        var ex = await Should.ThrowAsync<DataValidationException>(() => AnswerAsync(0, id, answers));

        ex.Errors.ShouldBe([required, range]);
        (await ResponsesAsync()).ShouldBeEmpty();
        (await ScoreAsync(0)).ShouldBeNull();
    }

    [Fact]
    public async Task A_learner_cannot_answer_for_someone_else_and_nothing_is_saved()
    {
        var id = await SurveyAsync(SurveyKind.Reaction, TestData.End);
        _services.User = Learner(0);
        // Another learner's enrolment, and another learner's id with one's own enrolment.
        await Should.ThrowAsync<AccessDeniedException>(() => _services.Surveys.SubmitAsync(_data[1].LearnerId, _data[1].Id, id, Reaction(1, 1, 1, 1, 1), Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => _services.Surveys.SubmitAsync(_data[1].LearnerId, _data[0].Id, id, Reaction(1, 1, 1, 1, 1), Ct));
        // Staff and mentors do not answer in a learner's name either.
        _services.User = TestUsers.Analyst;
        await Should.ThrowAsync<AccessDeniedException>(() => _services.Surveys.SubmitAsync(_data[0].LearnerId, _data[0].Id, id, Reaction(1, 1, 1, 1, 1), Ct));
        _services.User = MentorUser;
        await Should.ThrowAsync<AccessDeniedException>(() => _services.Surveys.SubmitAsync(_data[0].LearnerId, _data[0].Id, id, Reaction(1, 1, 1, 1, 1), Ct));

        (await ResponsesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Markup_in_free_text_is_kept_as_text()
    {
        var id = await SurveyAsync(SurveyKind.Reaction, TestData.End);

        await AnswerAsync(0, id, Reaction(4, 4, 4, 4, 4, "<script>alert('x')</script> <b>好</b>"));

        // Stored as typed; pages show it through Razor, which escapes it.
        (await ResponsesAsync()).Single().Texts![5].ShouldBe("<script>alert('x')</script> <b>好</b>");
    }

    [Fact]
    public async Task A_survey_not_open_yet_is_neither_listed_nor_answerable()
    {
        using var scope = new CultureScope("en");
        var id = await SurveyAsync(SurveyKind.FollowUp, FollowUpSurveys.OpensOn(TestData.End, 60));
        _services.User = Learner(0);
        (await _services.Surveys.ForLearnerAsync(_data[0].LearnerId, Ct)).ShouldBeEmpty();

        var ex = await Should.ThrowAsync<DataValidationException>(() => AnswerAsync(0, id, FollowUp(4)));

        ex.Errors.ShouldBe(["“Survey S1” opens on 2026-06-23: answer it from that day."]);
    }

    [Theory]
    [InlineData("en", "Survey S1 already has 1 response(s): its items can no longer change (answers are stored by item). Add a new survey instead.")]
    [InlineData("zh-CN", "问卷 S1 已有 1 份答卷：题目不能再修改（答案按题目保存）。如需调整，请新建问卷。")]
    public async Task Items_cannot_change_once_the_survey_is_answered(string culture, string message)
    {
        var id = await SurveyAsync(SurveyKind.Reaction, TestData.End);
        await AnswerAsync(0, id, Reaction(4, 4, 4, 4, 4));
        _services.User = TestUsers.Analyst;
        using var scope = new CultureScope(culture);

        var ex = await Should.ThrowAsync<DataValidationException>(() => _services.Surveys.SaveItemsAsync(id, SurveyTemplates.Needs.CopyItems(), Ct));

        ex.Errors.ShouldBe([message]);
        (await _services.Surveys.ItemsAsync(id, Ct)).Items.Count.ShouldBe(6);
    }

    [Theory]
    [InlineData("en", "Add at least one 1–5 rating item: the survey's score is the mean of its ratings.", "Item 1: a single-choice item needs 2 to 10 options, one per line; it has 1.", "Item 2: the text is empty.")]
    [InlineData("zh-CN", "请至少添加一道 1–5 评分题：问卷得分是评分题的平均分。", "第 1 题：单选题须有 2 至 10 个选项（每行一个），当前为 1 个。", "第 2 题：题目内容为空。")]
    public async Task Bad_items_are_refused_by_number_in_the_readers_language(string culture, string likert, string options, string empty)
    {
        var id = await SurveyAsync(SurveyKind.Reaction, TestData.End);
        _services.User = TestUsers.Analyst;
        using var scope = new CultureScope(culture);
        List<SurveyItemInput> items =
        [
            new() { Kind = SurveyItemKind.SingleChoice, Text = "哪项？", Options = "只有一个\n  \n" },
            new() { Kind = SurveyItemKind.FreeText, Text = "  " },
        ];

        var ex = await Should.ThrowAsync<DataValidationException>(() => _services.Surveys.SaveItemsAsync(id, items, Ct));

        ex.Errors.ShouldBe([likert, options, empty]);
        (await _services.Surveys.ItemsAsync(id, Ct)).Items.Count.ShouldBe(6);
    }

    [Fact]
    public async Task Without_follow_up_in_the_profile_follow_up_answers_are_kept_but_do_not_score()
    {
        var id = await SurveyAsync(SurveyKind.FollowUp, FollowUpSurveys.OpensOn(TestData.End, 30));
        _services.User = TestUsers.Analyst;
        (await _services.Surveys.FollowUpsScoredAsync("LEAN-1", Ct)).ShouldBeFalse();

        await AnswerAsync(0, id, FollowUp(4));

        (await ResponsesAsync()).Single().ItemScores.ShouldBe([4, 4, 4, 4]);
        (await ScoreAsync(0))!.Behavior.ShouldBeNull();
    }

    [Fact]
    public async Task With_follow_up_in_the_profile_the_learners_and_the_mentors_answers_are_the_Behavior_level()
    {
        await SetUpAsync(WithFollowUp);
        var id = await SurveyAsync(SurveyKind.FollowUp, FollowUpSurveys.OpensOn(TestData.End, 30));
        _services.User = TestUsers.Analyst;
        (await _services.Surveys.FollowUpsScoredAsync("LEAN-1", Ct)).ShouldBeTrue();

        await AnswerAsync(0, id, FollowUp(4));
        // Self 4.0 → 75 points: the only Behavior indicator present.
        (await ScoreAsync(0))!.Behavior!.Value.ShouldBe(75, 1e-9);

        _services.User = MentorUser;
        var due = await _services.Surveys.DueForMentorAsync(_data.Mentor.Id, Ct);
        due.Select(d => d.EmployeeNumber).ShouldBe(["E001", "E002", "E003"]);
        await _services.Surveys.SubmitAsMentorAsync(_data.Mentor.Id, _data[0].Id, id, FollowUp(3), Ct);

        // Self 75 and mentor 3.0 → 50: two observations of follow_up, their points' mean.
        (await ScoreAsync(0))!.Behavior!.Value.ShouldBe(62.5, 1e-9);
        (await _services.Surveys.DueForMentorAsync(_data.Mentor.Id, Ct)).Select(d => d.EmployeeNumber).ShouldBe(["E002", "E003"]);
        (await ResponsesAsync()).Select(r => r.Respondent).ShouldBe([SurveyRespondent.Learner, SurveyRespondent.Mentor]);
        await using var db = _database.CreateContext();
        (await db.AuditTrail.AsNoTracking().Where(a => a.EntityType == nameof(SurveyResponse)).Select(a => a.Actor).Distinct().ToListAsync(Ct))
            .Order().ShouldBe(["learner1", "mentor.wang"]);
    }

    [Fact]
    public async Task A_mentor_answers_follow_ups_only_once_and_only_in_their_own_name()
    {
        using var scope = new CultureScope("en");
        var reaction = await SurveyAsync(SurveyKind.Reaction, TestData.End, "R");
        var followUp = await SurveyAsync(SurveyKind.FollowUp, FollowUpSurveys.OpensOn(TestData.End, 30), "F");
        _services.User = MentorUser;

        var notFollowUp = await Should.ThrowAsync<DataValidationException>(() => _services.Surveys.SubmitAsMentorAsync(_data.Mentor.Id, _data[0].Id, reaction, Reaction(4, 4, 4, 4, 4), Ct));
        notFollowUp.Errors.ShouldBe(["“Survey R” is not a follow-up: mentors answer follow-up surveys about their mentees only."]);
        await _services.Surveys.SubmitAsMentorAsync(_data.Mentor.Id, _data[0].Id, followUp, FollowUp(4), Ct);
        var twice = await Should.ThrowAsync<DataValidationException>(() => _services.Surveys.SubmitAsMentorAsync(_data.Mentor.Id, _data[0].Id, followUp, FollowUp(2), Ct));
        twice.Errors.ShouldBe(["A mentor already answered “Survey F” about this learner on 2026-06-01: it is answered once."]);
        // Staff do not answer in the mentor's name.
        _services.User = TestUsers.Analyst;
        await Should.ThrowAsync<AccessDeniedException>(() => _services.Surveys.SubmitAsMentorAsync(_data.Mentor.Id, _data[1].Id, followUp, FollowUp(2), Ct));

        (await ResponsesAsync()).Single().ItemScores.ShouldBe([4, 4, 4, 4]);
        // The learner's own answer is still to come.
        _services.User = Learner(0);
        (await _services.Surveys.ForLearnerAsync(_data[0].LearnerId, Ct)).Single(s => s.SurveyId == followUp).AnsweredAt.ShouldBeNull();
    }

    [Fact]
    public async Task Response_rates_count_enrolments_and_a_follow_ups_mentors_apart()
    {
        var reaction = await SurveyAsync(SurveyKind.Reaction, TestData.End, "R");
        var followUp = await SurveyAsync(SurveyKind.FollowUp, FollowUpSurveys.OpensOn(TestData.End, 30), "F");
        await AnswerAsync(0, reaction, Reaction(4, 4, 4, 4, 4));
        await AnswerAsync(1, reaction, Reaction(3, 3, 3, 3, 3));
        await AnswerAsync(0, followUp, FollowUp(4));
        _services.User = MentorUser;
        await _services.Surveys.SubmitAsMentorAsync(_data.Mentor.Id, _data[2].Id, followUp, FollowUp(4), Ct);

        _services.User = TestUsers.Analyst;
        var rates = await _services.Surveys.ResponseRatesAsync(_data.Cohort.Id, Ct);

        rates.Select(r => (r.Code, r.Enrolments, r.Answered, r.MentorAnswered)).ShouldBe([("R", 3, 2, (int?)null), ("F", 3, 1, (int?)1)]);
    }

    [Fact]
    public async Task Reminders_go_to_those_who_have_not_answered_once_a_day_into_their_own_inbox()
    {
        var followUp = await SurveyAsync(SurveyKind.FollowUp, FollowUpSurveys.OpensOn(TestData.End, 30));
        await AnswerAsync(0, followUp, FollowUp(4));
        _services.User = TestUsers.Analyst;

        var first = await _services.Surveys.RemindAsync(followUp, Ct);
        // E002 and E003 have not answered; their mentor has answered about nobody.
        first.ShouldBe(new ReminderResult(2, 1, 0));
        var again = await _services.Surveys.RemindAsync(followUp, Ct);
        again.ShouldBe(new ReminderResult(0, 0, 3));

        var inbox = new NotificationService(_database.Factory, new CurrentUserOf(() => _services.User), _services.Access, _database.Clock);
        _services.User = Learner(1);
        var mine = await inbox.SearchAsync(new NotificationQuery(), Ct);
        mine.Items.Single().ShouldSatisfyAllConditions(
            n => n.Kind.ShouldBe(NotificationKind.SurveyReminder),
            n => n.Survey!.CohortCode.ShouldBe("LEAN-1"),
            n => n.Survey!.OpenedOn.ShouldBe(new DateOnly(2026, 5, 24)));
        _services.User = Learner(0);
        (await inbox.SearchAsync(new NotificationQuery(), Ct)).Items.ShouldBeEmpty();
        _services.User = MentorUser;
        (await inbox.SearchAsync(new NotificationQuery(), Ct)).Items.Single().Kind.ShouldBe(NotificationKind.SurveyReminder);
        // HR's shared inbox holds neither the learners' nor the mentors' reminders.
        _services.User = TestUsers.Analyst;
        (await inbox.SearchAsync(new NotificationQuery(), Ct)).Items.ShouldBeEmpty();

        // A day later they may be reminded again.
        ((FixedClock)_database.Clock).UtcNow = Now.AddDays(1).AddMinutes(1);
        (await _services.Surveys.RemindAsync(followUp, Ct)).ShouldBe(new ReminderResult(2, 1, 0));
    }

    [Theory]
    [InlineData("en", "“Survey S1” opens on 2026-06-23: reminders can be sent from that day.")]
    [InlineData("zh-CN", "“问卷 S1”将于 2026-06-23 开放，届时才能发送提醒。")]
    public async Task Reminders_for_a_survey_not_open_yet_are_refused(string culture, string message)
    {
        var id = await SurveyAsync(SurveyKind.FollowUp, FollowUpSurveys.OpensOn(TestData.End, 60));
        _services.User = TestUsers.Analyst;
        using var scope = new CultureScope(culture);

        var ex = await Should.ThrowAsync<DataValidationException>(() => _services.Surveys.RemindAsync(id, Ct));

        ex.Errors.ShouldBe([message]);
        await using var db = _database.CreateContext();
        (await db.Notifications.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task The_surveys_import_may_not_give_a_built_survey_another_item_count()
    {
        var id = await SurveyAsync(SurveyKind.Reaction, TestData.End, "END");
        _services.User = TestUsers.Analyst;
        var plan = new CohortPlan(ImportTestKit.Service(_database), _database.Factory, _services.Access);
        CohortSurveyInput Input(int items) => new() { Code = "END", Kind = SurveyKind.Reaction, Name = "满意度", OpenedOn = TestData.End.ToDateTime(TimeOnly.MinValue), Items = items };

        var refused = await plan.SaveSurveyAsync("LEAN-1", Input(4), adding: false, Ct);

        ImportMessages.Format(refused.Single().Code, refused.Single().Arguments, new System.Globalization.CultureInfo("en")).ShouldBe(
            "Survey END of cohort LEAN-1 has its items built in the app, 5 of them rated 1–5: the items column must say 5 (change the items on the cohort's manage page instead).");
        ImportMessages.Format(refused.Single().Code, refused.Single().Arguments, new System.Globalization.CultureInfo("zh-CN")).ShouldBe(
            "班期 LEAN-1 的问卷 END 的题目是在系统中编辑的，其中 5 道为 1–5 评分题：题目数一栏须为 5（如需调整，请在班期管理页修改题目）。");
        (await plan.SaveSurveyAsync("LEAN-1", Input(5), adding: false, Ct)).ShouldBeEmpty();
        await using var db = _database.CreateContext();
        (await db.Surveys.SingleAsync(s => s.Id == id, Ct)).ItemCount.ShouldBe(5);
    }
}
