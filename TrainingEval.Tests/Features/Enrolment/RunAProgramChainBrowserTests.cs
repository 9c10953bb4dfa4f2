using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Features.Account;
using TrainingEval.Dashboard.Features.Admin;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Attendance;
using TrainingEval.Dashboard.Features.Cohorts.Manage;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Notifications;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Enrolment;

/// <summary>
/// The dashboard of the done-when chain: no demo data (demo sign-ins only), two mentors added and 60 employees E100–E159
/// imported through the product's own services and API — 30 for each language's run, so the runs do not share learners
/// (a learner's health index counts every cohort they are in) — and sign-ins for the first <see cref="PhoneLearners"/> of
/// each 30 made by the users service (the admin's "new account" with the learner link), so they can check in. Its clock
/// is its own (<see cref="BrowserFixture.Clock"/>): the chain moves it a week on to let the health week finish.
/// </summary>
public sealed class ChainDashboard : IAsyncLifetime
{
    public const int PhoneLearners = 5;
    public const string LearnerPassword = "Chain-Learner-2026!";
    private const string Key = "bootstrap-key-for-the-chain";

    public BrowserFixture Browser { get; } = new()
    {
        ConfigureServer = server =>
        {
            server.Settings["TrainingEval:DemoData:Enabled"] = "false";
            // The weekly job would compute the last finished week once at start-up (an empty one) and then never again
            // in this process; the chain runs what the job runs itself, after moving the clock (see the test).
            server.Settings["TrainingEval:Health:BackgroundJobEnabled"] = "false";
            server.Settings["Api:BootstrapKey"] = Key;
        },
    };

    /// <summary>The 30 employees a run in <paramref name="culture"/> pastes: E100–E129 in English, E130–E159 in Chinese.</summary>
    public static IReadOnlyList<string> Employees(string culture) =>
        [.. Enumerable.Range(culture == "en" ? 100 : 130, 30).Select(n => string.Create(CultureInfo.InvariantCulture, $"E{n}"))];

    private static IEnumerable<string> Everyone => Employees("en").Concat(Employees("zh-CN"));

    /// <summary>The sign-in of a learner with a phone.</summary>
    public static string LearnerAccount(string employeeNo) => "learner-" + employeeNo.ToLowerInvariant();

    public async ValueTask InitializeAsync()
    {
        await Browser.InitializeAsync();
        if (!File.Exists(BrowserFixture.ChromiumPath))
            return;
        await Browser.EnsureStartedAsync();
        var services = Browser.Services;
        using (var scope = services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedDemoAccountsAsync()).ShouldBeTrue("a database without data gets the demo sign-ins only");

        // Outside a request and a circuit the services act as the system (an admin), as a set-up tool would.
        using (var scope = services.CreateScope())
        {
            var mentors = scope.ServiceProvider.GetRequiredService<MentorManagement>();
            (await mentors.AddAsync(new MentorInput { EmployeeNo = "M01", Name = "王师傅", NameEn = "Master Wang", Department = "生产部" })).ShouldBeEmpty();
            (await mentors.AddAsync(new MentorInput { EmployeeNo = "M02", Name = "李师傅", NameEn = "Master Li", Department = "生产部" })).ShouldBeEmpty();
        }

        using (var client = new HttpClient { BaseAddress = Browser.BaseUri })
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Key);
            var csv = "employee_no,name,department\n" + string.Join("\n", Everyone.Select((e, i) => $"{e},学员{i % 30 + 1:00},生产部"));
            using var body = new StringContent(csv, Encoding.UTF8, ImportFormats.CsvMediaType);
            (await client.PostAsync(new Uri("api/v1/imports/learners", UriKind.Relative), body)).EnsureSuccessStatusCode();
        }

        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            foreach (var employeeNo in Employees("en").Take(PhoneLearners).Concat(Employees("zh-CN").Take(PhoneLearners)))
            {
                await users.CreateAsync(new NewUser(LearnerAccount(employeeNo), employeeNo, LearnerPassword, [Roles.Learner], employeeNo, null));
                Browser.AddAccount(LearnerAccount(employeeNo), LearnerPassword);
            }
        }
    }

    public ValueTask DisposeAsync() => Browser.DisposeAsync();
}

