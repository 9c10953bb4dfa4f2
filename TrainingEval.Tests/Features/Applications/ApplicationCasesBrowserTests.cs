using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Tests.Shared.Accessibility;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Applications;

/// <summary>
/// Application cases in headless Chromium on the demo company: a learner of the demo mentor (signed in through the real
/// form with an account of this test's own) logs two cases on /me at phone width, the demo mentor confirms both in the
/// workspace (one as a key event), and the learner's application count for the cohort shows both. The dashboard is shared
/// with the other browser tests, so the test picks a mentee no other test uses and asserts on that learner only.
/// </summary>
public sealed class ApplicationCasesBrowserTests(BrowserFixture browser)
{
    private const string MentorAccount = "mentor";
    private const string LearnerAccount = "cases.learner";
    private const string LearnerPassword = "Cases-Learner-Kestrel-2026!";

    // Brings a card to the top of the viewport, below the sticky app bar, for a screenshot of what a phone shows.
    private const string ScrollBelowAppBar = "e => { e.scrollIntoView({ block: 'start' }); window.scrollBy(0, -72); }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Mentee(string EmployeeNumber, int EnrollmentId, string CohortCode, DateOnly WindowFirst, int Counted);

    [Fact]
    public async Task A_learner_logs_two_cases_at_phone_width_the_mentor_confirms_both_and_the_count_shows_them()
    {
        await browser.EnsureStartedAsync();
        var mentee = await MenteeAsync();
        var today = DateOnly.FromDateTime(browser.Clock.GetUtcNow().UtcDateTime);
        var days = new[] { mentee.WindowFirst, today };
        // axe-core on the cards while they hold cases (the page-wide scans see the demo's empty waiting list) and on the dialog.
        var violations = new List<string>();

        await using (var learner = await browser.OpenAsync("me", "en", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: LearnerAccount))
        {
            var page = learner.Page;
            var count = page.Locator($"[data-testid=case-count][data-cohort='{mentee.CohortCode}'] [data-testid=case-count-value]");
            await Expect(count).ToHaveTextAsync($"{mentee.Counted} counted");
            string[] what = ["Used SMED to cut the changeover on line 2", "用 5S 整理工位 <b>并标识</b>"];
            for (var i = 0; i < 2; i++)
            {
                await page.GetByTestId("case-new").ClickAsync();
                await Expect(page.GetByTestId("case-dialog")).ToBeVisibleAsync();
                await page.Locator("#case-date").FillAsync(days[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await page.Locator("#case-description").FillAsync(what[i]);
                await page.Locator("#case-result").FillAsync(i == 0 ? "Changeover 45 → 30 min" : "找工具的时间减半");
                if (i == 0)
                {
                    await learner.ScreenshotAsync("application-cases-dialog-en-390", fullPage: false);
                    violations.AddRange(await AxeScan.ScanAsync(learner, "me (application case dialog)"));
                }
                await page.GetByTestId("case-save").ClickAsync();
                await Expect(page.GetByTestId("case-dialog")).ToHaveCountAsync(0);
            }
            await Expect(page.Locator("[data-testid=case-item][data-status=Pending]")).ToHaveCountAsync(2);
            await Expect(page.Locator("[data-testid=case-item][data-status=Pending] [data-testid=case-status]").First).ToHaveTextAsync("Waiting for mentor");
            // Markup typed by the learner is shown as text.
            await Expect(page.Locator("[data-testid=case-item] [data-testid=case-description]", new() { HasText = "<b>并标识</b>" })).ToHaveCountAsync(1);
            await Expect(count).ToHaveTextAsync($"{mentee.Counted} counted");
            violations.AddRange(await AxeScan.ScanAsync(learner, "me (cases waiting for the mentor)"));
            await learner.ScreenshotAsync("application-cases-me-en-390");
            await page.GetByTestId("me-cases").EvaluateAsync(ScrollBelowAppBar);
            await learner.ScreenshotAsync("application-cases-me-en-390-card", fullPage: false);
        }

        await using (var mentor = await browser.OpenAsync("mentor", "zh-CN", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: MentorAccount))
        {
            var page = mentor.Page;
            var rows = page.Locator($"[data-testid=waiting-case][data-employee='{mentee.EmployeeNumber}']");
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(rows.First.GetByTestId("waiting-counted")).ToContainTextAsync($"{mentee.CohortCode} 已计入 {mentee.Counted} 个");
            violations.AddRange(await AxeScan.ScanAsync(mentor, "mentor (cases waiting)"));
            await mentor.ScreenshotAsync("application-cases-mentor-zh-CN-390");
            await page.GetByTestId("waiting-cases").EvaluateAsync(ScrollBelowAppBar);
            await mentor.ScreenshotAsync("application-cases-mentor-zh-CN-390-card", fullPage: false);

            await rows.First.Locator("input[data-testid=case-key-event-box], [data-testid=case-key-event-box] input").DispatchEventAsync("click");
            await rows.First.GetByTestId("case-confirm").ClickAsync();
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First.GetByTestId("waiting-counted")).ToContainTextAsync($"{mentee.CohortCode} 已计入 {mentee.Counted + 1} 个");
            await rows.First.GetByTestId("case-confirm").ClickAsync();
            await Expect(rows).ToHaveCountAsync(0);
        }

        await using (var learner = await browser.OpenAsync("me", "zh-CN", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: LearnerAccount))
        {
            var page = learner.Page;
            await Expect(page.Locator($"[data-testid=case-count][data-cohort='{mentee.CohortCode}'] [data-testid=case-count-value]"))
                .ToHaveTextAsync($"已计入 {mentee.Counted + 2} 个");
            // The learner's own two cases (the demo's imported events of the cohort are confirmed records too).
            var smed = page.Locator("[data-testid=case-item]", new() { HasText = "SMED to cut the changeover" });
            var fiveS = page.Locator("[data-testid=case-item]", new() { HasText = "<b>并标识</b>" });
            await Expect(smed).ToHaveAttributeAsync("data-status", "Confirmed");
            await Expect(smed).ToHaveAttributeAsync("data-key-event", "true");
            await Expect(smed.GetByTestId("case-key-event")).ToHaveTextAsync("关键事件");
            await Expect(fiveS).ToHaveAttributeAsync("data-status", "Confirmed");
            await Expect(fiveS).ToHaveAttributeAsync("data-key-event", "false");
            await learner.ScreenshotAsync("application-cases-me-zh-CN-390");
            await page.GetByTestId("me-cases").EvaluateAsync(ScrollBelowAppBar);
            await learner.ScreenshotAsync("application-cases-me-zh-CN-390-card", fullPage: false);
        }

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));

