using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Demo;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Scoring;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Infrastructure.Persistence;

/// <summary>
/// One demo company (the generator is deterministic) seeded into SQLite and into PostgreSQL and scored on each: the
/// stored scores and the learning health index must be the same, learner by learner. Seeded once for the class.
/// </summary>
public sealed class PostgresEquivalenceTests(PostgresEquivalenceTests.TwoDatabases databases) : IClassFixture<PostgresEquivalenceTests.TwoDatabases>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_rescore_stores_the_same_scores_on_PostgreSQL_as_on_SQLite()
    {
        var (sqlite, postgres) = await databases.GetAsync();

        var expected = await ScoresAsync(sqlite);
        var actual = await ScoresAsync(postgres);

        expected.Count.ShouldBeGreaterThan(100);
        expected.Values.Count(s => s.Composite is not null).ShouldBeGreaterThan(50);
        actual.Keys.Order().ShouldBe(expected.Keys.Order());
        foreach (var (key, score) in expected)
            actual[key].ShouldBe(score, $"enrollment {key}");
    }

    [Fact]
    public async Task The_learning_health_index_is_the_same_on_PostgreSQL_as_on_SQLite()
    {
        var (sqlite, postgres) = await databases.GetAsync();

        var expected = await HealthAsync(sqlite);
        var actual = await HealthAsync(postgres);

        expected.Count(h => h.Index is not null).ShouldBeGreaterThan(100);
        actual.ShouldBe(expected);
    }

    [Theory]
    [InlineData("e10001")]
    [InlineData("wang")]
    [InlineData("LI WEI")]
    [InlineData("lean")]
    [InlineData("张")]
    public async Task Search_finds_the_same_learners_cohorts_and_programs_on_PostgreSQL_as_on_SQLite(string text)
    {
        var (sqlite, postgres) = await databases.GetAsync();

        var expected = await SearchAsync(sqlite, text);
        var actual = await SearchAsync(postgres, text);

        (expected.Learners.Count + expected.Cohorts.Count + expected.Programs.Count).ShouldBeGreaterThan(0, $"'{text}' should find something in the demo");
        actual.Learners.ShouldBe(expected.Learners);
        actual.Cohorts.ShouldBe(expected.Cohorts);
        actual.Programs.ShouldBe(expected.Programs);
    }

    private static async Task<(List<string> Learners, List<string> Cohorts, List<string> Programs)> SearchAsync(TestDatabase database, string text)
    {
        await using var db = database.CreateContext();
        var learners = await Dashboard.Features.Search.SearchMatching.Learners(db.Learners, text).Select(l => l.EmployeeNumber).ToListAsync(Ct);
        var cohorts = await Dashboard.Features.Search.SearchMatching.Cohorts(db.Cohorts, text).Select(c => c.Code).ToListAsync(Ct);
        var programs = await Dashboard.Features.Search.SearchMatching.Programs(db.Programs, text).Select(p => p.Code).ToListAsync(Ct);
        return ([.. learners.Order(StringComparer.Ordinal)], [.. cohorts.Order(StringComparer.Ordinal)], [.. programs.Order(StringComparer.Ordinal)]);
    }

    private sealed record StoredScore(double? Reaction, double? Learning, double? Behavior, double? Results,
        double ReactionCoverage, double LearningCoverage, double BehaviorCoverage, double ResultsCoverage,
        double? Composite, double Coverage, Tier? Tier, bool? Passed, int? Rank, int ProfileVersion, string? Problem);

    /// <summary>Scores by learner and cohort (natural keys, not ids), rounded far below any displayed precision.</summary>
    private static async Task<Dictionary<string, StoredScore>> ScoresAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var rows = await db.LearnerScores.AsNoTracking()
            .Select(s => new { Learner = s.Learner!.EmployeeNumber, Cohort = s.Cohort!.Code, s })
            .ToListAsync(Ct);
        return rows.ToDictionary(r => r.Learner + "@" + r.Cohort, r => new StoredScore(R(r.s.Reaction), R(r.s.Learning), R(r.s.Behavior), R(r.s.Results),
            R(r.s.ReactionCoverage), R(r.s.LearningCoverage), R(r.s.BehaviorCoverage), R(r.s.ResultsCoverage),
            R(r.s.Composite), R(r.s.Coverage), r.s.Tier, r.s.Passed, r.s.Rank, r.s.ProfileVersionNumber, r.s.Problem), StringComparer.Ordinal);
    }

    private static async Task<List<(string Learner, int Year, int Week, double? Index)>> HealthAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var rows = await db.HealthSnapshots.AsNoTracking()
            .Select(h => new { h.Learner!.EmployeeNumber, h.IsoYear, h.IsoWeek, h.Index })
            .ToListAsync(Ct);
        return [.. rows.Select(h => (h.EmployeeNumber, h.IsoYear, h.IsoWeek, R(h.Index)))
            .OrderBy(h => h.EmployeeNumber, StringComparer.Ordinal).ThenBy(h => h.IsoYear).ThenBy(h => h.IsoWeek)];
    }

    private static double R(double value) => Math.Round(value, 9);

    private static double? R(double? value) => value is { } v ? Math.Round(v, 9) : null;

    /// <summary>The same small demo company on both providers, seeded, scored and given 12 weeks of health snapshots; on first use (so a missing PostgreSQL skips the tests).</summary>
    public sealed class TwoDatabases : IAsyncDisposable
    {
        private static readonly DateOnly Today = new(2026, 11, 15);
        private readonly SemaphoreSlim _lock = new(1, 1);
        private (TestDatabase Sqlite, TestDatabase Postgres)? _databases;

        public async Task<(TestDatabase Sqlite, TestDatabase Postgres)> GetAsync()
        {
            await _lock.WaitAsync();
            try
            {
                if (_databases is { } ready)
                    return ready;
                var postgres = await SeedAsync(DatabaseProvider.Postgres);
                var sqlite = await SeedAsync(DatabaseProvider.Sqlite);
                _databases = (sqlite, postgres);
                return (sqlite, postgres);
            }
            finally
            {
                _lock.Release();
            }
        }

        private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider)
        {
            var clock = new FixedClock(Today.ToDateTime(new TimeOnly(12, 0)));
            var database = await TestDatabase.CreateAsync(provider, clock);
            var company = DemoCompanyGenerator.Generate(new DemoCompanySpec { Today = Today, Employees = 300, Mentors = 12, Programs = 3, CohortSizeFactor = 0.5 });
            await new DemoCompanySeeder(database.Factory).SeedAsync(company);
            await new CohortScoreService(database.Factory, ScorePipeline.CreateDefault(clock), clock).RecomputeAllAsync();
            var lastWeek = HealthSnapshotService.LastFinishedWeek(clock.UtcNow);
            var health = new HealthSnapshotService(database.Factory, clock, Options.Create(new HealthOptions()), NullLogger<HealthSnapshotService>.Instance);
            await health.ComputeWeeksAsync(IsoWeek.Of(lastWeek.End.AddDays(-7 * 11)), lastWeek);
            return database;
        }

        public async ValueTask DisposeAsync()
        {
            if (_databases is { } databases)
            {
                await databases.Sqlite.DisposeAsync();
                await databases.Postgres.DisposeAsync();
            }
            _lock.Dispose();
        }
    }
}

