using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Features.Account;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Enrolment;

/// <summary>
/// A dashboard on a database without demo data (only the demo sign-ins, two mentors and 30 employees loaded through the
/// learners import of the API), its own Chromium.
/// </summary>
public sealed class EmptyDashboard : IAsyncLifetime
{
    private const string Key = "bootstrap-key-for-run-a-program";
    private DashboardServer? _server;
    private IPlaywright? _playwright;
    private readonly Dictionary<string, string> _signedIn = new(StringComparer.Ordinal);

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public IBrowser? Browser { get; private set; }

    /// <summary>The employees E100–E129, to be pasted.</summary>
    public static IReadOnlyList<string> Employees { get; } = [.. Enumerable.Range(100, 30).Select(n => string.Create(CultureInfo.InvariantCulture, $"E{n}"))];

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
            return;
        _server = new DashboardServer();
        _server.Settings["TrainingEval:DemoData:Enabled"] = "false";
        _server.Settings["TrainingEval:Health:BackgroundJobEnabled"] = "false";
        _server.Settings["Api:BootstrapKey"] = Key;
        BaseUri = _server.Start();

        using (var scope = _server.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedDemoAccountsAsync()).ShouldBeTrue("a database without data gets the demo sign-ins only");
        await using (var db = await _server.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync())
        {
            // Nothing imports mentors yet: they are written here, as an HR system would have them.
            var department = new Department { Code = "PRD", Name = "生产部", NameEn = "Production" };
            db.Mentors.AddRange(
                new Mentor { EmployeeNumber = "M01", Name = "王师傅", NameEn = "Master Wang", Department = department },
                new Mentor { EmployeeNumber = "M02", Name = "李师傅", NameEn = "Master Li", Department = department });
            await db.SaveChangesAsync();
        }
        using var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Key);
        var csv = "employee_no,name,department\n" + string.Join("\n", Employees.Select((e, i) => $"{e},学员{i + 1:00},生产部"));
        using var body = new StringContent(csv, Encoding.UTF8, ImportFormats.CsvMediaType);
        (await client.PostAsync(new Uri("/api/v1/imports/learners", UriKind.Relative), body)).EnsureSuccessStatusCode();

        _playwright = await Playwright.CreateAsync();
        _playwright.Selectors.SetTestIdAttribute(BrowserFixture.TestIdAttribute);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A page signed in as the demo HR analyst, in <paramref name="culture"/> at <paramref name="width"/>.</summary>
    public async Task<IPage> OpenAsync(string culture, int width)
    {
        if (Browser is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"Chromium is not installed at {BrowserFixture.ChromiumPath}; browser tests cannot be skipped in CI.");
            Assert.Skip($"Chromium is not installed at {BrowserFixture.ChromiumPath}.");
        }
        var state = await SignedInAsync("analyst");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width == BrowserFixture.PhoneWidth ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight },
            Locale = culture,
            StorageState = state,
        });
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = BaseUri.ToString() }]);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private async Task<string> SignedInAsync(string userName)
    {
        if (_signedIn.TryGetValue(userName, out var state))
            return state;
        var account = AccountSeeder.DemoAccounts.Single(a => a.UserName == userName);
        await using var context = await Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(BaseUri, "account/login?returnUrl=%2Fprograms").ToString());
        await page.GetByTestId("login-user").FillAsync(account.UserName);
        await page.GetByTestId("login-password").FillAsync(account.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/programs", StringComparison.Ordinal));
        return _signedIn[userName] = await context.StorageStateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

/// <summary>
/// Issue 16 in the browser, on a database without demo data: an HR analyst creates a program and a cohort (the dates in
/// the wrong order first), pastes 30 employee numbers with an unknown one (refused, named, nothing written; then the known
/// 30 explicitly), tries to enrol someone twice, assigns a mentor and withdraws one learner — in English and in Chinese,
/// once on a phone, asserting on the words on the screen.
/// </summary>
public sealed class RunAProgramBrowserTests(EmptyDashboard dashboard) : IClassFixture<EmptyDashboard>
{
    private sealed record Words(string ProgramName, string CohortName, string EndsBefore, string Unknown, string KnownOffer, string EnrolKnown,
        string Twice, string MentorName, string MentorDone, string Counts30, string Counts29, string WithdrewOn,
        string FinalExam, string NotTracked, string ExamAdded, string SurveyAdded);

    private static Words For(string culture, string program, string cohort, string start, string end) => culture == "en"
        ? new("Running a program", "Cohort one", $"The cohort ends ({start}) before it starts ({end}).",
            "There is no learner with employee number X999; import them in a learners file first.", "1 of the numbers are unknown, so nobody was enrolled.",
            "Enrol the 30 known ones", $"学员01 (E100) is already enrolled in cohort {cohort}; a learner is enrolled once per cohort.",
            "Master Li", "Master Li now mentors 学员01.", "30 enrolled · 0 withdrawn", "29 enrolled · 1 withdrawn", "Withdrew on",
            "Final exam", "Not tracked: no assessment results yet; tracked from the first one (no plan is set, so the records present decide).",
            "Assessment FINAL added; the cohort is rescored.", "Survey END added.")
        : new("运营训练", "第一期", $"班期结束日期（{start}）早于开始日期（{end}）。",
            "没有工号为 X999 的学员；请先用学员文件导入。", "其中 1 个工号不存在，因此没有人被报名。",
            "只报名已知的 30 人", $"学员01（E100）已报名班期 {cohort}；同一学员在一个班期只能报名一次。",
            "李师傅", "学员01 的导师已改为 李师傅。", "在册 30 人 · 已退出 0 人", "在册 29 人 · 已退出 1 人", "退出",
            "结业考试", "未跟踪：尚无考核成绩；有第一条成绩起即跟踪（未设定评估计划，依据已有记录）。", "已添加考核 FINAL，班期已重新评分。", "已添加问卷 END。");

    [Theory]
    [InlineData("en", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.PhoneWidth)]
    public async Task An_hr_analyst_sets_up_a_program_and_cohort_and_enrols_30_learners_by_pasting_their_numbers(string culture, int width)
    {
        var page = await dashboard.OpenAsync(culture, width);
        var suffix = culture == "en" ? "EN" : "ZH";
        var program = $"RUN-{suffix}";
        var cohort = $"RUN-{suffix}-1";
        var today = DateOnly.FromDateTime(DateTime.Today);
        var start = today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = today.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var words = For(culture, program, cohort, start, end);

        // The programs list → New program.
        await GoAsync(page, "programs");
        await page.GetByTestId("program-new").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/programs/new", StringComparison.Ordinal));
        await page.GetByTestId("program-code").FillAsync(program);
        await page.GetByTestId("program-name").FillAsync("运营训练");
        await page.GetByTestId("program-name-en").FillAsync("Running a program");
        await page.GetByTestId("program-save").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/programs/{program}", StringComparison.Ordinal));
        await Expect(page.GetByTestId("page-title")).ToHaveTextAsync(words.ProgramName);

        // The program page → New cohort, the dates the wrong way round first.
        await page.GetByTestId("cohort-new").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/cohorts/new", StringComparison.Ordinal));
        await Expect(page.GetByTestId("cohort-program")).ToHaveValueAsync(program);
        await page.GetByTestId("cohort-code").FillAsync(cohort);
        await page.GetByTestId("cohort-name").FillAsync("第一期");
        await page.GetByTestId("cohort-name-en").FillAsync("Cohort one");
        await FillDateAsync(page, "cohort-start", end);
        await FillDateAsync(page, "cohort-end", start);
        await page.GetByTestId("cohort-save").ClickAsync();
        await Expect(page.GetByTestId("write-error")).ToHaveTextAsync(words.EndsBefore);
        await FillDateAsync(page, "cohort-start", start);
        await FillDateAsync(page, "cohort-end", end);
        await page.GetByTestId("cohort-save").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/cohorts/{cohort}/manage", StringComparison.Ordinal));
        await Expect(page.GetByTestId("cohort-status")).ToHaveAttributeAsync("data-status", "Running");
        await Expect(page.GetByTestId("no-enrolments")).ToBeVisibleAsync();

        // The evaluation plan: a final exam on the last day and a reaction survey, through the imports' rules.
        await Expect(page.GetByTestId("assessments-tracking")).ToHaveTextAsync(words.NotTracked);
        await Expect(page.GetByTestId("no-assessments")).ToBeVisibleAsync();
        await page.GetByTestId("assessment-code-input").FillAsync("FINAL");
        await page.GetByTestId("assessment-kind-input").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = words.FinalExam }).ClickAsync();
        await page.GetByTestId("assessment-name-input").FillAsync("结业考试");
        await page.GetByTestId("assessment-save").ClickAsync();
        await Expect(page.GetByTestId("assessment-done")).ToHaveTextAsync(words.ExamAdded);
        await Expect(page.GetByTestId("assessment-kind")).ToHaveTextAsync(words.FinalExam);
        await Expect(page.GetByTestId("assessment-results")).ToHaveTextAsync("0");
        await page.GetByTestId("survey-code-input").FillAsync("END");
        await page.GetByTestId("survey-name-input").FillAsync("课程满意度");
        await page.GetByTestId("survey-save").ClickAsync();
        await Expect(page.GetByTestId("survey-done")).ToHaveTextAsync(words.SurveyAdded);
        await Expect(page.GetByTestId("survey-code")).ToHaveTextAsync("END");

        // 30 numbers and one unknown: refused, named, nobody enrolled; then the 30 known ones, explicitly.
        await page.GetByTestId("enrol-numbers").FillAsync(string.Join("\n", EmptyDashboard.Employees.Append("X999")));
        await page.GetByTestId("enrol-submit").ClickAsync();
        await Expect(page.GetByTestId("write-error")).ToHaveTextAsync(words.Unknown);
        await Expect(page.GetByTestId("enrol-known-offer")).ToContainTextAsync(words.KnownOffer);
        await Expect(page.GetByTestId("no-enrolments")).ToBeVisibleAsync();
        await page.GetByTestId("enrol-known").ClickAsync();
        await Expect(page.GetByTestId("enrolment-number")).ToHaveCountAsync(30);
        await Expect(page.GetByTestId("enrolment-counts")).ToHaveTextAsync(words.Counts30);

        // Someone twice.
        await page.GetByTestId("enrol-numbers").FillAsync("e100");
        await page.GetByTestId("enrol-submit").ClickAsync();
        await Expect(page.GetByTestId("write-error")).ToHaveTextAsync(words.Twice);

        // A mentor for the first learner.
        await page.GetByTestId("enrolment-mentor").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = words.MentorName }).ClickAsync();
        await Expect(page.GetByTestId("enrolment-done")).ToHaveTextAsync(words.MentorDone);

        // Withdraw the last one, today.
        await page.GetByTestId("enrolment-withdraw").Last.ClickAsync();
        await Expect(page.GetByTestId("withdraw-box")).ToContainTextAsync("E129");
        await page.GetByTestId("withdraw-confirm").ClickAsync();
        await Expect(page.GetByTestId("enrolment-counts")).ToHaveTextAsync(words.Counts29);
        await Expect(page.GetByTestId("enrolment-status").Last).ToContainTextAsync(words.WithdrewOn);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"run-a-program-{culture}-{width}.png"), FullPage = true });

        // The cohort page is reachable from here and counts the 29 who stayed.
        await page.GetByTestId("cohort-open").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/cohorts/{cohort}", StringComparison.Ordinal));
        await Expect(page.GetByTestId("cohort-title")).ToHaveTextAsync(words.CohortName);
        await Expect(page.GetByTestId("cohort-manage")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(dashboard.BaseUri, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-interactive=true]') !== null");
    }

    private static async Task FillDateAsync(IPage page, string testId, string day)
    {
        var input = page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
        await input.FillAsync(day);
        await input.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        await Expect(input).ToHaveValueAsync(day);
    }
}