        // The confirmations rescored the learner in that cohort (scores and the health index read the new count).
        await using var db = await DbAsync();
        var cases = await db.ApplicationEvents.AsNoTracking().Where(a => a.EnrollmentId == mentee.EnrollmentId && a.SubmittedAt != null).ToListAsync(Ct);
        cases.Select(c => c.Status).ShouldBe([ApplicationCaseStatus.Confirmed, ApplicationCaseStatus.Confirmed]);
        var mentorId = await db.Users.Where(u => u.UserName == MentorAccount).Select(u => u.MentorId).SingleAsync(Ct);
        cases.ShouldAllBe(c => c.ReviewedByMentorId == mentorId);
        var computedAt = await db.LearnerScores.Where(s => s.EnrollmentId == mentee.EnrollmentId).Select(s => s.ComputedAt).SingleAsync(Ct);
        computedAt.ShouldBeGreaterThanOrEqualTo(cases.Max(c => c.ReviewedAt!.Value));
    }

    /// <summary>
    /// A mentee of the demo mentor in a cohort whose tracking window is open today, in their most recent cohort (the one the
    /// form proposes), who is not the demo learner and not in the cohorts other browser tests read numbers from; an account
    /// of this test's own is linked to them.
    /// </summary>
    private async Task<Mentee> MenteeAsync()
    {
        await using var db = await DbAsync();
        var today = DateOnly.FromDateTime(browser.Clock.GetUtcNow().UtcDateTime);
        var mentorId = await db.Users.Where(u => u.UserName == MentorAccount).Select(u => u.MentorId).SingleAsync(Ct);
        var linked = await db.Users.Where(u => u.LearnerId != null && u.UserName != LearnerAccount).Select(u => u.LearnerId!.Value).ToListAsync(Ct);
        var candidates = await db.Enrollments.AsNoTracking()
            .Where(e => e.MentorId == mentorId && e.Status != EnrollmentStatus.Withdrawn && e.Cohort!.EndDate < today && !linked.Contains(e.LearnerId)
                && !e.Cohort.Code.StartsWith("LEAN-TL-") && !e.Cohort.Code.StartsWith("NEW-EMP-")
                && !db.Enrollments.Any(o => o.LearnerId == e.LearnerId && o.Id != e.Id && o.Cohort!.StartDate >= e.Cohort.StartDate && o.Cohort.StartDate <= today))
            .OrderByDescending(e => e.Cohort!.EndDate).ThenByDescending(e => e.Learner!.EmployeeNumber)
            .Select(e => new { e.Id, e.LearnerId, e.Learner!.EmployeeNumber, e.Cohort!.Code, e.Cohort.EndDate, e.Cohort.ProgramId, e.Cohort.ProfileVersionId })
            .ToListAsync(Ct);
        foreach (var c in candidates)
        {
            var window = (await ProfileResolver.ResolveAsync(db, c.ProgramId, c.ProfileVersionId, Ct))?.ApplicationWindowDays ?? WeightProfile.Default.ApplicationWindowDays;
            if (today > c.EndDate.AddDays(window))
                continue;
            var confirmed = await db.ApplicationEvents.Where(a => a.EnrollmentId == c.Id && a.Status == ApplicationCaseStatus.Confirmed).Select(a => a.OccurredOn).ToListAsync(Ct);
            await LinkAccountAsync(c.LearnerId);
            return new Mentee(c.EmployeeNumber, c.Id, c.Code, c.EndDate.AddDays(1),
                confirmed.Count(d => IndicatorDerivation.InApplicationWindow(d, c.EndDate, window) && d <= today));
        }
        throw new InvalidOperationException("The demo mentor has no mentee in a cohort whose tracking window is open today.");
    }

    private async Task LinkAccountAsync(int learnerId)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        if (await users.FindByNameAsync(LearnerAccount) is null)
        {
            var account = new UserAccount { UserName = LearnerAccount, DisplayName = LearnerAccount, CreatedAt = DateTime.UtcNow, LearnerId = learnerId };
            (await users.CreateAsync(account, LearnerPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(account, Roles.Learner)).Succeeded.ShouldBeTrue();
        }
        browser.AddAccount(LearnerAccount, LearnerPassword);
    }

    private Task<TrainingDbContext> DbAsync() =>
        browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
}
