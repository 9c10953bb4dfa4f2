using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Shared;

/// <summary>
/// Issue 21 item 5: related pages link to each other — cohort → program history and its three reports (for the roles that
/// may open them) and back; learner → growth report → learner; <c>/me</c> → "my growth report" → back to my learning.
/// Read-only navigation on the shared demo dashboard.
/// </summary>
public sealed class RelatedPageLinksBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "Training effectiveness report", "Program history", "Cohort page")]
    [InlineData("zh-CN", "培训效果分析报告", "项目历史对比", "班期页面")]
    public async Task A_cohort_links_to_its_program_and_reports_and_the_reports_link_back(string culture, string report, string program, string cohortPage)
    {
        await browser.EnsureStartedAsync();
        var (cohort, programCode) = await ScoredCohortAsync();
        await using var session = await browser.OpenAsync($"cohorts/{cohort}", culture);
        var page = session.Page;

        await Expect(page.GetByTestId("cohort-program-link")).ToHaveTextAsync(program);
        await page.GetByTestId("cohort-report-link").ClickAsync();
        await page.WaitForURLAsync($"**/reports/cohorts/{cohort}");
        await Expect(page.GetByTestId("effectiveness-report")).ToContainTextAsync(report);

        await Expect(page.GetByTestId("report-cohort-link")).ToHaveTextAsync(cohortPage);
        await page.GetByTestId("report-cohort-link").ClickAsync();
        await page.WaitForURLAsync($"**/cohorts/{cohort}");
        await page.GetByTestId("cohort-program-link").ClickAsync();
        await page.WaitForURLAsync($"**/programs/{programCode}");
    }

    [Fact]
    public async Task A_mentor_sees_no_links_to_pages_they_may_not_open()
    {
        await browser.EnsureStartedAsync();
        await using var db = await Db();
        var mentorId = await db.Users.Where(u => u.UserName == "mentor").Select(u => u.MentorId).FirstAsync(Ct);
        var cohort = await db.Enrollments.Where(e => e.MentorId == mentorId).OrderBy(e => e.Id).Select(e => e.Cohort!.Code).FirstAsync(Ct);

        await using var session = await browser.OpenAsync($"cohorts/{cohort}", "en", user: "mentor");

        await Expect(session.Page.GetByTestId("cohort-title")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("cohort-links")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("en", "My growth report (print, PDF)", "My learning")]
    [InlineData("zh-CN", "我的学习成长报告（打印、PDF）", "我的学习")]
    public async Task A_learner_opens_their_growth_report_from_my_learning_and_goes_back(string culture, string myReport, string back)
    {
        await using var session = await browser.OpenAsync("me", culture, BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: "learner");
        var page = session.Page;
        var link = page.GetByTestId("me-report-link");
        await Expect(link).ToHaveTextAsync(myReport);

        await link.ClickAsync();
        await page.WaitForURLAsync("**/reports/learners/*");
        await Expect(page.GetByTestId("growth-table")).ToBeVisibleAsync();
        // The reports index is not the learner's: the way back is "my learning".
        await Expect(page.GetByTestId("growth-me-link")).ToHaveTextAsync(back);
        await Expect(page.GetByTestId("growth-learner-link")).ToHaveCountAsync(0);
        await session.ScreenshotAsync($"growth-from-me-{culture}-390");
        await page.GetByTestId("growth-me-link").ClickAsync();
        await page.WaitForURLAsync("**/me");
    }

    [Fact]
    public async Task A_learner_page_links_to_the_growth_report_and_back()
    {
        await browser.EnsureStartedAsync();
        await using var db = await Db();
        var employeeNo = await db.LearnerScores.Where(s => s.Composite != null).OrderBy(s => s.LearnerId)
            .Select(s => s.Learner!.EmployeeNumber).FirstAsync(Ct);
        await using var session = await browser.OpenAsync($"learners/{employeeNo}", "zh-CN");
        var page = session.Page;

        await Expect(page.GetByTestId("learner-growth-link")).ToHaveTextAsync("学习成长报告（打印、PDF）");
        await page.GetByTestId("learner-growth-link").ClickAsync();
        await page.WaitForURLAsync($"**/reports/learners/{employeeNo}");
        await Expect(page.GetByTestId("growth-table")).ToBeVisibleAsync();
        await page.GetByTestId("growth-learner-link").ClickAsync();
        await page.WaitForURLAsync($"**/learners/{employeeNo}");
    }

    private async Task<TrainingDbContext> Db() =>
        await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);

    private async Task<(string Cohort, string Program)> ScoredCohortAsync()
    {
        await using var db = await Db();
        var found = await db.Cohorts.Where(c => c.ClosedAt != null && db.LearnerScores.Any(s => s.CohortId == c.Id))
            .OrderBy(c => c.Code).Select(c => new { c.Code, Program = c.Program!.Code }).FirstAsync(Ct);
        return (found.Code, found.Program);
    }
}