/// <summary>
/// Issue 16's done-when as one chain on a database without demo data, each step as its role in the browser: the HR
/// analyst creates a program and a cohort, pastes the 30 employee numbers with their mentor, links the trainer and schedules two sessions
/// (one on Saturday last week, one running now); the trainer takes the earlier session's attendance on its roster, then opens
/// the current session's roster and reads its check-in code off the screen; five learners type it on their phones
/// (390 px) while the roster fills without a reload; the trainer marks the rest absent; a week later (the app's clock
/// moved on) the weekly health snapshot is taken and the analyst reads attendance scores and the learning health index
/// on the cohort page. Run once in English and once in Chinese, each with its own program and cohort.
/// </summary>
public sealed class RunAProgramChainBrowserTests(ChainDashboard dashboard) : IClassFixture<ChainDashboard>, IAsyncDisposable
{
    private readonly BrowserFixture browser = dashboard.Browser;
    private TimeSpan _shift;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Words(
        string ProgramName, string Counts30, string TrainerLinked, string Scheduled, string Open, string CheckedIn, string RosterMark,
        string RestAbsent, string ConfirmAbsent, string MarkedAbsent, string Reaction, string Learning, string Insufficient,
        string NoSnapshot, string NoIndex, string Week, string Healthy, string Watch, string AtRisk, string NoBand);

    private static Words For(string culture) => culture == "en"
        ? new("Running a program", "30 enrolled · 0 withdrawn", "trainer now runs the sessions of", "scheduled.", "Check-in is open until",
            "Checked in: Present at", "Checked in at", "Mark the rest absent", "Mark absent", "24 learners marked absent.", "Reaction", "Learning", "Insufficient data",
            "No weekly snapshot yet: the index is taken when a week of the cohort has ended.",
            "None of the 30 learners has an index this week yet: each part needs at least two items in the 28-day window (two sessions held, two assignments due, two results).",
            "Week {0}, to {1}", "Healthy", "Watch", "At risk", "No index")
        : new("运营训练", "在册 30 人 · 已退出 0 人", "现在负责", "已安排课次", "签到进行中",
            "签到成功", "自助签到", "其余标为缺勤", "标为缺勤", "已将 24 名学员标为缺勤。", "反应", "学习", "数据不足",
            "尚无每周快照：班期的一周结束后才计算指数。",
            "本周 30 名学员都还没有指数：每一项在 28 天窗口内至少需要两条记录（两次课、两项到期作业或两次成绩）。",
            "第 {0} 周，截至 {1}", "健康", "关注", "高风险", "无指数");

    private static string Summary(string culture, int marked, int present, int late, int absent) => culture == "en"
        ? $"{marked} of 30 marked · {present} present · {late} late · {absent} absent · 0 excused"
        : $"已登记 {marked} / 30 人 · 出勤 {present} · 迟到 {late} · 缺勤 {absent} · 请假 0";

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task An_analyst_runs_a_program_from_an_empty_database_to_attendance_scores_and_the_health_index(string culture)
    {
        var words = For(culture);
        var employees = ChainDashboard.Employees(culture);
        var suffix = culture == "en" ? "EN" : "ZH";
        var program = $"CHAIN-{suffix}";
        var cohort = $"CHAIN-{suffix}-1";
        var (today, start, end) = await SessionTimesAsync();
        // The earlier session on the Saturday of last week: a finished week, whose snapshot then has one session to go on.
        var earlier = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 2);

