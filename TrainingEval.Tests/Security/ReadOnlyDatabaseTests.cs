using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Sqlite;
using TrainingEval.Domain.Indicators;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Security;

/// <summary>
/// Issue 19 item 10, the running case: the database stops accepting writes while the dashboard runs. Reads keep working
/// and every page says the system is read-only; writes are refused with a clear message (the API: a 503 problem with
/// Retry-After, not a 500); sign-in still works; once the database can be written again, read-only mode ends by itself.
/// The fault is SQLite's own: <c>PRAGMA query_only</c> on every connection makes each write fail with SQLITE_READONLY, the
/// code a read-only file gives (root ignores file permissions, so a chmod would not make the file read-only here).
/// </summary>
public sealed class ReadOnlyDatabaseTests(ReadOnlyDashboard dashboard) : IClassFixture<ReadOnlyDashboard>
{
    private const string EnglishBanner = "The database cannot be written right now (it is read-only or its disk is full).";
    private const string ChineseBanner = "数据库当前无法写入（只读或磁盘已满）。";
    private BrowserFixture Browser => dashboard.Browser;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DatabaseWriteState WriteState => Browser.Services.GetRequiredService<DatabaseWriteState>();

    [Fact]
    public async Task Reads_work_writes_are_refused_clearly_sign_in_works_and_it_ends_when_the_database_is_writable_again()
    {
        await Browser.EnsureStartedAsync();
        // Signed in while the database can still be written (the browser contexts keep these cookies).
        await using var analyst = await Browser.OpenAsync("", "zh-CN");
        await using var mentor = await Browser.OpenAsync("mentor", "en", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: "mentor");
        using var api = Client();
        api.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, ReadOnlyDashboard.Key);
        var cohort = await ScoredCohortAsync();
        const string learners = "employee_no,name\nRO-0001,只读测试";

        dashboard.QueryOnly.On = true;