/// <summary>The start-up on PostgreSQL: instances starting together over one new database migrate it and seed the demo once.</summary>
public sealed class PostgresStartupTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_instances_starting_together_migrate_and_seed_the_demo_company_once(bool databaseExists)
    {
        var server = await PostgresServer.GetAsync();
        var name = databaseExists ? await server.CreateEmptyDatabaseAsync() : server.UnusedDatabaseName();
        try
        {
            await using var first = Instance(server.ConnectionString(name));
            await using var second = Instance(server.ConnectionString(name));

            await Task.WhenAll(first.InitializeTrainingDataAsync(TestContext.Current.CancellationToken), second.InitializeTrainingDataAsync(TestContext.Current.CancellationToken));

            await using var db = await first.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
            (await db.Programs.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(3);
            (await db.Learners.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(300);
            (await db.AuditTrail.CountAsync(a => a.EntityType == "DemoCompany", TestContext.Current.CancellationToken)).ShouldBe(1);
            // Scored once: one stored score per enrollment scored.
            var scored = await db.LearnerScores.Select(s => s.EnrollmentId).ToListAsync(TestContext.Current.CancellationToken);
            scored.Count.ShouldBeGreaterThan(100);
            scored.Distinct().Count().ShouldBe(scored.Count);
        }
        finally
        {
            await server.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public void Choosing_PostgreSQL_without_a_connection_string_stops_the_start_with_what_to_set()
    {
        var options = new DbContextOptionsBuilder<TrainingDbContext>();

        var ex = Should.Throw<InvalidOperationException>(() =>
            DatabaseProviderSetup.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Postgres }, Path.GetTempPath()));

        ex.Message.ShouldContain("TrainingEval:Database:PostgresConnectionString is empty");
        ex.Message.ShouldContain("TrainingEval__Database__PostgresConnectionString");
    }

    /// <summary>One dashboard instance's services, registered as the app registers them, over the given database and a small demo company.</summary>
    private static ServiceProvider Instance(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TrainingEval:Database:Provider"] = "Postgres",
            ["TrainingEval:Database:PostgresConnectionString"] = connectionString,
            ["TrainingEval:DemoData:Employees"] = "300",
            ["TrainingEval:DemoData:Mentors"] = "12",
            ["TrainingEval:DemoData:Programs"] = "3",
            ["TrainingEval:DemoData:CohortSizeFactor"] = "0.5",
        });
        builder.AddDashboardServices();
        return builder.Services.BuildServiceProvider();
    }
}
