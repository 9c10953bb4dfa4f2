using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Domain.Comparisons;

namespace TrainingEval.Benchmarks;

/// <summary>
/// The server side of the learner page's first interactive render on the full demo company (2,000
/// employees, 40 cohorts, every cohort scored): read the learner's vertical view from SQLite and build
/// the four charts' options and series — everything the page does before its first render is sent.
/// The learner is the demo's busiest (most scored cohorts). Target: the whole first render under 1 s.
/// </summary>
[MemoryDiagnoser]
public class LearnerPageBenchmarks
{
    private string _folder = "";
    private IHost _host = null!;
    private IServiceScope _scope = null!;
    private LearnerQueries _queries = null!;
    private LearnerCharts _charts = null!;
    private string _employeeNo = "";
    private DateOnly _today;

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
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDashboardComponentServices(builder.Configuration);
        builder.AddTrainingData();
        _host = builder.Build();
        _host.Services.InitializeTrainingDataAsync().GetAwaiter().GetResult();

        _scope = _host.Services.CreateScope();
        _queries = _scope.ServiceProvider.GetRequiredService<LearnerQueries>();
        _charts = _scope.ServiceProvider.GetRequiredService<LearnerCharts>();
        _today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var db = _scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContext();
        _employeeNo = db.LearnerScores.AsNoTracking()
            .GroupBy(s => s.Learner!.EmployeeNumber)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .First();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>What LearnerPage does in OnParametersSetAsync: one read, four chart models.</summary>
    [Benchmark]
    public async Task<int> LoadAndBuildCharts()
    {
        var view = await _queries.GetVerticalViewAsync(_employeeNo) ?? throw new InvalidOperationException("The demo learner is missing.");
        var trajectory = LearnerTrajectory.CompositeOverTime(view.Cohorts.Select(c => c.ToOutcome()), _today);
        var weeks = LearnerTrajectory.WeeklyHealth(view.Health.Select(h => (new IsoWeek(h.IsoYear, h.IsoWeek), h.Index)));
        var theme = ThemeState.Light;
        var composite = _charts.Composite(trajectory, theme);
        var levels = _charts.Levels([.. view.Cohorts.Where(c => c.IsScored)], theme);
        var ratings = _charts.Ratings(LearnerTrajectory.RatingHistory(view.Ratings), theme);
        var health = _charts.Health(weeks, theme);
        return composite.Series.Count + levels.Series.Count + ratings.Series.Count + health.Series.Count;
    }
}