        (await api.GetAsync($"/api/v1/cohorts/{cohort}/scores", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = await api.PostAsync("/api/v1/imports/learners", Csv(learners), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(ApiEndpoints.ReadOnlyRetryAfterSeconds));
        var problem = await refused.Content.ReadAsStringAsync(Ct);
        problem.ShouldContain("\"title\":\"Read-only\"");
        problem.ShouldContain("Nothing was saved: the database cannot be written right now");
        WriteState.IsReadOnly.ShouldBeTrue();

        // The open pages say it at once (live), in the reader's language, and keep reading.
        await Expect(analyst.Page.GetByTestId("read-only-banner")).ToContainTextAsync(ChineseBanner);
        await Expect(mentor.Page.GetByTestId("read-only-banner")).ToContainTextAsync(EnglishBanner);
        await analyst.GoToAsync(new Uri(Browser.BaseUri, $"cohorts/{Uri.EscapeDataString(cohort)}"));
        await Expect(analyst.Page.GetByTestId("learner-table")).ToBeVisibleAsync();
        await Expect(analyst.Page.GetByTestId("read-only-banner")).ToContainTextAsync(ChineseBanner);
        await analyst.ScreenshotAsync("read-only-cohort-zh-CN");

        // A mentor's rating is refused with what happened and that nothing was lost, not an error page.
        await mentor.Page.GetByTestId("mentee-row").First.GetByTestId("rate-button").ClickAsync();
        await Expect(mentor.Page.GetByTestId("rating-dialog")).ToBeVisibleAsync();
        foreach (var dimension in BuiltInIndicators.MentorDimensions)
        {
            var option = mentor.Page.Locator($"[data-dimension={dimension}] input[type=radio]").Nth(2);
            await option.DispatchEventAsync("click");
            await Expect(option).ToBeCheckedAsync();
        }
        await mentor.Page.GetByTestId("rating-save").ClickAsync();
        await Expect(mentor.Page.GetByTestId("rating-error")).ToHaveTextAsync(
            "Nothing was saved: the database cannot be written right now (it is read-only or its disk is full). Everything can still be read.");
        await mentor.ScreenshotAsync("read-only-rating-en-390");

        // Sign-in cannot count attempts now, yet a right password signs in and a wrong one gets the usual message.
        using (var signedOut = Client())
            (await PageAsync(signedOut, "/account/login")).ShouldContain(ChineseBanner);
        using var signIn = Client();
        using (var wrong = await AccountClient.PostLoginAsync(signIn, "executive", "not-the-password"))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain("data-testid=\"login-error\"");
        }
        using (var right = await AccountClient.PostLoginAsync(signIn, "executive", "Demo-Executive-2026"))
            right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await signIn.GetAsync("/cohorts", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Nothing of the refused file was written.
        await using (var db = await Browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct))
            (await db.Learners.AnyAsync(l => l.EmployeeNumber == "RO-0001", Ct)).ShouldBeFalse();

        dashboard.QueryOnly.On = false;

        // The probe (every second here, 30 s by default) finds the database writable: the banners go, writes work.
        await Expect(analyst.Page.GetByTestId("read-only-banner")).ToHaveCountAsync(0);
        await Expect(mentor.Page.GetByTestId("read-only-banner")).ToHaveCountAsync(0);
        WriteState.IsReadOnly.ShouldBeFalse();
        (await api.PostAsync("/api/v1/imports/learners", Csv(learners), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void SQLite_read_only_and_full_are_storage_failures_and_a_broken_rule_is_not()
    {
        var reader = new SqliteErrorReader();
        reader.IsStorageUnwritable(new SqliteException("attempt to write a readonly database", 8)).ShouldBeTrue();
        reader.IsStorageUnwritable(new SqliteException("database or disk is full", 13)).ShouldBeTrue();
        reader.IsStorageUnwritable(new DbUpdateException("save failed", new SqliteException("database or disk is full", 13))).ShouldBeTrue();
        reader.IsStorageUnwritable(new SqliteException("UNIQUE constraint failed: Learners.EmployeeNumberKey", 19)).ShouldBeFalse();
        reader.IsStorageUnwritable(new InvalidOperationException("not a database error")).ShouldBeFalse();
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Browser.BaseUri };

    private async Task<string> ScoredCohortAsync()
    {
        await using var db = await Browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
        return await db.Cohorts.Where(c => db.LearnerScores.Any(s => s.CohortId == c.Id)).OrderBy(c => c.Code).Select(c => c.Code).FirstAsync(Ct);
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, ImportFormats.CsvMediaType);
}

/// <summary>A dashboard of its own: read-only mode would disturb every other browser test's pages.</summary>
public sealed class ReadOnlyDashboard : IAsyncLifetime
{
    public const string Key = "read-only-test-key-0123456789";

    public ReadOnlyDashboard() => Browser = new BrowserFixture
    {
        ConfigureServer = server =>
        {
            server.Settings["Api:BootstrapKey"] = Key;
            server.Settings["TrainingEval:Database:WriteProbeSeconds"] = "1";
            server.TestServices = services => services.ConfigureDbContext<TrainingDbContext>((_, options) => options.AddInterceptors(QueryOnly));
        },
    };

    public BrowserFixture Browser { get; }

    public QueryOnlySwitch QueryOnly { get; } = new();

    public ValueTask InitializeAsync() => Browser.InitializeAsync();

    public ValueTask DisposeAsync() => Browser.DisposeAsync();

    /// <summary>Each connection EF opens is made query-only (SQLite refuses every write with SQLITE_READONLY) while <see cref="On"/>.</summary>
    public sealed class QueryOnlySwitch : DbConnectionInterceptor
    {
        private volatile bool _on;

        public bool On
        {
            get => _on;
            set => _on = value;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = Pragma(connection);
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = Pragma(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private DbCommand Pragma(DbConnection connection)
        {
            var command = connection.CreateCommand();
            command.CommandText = _on ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0";
            return command;
        }
    }
}