        // 1. The HR analyst at 1440 px: program, cohort, 30 pasted numbers, the trainer, two sessions.
        await using var analyst = await browser.OpenAsync("programs", culture);
        var page = analyst.Page;
        await page.GetByTestId("program-new").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/programs/new", StringComparison.Ordinal));
        await page.GetByTestId("program-code").FillAsync(program);
        await page.GetByTestId("program-name").FillAsync("运营训练");
        await page.GetByTestId("program-name-en").FillAsync("Running a program");
        await page.GetByTestId("program-save").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/programs/{program}", StringComparison.Ordinal));
        await Expect(page.GetByTestId("page-title")).ToHaveTextAsync(words.ProgramName);

        await page.GetByTestId("cohort-new").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/cohorts/new", StringComparison.Ordinal));
        await Expect(page.GetByTestId("cohort-program")).ToHaveValueAsync(program);
        await page.GetByTestId("cohort-code").FillAsync(cohort);
        await page.GetByTestId("cohort-name").FillAsync("第一期");
        await page.GetByTestId("cohort-name-en").FillAsync("Cohort one");
        await FillDateAsync(page, "cohort-start", Day(today.AddDays(-10)));
        await FillDateAsync(page, "cohort-end", Day(today.AddDays(40)));
        await page.GetByTestId("cohort-save").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/cohorts/{cohort}/manage", StringComparison.Ordinal));
        await Expect(page.GetByTestId("cohort-status")).ToHaveAttributeAsync("data-status", "Running");

