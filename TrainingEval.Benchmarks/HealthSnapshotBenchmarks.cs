using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Comparisons;

namespace TrainingEval.Benchmarks;

/// <summary>
/// The learning health snapshot run on the full demo company (2,000 employees, three years of cohorts) with the
/// production services on a SQLite file, as the weekly job and the demo backfill run it:
/// <list type="bullet">
/// <item>one week for the whole company, computed from scratch (that week's snapshots deleted before each run);</item>
/// <item>the same week again when it is already stored (the idempotent rerun a second instance or a restart does);</item>
/// <item>the three-year backfill from scratch (every snapshot deleted before each run), alerts for the last weeks.</item>
/// </list>
/// Target (issue 6): the whole demo company's weekly snapshot, three years of backfill included, under 10 s.
/// </summary>
[Config(typeof(HealthRunConfig))]
public class HealthSnapshotBenchmarks
{
    private string _folder = "";
    private Microsoft.Extensions.Hosting.IHost _host = null!;
    private IDbContextFactory<TrainingDbContext> _factory = null!;
    private HealthSnapshotService _health = null!;
    private IsoWeek _lastWeek;
    private IsoWeek _firstWeek;
    private IsoWeek _alertsFrom;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "trainingeval-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddRootAppSettings();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TrainingEval:Database:SqlitePath"] = Path.Combine(_folder, "bench.db"),
            ["TrainingEval:Health:BackgroundJobEnabled"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDashboardComponentServices(builder.Configuration);
        builder.AddTrainingData();
        _host = builder.Build();
        // Seeds the demo company and backfills its snapshots, exactly as the app's first start does.
        _host.Services.InitializeTrainingDataAsync().GetAwaiter().GetResult();

        _factory = _host.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
        _health = _host.Services.GetRequiredService<HealthSnapshotService>();
        _lastWeek = HealthSnapshotService.LastFinishedWeek(DateTime.UtcNow);
        using var db = _factory.CreateDbContext();
        _firstWeek = db.HealthSnapshots.AsNoTracking().OrderBy(s => s.WeekEnd).Select(s => new IsoWeek(s.IsoYear, s.IsoWeek)).First();
        var alertWeeks = _host.Services.GetRequiredService<IOptions<HealthOptions>>().Value.BackfillAlertWeeks;
        _alertsFrom = IsoWeek.Of(_lastWeek.End.AddDays(-7 * (alertWeeks - 1)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [IterationSetup(Target = nameof(OneWeekFromScratch))]
    public void DeleteLastWeek()
    {
        using var db = _factory.CreateDbContext();
        db.HealthSnapshots.Where(s => s.IsoYear == _lastWeek.Year && s.IsoWeek == _lastWeek.Week).ExecuteDelete();
    }

    [IterationSetup(Target = nameof(ThreeYearBackfill))]
    public void DeleteAllSnapshots()
    {
        using var db = _factory.CreateDbContext();
        db.HealthSnapshots.ExecuteDelete();
    }

    [Benchmark(Description = "One week, whole company, from scratch")]
    public Task<HealthRun> OneWeekFromScratch() => _health.ComputeWeekAsync(_lastWeek);

    [Benchmark(Description = "One week, whole company, already stored (idempotent rerun)")]
    public Task<HealthRun> RerunOfStoredWeek() => _health.ComputeWeekAsync(_lastWeek);

    [Benchmark(Description = "Three-year backfill, whole company, from scratch")]
    public Task<HealthRun> ThreeYearBackfill() => _health.ComputeWeeksAsync(_firstWeek, _lastWeek, learnerId: null, alertsFrom: _alertsFrom);
}

/// <summary>Runs of seconds on a shared machine: in-process, one invocation per iteration, 1 warm-up and 5 measured.</summary>
public sealed class HealthRunConfig : ManualConfig
{
    public HealthRunConfig() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(5)
        .WithToolchain(InProcessEmitToolchain.Instance));
}
