using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tools.Oulad;

namespace TrainingEval.Benchmarks;

/// <summary>
/// The large import of issue 7: the OULAD sample's 36,166 assessment scores as one observations CSV through
/// <see cref="ImportService"/> (read, check every row, write in one transaction with the audit trail,
/// recompute the 12 cohorts) on a SQLite file. Programs, cohorts, learners and enrollments are imported once
/// in the setup; each iteration starts without observations.
/// </summary>
[Config(typeof(InProcessColdStartConfig))]
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _path = "";
    private ImportService _import = null!;
    private IDbContextFactory<TrainingDbContext> _factory = null!;
    private byte[] _observations = [];

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"trainingeval-import-bench-{Guid.NewGuid():N}.db");
        var clock = new PersistenceBench.FixedClock(new DateOnly(2026, 11, 29));
        _factory = PersistenceBench.Factory(_path, clock);
        using (var db = _factory.CreateDbContext())
            db.Database.Migrate();
        var scores = new CohortScoreService(_factory, ScorePipeline.CreateDefault(clock), clock);
        var access = new RecordAccess(new SystemUser(), _factory, NullLogger<RecordAccess>.Instance);
        _import = new ImportService(_factory, scores, new HealthRecomputes(), clock, access);

        var files = OuladConverter.Convert(SampleFolder());
        Import(ImportKind.Programs, files.Programs);
        var profiles = new WeightProfileService(_factory, scores, clock, access);
        using (var db = _factory.CreateDbContext())
        {
            foreach (var program in db.Programs.ToList())
                profiles.SaveAsync(program.Id, OuladConverter.Profile, program.CurrentProfileVersion, null).GetAwaiter().GetResult();
        }
        Import(ImportKind.Cohorts, files.Cohorts);
        Import(ImportKind.Learners, files.Learners);
        Import(ImportKind.Enrollments, files.Enrollments);
        _observations = System.Text.Encoding.UTF8.GetBytes(files.AssessmentObservations);
    }

    [IterationSetup]
    public void RemoveObservations()
    {
        using var db = _factory.CreateDbContext();
        db.StoredObservations.ExecuteDelete();
        db.AuditTrail.ExecuteDelete();
        db.LearnerScores.ExecuteDelete();
    }

    [Benchmark(Description = "OULAD observations: 36,166 rows, 12 cohorts rescored")]
    public ImportResult ImportObservations()
    {
        var result = _import.ImportAsync(ImportKind.Observations, new MemoryStream(_observations), ImportFormat.Csv, "observations-assessments.csv").GetAwaiter().GetResult();
        if (!result.Succeeded || result.Created != 36_166 || result.RecomputedCohorts.Count != 12)
            throw new InvalidOperationException($"The import did not do what it should: {result.Created} created, {result.Errors.Count} errors.");
        return result;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_path + suffix);
    }

    private void Import(ImportKind kind, string csv)
    {
        var result = _import.ImportAsync(kind, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), ImportFormat.Csv, kind.Slug()).GetAwaiter().GetResult();
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors.Take(5).Select(e => $"{e.Row} {e.Column}: {e.Message}")));
    }

    private static string SampleFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrainingEval.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "oulad-sample"));
        }
        throw new InvalidOperationException("TrainingEval.sln not found above the benchmark binaries.");
    }

    /// <summary>The benchmark imports as the system (an admin), as a start-up job would.</summary>
    private sealed class SystemUser : ICurrentUser
    {
        public ValueTask<UserContext> GetAsync() => ValueTask.FromResult(UserContext.System);
    }
}
