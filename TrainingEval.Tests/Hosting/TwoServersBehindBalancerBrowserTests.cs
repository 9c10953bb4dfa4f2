using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Indicators;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Hosting;

/// <summary>
/// Two dashboards on one PostgreSQL database behind HAProxy with the repository's <c>deploy/haproxy.cfg</c> (sticky
/// sessions by the SERVERID cookie), all on loopback: they start together and seed the demo once; a mentor pinned to
/// instance a rates a learner and an analyst's cohort page open on instance b shows the new score within 2 s without a
/// reload; the sign-in cookie instance a issued is accepted by instance b. Its own servers and browser, not the shared
/// <see cref="BrowserFixture"/>: the point is two servers.
/// </summary>
public sealed class TwoServersBehindBalancerBrowserTests : IAsyncLifetime
{
    private const string HaproxyPath = "/usr/sbin/haproxy";
    private const string MentorAccount = "mentor";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly StringBuilder _haproxyLog = new();
    private PostgresServer _postgres = null!;
    private string? _database;
    private DashboardServer? _a;
    private DashboardServer? _b;
    private Uri _uriB = null!;
    private Process? _haproxy;
    private Uri _balancer = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        Require(File.Exists(BrowserFixture.ChromiumPath), $"Chromium is not installed at {BrowserFixture.ChromiumPath} (Debian: apt-get install -y chromium).");
        Require(File.Exists(HaproxyPath), $"HAProxy is not installed at {HaproxyPath} (Debian: apt-get install -y haproxy).");
        _postgres = await PostgresServer.GetAsync();
        _database = await _postgres.CreateDatabaseAsync();
        _a = NewDashboard(_postgres.ConnectionString(_database));
        _b = NewDashboard(_postgres.ConnectionString(_database));
        // Started together, as a deployment starts its instances: the start-up lock lets one seed the demo.
        var started = await Task.WhenAll(Task.Run(_a.Start, Ct), Task.Run(_b.Start, Ct));
        _uriB = started[1];
        _balancer = StartBalancer(started[0], started[1]);
        await WaitForBalancerAsync();
        _playwright = await Playwright.CreateAsync();
        _playwright.Selectors.SetTestIdAttribute(BrowserFixture.TestIdAttribute);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_haproxy is not null)
        {
            if (!_haproxy.HasExited)
                _haproxy.Kill(entireProcessTree: true);
            await _haproxy.WaitForExitAsync(CancellationToken.None);
            _haproxy.Dispose();
        }
        if (_b is not null)
            await _b.DisposeAsync();
        if (_a is not null)
            await _a.DisposeAsync();
        if (_database is not null)
            await _postgres.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task A_rating_saved_on_one_instance_reaches_a_page_open_on_the_other_and_its_sign_in_is_accepted_there()
    {
        // The demo company once, though both instances found the database empty at the same moment.
        await using (var db = await DbAsync())
            (await db.Programs.CountAsync(Ct)).ShouldBe(3);

        await using var mentor = await SignedInAsync("a", MentorAccount, "Demo-Mentor-2026", "mentor");
        var row = mentor.Pages[0].GetByTestId("mentee-row").Last;
        var employeeNo = await row.GetAttributeAsync("data-employee") ?? throw new InvalidOperationException("The demo mentor has no mentee.");
        var enrollment = await WorkspaceEnrollmentAsync(employeeNo);

        var circuitsOnA = Circuits(_a!).Opened;
        var circuitsOnB = Circuits(_b!).Opened;
        await using var analyst = await SignedInAsync("b", "analyst", "Demo-Analyst-2026", $"cohorts/{Uri.EscapeDataString(enrollment.CohortCode)}?q={employeeNo}");
        var composite = analyst.Pages[0].GetByTestId("learner-table").Locator("tr", new() { HasText = employeeNo }).Locator("td.composite");
        await Expect(composite).ToBeVisibleAsync();
        // The analyst's page really lives on b (the balancer honoured the pin): the rating must cross instances.
        Circuits(_b!).Opened.ShouldBeGreaterThan(circuitsOnB);
        Circuits(_a!).Opened.ShouldBe(circuitsOnA);
        var before = (await composite.InnerTextAsync()).Trim();

        // Every dimension at the far end from the learner's current ratings, so the composite must move.
        var score = enrollment.MeanRating is >= 3 ? 1 : 5;
        var page = mentor.Pages[0];
        await row.GetByTestId("rate-button").ClickAsync();
        await Expect(page.GetByTestId("rating-dialog")).ToBeVisibleAsync();
        foreach (var dimension in BuiltInIndicators.MentorDimensions)
            await page.Locator($"[data-dimension={dimension}] input[type=radio]").Nth(score - 1).DispatchEventAsync("click");
        await page.GetByTestId("rating-save").ClickAsync();
        await Expect(page.GetByTestId("rating-dialog")).ToHaveCountAsync(0);

        var expected = await CompositeTextAsync(enrollment.EnrollmentId);
        expected.ShouldNotBe(before);
        await Expect(composite).ToHaveTextAsync(new Regex("^\\s*" + Regex.Escape(expected)), new() { Timeout = 2_000 });

        // The mentor's sign-in cookie came from instance a; instance b reads it (the data-protection keys are shared),
        // asked directly and through the balancer pinned to b.
        var auth = (await mentor.CookiesAsync()).Single(c => c.Name == "TrainingEval.Auth");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        foreach (var (target, pin) in new[] { (_uriB, ""), (_balancer, "; SERVERID=b") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target, "mentor"));
            request.Headers.Add("Cookie", $"{auth.Name}={auth.Value}{pin}");
            using var response = await client.SendAsync(request, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{target}mentor answered {response.StatusCode} (location {response.Headers.Location})");
            (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("login-password");
        }
    }

    private static void Require(bool installed, string message)
    {
        if (installed)
            return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(message + " This test cannot be skipped in CI.");
        Assert.Skip(message);
    }

    private static DashboardServer NewDashboard(string connectionString)
    {
        var server = new DashboardServer();
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["TrainingEval:Database:Provider"] = "Postgres",
            ["TrainingEval:Database:PostgresConnectionString"] = connectionString,
            // A small demo company: seeding it is most of the start.
            ["TrainingEval:DemoData:Employees"] = "300",
            ["TrainingEval:DemoData:Mentors"] = "12",
            ["TrainingEval:DemoData:Programs"] = "3",
            ["TrainingEval:DemoData:CohortSizeFactor"] = "0.5",
        })
            server.Settings[key] = value;
        server.TestServices = services =>
        {
            services.AddSingleton<CircuitCount>();
            services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        };
        return server;
    }

    private static CircuitCount Circuits(DashboardServer server) => server.Services.GetRequiredService<CircuitCount>();

    /// <summary>How many Blazor circuits (open interactive pages) an instance has started.</summary>
    private sealed class CircuitCount
    {
        private int _opened;

        public int Opened => Volatile.Read(ref _opened);

        public void Add() => Interlocked.Increment(ref _opened);
    }

    private sealed class CountingCircuitHandler(CircuitCount count) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.Add();
            return Task.CompletedTask;
        }
    }

    /// <summary>HAProxy with deploy/haproxy.cfg as committed, its addresses given through the environment.</summary>
    private Uri StartBalancer(Uri a, Uri b)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(HaproxyPath, ["-db", "-f", ConfigPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["TE_BIND"] = $"127.0.0.1:{port}";
        info.Environment["TE_SERVER_A"] = $"127.0.0.1:{a.Port}";
        info.Environment["TE_SERVER_B"] = $"127.0.0.1:{b.Port}";
        _haproxy = Process.Start(info) ?? throw new InvalidOperationException("HAProxy did not start.");
        _haproxy.OutputDataReceived += (_, e) => { lock (_haproxyLog) _haproxyLog.AppendLine(e.Data); };
        _haproxy.ErrorDataReceived += (_, e) => { lock (_haproxyLog) _haproxyLog.AppendLine(e.Data); };
        _haproxy.BeginOutputReadLine();
        _haproxy.BeginErrorReadLine();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static string ConfigPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "deploy", "haproxy.cfg");
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException("deploy/haproxy.cfg not found above " + AppContext.BaseDirectory);
    }

    private async Task WaitForBalancerAsync()
    {
        using var client = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(_balancer, "account/login"), Ct);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
            }
            if (DateTime.UtcNow >= until || _haproxy!.HasExited)
            {
                string log;
                lock (_haproxyLog)
                    log = _haproxyLog.ToString();
                throw new InvalidOperationException("HAProxy did not answer: " + log);
            }
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>A browser context pinned to an instance by the balancer's cookie, signed in through the balancer's sign-in form, on <paramref name="path"/>.</summary>
    private async Task<IBrowserContext> SignedInAsync(string instance, string user, string password, string path)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "en" });
        context.SetDefaultTimeout(15_000);
        await context.AddCookiesAsync(
        [
            new Microsoft.Playwright.Cookie { Name = "SERVERID", Value = instance, Url = _balancer.ToString() },
            new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = _balancer.ToString() },
        ]);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(_balancer, "account/login?returnUrl=" + Uri.EscapeDataString("/" + path)).ToString());
        if (response?.Ok != true)
        {
            string log;
            lock (_haproxyLog)
                log = _haproxyLog.ToString();
            throw new InvalidOperationException($"The sign-in page through the balancer answered {response?.Status}; HAProxy's log: {log}");
        }
        await page.GetByTestId("login-user").FillAsync(user);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
        return context;
    }

    private sealed record WorkspaceEnrollment(int EnrollmentId, string CohortCode, double? MeanRating);

    /// <summary>The enrollment the workspace rates the mentee in (their most recent cohort with the demo mentor) and their current mean rating.</summary>
    private async Task<WorkspaceEnrollment> WorkspaceEnrollmentAsync(string employeeNo)
    {
        await using var db = await DbAsync();
        var mentorId = await db.Users.Where(u => u.UserName == MentorAccount).Select(u => u.MentorId).SingleAsync(Ct);
        var enrollment = await db.Enrollments.AsNoTracking()
            .Where(e => e.MentorId == mentorId && e.Learner!.EmployeeNumber == employeeNo && e.Status != EnrollmentStatus.Withdrawn)
            .OrderByDescending(e => e.Cohort!.StartDate).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Cohort!.Code })
            .FirstAsync(Ct);
        var latest = await db.MentorRatings.AsNoTracking().Where(r => r.EnrollmentId == enrollment.Id)
            .GroupBy(r => r.Dimension).Select(g => g.OrderByDescending(r => r.Sequence).First().Score)
            .ToListAsync(Ct);
        return new WorkspaceEnrollment(enrollment.Id, enrollment.Code, latest.Count == 0 ? null : latest.Average());
    }

    private async Task<string> CompositeTextAsync(int enrollmentId)
    {
        await using var db = await DbAsync();
        var composite = await db.LearnerScores.AsNoTracking().Where(s => s.EnrollmentId == enrollmentId).Select(s => s.Composite).SingleAsync(Ct);
        return ScoreFormat.Score(composite);
    }

    private Task<TrainingDbContext> DbAsync() =>
        _a!.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
