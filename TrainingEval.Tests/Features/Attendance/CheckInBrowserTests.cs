using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Features.Attendance;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Attendance;

/// <summary>
/// Sessions, roster and check-in in headless Chromium on the demo company, as the demo trainer and the demo learner:
/// each test gets a cohort of its own running today (the trainer linked, the learner and four others enrolled), so the
/// demo data other tests read is untouched. "Now" is the app's clock (<see cref="BrowserFixture.Clock"/>).
/// </summary>
public sealed class CheckInBrowserTests(CheckInDashboard dashboard) : IClassFixture<CheckInDashboard>, IAsyncDisposable
{
    private readonly BrowserFixture browser = dashboard.Browser;
    private TimeSpan _shift;

    private const string TrainerAccount = "trainer";
    private const string LearnerAccount = "learner";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "Session \"Kaizen workshop\" scheduled.", "Check-in is open until", "Checked in: Present at", "Checked in at")]
    [InlineData("zh-CN", "已安排课次“现场改善”。", "签到进行中", "签到成功", "自助签到")]
    public async Task A_trainer_schedules_a_session_and_a_learner_checks_in_on_a_phone_while_the_roster_fills(
        string culture, string scheduled, string open, string checkedIn, string rosterMark)
    {
        var setup = await CohortForTodayAsync();
        await using var trainer = await browser.OpenAsync($"cohorts/{setup.Code}/sessions", culture, user: TrainerAccount);
        var page = trainer.Page;

        await page.GetByTestId("session-new").ClickAsync();
        await page.Locator("#session-date").FillAsync(SessionService.Day(setup.Today));
        await page.Locator("#session-start").FillAsync(SessionFormValidator.Format(setup.Start));
        await page.Locator("#session-end").FillAsync(SessionFormValidator.Format(setup.End));
        await page.Locator("#session-title").FillAsync("现场改善");
        await page.Locator("#session-title-en").FillAsync("Kaizen workshop");
        await page.Locator("#session-place").FillAsync("https://meet.example.com/kaizen");
        await page.GetByTestId("session-save").ClickAsync();
        await Expect(page.GetByTestId("sessions-message")).ToContainTextAsync(scheduled);

        await page.GetByTestId("session-row").Last.GetByTestId("session-roster").ClickAsync();
        var code = page.GetByTestId("roster-code");
        await Expect(code).ToHaveTextAsync(new Regex("^[A-Z2-9]{6}$"));
        await Expect(page.GetByTestId("roster-qr")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("checkin-state")).ToContainTextAsync(open);
        var row = page.Locator($"[data-testid=roster-row][data-employee='{setup.LearnerEmployeeNo}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "none");
        await trainer.ScreenshotAsync($"roster-before-checkin-{culture}", fullPage: false);

        await using var learner = await browser.OpenAsync("check-in", culture, BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: LearnerAccount);
        await learner.Page.GetByTestId("checkin-code").FillAsync((await code.InnerTextAsync()).ToLowerInvariant());
        await learner.Page.GetByTestId("checkin-submit").ClickAsync();
        await Expect(learner.Page.GetByTestId("checkin-result")).ToContainTextAsync(checkedIn);
        await Expect(learner.Page.GetByTestId("checkin-result")).ToHaveAttributeAsync("data-status", "present");
        (await learner.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await learner.ScreenshotAsync($"checkin-done-{culture}-390", fullPage: false);

        // The trainer's open roster shows it without a reload.
        await Expect(row).ToHaveAttributeAsync("data-status", "present");
        await Expect(row.GetByTestId("roster-mark")).ToContainTextAsync(rosterMark);
        await trainer.ScreenshotAsync($"roster-after-checkin-{culture}", fullPage: false);
    }

    [Fact]
    public async Task The_qr_link_fills_in_the_code_and_a_check_in_after_the_grace_time_is_late()
    {
        var setup = await CohortForTodayAsync();
        var sessionId = await ScheduleAsync(setup);
        await using var trainer = await browser.OpenAsync($"sessions/{sessionId}/roster", "en", user: TrainerAccount);
        var link = await trainer.Page.GetByTestId("roster-qr-link").GetAttributeAsync("href") ?? throw new InvalidOperationException("No QR link.");
        link.ShouldEndWith("check-in?code=" + await CodeAsync(sessionId));

        await using var learner = await browser.OpenAsync(new Uri(link).PathAndQuery.TrimStart('/'), "en", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: LearnerAccount);
        await Expect(learner.Page.GetByTestId("checkin-code")).ToHaveValueAsync(await CodeAsync(sessionId));
        // Start + 2 minutes now; 12 more is past the 10-minute grace time.
        browser.Clock.Offset += TimeSpan.FromMinutes(12);
        try
        {
            await learner.Page.GetByTestId("checkin-submit").ClickAsync();
            await Expect(learner.Page.GetByTestId("checkin-result")).ToContainTextAsync("Checked in: Late at");
            await Expect(trainer.Page.Locator($"[data-testid=roster-row][data-employee='{setup.LearnerEmployeeNo}']")).ToHaveAttributeAsync("data-status", "late");

            // Checking in again changes nothing and says so.
            await learner.Page.GetByTestId("checkin-submit").ClickAsync();
            await Expect(learner.Page.GetByTestId("checkin-result")).ToContainTextAsync("You are already checked in: Late at");
        }
        finally
        {
            browser.Clock.Offset -= TimeSpan.FromMinutes(12);
        }
    }

    [Fact]
    public async Task A_wrong_code_is_refused_in_the_learners_language()
    {
        await using var learner = await browser.OpenAsync("check-in?code=ZZZZZ2", "zh-CN", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: LearnerAccount);
        await learner.Page.GetByTestId("checkin-submit").ClickAsync();
        await Expect(learner.Page.GetByTestId("checkin-error")).ToHaveTextAsync("没有签到码为 ZZZZZ2 的课次。请核对讲师屏幕上的签到码后重新输入。");
    }

    [Theory]
    [InlineData("en", "trainer now runs the sessions of", "Roster")]
    [InlineData("zh-CN", "现在负责", "签到名单")]
    public async Task Staff_link_a_trainer_on_the_sessions_page_and_the_trainer_then_runs_the_cohort(string culture, string linked, string roster)
    {
        var setup = await CohortForTodayAsync(linkTrainer: false);
        await ScheduleAsync(setup);
        await using var analyst = await browser.OpenAsync($"cohorts/{setup.Code}/sessions", culture);
        await Expect(analyst.Page.GetByTestId("trainers-none")).ToBeVisibleAsync();
        await analyst.Page.GetByTestId("trainer-pick").ClickAsync();
        await analyst.Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "(trainer)" }).ClickAsync();
        await analyst.Page.GetByTestId("trainer-add").ClickAsync();
        await Expect(analyst.Page.GetByTestId("sessions-message")).ToContainTextAsync(linked);
        await Expect(analyst.Page.GetByTestId("trainer-chip")).ToContainTextAsync("trainer");

        await using var trainer = await browser.OpenAsync("teaching", culture, user: TrainerAccount);
        var cohort = trainer.Page.Locator($"[data-testid=teaching-cohort][data-cohort='{setup.Code}']");
        await Expect(cohort.GetByTestId("teaching-roster")).ToHaveTextAsync(roster);
    }

    [Fact]
    public async Task The_roster_is_marked_by_keyboard()
    {
        var setup = await CohortForTodayAsync();
        var sessionId = await ScheduleAsync(setup);
        await using var trainer = await browser.OpenAsync($"sessions/{sessionId}/roster", "zh-CN", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: TrainerAccount);
        var page = trainer.Page;
        var first = page.GetByTestId("roster-row").First;
        var second = page.GetByTestId("roster-row").Nth(1);

        await first.GetByTestId("mark-present").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(first).ToHaveAttributeAsync("data-status", "present");
        await Expect(first.GetByTestId("mark-present")).ToHaveAttributeAsync("aria-pressed", "true");
        // A letter marks the row whose buttons have focus: L late, A absent, E excused.
        await page.Keyboard.PressAsync("a");
        await Expect(first).ToHaveAttributeAsync("data-status", "absent");
        await Expect(first.GetByTestId("roster-mark")).ToContainTextAsync("trainer");
        // Tab walks on to the next learner's buttons.
        await first.GetByTestId("mark-excused").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("l");
        await Expect(second).ToHaveAttributeAsync("data-status", "late");
        await Expect(page.GetByTestId("roster-summary")).ToContainTextAsync("已登记 2 / 5 人 · 出勤 0 · 迟到 1 · 缺勤 1 · 请假 0");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await trainer.ScreenshotAsync("roster-keyboard-zh-CN-390", fullPage: false);

        await using var db = await DbAsync();
        (await db.Attendance.Where(a => a.SessionId == sessionId).Select(a => a.Status).OrderBy(s => s).ToListAsync(Ct))
            .ShouldBe([AttendanceStatus.Late, AttendanceStatus.Absent]);
    }

    [Theory]
    [InlineData("en", "Mark the rest absent", "Mark absent", "4 learners marked absent.", "5 of 5 marked · 1 present · 0 late · 4 absent · 0 excused")]
    [InlineData("zh-CN", "其余标为缺勤", "标为缺勤", "已将 4 名学员标为缺勤。", "已登记 5 / 5 人 · 出勤 1 · 迟到 0 · 缺勤 4 · 请假 0")]
    public async Task The_trainer_marks_everyone_not_yet_marked_absent_after_confirming(string culture, string button, string confirm, string done, string summary)
    {
        var setup = await CohortForTodayAsync();
        var sessionId = await ScheduleAsync(setup);
        await using var trainer = await browser.OpenAsync($"sessions/{sessionId}/roster", culture, user: TrainerAccount);
        var page = trainer.Page;
        var first = page.GetByTestId("roster-row").First;
        await first.GetByTestId("mark-present").ClickAsync();
        await Expect(first).ToHaveAttributeAsync("data-status", "present");

        await Expect(page.GetByTestId("roster-rest-absent")).ToHaveTextAsync(button);
        await page.GetByTestId("roster-rest-absent").ClickAsync();
        var yes = page.GetByRole(AriaRole.Button, new() { Name = confirm, Exact = true });
        await Expect(yes).ToBeVisibleAsync();
        await trainer.ScreenshotAsync($"roster-rest-absent-confirm-{culture}", fullPage: false);
        await yes.ClickAsync();

        await Expect(page.GetByTestId("roster-bulk-done")).ToHaveTextAsync(done);
        await Expect(page.GetByTestId("roster-summary")).ToContainTextAsync(summary);
        await Expect(first).ToHaveAttributeAsync("data-status", "present");
        await Expect(page.GetByTestId("roster-rest-absent")).ToHaveCountAsync(0);
        await trainer.ScreenshotAsync($"roster-rest-absent-done-{culture}", fullPage: false);
        await using var db = await DbAsync();
        (await db.Attendance.CountAsync(a => a.SessionId == sessionId && a.Status == AttendanceStatus.Absent, Ct)).ShouldBe(4);
    }

    /// <summary>Puts back the clock if a test moved it away from midnight.</summary>
    public ValueTask DisposeAsync()
    {
        browser.Clock.Offset -= _shift;
        _shift = TimeSpan.Zero;
        return ValueTask.CompletedTask;
    }

    private sealed record TodayCohort(int Id, string Code, DateOnly Today, TimeOnly Start, string LearnerEmployeeNo)
    {
        /// <summary>Two hours, or until a minute before midnight.</summary>
        public TimeOnly End => Start.AddHours(2) < Start ? new TimeOnly(23, 59) : Start.AddHours(2);
    }

    /// <summary>
    /// A cohort of the first demo program running from a week ago to a month ahead, with the demo trainer linked and the
    /// demo learner and four others enrolled; and a start time two minutes ago (local). Close to midnight the clock is
    /// moved back an hour for the test, so the session and its grace time fit in one day.
    /// </summary>
    private async Task<TodayCohort> CohortForTodayAsync(bool linkTrainer = true)
    {
        await browser.EnsureStartedAsync();
        var local = browser.Services.GetRequiredService<LocalTime>();
        var now = local.ToLocal(browser.Clock.GetUtcNow().UtcDateTime);
        if (now.TimeOfDay > new TimeSpan(23, 30, 0) || now.TimeOfDay < new TimeSpan(0, 5, 0))
        {
            _shift = -TimeSpan.FromHours(1);
            browser.Clock.Offset += _shift;
            now = local.ToLocal(browser.Clock.GetUtcNow().UtcDateTime);
        }
        var today = DateOnly.FromDateTime(now);
        var start = TimeOnly.FromDateTime(now).AddMinutes(-2);
        start = new TimeOnly(start.Hour, start.Minute);

        await using var db = await DbAsync();
        var program = await db.Programs.OrderBy(p => p.Id).FirstAsync(Ct);
        var trainerId = await db.Users.Where(u => u.UserName == TrainerAccount).Select(u => u.Id).SingleAsync(Ct);
        var learnerId = await db.Users.Where(u => u.UserName == LearnerAccount).Select(u => u.LearnerId!.Value).SingleAsync(Ct);
        var others = await db.Learners.Where(l => l.Id != learnerId).OrderBy(l => l.Id).Take(4).Select(l => l.Id).ToListAsync(Ct);
        var cohort = new Cohort
        {
            ProgramId = program.Id, Code = "ATT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), Name = "签到测试班", NameEn = "Check-in test run",
            StartDate = today.AddDays(-7), EndDate = today.AddDays(30),
        };
        db.Cohorts.Add(cohort);
        foreach (var id in others.Prepend(learnerId))
            db.Enrollments.Add(new Enrollment { Cohort = cohort, LearnerId = id, Status = EnrollmentStatus.Enrolled, EnrolledOn = today.AddDays(-7) });
        if (linkTrainer)
            cohort.Trainers.Add(new CohortTrainer { UserId = trainerId });
        await db.SaveChangesAsync(Ct);
        var employeeNo = await db.Learners.Where(l => l.Id == learnerId).Select(l => l.EmployeeNumber).SingleAsync(Ct);
        return new TodayCohort(cohort.Id, cohort.Code, today, start, employeeNo);
    }

    private async Task<int> ScheduleAsync(TodayCohort cohort)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionService>().SaveAsync(cohort.Id, new SessionInput
        {
            HeldOn = SessionService.Day(cohort.Today), Start = SessionFormValidator.Format(cohort.Start),
            End = SessionFormValidator.Format(cohort.End), Title = "现场改善", TitleEn = "Kaizen workshop",
        }, Ct);
    }

    private async Task<string> CodeAsync(int sessionId)
    {
        await using var db = await DbAsync();
        return await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.CheckInCode!).SingleAsync(Ct);
    }

    private Task<TrainingDbContext> DbAsync() =>
        browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
}

/// <summary>
/// A dashboard of the check-in tests' own: they add cohorts to the demo program, enrol the demo learner and move the
/// app's clock, which the browser tests reading the shared demo company (program history, the learner page) must not see.
/// </summary>
public sealed class CheckInDashboard : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new();

    public ValueTask InitializeAsync() => Browser.InitializeAsync();

    public ValueTask DisposeAsync() => Browser.DisposeAsync();
}
