using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Indicators;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Mentoring;

/// <summary>
/// The mentoring pages in headless Chromium on the demo company, signed in through the real sign-in form as the demo
/// mentor and learner: /mentor, /mentor/digest, /notifications and /me in both languages and at phone width, and a
/// mentor's rating reaching an HR analyst's open cohort page without a reload.
/// </summary>
public sealed class MentoringBrowserTests(BrowserFixture browser)
{
    private const string MentorAccount = "mentor";
    private const string LearnerAccount = "learner";

    public static TheoryData<string, string, int> Screens => new()
    {
        { "mentor", "zh-CN", BrowserFixture.DesktopWidth },
        { "mentor", "en", BrowserFixture.DesktopWidth },
        { "mentor", "zh-CN", BrowserFixture.PhoneWidth },
        { "mentor/digest", "zh-CN", BrowserFixture.DesktopWidth },
        { "mentor/digest", "en", BrowserFixture.DesktopWidth },
        { "mentor/digest", "zh-CN", BrowserFixture.PhoneWidth },
        { "notifications", "zh-CN", BrowserFixture.DesktopWidth },
        { "notifications", "en", BrowserFixture.DesktopWidth },
        { "notifications", "zh-CN", BrowserFixture.PhoneWidth },
        { "me", "zh-CN", BrowserFixture.DesktopWidth },
        { "me", "en", BrowserFixture.DesktopWidth },
        { "me", "zh-CN", BrowserFixture.PhoneWidth },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_page_shows_its_users_data(string url, string culture, int width)
    {
        var learnerPage = url == "me";
        await using var session = await browser.OpenAsync(url, culture, width,
            width == BrowserFixture.PhoneWidth ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight,
            user: learnerPage ? LearnerAccount : MentorAccount);
        var marker = url switch
        {
            "mentor" => "mentee-table",
            "mentor/digest" => "digest-table",
            "notifications" => "notification-list",
            _ => "me-suggestions",
        };
        await Expect(session.Page.GetByTestId(marker)).ToBeVisibleAsync();
        // Mentors and learners (survey reminders) each have an inbox: the bell.
        await Expect(session.Page.GetByTestId("notification-bell")).ToHaveCountAsync(1);
        if (learnerPage)
            await session.Page.WaitForFunctionAsync("() => document.querySelectorAll('.apexcharts-svg').length >= 2");
        var name = $"{url.Replace('/', '-')}-{culture}-{width}";
        await session.ScreenshotAsync(name);
        await session.ScreenshotAsync(name + "-viewport", fullPage: false);
    }

    [Fact]
    public async Task A_mentor_rates_a_learner_and_an_analysts_open_cohort_page_shows_the_new_composite_without_reloading()
    {
        await using var mentor = await browser.OpenAsync("mentor", "en", user: MentorAccount);
        var row = mentor.Page.GetByTestId("mentee-row").First;
        var employeeNo = await row.GetAttributeAsync("data-employee") ?? throw new InvalidOperationException("The demo mentor has no mentee.");
        var enrollment = await WorkspaceEnrollmentAsync(employeeNo);

        await using var analyst = await browser.OpenAsync($"cohorts/{Uri.EscapeDataString(enrollment.CohortCode)}?q={employeeNo}", "en");
        var composite = analyst.Page.GetByTestId("learner-table").Locator("tr", new() { HasText = employeeNo }).Locator("td.composite");
        await Expect(composite).ToBeVisibleAsync();
        var before = (await composite.InnerTextAsync()).Trim();

        // Every dimension at the far end from the learner's current ratings, so the behaviour level must move.
        var score = enrollment.MeanRating is >= 3 ? 1 : 5;
        await row.GetByTestId("rate-button").ClickAsync();
        // MudDialog puts the test id on its content, not around the actions: find the parts on the page.
        await Expect(mentor.Page.GetByTestId("rating-dialog")).ToBeVisibleAsync();
        foreach (var dimension in BuiltInIndicators.MentorDimensions)
            await mentor.Page.Locator($"[data-dimension={dimension}] input[type=radio]").Nth(score - 1).DispatchEventAsync("click");
        await mentor.Page.GetByTestId("rating-save").ClickAsync();
        await Expect(mentor.Page.GetByTestId("rating-dialog")).ToHaveCountAsync(0);

        var expected = await CompositeTextAsync(enrollment.EnrollmentId);
        expected.ShouldNotBe(before);
        await Expect(composite).ToHaveTextAsync(new Regex("^\\s*" + Regex.Escape(expected)));
        await analyst.ScreenshotAsync("cohort-after-mentor-rating-en", fullPage: false);
    }

    private sealed record WorkspaceEnrollment(int EnrollmentId, string CohortCode, double? MeanRating);

    /// <summary>The enrollment the workspace rates the mentee in (their most recent cohort with the demo mentor) and their current mean rating.</summary>
    private async Task<WorkspaceEnrollment> WorkspaceEnrollmentAsync(string employeeNo)
    {
        await using var db = await DbAsync();
        var mentorId = await db.Users.Where(u => u.UserName == MentorAccount).Select(u => u.MentorId).SingleAsync(TestContext.Current.CancellationToken);
        var enrollment = await db.Enrollments.AsNoTracking()
            .Where(e => e.MentorId == mentorId && e.Learner!.EmployeeNumber == employeeNo && e.Status != EnrollmentStatus.Withdrawn)
            .OrderByDescending(e => e.Cohort!.StartDate).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Cohort!.Code })
            .FirstAsync(TestContext.Current.CancellationToken);
        var latest = await db.MentorRatings.AsNoTracking().Where(r => r.EnrollmentId == enrollment.Id)
            .GroupBy(r => r.Dimension).Select(g => g.OrderByDescending(r => r.Sequence).First().Score)
            .ToListAsync(TestContext.Current.CancellationToken);
        return new WorkspaceEnrollment(enrollment.Id, enrollment.Code, latest.Count == 0 ? null : latest.Average());
    }

    private async Task<string> CompositeTextAsync(int enrollmentId)
    {
        await using var db = await DbAsync();
        var composite = await db.LearnerScores.AsNoTracking().Where(s => s.EnrollmentId == enrollmentId).Select(s => s.Composite).SingleAsync(TestContext.Current.CancellationToken);
        return ScoreFormat.Score(composite);
    }

    private Task<TrainingDbContext> DbAsync() =>
        browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
}
