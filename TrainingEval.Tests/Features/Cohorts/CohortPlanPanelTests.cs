using Bunit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Cohorts.Manage;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>
/// The manage page's evaluation-plan section as HR reads it, in Chinese and English: the assessments and surveys with
/// their kind, name in the reader's language, date, maximum (theory + practical), pass line, results and responses, what
/// the plan says about tracking them, one added from the form, and why one with results or responses stays.
/// </summary>
public sealed class CohortPlanPanelTests : DashboardTestContext, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
        var data = await TestData.CreateAsync(_database);
        var plan = new CohortPlan(ImportTestKit.Service(_database), _database.Factory, new Support.Services(_database).Access);
        (await plan.SaveAssessmentAsync("LEAN-1", new CohortAssessmentInput
        {
            Code = "FINAL", Kind = AssessmentKind.FinalExam, Name = "结业考核", NameEn = "Closing exam", HeldOn = new DateTime(2026, 4, 24),
            MaxScore = 100, HasPractical = true, PracticalMaxScore = 50, PassLine = 70, Difficulty = AssessmentDifficulty.Advanced,
        }, adding: true, Ct)).ShouldBeEmpty();
        (await plan.SaveSurveyAsync("LEAN-1", new CohortSurveyInput { Code = "END", Name = "课程满意度", NameEn = "Course satisfaction", OpenedOn = new DateTime(2026, 4, 24), Items = 4 }, adding: true, Ct))
            .ShouldBeEmpty();
        await using var db = _database.CreateContext();
        var final = await db.Assessments.SingleAsync(Ct);
        var survey = await db.Surveys.SingleAsync(Ct);
        db.AssessmentResults.Add(new AssessmentResult { AssessmentId = final.Id, EnrollmentId = data[0].Id, Score = 82, PracticalScore = 40 });
        db.SurveyResponses.AddRange(data.Enrollments.Take(2).Select(e => new SurveyResponse { SurveyId = survey.Id, EnrollmentId = e.Id, SubmittedAt = new DateTime(2026, 4, 25), ItemScores = [4, 4, 5, 3] }));
        await db.SaveChangesAsync(Ct);
        Services.AddSingleton(plan);
        // The survey panel asks the surveys feature whether the cohort's profile scores follow-ups.
        Services.AddSingleton(new Support.Services(_database).Surveys);
        Services.AddSingleton<TimeProvider>(_database.Clock);
        Services.AddSingleton<IValidator<CohortAssessmentInput>>(new CohortAssessmentInputValidator(Programs.ProgramManagementTests.Localizer<CohortAssessmentInput>()));
        Services.AddSingleton<IValidator<CohortSurveyInput>>(new CohortSurveyInputValidator(Programs.ProgramManagementTests.Localizer<CohortAssessmentInput>()));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IRenderedComponent<CohortPlanSection> RenderSection() =>
        Render<CohortPlanSection>(p => p.Add(c => c.CohortCode, "LEAN-1").Add(c => c.DefaultDay, new DateOnly(2026, 4, 24)));

    private static void Fill(IRenderedComponent<CohortPlanSection> section, string testId, string value) => section.Find($"input[data-testid={testId}]").Change(value);

    [Theory]
    [InlineData("zh-CN", "评估计划：考核与问卷", "结业考试", "结业考核", "满分（理论 + 实操）", "已跟踪：本班期已有考核成绩（未设定评估计划，依据已有记录）。", "已添加考核 POST，班期已重新评分。",
        "考核 FINAL（结业考核）在班期 LEAN-1 中已有 1 条成绩，不能删除，学员的评分由这些成绩算出。请改为编辑该考核。")]
    [InlineData("en", "Evaluation plan: assessments and surveys", "Final exam", "Closing exam", "Max (theory + practical)",
        "Tracked: the cohort has assessment results (no plan is set, so the records present decide).", "Assessment POST added; the cohort is rescored.",
        "Assessment FINAL (结业考核) has 1 results in cohort LEAN-1, so it cannot be removed; the learners' scores are computed from them. Edit the assessment instead.")]
    public async Task Hr_reads_the_assessments_adds_one_and_is_told_why_one_with_results_stays(string culture, string title, string kind, string name, string maxHeader,
        string tracking, string added, string refused)
    {
        UseCulture(culture);
        var section = RenderSection();

        section.WaitForAssertion(() => section.FindAll("[data-testid=assessment-code]").Select(c => c.TextContent).ShouldBe(["FINAL"]));
        section.Find("h2").TextContent.ShouldBe(title);
        section.Find("[data-testid=assessment-kind]").TextContent.ShouldBe(kind);
        section.Find("[data-testid=assessment-name]").TextContent.ShouldBe(name);
        section.Find("[data-testid=assessment-max]").TextContent.ShouldBe("100 + 50");
        section.Find("[data-testid=assessment-results]").TextContent.ShouldBe("1");
        section.Find("[data-testid=assessment-table] thead").TextContent.ShouldContain(maxHeader);
        section.Find("[data-testid=assessment-table]").TextContent.ShouldContain("2026-04-24");
        section.Find("[data-testid=assessments-tracking]").TextContent.Trim().ShouldBe(tracking);

        Fill(section, "assessment-code-input", "POST");
        Fill(section, "assessment-name-input", "训后测试");
        await section.Find("[data-testid=assessment-save]").ClickAsync(new());
        section.WaitForAssertion(() => section.FindAll("[data-testid=assessment-code]").Select(c => c.TextContent).ShouldBe(["FINAL", "POST"]));
        section.Find("[data-testid=assessment-done]").TextContent.Trim().ShouldBe(added);
        section.WaitForAssertion(() => section.FindAll("[data-testid=assessment-form] .mud-input-error").ShouldBeEmpty()); // the fresh form does not complain

        await section.FindAll("[data-testid=assessment-remove]")[0].ClickAsync(new());
        await section.Find("[data-testid=assessment-remove-confirm]").ClickAsync(new());
        section.WaitForAssertion(() => section.Find("[data-testid=assessment-panel] [data-testid=write-error]").TextContent.ShouldBe(refused));
        (await _database.CreateContext().Assessments.CountAsync(Ct)).ShouldBe(2);
    }

    [Theory]
    [InlineData("zh-CN", "反应层（满意度）", "课程满意度", "已跟踪：本班期已有问卷答卷（未设定评估计划，依据已有记录）。",
        "问卷 END（课程满意度）在班期 LEAN-1 中已有 2 份答卷，不能删除，否则这些答卷会失去题目。请改为编辑该问卷。", "请填写代码。")]
    [InlineData("en", "Reaction (satisfaction)", "Course satisfaction", "Tracked: the cohort has survey responses (no plan is set, so the records present decide).",
        "Survey END (课程满意度) has 2 responses in cohort LEAN-1, so it cannot be removed; they would lose their questions. Edit the survey instead.", "Enter the code.")]
    public async Task Hr_reads_the_surveys_and_an_empty_code_or_a_survey_with_responses_is_refused(string culture, string kind, string name, string tracking, string refused, string codeRequired)
    {
        UseCulture(culture);
        var section = RenderSection();

        section.WaitForAssertion(() => section.FindAll("[data-testid=survey-code]").Select(c => c.TextContent).ShouldBe(["END"]));
        section.Find("[data-testid=survey-kind]").TextContent.ShouldBe(kind);
        section.Find("[data-testid=survey-name]").TextContent.ShouldBe(name);
        section.Find("[data-testid=survey-responses]").TextContent.ShouldBe("2");
        section.Find("[data-testid=surveys-tracking]").TextContent.Trim().ShouldBe(tracking);

        Fill(section, "survey-name-input", "回访");
        await section.Find("[data-testid=survey-save]").ClickAsync(new());
        section.WaitForAssertion(() => section.Find("[data-testid=survey-form]").TextContent.ShouldContain(codeRequired));
        (await _database.CreateContext().Surveys.CountAsync(Ct)).ShouldBe(1);

        await section.Find("[data-testid=survey-remove]").ClickAsync(new());
        await section.Find("[data-testid=survey-remove-confirm]").ClickAsync(new());
        section.WaitForAssertion(() => section.Find("[data-testid=survey-panel] [data-testid=write-error]").TextContent.ShouldBe(refused));
        (await _database.CreateContext().Surveys.CountAsync(Ct)).ShouldBe(1);
    }
}
