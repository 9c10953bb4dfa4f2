using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts.Manage;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;
using static TrainingEval.Tests.Features.Programs.ProgramManagementTests;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>
/// The assessments and surveys of a cohort's evaluation plan from its manage page: written as rows of the assessments and
/// surveys imports (their checks and messages), a code the cohort has refused on add, codes fixed, an assessment with
/// results and a survey with responses kept with a message saying how many, every add, edit and removal audited, and the
/// cohort rescored (and its health index queued) after a change as after an import.
/// </summary>
public sealed class CohortPlanTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private HealthRecomputes _health = null!;
    private CohortPlan _plan = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0)));
        _data = await TestData.CreateAsync(_database);
        _health = new HealthRecomputes();
        _plan = new CohortPlan(ImportTestKit.Service(_database, _health), _database.Factory, new Services(_database).Access);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static CohortAssessmentInput Final() => new()
    {
        Code = "FINAL", Kind = AssessmentKind.FinalExam, Name = "结业考试", NameEn = "Final exam", HeldOn = new DateTime(2026, 4, 24),
        MaxScore = 100, HasPractical = true, PracticalMaxScore = 50, PassLine = 70, Difficulty = AssessmentDifficulty.Advanced,
    };

    private static CohortSurveyInput Reaction() => new() { Code = "END", Kind = SurveyKind.Reaction, Name = "课程满意度", NameEn = "Course satisfaction", OpenedOn = new DateTime(2026, 4, 24), Items = 4 };

    private async Task AddResultAsync(string assessmentCode, int learner, double score)
    {
        await using var db = _database.CreateContext();
        var assessment = await db.Assessments.SingleAsync(a => a.Code == assessmentCode, Ct);
        db.AssessmentResults.Add(new AssessmentResult { AssessmentId = assessment.Id, EnrollmentId = _data[learner].Id, Score = score });
        db.AuditingEnabled = false;
        await db.SaveChangesAsync(Ct);
    }

    private async Task<double?> LearningOfAsync(int learner)
    {
        await using var db = _database.CreateContext();
        return await db.LearnerScores.Where(s => s.EnrollmentId == _data[learner].Id).Select(s => s.Learning).SingleAsync(Ct);
    }

    [Fact]
    public async Task An_added_assessment_is_listed_with_both_parts_its_pass_line_and_difficulty_audited_and_the_cohort_scored()
    {
        (await _plan.SaveAssessmentAsync("lean-1", Final(), adding: true, Ct)).ShouldBeEmpty();

        var row = (await _plan.ListAssessmentsAsync("LEAN-1", Ct)).ShouldHaveSingleItem();
        (row.Code, row.Kind, row.Name, row.NameEn, row.HeldOn, row.MaxScore, row.PracticalMaxScore, row.PassLine, row.Difficulty, row.Results)
            .ShouldBe(("FINAL", AssessmentKind.FinalExam, "结业考试", "Final exam", new DateOnly(2026, 4, 24), 100d, (double?)50, 70d, AssessmentDifficulty.Advanced, 0));
        row.DisplayName(CultureInfo.GetCultureInfo("en")).ShouldBe("Final exam");
        row.DisplayName(CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("结业考试");
        await using var db = _database.CreateContext();
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(Assessment) && a.Action == AuditAction.Added, Ct)).ShouldBe(1);
        (await db.LearnerScores.CountAsync(s => s.CohortId == _data.Cohort.Id, Ct)).ShouldBe(3);
        _health.IsBusy.ShouldBeTrue();
    }

    [Fact]
    public async Task Adding_a_code_the_cohort_has_in_another_letter_case_is_refused_and_the_assessment_is_unchanged()
    {
        await _plan.SaveAssessmentAsync("LEAN-1", Final(), adding: true, Ct);
        var again = Final();
        again.Code = "final";
        again.Name = "别的考试";

        var errors = await _plan.SaveAssessmentAsync("LEAN-1", again, adding: true, Ct);

        errors.Select(En).ShouldBe(["Cohort LEAN-1 has an assessment with the code FINAL already (codes ignore letter case); edit that one, or choose another code."]);
        errors.Select(Zh).ShouldBe(["班期 LEAN-1 已有代码为 FINAL 的考核（代码不区分大小写）；请编辑该考核，或换一个代码。"]);
        (await _plan.ListAssessmentsAsync("LEAN-1", Ct)).ShouldHaveSingleItem().Name.ShouldBe("结业考试");
    }

    [Fact]
    public async Task Editing_an_assessment_with_results_changes_it_audits_old_and_new_and_rescores_the_cohort()
    {
        await _plan.SaveAssessmentAsync("LEAN-1", Final(), adding: true, Ct);
        await AddResultAsync("FINAL", 0, 80);
        (await LearningOfAsync(0)).ShouldBeNull(); // the result came in behind the score service's back
        var edit = Final();
        edit.Name = "结业考核";
        edit.MaxScore = 160;
        edit.PassLine = 60;

        (await _plan.SaveAssessmentAsync("LEAN-1", edit, adding: false, Ct)).ShouldBeEmpty();

        var row = (await _plan.ListAssessmentsAsync("LEAN-1", Ct)).ShouldHaveSingleItem();
        (row.Code, row.Name, row.MaxScore, row.PracticalMaxScore, row.PassLine, row.Results).ShouldBe(("FINAL", "结业考核", 160d, (double?)50, 60d, 1));
        (await LearningOfAsync(0)).ShouldNotBeNull();
        await using var db = _database.CreateContext();
        var line = await db.AuditTrail.SingleAsync(a => a.EntityType == nameof(Assessment) && a.Property == nameof(Assessment.MaxScore), Ct);
        (line.OldValue, line.NewValue).ShouldBe(("100", "160"));
    }

    [Fact]
    public async Task Editing_cannot_take_a_practical_part_away_nor_bring_back_a_removed_assessment()
    {
        await _plan.SaveAssessmentAsync("LEAN-1", Final(), adding: true, Ct);
        var noPractical = Final();
        noPractical.HasPractical = false;
        var gone = Final();
        gone.Code = "MID";

        var practical = await _plan.SaveAssessmentAsync("LEAN-1", noPractical, adding: false, Ct);
        var missing = await _plan.SaveAssessmentAsync("LEAN-1", gone, adding: false, Ct);

        practical.Select(En).ShouldBe(["Assessment FINAL has a practical part (maximum 50), and a part cannot be taken away; give it another maximum, or remove the assessment while it has no results and add it again."]);
        missing.Select(Zh).ShouldBe(["考核 MID 已不在班期 LEAN-1 中；有人刚刚删除了它。"]);
        (await _plan.ListAssessmentsAsync("LEAN-1", Ct)).Select(a => (a.Code, a.PracticalMaxScore)).ShouldBe([("FINAL", (double?)50)]);
    }

    [Fact]
    public async Task A_quiz_outside_the_cohorts_run_or_a_pass_line_over_100_is_refused_with_the_imports_message_and_nothing_is_written()
    {
        var quiz = new CohortAssessmentInput { Code = "Q1", Kind = AssessmentKind.Quiz, Name = "随堂测验", HeldOn = new DateTime(2026, 5, 10) };
        var pass = new CohortAssessmentInput { Code = "POST", Kind = AssessmentKind.PostTest, Name = "训后测试", HeldOn = new DateTime(2026, 4, 20), PassLine = 120 };

        var late = await _plan.SaveAssessmentAsync("LEAN-1", quiz, adding: true, Ct);
        var high = await _plan.SaveAssessmentAsync("LEAN-1", pass, adding: true, Ct);

        late.Select(En).ShouldBe(["held_on 2026-05-10 is outside cohort LEAN-1, which runs 2026-03-02 – 2026-04-24."]);
        high.Select(En).ShouldHaveSingleItem().ShouldContain("pass_line");
        high.Select(En).Single().ShouldContain("120");
        (await _plan.ListAssessmentsAsync("LEAN-1", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_assessment_with_results_is_kept_and_one_without_is_removed_audited_and_the_cohort_rescored()
    {
        await _plan.SaveAssessmentAsync("LEAN-1", Final(), adding: true, Ct);
        await _plan.SaveAssessmentAsync("LEAN-1", new CohortAssessmentInput { Code = "PRE", Kind = AssessmentKind.PreTest, Name = "训前测试", HeldOn = new DateTime(2026, 3, 2) }, adding: true, Ct);
        await AddResultAsync("FINAL", 0, 80);
        await AddResultAsync("FINAL", 1, 55);
        await _health.RunPendingAsync(new Services(_database).Health, Ct);
        _health.IsBusy.ShouldBeFalse();

        var refused = await _plan.RemoveAssessmentAsync("LEAN-1", "final", Ct);
        (await LearningOfAsync(0)).ShouldBeNull();
        var removed = await _plan.RemoveAssessmentAsync("LEAN-1", "PRE", Ct);

        refused.Select(En).ShouldBe(["Assessment FINAL (结业考试) has 2 results in cohort LEAN-1, so it cannot be removed; the learners' scores are computed from them. Edit the assessment instead."]);
        refused.Select(Zh).ShouldBe(["考核 FINAL（结业考试）在班期 LEAN-1 中已有 2 条成绩，不能删除，学员的评分由这些成绩算出。请改为编辑该考核。"]);
        removed.ShouldBeEmpty();
        (await _plan.ListAssessmentsAsync("LEAN-1", Ct)).Select(a => (a.Code, a.Results)).ShouldBe([("FINAL", 2)]);
        (await LearningOfAsync(0)).ShouldNotBeNull(); // the removal rescored the cohort, which now reads the results
        _health.IsBusy.ShouldBeTrue();
        await using var db = _database.CreateContext();
        (await db.AuditTrail.SingleAsync(a => a.EntityType == nameof(Assessment) && a.Action == AuditAction.Deleted, Ct)).OldValue!.ShouldContain("训前测试");
        (await db.PendingRecomputes.AnyAsync(p => p.Scores, Ct)).ShouldBeFalse();
        (await _plan.RemoveAssessmentAsync("LEAN-1", "PRE", Ct)).Select(En).ShouldBe(["Assessment PRE is no longer in cohort LEAN-1; someone removed it meanwhile."]);
    }

    [Fact]
    public async Task A_survey_is_added_edited_by_its_code_and_refused_twice_and_its_date_must_fit_its_kind()
    {
        (await _plan.SaveSurveyAsync("LEAN-1", Reaction(), adding: true, Ct)).ShouldBeEmpty();
        var edit = Reaction();
        edit.Kind = SurveyKind.FollowUp;
        edit.OpenedOn = new DateTime(2026, 6, 1);
        edit.Items = 6;
        (await _plan.SaveSurveyAsync("LEAN-1", edit, adding: false, Ct)).ShouldBeEmpty();
        var twice = Reaction();
        twice.Code = "end";
        var early = new CohortSurveyInput { Code = "FU", Kind = SurveyKind.FollowUp, Name = "回访", OpenedOn = new DateTime(2026, 4, 1), Items = 3 };

        var refused = await _plan.SaveSurveyAsync("LEAN-1", twice, adding: true, Ct);
        var misdated = await _plan.SaveSurveyAsync("LEAN-1", early, adding: true, Ct);

        var row = (await _plan.ListSurveysAsync("LEAN-1", Ct)).ShouldHaveSingleItem();
        (row.Code, row.Kind, row.Name, row.NameEn, row.OpenedOn, row.Items, row.Responses).ShouldBe(("END", SurveyKind.FollowUp, "课程满意度", "Course satisfaction", new DateOnly(2026, 6, 1), 6, 0));
        refused.Select(En).ShouldBe(["Cohort LEAN-1 has a survey with the code END already (codes ignore letter case); edit that one, or choose another code."]);
        misdated.Select(En).ShouldHaveSingleItem().ShouldContain("2026-04-01");
        await using var db = _database.CreateContext();
        var line = await db.AuditTrail.SingleAsync(a => a.EntityType == nameof(SatisfactionSurvey) && a.Property == nameof(SatisfactionSurvey.ItemCount), Ct);
        (line.OldValue, line.NewValue).ShouldBe(("4", "6"));
    }

    [Fact]
    public async Task A_survey_with_responses_is_kept_naming_how_many_and_one_without_is_removed_and_audited()
    {
        await _plan.SaveSurveyAsync("LEAN-1", Reaction(), adding: true, Ct);
        await _plan.SaveSurveyAsync("LEAN-1", new CohortSurveyInput { Code = "NEEDS", Kind = SurveyKind.Needs, Name = "需求调查", OpenedOn = new DateTime(2026, 2, 20), Items = 3 }, adding: true, Ct);
        await using (var db = _database.CreateContext())
        {
            var survey = await db.Surveys.SingleAsync(s => s.Code == "END", Ct);
            db.SurveyResponses.AddRange(_data.Enrollments.Select(e => new SurveyResponse { SurveyId = survey.Id, EnrollmentId = e.Id, SubmittedAt = new DateTime(2026, 4, 25), ItemScores = [4, 5, 4, 4] }));
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }

        var refused = await _plan.RemoveSurveyAsync("LEAN-1", "END", Ct);
        var removed = await _plan.RemoveSurveyAsync("LEAN-1", "needs", Ct);

        refused.Select(En).ShouldBe(["Survey END (课程满意度) has 3 responses in cohort LEAN-1, so it cannot be removed; they would lose their questions. Edit the survey instead."]);
        refused.Select(Zh).ShouldBe(["问卷 END（课程满意度）在班期 LEAN-1 中已有 3 份答卷，不能删除，否则这些答卷会失去题目。请改为编辑该问卷。"]);
        removed.ShouldBeEmpty();
        (await _plan.ListSurveysAsync("LEAN-1", Ct)).Select(s => (s.Code, s.Responses)).ShouldBe([("END", 3)]);
        await using var check = _database.CreateContext();
        (await check.AuditTrail.SingleAsync(a => a.EntityType == nameof(SatisfactionSurvey) && a.Action == AuditAction.Deleted, Ct)).OldValue!.ShouldContain("需求调查");
        (await check.LearnerScores.Where(s => s.CohortId == _data.Cohort.Id).Select(s => s.Reaction).ToListAsync(Ct)).ShouldAllBe(r => r != null);
    }

    [Fact]
    public async Task Tracking_follows_the_records_without_a_plan_and_the_plan_when_one_is_set()
    {
        await _plan.SaveAssessmentAsync("LEAN-1", Final(), adding: true, Ct);
        (await _plan.TrackingAsync("LEAN-1", Ct)).ShouldBe(new PlanTracking(Assessments: false, Surveys: false, IsExplicit: false));

        await AddResultAsync("FINAL", 0, 80);
        (await _plan.TrackingAsync("lean-1", Ct)).ShouldBe(new PlanTracking(Assessments: true, Surveys: false, IsExplicit: false));

        await using (var db = _database.CreateContext())
        {
            await db.Cohorts.Where(c => c.Id == _data.Cohort.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.TrackedKinds, "attendance;surveys"), Ct);
        }
        (await _plan.TrackingAsync("LEAN-1", Ct)).ShouldBe(new PlanTracking(Assessments: false, Surveys: true, IsExplicit: true));
        (await _plan.TrackingAsync("NOPE", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task The_forms_field_rules_speak_both_languages()
    {
        var assessments = new CohortAssessmentInputValidator(Localizer<CohortAssessmentInput>());
        var surveys = new CohortSurveyInputValidator(Localizer<CohortAssessmentInput>());
        var assessment = new CohortAssessmentInput { Code = "", Name = "x", HeldOn = null, MaxScore = 0, HasPractical = true, PracticalMaxScore = -1, PassLine = 101 };
        var survey = new CohortSurveyInput { Code = "S", Name = "", OpenedOn = null, Items = 0 };
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            (await assessments.ValidateAsync(assessment, Ct)).Errors.Select(e => e.ErrorMessage).ShouldBe([
                "Enter the code.", "Enter the day the assessment is held.", "Must be more than 0.", "Must be more than 0.", "A pass line is 0 to 100 points out of 100."]);
            (await surveys.ValidateAsync(survey, Ct)).Errors.Select(e => e.ErrorMessage).ShouldBe(["Enter the name.", "Enter the day the survey opens.", "A survey has 1 to 100 items."]);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            (await surveys.ValidateAsync(survey, Ct)).Errors.Select(e => e.ErrorMessage).ShouldBe(["请填写名称。", "请填写问卷开放日期。", "问卷有 1 到 100 道题。"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