        // The 30 numbers pasted, with Master Wang as the mentor of the whole list.
        await page.GetByTestId("enrol-numbers").FillAsync(string.Join("\n", employees));
        await page.GetByTestId("enrol-mentor").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "(M01)" }).ClickAsync();
        await page.GetByTestId("enrol-submit").ClickAsync();
        await Expect(page.GetByTestId("enrolment-number")).ToHaveCountAsync(30);
        await Expect(page.GetByTestId("enrolment-mentor").Last).ToContainTextAsync(new Regex("王师傅|Master Wang"));
        await Expect(page.GetByTestId("enrolment-counts")).ToHaveTextAsync(words.Counts30);
        await analyst.ScreenshotAsync($"chain-1-enrolled-{culture}");

        await page.GetByTestId("cohort-open").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/cohorts/{cohort}", StringComparison.Ordinal));
        await page.GetByTestId("cohort-sessions-link").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/cohorts/{cohort}/sessions", StringComparison.Ordinal));
        await page.GetByTestId("trainer-pick").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "(trainer)" }).ClickAsync();
        await page.GetByTestId("trainer-add").ClickAsync();
        await Expect(page.GetByTestId("sessions-message")).ToContainTextAsync(words.TrainerLinked);
        await ScheduleAsync(page, earlier, new TimeOnly(9, 0), new TimeOnly(11, 0), "安全规程", "Safety rules", words.Scheduled);
        await ScheduleAsync(page, today, start, end, "现场改善", "Kaizen workshop", words.Scheduled);
        await Expect(page.GetByTestId("session-row")).ToHaveCountAsync(2);
        await analyst.ScreenshotAsync($"chain-1-sessions-{culture}");

        // 2. The trainer: the earlier session's roster is taken afterwards (five present, one late, the rest absent) …
        await using var trainer = await browser.OpenAsync($"cohorts/{cohort}/sessions", culture, user: "trainer");
        var roster = trainer.Page;
        await roster.GetByTestId("session-row").First.GetByTestId("session-roster").ClickAsync();
        await Expect(roster.GetByTestId("roster-row")).ToHaveCountAsync(30);
        for (var i = 0; i <= ChainDashboard.PhoneLearners; i++)
        {
            var row = Row(roster, employees[i]);
            var status = i < ChainDashboard.PhoneLearners ? "present" : "late";
            await row.GetByTestId($"mark-{status}").ClickAsync();
            await Expect(row).ToHaveAttributeAsync("data-status", status);
        }
        await MarkTheRestAbsentAsync(roster, words, culture, marked: 30, present: 5, late: 1, absent: 24);

        // … then today's roster, kept open: its code read off the screen.
        await roster.GetByTestId("roster-sessions-link").ClickAsync();
        await roster.GetByTestId("session-row").Last.GetByTestId("session-roster").ClickAsync();
        var code = roster.GetByTestId("roster-code");
        await Expect(code).ToHaveTextAsync(new Regex("^[A-Z2-9]{6}$"));
        await Expect(roster.GetByTestId("checkin-state")).ToContainTextAsync(words.Open);
        await Expect(roster.GetByTestId("roster-summary")).ToContainTextAsync(Summary(culture, 0, 0, 0, 0));
        var shownCode = await code.InnerTextAsync();
        await trainer.ScreenshotAsync($"chain-2-roster-open-{culture}", fullPage: false);

        // 3. Five learners type the code on their phones; the trainer's roster counts each one without a reload.
        for (var i = 0; i < ChainDashboard.PhoneLearners; i++)
        {
            await using var phone = await browser.OpenAsync("check-in", culture, BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: ChainDashboard.LearnerAccount(employees[i]));
            await phone.Page.GetByTestId("checkin-code").FillAsync(i % 2 == 0 ? shownCode : shownCode.ToLowerInvariant());
            await phone.Page.GetByTestId("checkin-submit").ClickAsync();
            await Expect(phone.Page.GetByTestId("checkin-result")).ToContainTextAsync(words.CheckedIn);
            await Expect(phone.Page.GetByTestId("checkin-result")).ToHaveAttributeAsync("data-status", "present");
            (await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
            if (i == 0)
                await phone.ScreenshotAsync($"chain-3-checked-in-{culture}-390", fullPage: false);

            var row = Row(roster, employees[i]);
            await Expect(row).ToHaveAttributeAsync("data-status", "present");
            await Expect(row.GetByTestId("roster-mark")).ToContainTextAsync(words.RosterMark);
            await Expect(roster.GetByTestId("roster-summary")).ToContainTextAsync(Summary(culture, i + 1, i + 1, 0, 0));
        }
        await trainer.ScreenshotAsync($"chain-3-roster-filled-{culture}", fullPage: false);
        // The sixth, late last time, did not come today: marked absent by the trainer with the 24 others.
        await MarkTheRestAbsentAsync(roster, words, culture, marked: 30, present: 5, late: 0, absent: 25, markedNow: 25);

        // The cohort page the same evening: every mark queued the health weeks of the cohort; once they are computed, the
        // health card is honest about having too little — last week's snapshot saw one session, and the index needs
        // two (spec section 9); this week has not ended (the job's weeks are counted from the UTC date).
        var health = browser.Services.GetRequiredService<HealthRecomputes>();
        await health.WhenIdleAsync(Ct);
        await analyst.GoToAsync(new Uri(browser.BaseUri, $"cohorts/{cohort}"));
        var lastWeekDone = IsoWeek.Of(earlier) <= HealthSnapshotService.LastFinishedWeek(browser.Clock.GetUtcNow().UtcDateTime);
        await Expect(page.GetByTestId("health-empty")).ToHaveTextAsync(lastWeekDone ? words.NoIndex : words.NoSnapshot);
        await analyst.ScreenshotAsync($"chain-4-cohort-no-index-{culture}");

        // 4. A week later. The learning health index is a weekly snapshot taken when an ISO week has ended (spec section
        // 5) and needs two sessions held in its 28-day window (section 9) — hence the two sessions. The hosted weekly job
        // is off in this dashboard (it computes a week once per process, and this test runs twice), so after moving the
        // clock past the end of this week the test runs what the job runs at its next check: the snapshot of the last
        // finished week and its digests, through the server's own services, as the system. Eight days, not seven: the
        // job's "last finished week" is counted from the UTC date, which is a day behind Shanghai's in the evening.
        Shift(TimeSpan.FromDays(8));
        var week = HealthSnapshotService.LastFinishedWeek(browser.Clock.GetUtcNow().UtcDateTime);
        using (browser.Services.GetRequiredService<CurrentActor>().As(UserContext.System))
        {
            await browser.Services.GetRequiredService<HealthSnapshotService>().ComputeWeekAsync(week, cancellationToken: Ct);
            await browser.Services.GetRequiredService<DigestWriter>().WriteAsync(week, Ct);
        }

        // A week on, the analyst's sign-in of last week has expired: the cohort page asks for it again first.
        await page.GotoAsync(new Uri(browser.BaseUri, $"cohorts/{cohort}?size=50").ToString());
        await page.WaitForURLAsync(u => u.Contains("/account/login", StringComparison.Ordinal));
        await page.GetByTestId("login-user").FillAsync("analyst");
        await page.GetByTestId("login-password").FillAsync(AccountSeeder.DemoAccounts.Single(a => a.UserName == "analyst").Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains($"/cohorts/{cohort}?size=50", StringComparison.Ordinal));
        await analyst.WaitForCircuitAsync();
        // Attendance is the one measured indicator: two of two present ⇒ 100, late then absent ⇒ 25, absent twice ⇒ 0;
        // the levels without a record stay empty and the tier says the data are insufficient (nothing counted as 0).
        await ExpectLearnerAsync(page, words, employees[0], reaction: "100.0", composite: "100.0");
        await ExpectLearnerAsync(page, words, employees[5], reaction: "25.0", composite: "25.0");
        await ExpectLearnerAsync(page, words, employees[29], reaction: "0.0", composite: "0.0");

        // The health index of the finished week: attendance is its one part with two items (punctuality, performance and
        // engagement have no records, so they are left out): 100 for the five, 25 for the sixth (late, then absent), 0 for the 24 absent twice.
        var card = page.GetByTestId("cohort-health");
        var weekEnd = WeekEnd(week);
        await Expect(card.GetByTestId("health-week")).ToHaveTextAsync(string.Format(CultureInfo.GetCultureInfo(culture), words.Week, week, weekEnd.ToString("d", CultureInfo.GetCultureInfo(culture))));
        await Expect(card.GetByTestId("health-mean")).ToHaveTextAsync("17.5");
        await Expect(Band(card, "Healthy")).ToHaveTextAsync($"{words.Healthy} 5");
        await Expect(Band(card, "Watch")).ToHaveTextAsync($"{words.Watch} 0");
        await Expect(Band(card, "AtRisk")).ToHaveTextAsync($"{words.AtRisk} 25");
        await Expect(Band(card, "None")).ToHaveTextAsync($"{words.NoBand} 0");
        await Expect(card.Locator("[data-testid=health-component][data-component=Attendance] dd")).ToHaveTextAsync("17.5");
        await Expect(card.Locator("[data-testid=health-component][data-component=Punctuality] dd")).ToHaveTextAsync(ScoreFormat.Missing);
        await card.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"chain-4-health-card-{culture}.png") });

        // The same page on a phone: the card fits the width.
        await page.SetViewportSizeAsync(BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight);
        await analyst.GoToAsync(new Uri(page.Url));
        await Expect(card.GetByTestId("health-mean")).ToHaveTextAsync("17.5");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth,
            await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391).slice(0, 8).map(e => e.tagName + '.' + e.className + '[' + (e.dataset.testid || '') + '] ' + Math.round(e.getBoundingClientRect().right)).join(' | ')"));
        await card.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"chain-4-health-card-{culture}-390.png") });
        await analyst.ScreenshotAsync($"chain-4-cohort-{culture}");
    }

    private static ILocator Band(ILocator card, string band) => card.Locator($"[data-testid=health-band][data-band={band}]");

    /// <summary>The Sunday a week's snapshot is taken at.</summary>
    private static DateOnly WeekEnd(IsoWeek week) => DateOnly.FromDateTime(ISOWeek.ToDateTime(week.Year, week.Week, DayOfWeek.Sunday));

    private static ILocator Row(IPage page, string employeeNo) => page.Locator($"[data-testid=roster-row][data-employee='{employeeNo}']");

    private static async Task MarkTheRestAbsentAsync(IPage page, Words words, string culture, int marked, int present, int late, int absent, int markedNow = 24)
    {
        await Expect(page.GetByTestId("roster-rest-absent")).ToHaveTextAsync(words.RestAbsent);
        await page.GetByTestId("roster-rest-absent").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.ConfirmAbsent, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("roster-bulk-done")).ToHaveTextAsync(markedNow == 24 ? words.MarkedAbsent : words.MarkedAbsent.Replace("24", "25", StringComparison.Ordinal));
        await Expect(page.GetByTestId("roster-summary")).ToContainTextAsync(Summary(culture, marked, present, late, absent));
    }

    private static async Task ExpectLearnerAsync(IPage page, Words words, string employeeNo, string reaction, string composite)
    {
        var row = page.GetByTestId("learner-table").Locator("tr", new() { HasText = employeeNo });
        await Expect(row.Locator($"td[data-label='{words.Reaction}']")).ToHaveTextAsync(reaction);
        await Expect(row.Locator($"td[data-label='{words.Learning}']")).ToHaveTextAsync(ScoreFormat.Missing);
        await Expect(row.Locator("td.composite")).ToContainTextAsync(composite);
        await Expect(row).ToContainTextAsync(words.Insufficient);
    }

    private static async Task ScheduleAsync(IPage page, DateOnly day, TimeOnly start, TimeOnly end, string title, string titleEn, string scheduled)
    {
        await page.GetByTestId("session-new").ClickAsync();
        await page.Locator("#session-date").FillAsync(SessionService.Day(day));
        await page.Locator("#session-start").FillAsync(SessionFormValidator.Format(start));
        await page.Locator("#session-end").FillAsync(SessionFormValidator.Format(end));
        await page.Locator("#session-title").FillAsync(title);
        await page.Locator("#session-title-en").FillAsync(titleEn);
        await page.GetByTestId("session-save").ClickAsync();
        await Expect(page.GetByTestId("sessions-message")).ToContainTextAsync(scheduled);
        await Expect(page.GetByTestId("session-form")).ToHaveCountAsync(0);
    }

    private static async Task FillDateAsync(IPage page, string testId, string day)
    {
        var input = page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
        await input.FillAsync(day);
        await input.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        await Expect(input).ToHaveValueAsync(day);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Today (local) and a session from two minutes ago, for two hours or until a minute before midnight; close to
    /// midnight the clock goes back an hour first, so the session and its check-in fit in one day.
    /// </summary>
    private async Task<(DateOnly Today, TimeOnly Start, TimeOnly End)> SessionTimesAsync()
    {
        await browser.EnsureStartedAsync();
        var local = browser.Services.GetRequiredService<LocalTime>();
        var now = local.ToLocal(browser.Clock.GetUtcNow().UtcDateTime);
        if (now.TimeOfDay > new TimeSpan(23, 30, 0) || now.TimeOfDay < new TimeSpan(0, 5, 0))
        {
            Shift(-TimeSpan.FromHours(1));
            now = local.ToLocal(browser.Clock.GetUtcNow().UtcDateTime);
        }
        var start = TimeOnly.FromDateTime(now).AddMinutes(-2);
        start = new TimeOnly(start.Hour, start.Minute);
        var end = start.AddHours(2) < start ? new TimeOnly(23, 59) : start.AddHours(2);
        return (DateOnly.FromDateTime(now), start, end);
    }

    private void Shift(TimeSpan by)
    {
        _shift += by;
        browser.Clock.Offset += by;
    }

    /// <summary>Puts the clock back for the next run.</summary>
    public ValueTask DisposeAsync()
    {
        browser.Clock.Offset -= _shift;
        _shift = TimeSpan.Zero;
        return ValueTask.CompletedTask;
    }
}
