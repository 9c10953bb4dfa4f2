using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Surveys;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Profiles;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Surveys;

/// <summary>
/// Surveys in headless Chromium: a learner of a cohort of this test's own (program SVY-BT, cohort SVY-BT-1, learner SVY0001,
/// signed in with an account of its own) answers the cohort's reaction survey on /me at phone width; the cohort page then
/// shows the survey's response rate and the learner's Reaction score that came from the answer. The dashboard is shared
/// with the other browser tests, so everything asserted on is this test's own.
/// </summary>
public sealed class SurveysBrowserTests(BrowserFixture browser)
{
    private const string LearnerAccount = "surveys.learner";
    private const string LearnerPassword = "Surveys-Learner-Heron-2026!";
    private const string CohortCode = "SVY-BT-1";
    private const string EmployeeNumber = "SVY0001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_learner_answers_a_reaction_survey_at_phone_width_and_the_cohort_page_shows_the_rate_and_the_Reaction_score()
    {
        await browser.EnsureStartedAsync();
        await CohortAsync();

        await using (var learner = await browser.OpenAsync("me", "en", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: LearnerAccount))
        {
            var page = learner.Page;
            var survey = page.Locator("[data-testid=my-survey]", new() { HasText = "Course satisfaction survey" });
            await Expect(survey).ToHaveAttributeAsync("data-answered", "false");
            await survey.GetByTestId("my-survey-answer").ClickAsync();
            var dialog = page.GetByTestId("survey-dialog");
            await Expect(dialog.GetByTestId("survey-item")).ToHaveCountAsync(6);
            await Expect(dialog.GetByTestId("survey-item").First).ToContainTextAsync("The content is relevant to my work");
            await Expect(dialog.GetByTestId("survey-item").First.GetByText("5 · Strongly agree")).ToBeVisibleAsync();
            // 4 on each of the five rating items: a mean of 4.0, 75 points of satisfaction.
            for (var i = 0; i < 5; i++)
                await dialog.GetByTestId("survey-item").Nth(i).Locator("input[type=radio]").Nth(3).DispatchEventAsync("click");
            await page.Locator("#survey-text-6").FillAsync("<b>More</b> practice, please");
            await learner.ScreenshotAsync("surveys-dialog-en-390", fullPage: false);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
            await page.GetByTestId("survey-submit").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(survey).ToHaveAttributeAsync("data-answered", "true");
            await Expect(survey).ToContainTextAsync("Answered on");
            await learner.ScreenshotAsync("surveys-me-en-390");
        }

        await using (var analyst = await browser.OpenAsync($"cohorts/{CohortCode}", "zh-CN"))
        {
            var page = analyst.Page;
            var rate = page.Locator($"[data-testid=survey-rate][data-survey=END] [data-testid=survey-rate-learners]");
            await Expect(rate).ToHaveTextAsync($"1/1 已答（{1.0.ToString("P0", new CultureInfo("zh-CN"))}）");
            var row = page.Locator("[data-testid=learner-table] tr", new() { HasText = EmployeeNumber });
            using (new CultureScope("zh-CN"))
                await Expect(row.Locator("td[data-label=反应]")).ToHaveTextAsync(ScoreFormat.Score(75));
            await analyst.ScreenshotAsync("surveys-cohort-zh-CN");
        }

        await using var db = await DbAsync();
        var response = await db.SurveyResponses.AsNoTracking().SingleAsync(r => r.Enrollment!.Learner!.EmployeeNumber == EmployeeNumber, Ct);
        response.ItemScores.ShouldBe([4, 4, 4, 4, 4]);
        response.Texts![5].ShouldBe("<b>More</b> practice, please");
    }

    /// <summary>
    /// The test's own program, cohort (ended ten days ago), learner with an account, and reaction survey with the template's
    /// items, opened on the cohort's last day.
    /// </summary>
    private async Task CohortAsync()
    {
        await using var db = await DbAsync();
        var today = DateOnly.FromDateTime(browser.Clock.GetUtcNow().UtcDateTime);
        var department = await db.Departments.OrderBy(d => d.Id).FirstAsync(Ct);
        var program = new TrainingProgram { Code = "SVY-BT", Name = "问卷浏览器测试", NameEn = "Survey browser test", CurrentProfileVersion = 1 };
        var version = WeightProfile.Default.ToVersion(1, "test", DateTime.UtcNow, null);
        version.Program = program;
        var cohort = new Cohort { Program = program, Code = CohortCode, Name = "问卷测试 1期", NameEn = "Survey test 1", StartDate = today.AddDays(-40), EndDate = today.AddDays(-10) };
        var learner = new Learner { EmployeeNumber = EmployeeNumber, Name = "问卷学员", NameEn = "Survey Learner", DepartmentId = department.Id, Position = "工程师" };
        var enrollment = new Enrollment { Cohort = cohort, Learner = learner, Status = EnrollmentStatus.Completed, EnrolledOn = cohort.StartDate.AddDays(-7) };
        var template = SurveyTemplates.Reaction;
        var survey = new SatisfactionSurvey
        {
            Cohort = cohort, Code = "END", Kind = SurveyKind.Reaction, Name = template.Name, NameEn = template.NameEn, OpenedOn = cohort.EndDate,
            ItemCount = template.Items.Count(i => i.Kind == SurveyItemKind.Likert),
            Items = [.. template.Items.Select((item, i) => new SurveyItem { Position = i + 1, Kind = item.Kind, Text = item.Text!, TextEn = item.TextEn, Required = item.Required })],
        };
        db.AddRange(program, version, cohort, learner, enrollment, survey);
        db.AuditingEnabled = false;
        await db.SaveChangesAsync(Ct);

        await using var scope = browser.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = new UserAccount { UserName = LearnerAccount, DisplayName = LearnerAccount, CreatedAt = DateTime.UtcNow, LearnerId = learner.Id };
        (await users.CreateAsync(account, LearnerPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(account, Roles.Learner)).Succeeded.ShouldBeTrue();
        browser.AddAccount(LearnerAccount, LearnerPassword);
    }

    private Task<TrainingDbContext> DbAsync() =>
        browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
}
