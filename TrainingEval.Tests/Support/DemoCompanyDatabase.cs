using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Demo;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Tests.Support;

/// <summary>
/// A small demo company (3 programs, ~300 employees) seeded into one in-memory database and scored,
/// shared by the page tests of a class: the pages only read, and a what-if draft never stores.
/// </summary>
public sealed class DemoCompanyDatabase : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 15);

    public TestDatabase Database { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(new FixedClock(Today.ToDateTime(new TimeOnly(12, 0))));
        var company = DemoCompanyGenerator.Generate(new DemoCompanySpec { Today = Today, Employees = 300, Mentors = 12, Programs = 3, CohortSizeFactor = 0.5 });
        await new DemoCompanySeeder(Database.Factory).SeedAsync(company);
        await new CohortScoreService(Database.Factory, ScorePipeline.CreateDefault(Database.Clock), Database.Clock).RecomputeAllAsync();
    }

    /// <summary>Registers the data services the pages use over this database, as the app does.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(Database.Factory);
        services.AddSingleton(Database.Clock);
        services.AddSingleton(ObservationCollector.CreateDefault());
        services.AddSingleton<ScorePipeline>();
        services.AddSingleton<CohortScoreService>();
        services.AddScoped<WeightProfileService>();
    }

    public async Task<T> QueryAsync<T>(Func<TrainingDbContext, Task<T>> query)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await query(db);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
