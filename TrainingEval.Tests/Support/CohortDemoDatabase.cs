using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Demo;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Tests.Support;

/// <summary>
/// A small demo company (generated, seeded and scored with the production services) in an in-memory
/// SQLite database, shared by the tests of one class. Tests that write (a profile save) use their own.
/// </summary>
public sealed class CohortDemoDatabase : IAsyncLifetime
{
    public static readonly DemoCompanySpec Spec = new()
    {
        Today = new DateOnly(2026, 11, 29),
        Employees = 260,
        Mentors = 12,
        Programs = 2,
    };

    public TestDatabase Database { get; private set; } = default!;

    /// <summary>The code of the cohort with the most scored learners (more than the ranking's default top count).</summary>
    public string LargestCohortCode { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var company = DemoCompanyGenerator.Generate(Spec);
        await new DemoCompanySeeder(Database.Factory).SeedAsync(company);
        await ScoreService(Database).RecomputeAllAsync();
        await using var db = Database.CreateContext();
        LargestCohortCode = await db.Cohorts.OrderByDescending(c => db.LearnerScores.Count(s => s.CohortId == c.Id)).ThenBy(c => c.Code)
            .Select(c => c.Code).FirstAsync();
    }

    public static CohortScoreService ScoreService(TestDatabase database) =>
        new(database.Factory, ScorePipeline.CreateDefault(TimeProvider.System), TimeProvider.System);

    /// <summary>The data services the cohort page needs, over <paramref name="database"/>.</summary>
    public static void Register(IServiceCollection services, TestDatabase database)
    {
        services.AddSingleton(database.Factory);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ObservationCollector.CreateDefault());
        services.AddSingleton<ScorePipeline>();
        services.AddSingleton<CohortScoreService>();
        services.AddScoped<WeightProfileService>();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
