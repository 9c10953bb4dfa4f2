using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Demo;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Benchmarks;

/// <summary>
/// The score service on a SQLite file (WAL, as the app runs it): a finished cohort of 2,000 learners
/// with every kind of record — collect, score with the Domain engine, rank and save in one transaction —
/// and the incremental path that rescores one learner and re-ranks the cohort.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class ScoreServiceBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private string _path = "";
    private CohortScoreService _scores = null!;
    private int _cohortId;
    private int _oneEnrollment;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"trainingeval-bench-{Guid.NewGuid():N}.db");
        var factory = PersistenceBench.Factory(_path);
        using (var db = factory.CreateDbContext())
            db.Database.Migrate();
        var company = DemoCompanyGenerator.Generate(new DemoCompanySpec
        {
            Today = Today,
            Employees = 2100,
            Programs = 1,
            MaxCohortsPerProgram = 2,
            CohortSizeOverride = 2000,
        });
        new DemoCompanySeeder(factory).SeedAsync(company).GetAwaiter().GetResult();
        // The first run finished long ago: every level has data.
        var cohort = company.Cohorts.OrderBy(c => c.StartDate).First();
        _cohortId = cohort.Id;
        _oneEnrollment = company.Enrollments.First(e => e.Cohort == cohort && e.Status == Dashboard.Infrastructure.Persistence.Entities.EnrollmentStatus.Completed).Id;
        _scores = new CohortScoreService(factory, ScorePipeline.CreateDefault(new PersistenceBench.FixedClock(Today)), new PersistenceBench.FixedClock(Today));
        _scores.RecomputeCohortAsync(_cohortId).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_path + suffix);
    }

    [Benchmark(Description = "Recompute and save a cohort of 2,000 learners")]
    public Task<ScoreRecomputation> RecomputeCohort() => _scores.RecomputeCohortAsync(_cohortId);

    [Benchmark(Description = "Rescore one learner and re-rank the 2,000")]
    public Task<ScoreRecomputation> RecomputeOneLearner() => _scores.RecomputeLearnersAsync(_cohortId, [_oneEnrollment]);
}

/// <summary>Generating and writing the full demo company into a fresh SQLite file (what the first start does).</summary>
[Config(typeof(InProcessColdStartConfig))]
public class DemoSeedingBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private string _path = "";
    private IDbContextFactory<TrainingDbContext> _factory = null!;

    [IterationSetup]
    public void CreateEmptyDatabase()
    {
        _path = Path.Combine(Path.GetTempPath(), $"trainingeval-seed-{Guid.NewGuid():N}.db");
        _factory = PersistenceBench.Factory(_path);
        using var db = _factory.CreateDbContext();
        db.Database.Migrate();
    }

    [IterationCleanup]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_path + suffix);
    }

    [Benchmark(Description = "Generate and seed the demo company (2,000 employees)")]
    public async Task<TimeSpan> GenerateAndSeed()
    {
        var company = DemoCompanyGenerator.Generate(new DemoCompanySpec { Today = Today });
        return await new DemoCompanySeeder(_factory).SeedAsync(company);
    }
}

/// <summary>In-process, so a loaded machine need not build a separate benchmark project; 2 warm-ups, 10 measured runs.</summary>
public sealed class InProcessConfig : ManualConfig
{
    public InProcessConfig() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(2).WithIterationCount(10)
        .WithToolchain(InProcessEmitToolchain.Instance));
}

/// <summary>Each seeding run starts from a fresh empty database file: three cold runs.</summary>
public sealed class InProcessColdStartConfig : ManualConfig
{
    public InProcessColdStartConfig() => AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithWarmupCount(0).WithIterationCount(3)
        .WithToolchain(InProcessEmitToolchain.Instance));
}

internal static class PersistenceBench
{
    /// <summary>Contexts over the SQLite file whose audit lines name the system at <paramref name="clock"/>'s time (the system clock by default).</summary>
    public static IDbContextFactory<TrainingDbContext> Factory(string path, TimeProvider? clock = null)
    {
        var builder = new DbContextOptionsBuilder<TrainingDbContext>();
        DatabaseProviderSetup.Configure(builder, new DatabaseOptions { SqlitePath = path }, Path.GetTempPath());
        return new OptionsFactory(builder.Options, clock ?? TimeProvider.System);
    }

    private sealed class OptionsFactory(DbContextOptions<TrainingDbContext> options, TimeProvider clock) : IDbContextFactory<TrainingDbContext>
    {
        private readonly CurrentActor _actor = new();

        public TrainingDbContext CreateDbContext() => new(options, _actor, clock);
    }

    public sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc));
    }
}
