using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Benchmarks;

/// <summary>
/// The enterprise-size import targets of issue 15 as a timed script (<c>dotnet run -c Release --project TrainingEval.Benchmarks
/// -- import-timing</c>), not a BenchmarkDotNet job: each case is one import of one large file into a fresh SQLite
/// file, the way a company loads it once, timed end to end by <see cref="ImportService"/> (read, check every row, write in
/// one transaction, rescore the affected cohorts), with the process's peak working set. Three runs each, every one on a
/// new database, best and worst reported.
/// </summary>
public static class ImportTiming
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        await CaseAsync("learners: 55,000 employees in one file", runs, learners: 55_000, cohorts: 0, perCohort: 0, observationsPerLearner: 0);
        await CaseAsync("observations: 100,000 rows, 5 cohorts x 400 learners x 50, rescored", runs, learners: 0, cohorts: 5, perCohort: 400, observationsPerLearner: 50);
        await CaseAsync("observations: 500,000 rows, 25 cohorts x 400 learners x 50, rescored", runs, learners: 0, cohorts: 25, perCohort: 400, observationsPerLearner: 50);
        return 0;
    }

    private static async Task CaseAsync(string name, int runs, int learners, int cohorts, int perCohort, int observationsPerLearner)
    {
        var times = new List<double>();
        long peak = 0;
        for (var run = 0; run < runs; run++)
        {
            var path = Path.Combine(Path.GetTempPath(), $"trainingeval-timing-{Guid.NewGuid():N}.db");
            try
            {
                var (import, setup) = await SetUpAsync(path, cohorts, perCohort);
                var (kind, file) = learners > 0 ? (ImportKind.Learners, LearnersCsv(learners)) : (ImportKind.Observations, ObservationsCsv(cohorts, perCohort, observationsPerLearner));
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var result = await import.ImportAsync(kind, new MemoryStream(file), ImportFormat.Csv, "timing.csv");
                watch.Stop();
                if (!result.Succeeded || result.Created != (learners > 0 ? learners : cohorts * perCohort * observationsPerLearner))
                    throw new InvalidOperationException($"{name}: {result.Created} created, {result.ErrorCount} errors ({string.Join("; ", result.Errors.Take(3).Select(e => e.Message))})");
                times.Add(watch.Elapsed.TotalSeconds);
                peak = Math.Max(peak, Process.GetCurrentProcess().PeakWorkingSet64);
                Console.WriteLine($"  {name} run {run + 1}: {watch.Elapsed.TotalSeconds:0.00} s ({file.Length / 1024.0 / 1024:0.0} MB file, setup {setup:0.0} s, {result.RecomputedCohorts.Count} cohorts rescored)");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    File.Delete(path + suffix);
            }
        }
        Console.WriteLine($"{name}: best {times.Min():0.00} s, worst {times.Max():0.00} s; peak working set of the process {peak / 1024.0 / 1024:0} MB");
    }

    private static async Task<(ImportService Import, double Setup)> SetUpAsync(string path, int cohorts, int perCohort)
    {
        var watch = Stopwatch.StartNew();
        var clock = new PersistenceBench.FixedClock(Today);
        var factory = PersistenceBench.Factory(path, clock);
        await using (var db = await factory.CreateDbContextAsync())
            await TrainingDataHosting.MigrateAsync(db);
        var scores = new CohortScoreService(factory, ScorePipeline.CreateDefault(clock), clock);
        var access = new RecordAccess(new SystemUser(), factory, NullLogger<RecordAccess>.Instance);
        var import = new ImportService(factory, scores, new HealthRecomputes(), clock, access);
        if (cohorts > 0)
        {
            await Must(import, ImportKind.Programs, "program_code,name\nBIG,Large program\n");
            var cohortFile = new StringBuilder("cohort_code,program_code,name,start_date,end_date\n");
            var learnerFile = new StringBuilder("employee_no,name,department\n");
            var enrollmentFile = new StringBuilder("cohort_code,employee_no,status\n");
            for (var c = 0; c < cohorts; c++)
            {
                cohortFile.Append(CultureInfo.InvariantCulture, $"BIG-{c:00},BIG,Run {c},2026-01-05,2026-03-27\n");
                for (var l = 0; l < perCohort; l++)
                {
                    learnerFile.Append(CultureInfo.InvariantCulture, $"B{c:00}{l:0000},Learner {c}-{l},Dept {l % 12}\n");
                    enrollmentFile.Append(CultureInfo.InvariantCulture, $"BIG-{c:00},B{c:00}{l:0000},completed\n");
                }
            }
            await Must(import, ImportKind.Cohorts, cohortFile.ToString());
            await Must(import, ImportKind.Learners, learnerFile.ToString());
            await Must(import, ImportKind.Enrollments, enrollmentFile.ToString());
        }
        return (import, watch.Elapsed.TotalSeconds);
    }

    private static byte[] LearnersCsv(int count)
    {
        var text = new StringBuilder("employee_no,name,department,position,email,hire_date\n");
        for (var i = 0; i < count; i++)
            text.Append(CultureInfo.InvariantCulture, $"HX{i:000000},Employee {i},Department {i % 60},Operator,hx{i:000000}@example.com,20{10 + i % 15:00}-0{1 + i % 9}-1{i % 10}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Final-exam-style scores, one measure per assessment, spread so no two learners tie.</summary>
    private static byte[] ObservationsCsv(int cohorts, int perCohort, int perLearner)
    {
        var text = new StringBuilder("cohort_code,employee_no,indicator,value,measure,observed_on\n");
        for (var c = 0; c < cohorts; c++)
        {
            for (var l = 0; l < perCohort; l++)
            {
                for (var k = 0; k < perLearner; k++)
                    text.Append(CultureInfo.InvariantCulture, $"BIG-{c:00},B{c:00}{l:0000},exam_theory,{(37 * l + 11 * k + c) % 101},Q{k:00},2026-02-{1 + k % 28:00}\n");
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task Must(ImportService import, ImportKind kind, string csv)
    {
        var result = await import.ImportAsync(kind, new MemoryStream(Encoding.UTF8.GetBytes(csv)), ImportFormat.Csv, kind.Slug());
        if (!result.Succeeded)
            throw new InvalidOperationException($"{kind}: {string.Join("; ", result.Errors.Take(3).Select(e => e.Message))}");
    }

    private sealed class SystemUser : ICurrentUser
    {
        public ValueTask<UserContext> GetAsync() => ValueTask.FromResult(UserContext.System);
    }
}

/// <summary>
/// Writes the OULAD sample as import files and the OULAD weight profile as the API's JSON
/// (<c>dotnet run -c Release --project TrainingEval.Benchmarks -- oulad-files &lt;sample folder&gt; &lt;output folder&gt;</c>),
/// for importing it through the page or <c>POST /api/v1/imports/{kind}</c> (docs/examples/oulad.md).
/// </summary>
public static class OuladFileWriter
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: oulad-files <oulad folder> <output folder>");
            return 2;
        }
        var files = TrainingEval.Tools.Oulad.OuladConverter.Convert(args[1]);
        Directory.CreateDirectory(args[2]);
        var order = new StringBuilder();
        foreach (var (kind, name, csv) in files.InImportOrder())
        {
            File.WriteAllText(Path.Combine(args[2], name), csv, new UTF8Encoding(false));
            order.Append(CultureInfo.InvariantCulture, $"{kind} {name}\n");
        }
        File.WriteAllText(Path.Combine(args[2], "import-order.txt"), order.ToString());
        var profile = TrainingEval.Tools.Oulad.OuladConverter.Profile;
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            name = profile.Name,
            levelWeights = new { reaction = profile.LevelWeights.Reaction, learning = profile.LevelWeights.Learning, behavior = profile.LevelWeights.Behavior, results = profile.LevelWeights.Results },
            indicators = profile.Indicators.Select(i => new
            {
                code = i.Code, level = i.Level.ToString().ToLowerInvariant(), normalization = TrainingEval.Domain.Indicators.NormalizationCodes.ToCode(i.Normalization),
                weight = i.Weight, max = i.Max, target = i.Target,
            }),
            policy = "renormalize",
            changeNote = "OULAD mapping (docs/examples/oulad.md)",
        });
        File.WriteAllText(Path.Combine(args[2], "profile.json"), json);
        Console.WriteLine($"wrote {files.InImportOrder().Count()} files and profile.json to {args[2]}");
        return 0;
    }
}
