using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Features.Demo;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>
/// What the cohort page of a 2,000-learner cohort sends to the browser (target: under 500 KB): the HTML
/// document plus every SignalR (WebSocket) frame the server sends until the charts and the table are
/// drawn, counted with the Chrome DevTools Protocol. Static files (MudBlazor, ApexCharts, CSS), which the
/// browser caches across pages, are reported separately. Explicit (not part of the normal run); run it with
/// <c>dotnet test --project TrainingEval.Tests -- --filter-trait "Category=Benchmark" --explicit only</c>;
/// results go to docs/benchmarks.md.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class CohortPagePayloadTests(ITestOutputHelper output)
{
    private const int CohortSize = 2000;
    private const string Code = "BENCH-2000";

    // Explicit: it seeds its own 2,000-learner database (about a minute), so only a benchmark run asks for it.
    [Fact(Explicit = true)]
    public async Task A_2000_learner_cohort_page_sends_under_500_KB()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            var message = $"Chromium is not installed at {BrowserFixture.ChromiumPath}.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(message + " Browser tests cannot be skipped in CI.");
            Assert.Skip(message);
        }
        var path = Path.Combine(Path.GetTempPath(), $"trainingeval-payload-{Guid.NewGuid():N}.db");
        try
        {
            await PrepareAsync(path);
            await using var server = new DashboardServer();
            server.Settings["TrainingEval:Database:SqlitePath"] = path;
            // The database is not empty, so "demo data" only adds the demo accounts (the page needs a sign-in).
            server.Settings["TrainingEval:DemoData:Enabled"] = "true";
            var baseUri = server.Start();
            using var playwright = await Playwright.CreateAsync();
            playwright.Selectors.SetTestIdAttribute(BrowserFixture.TestIdAttribute);
            await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFixture.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var signedIn = await SignInAsync(chromium, baseUri);
            var context = await chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, StorageState = signedIn });
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=zh-CN|uic=zh-CN", Url = baseUri.ToString() }]);
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            var cdp = await context.NewCDPSessionAsync(page);
            long html = 0, statics = 0, frames = 0;
            var frameCount = 0;
            var documentRequest = "";
            cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
            {
                if (e is { } payload && payload.GetProperty("type").GetString() == "Document")
                    documentRequest = payload.GetProperty("requestId").GetString()!;
            };
            cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
            {
                if (e is not { } payload)
                    return;
                var bytes = (long)payload.GetProperty("encodedDataLength").GetDouble();
                if (payload.GetProperty("requestId").GetString() == documentRequest)
                    html += bytes;
                else
                    statics += bytes;
            };
            cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
            {
                if (e is not { } payload)
                    return;
                var response = payload.GetProperty("response");
                var data = response.GetProperty("payloadData").GetString() ?? "";
                frames += response.GetProperty("opcode").GetDouble() == 1 ? Encoding.UTF8.GetByteCount(data) : Convert.FromBase64String(data).Length;
                frameCount++;
            };
            await cdp.SendAsync("Network.enable");

            var watch = System.Diagnostics.Stopwatch.StartNew();
            await page.GotoAsync(new Uri(baseUri, $"cohorts/{Code}").ToString());
            await Expect(page.Locator("#cohort-ranking g.apexcharts-series[seriesName='学习'] path.apexcharts-bar-area")).ToHaveCountAsync(30);
            await Expect(page.GetByTestId("learner-link")).ToHaveCountAsync(10);
            await Expect(page.Locator("#cohort-radar svg.apexcharts-svg")).ToBeVisibleAsync();
            var interactive = watch.ElapsedMilliseconds;

            var total = html + frames;
            output.WriteLine($"Cohort of {CohortSize} learners, first load until charts and table are drawn ({interactive} ms):");
            output.WriteLine($"  HTML document: {html / 1024.0:N1} KB; SignalR frames received: {frameCount}, {frames / 1024.0:N1} KB; total {total / 1024.0:N1} KB");
            output.WriteLine($"  static files (cached across pages, not counted): {statics / 1024.0:N1} KB");
            total.ShouldBeLessThan(500 * 1024);
            await context.DisposeAsync();
        }
        finally
        {
            SqliteCleanup(path);
        }
    }

    /// <summary>Signs the demo analyst in, in a context of its own, so the measured load carries no sign-in traffic.</summary>
    private static async Task<string> SignInAsync(IBrowser chromium, Uri baseUri)
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var analyst = TrainingEval.Dashboard.Features.Account.AccountSeeder.DemoAccounts.Single(a => a.UserName == "analyst");
        await page.GotoAsync(new Uri(baseUri, "account/login").ToString());
        await page.GetByTestId("login-user").FillAsync(analyst.UserName);
        await page.GetByTestId("login-password").FillAsync(analyst.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        return await context.StorageStateAsync();
    }

    /// <summary>A demo company with one program, plus one cohort of 2,000 learners with stored raw values, scored.</summary>
    private static async Task PrepareAsync(string path)
    {
        var options = new DbContextOptionsBuilder<TrainingDbContext>().UseSqlite(DatabaseProviderSetup.SqliteConnectionString(path)).Options;
        var factory = new Factory(options);
        await using (var db = factory.CreateDbContext())
            await db.Database.MigrateAsync();
        var company = DemoCompanyGenerator.Generate(new DemoCompanySpec { Today = new DateOnly(2026, 11, 29), Employees = CohortSize, Programs = 1 });
        await new DemoCompanySeeder(factory).SeedAsync(company);

        int cohortId;
        using (factory.Actor.As("benchmark"))
        await using (var db = factory.CreateDbContext())
        {
            var program = await db.Programs.FirstAsync();
            var cohort = new Cohort { ProgramId = program.Id, Code = Code, Name = "两千人基准班期", NameEn = "Benchmark cohort of 2,000", StartDate = new DateOnly(2026, 9, 1), EndDate = new DateOnly(2026, 10, 31) };
            db.Cohorts.Add(cohort);
            var learners = await db.Learners.OrderBy(l => l.Id).Take(CohortSize).Select(l => l.Id).ToListAsync();
            foreach (var learner in learners)
                cohort.Enrollments.Add(new Enrollment { LearnerId = learner, Status = EnrollmentStatus.Completed, EnrolledOn = cohort.StartDate });
            await db.SaveChangesAsync();
            cohortId = cohort.Id;

            var random = new Random(2000);
            var observations = new List<StoredObservation>();
            foreach (var enrollment in cohort.Enrollments)
            {
                void Add(string code, double value, double? baseline = null, double? target = null) => observations.Add(new StoredObservation
                {
                    EnrollmentId = enrollment.Id, IndicatorCode = code, Value = value, Baseline = baseline, Target = target,
                    Source = "benchmark", RecordedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
                });
                Add("satisfaction", 2.5 + 2.5 * random.NextDouble());
                Add("attendance", 0.6 + 0.4 * random.NextDouble());
                Add("interaction", random.Next(0, 15));
                Add("exam_theory", 40 + 60 * random.NextDouble());
                Add("exam_practical", 40 + 60 * random.NextDouble());
                Add("assignments", 0.5 + 0.5 * random.NextDouble());
                Add("knowledge_gain", 60 + 40 * random.NextDouble(), 20 + 40 * random.NextDouble());
                if (random.NextDouble() < 0.8)
                    Add("mentor_rating", 2 + 3 * random.NextDouble());
                if (random.NextDouble() < 0.5)
                    Add("kpi", 90 + 30 * random.NextDouble(), 100, 120);
            }
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, observations, withKeys: false);
            await transaction.CommitAsync();
        }
        await new CohortScoreService(factory, ScorePipeline.CreateDefault(TimeProvider.System), TimeProvider.System).RecomputeCohortAsync(cohortId);
    }

    private static void SqliteCleanup(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file))
                File.Delete(file);
        }
    }

    private sealed class Factory(DbContextOptions<TrainingDbContext> options) : IDbContextFactory<TrainingDbContext>
    {
        public CurrentActor Actor { get; } = new();

        public TrainingDbContext CreateDbContext() => new(options, Actor, TimeProvider.System);
    }
}
