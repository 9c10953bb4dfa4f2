using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Demo;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Notifications;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence.Postgres;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>Registers the training database and prepares it at start-up (migrations, then the demo company when enabled).</summary>
public static partial class TrainingDataHosting
{
    public static IHostApplicationBuilder AddTrainingData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        // Relative paths resolve against the root appsettings.json's folder, wherever the app starts from.
        var rootFile = RootConfiguration.Locate();
        var baseFolder = rootFile is null ? builder.Environment.ContentRootPath : Path.GetDirectoryName(rootFile)!;
        // The factory builds each context with the app's actor and clock (constructor injection), so every save
        // audits who and when without a service saying so; the circuit handler tells the actor a circuit's user.
        services.AddSingleton<CurrentActor>();
        services.AddSingleton<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitActorHandler>());
        services.AddSingleton(sp => DatabaseProviderSetup.ErrorReaderFor(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        services.AddSingleton<DatabaseWriteState>();
        services.AddSingleton<JobLock>();
        services.AddHostedService<DatabaseWriteProbe>();
        services.AddDbContextFactory<TrainingDbContext, ProviderContextFactory>((sp, options) =>
        {
            DatabaseProviderSetup.Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, baseFolder, sp.GetRequiredService<DatabaseWriteState>());
        });
        // Identity's stores and the data-protection key ring take a scoped context: the factory's, so on PostgreSQL it
        // is the PostgreSQL context type too.
        services.Replace(ServiceDescriptor.Scoped(sp => sp.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContext()));
        return builder;
    }

    /// <summary>The app's factory: contexts of the configured provider's type (<see cref="DatabaseProviderSetup.CreateContext"/>).</summary>
    private sealed class ProviderContextFactory(DbContextOptions<TrainingDbContext> options, ICurrentActor actor, TimeProvider clock, IOptions<DatabaseOptions> database)
        : IDbContextFactory<TrainingDbContext>
    {
        public TrainingDbContext CreateDbContext() => DatabaseProviderSetup.CreateContext(database.Value.Provider, options, actor, clock);
    }

    /// <summary>
    /// Applies pending migrations and, when enabled and the database is empty, seeds the demo company. On PostgreSQL all
    /// of it runs under the <see cref="StartupLock"/>, so instances starting together migrate and seed once.
    /// </summary>
    public static async Task InitializeTrainingDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        // Start-up work: the demo company, its scores and its health backfill are the system's.
        using var system = scope.ServiceProvider.GetRequiredService<CurrentActor>().As(UserContext.System);
        StartupLock? startupLock = null;
        try
        {
            try
            {
                // The factory opens the database's folder when it is built: inside the try, so that failure reads well too.
                var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                startupLock = await StartupLock.AcquireAsync(db, cancellationToken);
                await MigrateAsync(db, cancellationToken);
                await RecomputePendingAsync(scope.ServiceProvider, db, cancellationToken);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
            {
                var database = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                var failure = new DatabaseUnavailableException(UnavailableMessage(database, ex), ex);
                var startLog = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrainingDataHosting));
                LogDatabaseUnavailable(startLog, failure.Message);
                throw failure;
            }
            await SeedDemoIfEmptyAsync(scope.ServiceProvider, cancellationToken);
        }
        finally
        {
            if (startupLock is not null)
                await startupLock.DisposeAsync();
        }
    }

    private static string UnavailableMessage(DatabaseOptions database, Exception ex)
    {
        const string why = "TrainingEval writes to it from the start (migrations, recomputing what a stopped write left, the audit trail), so it does not start. ";
        // Npgsql's messages end without a full stop ("Failed to connect to …"), SQLite's with one.
        var reason = ex.Message.TrimEnd().TrimEnd('.') + ". ";
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Host and database only: the connection string may hold a password.
            var target = new Npgsql.NpgsqlConnectionStringBuilder(database.PostgresConnectionString);
            return $"The database cannot be opened for writing (PostgreSQL database '{target.Database}' on '{target.Host}'): " + reason + why +
                $"Check {DatabaseOptions.Section}:PostgresConnectionString, that the server is up and that its account may create tables in that database.";
        }
        return $"The database cannot be opened for writing ({database.Provider} at '{database.SqlitePath}'): " + reason + why +
            $"Give the account running the dashboard write access to the file and its folder, free disk space, or set {DatabaseOptions.Section}:SqlitePath to a writable place.";
    }

    /// <summary>Seeds the demo company when it is enabled and the database holds no training data (under the start-up lock on PostgreSQL).</summary>
    private static async Task SeedDemoIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var demo = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        var seeder = services.GetRequiredService<DemoCompanySeeder>();
        if (!demo.Enabled || !await seeder.IsEmptyAsync(cancellationToken))
            return;

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrainingDataHosting));
        var clock = services.GetRequiredService<TimeProvider>();
        var culture = services.GetRequiredService<IConfiguration>()["TrainingEval:DefaultCulture"] ?? "zh-CN";
        var spec = new DemoCompanySpec
        {
            Seed = demo.Seed,
            Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            ChineseFreeText = culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase),
        };
        spec = spec with
        {
            Employees = demo.Employees ?? spec.Employees,
            Mentors = demo.Mentors ?? spec.Mentors,
            Programs = demo.Programs ?? spec.Programs,
            CohortSizeFactor = demo.CohortSizeFactor ?? spec.CohortSizeFactor,
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var company = DemoCompanyGenerator.Generate(spec);
        var generated = watch.ElapsedMilliseconds;
        var written = await seeder.SeedAsync(company, cancellationToken);
        watch.Restart();
        var scored = await services.GetRequiredService<CohortScoreService>().RecomputeAllAsync(cancellationToken);
        var scoredLearners = scored.Sum(s => s.LearnersScored);
        // Three years of weekly snapshots for the demo (alerts only for the recent weeks; see HealthOptions).
        watch.Restart();
        var health = services.GetRequiredService<HealthSnapshotService>();
        var lastWeek = HealthSnapshotService.LastFinishedWeek(clock.GetUtcNow().UtcDateTime);
        var healthOptions = services.GetRequiredService<IOptions<HealthOptions>>().Value;
        var backfill = await health.ComputeWeeksAsync(
            Domain.Comparisons.IsoWeek.Of(spec.Today.AddYears(-3).AddDays(-60)), lastWeek, learnerId: null,
            alertsFrom: Domain.Comparisons.IsoWeek.Of(lastWeek.End.AddDays(-7 * (healthOptions.BackfillAlertWeeks - 1))), cancellationToken);
        await services.GetRequiredService<DigestWriter>().WriteAsync(lastWeek, cancellationToken);
        LogBackfilled(logger, backfill.Inserted, backfill.AlertsRaised, watch.ElapsedMilliseconds);
        LogSeeded(logger, company.Learners.Count, company.Cohorts.Count, company.RecordCount, generated, (long)written.TotalMilliseconds,
            scoredLearners, watch.ElapsedMilliseconds);
    }

    /// <summary>
    /// Recomputes what a write marked and never recomputed because the process stopped in between (PendingRecomputes):
    /// the scores now, before pages are served; the health index in the background, like after an import.
    /// </summary>
    private static async Task RecomputePendingAsync(IServiceProvider services, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var (scores, health) = await RecomputePendingAsync(db, services.GetRequiredService<CohortScoreService>(), services.GetRequiredService<HealthRecomputes>(), cancellationToken);
        if (scores + health > 0)
            LogRecoveredPending(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrainingDataHosting)), scores, health);
    }

    /// <returns>How many cohorts were rescored and how many queued for the health index.</returns>
    public static async Task<(int Scores, int Health)> RecomputePendingAsync(TrainingDbContext db, CohortScoreService scoring, HealthRecomputes health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        ArgumentNullException.ThrowIfNull(health);
        var (staleScores, staleHealth) = await PendingRecomputes.ListAsync(db, cancellationToken);
        foreach (var cohortId in staleScores)
            await scoring.RecomputeCohortAsync(cohortId, cancellationToken);
        health.Enqueue(staleHealth);
        return (staleScores.Count, staleHealth.Count);
    }

    /// <summary>
    /// Applies pending migrations. Before the natural-key migration (spec section 9) it refuses, naming them, when stored
    /// codes or employee numbers differ only in letter case or surrounding spaces: merging them silently could join two
    /// people's histories. Nothing is changed then; the exception stops the start.
    /// </summary>
    /// <exception cref="CaseDuplicatesException">Records that the migration would make one.</exception>
    public static async Task MigrateAsync(TrainingDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Migrating creates the history table anyway; creating it first keeps EF from reading a missing one, which
        // PostgreSQL logs as three failed commands on a new database (dotnet/efcore#37328).
        await db.Database.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var keysPending = await NaturalKeyUpgrade.IsPendingAsync(db, cancellationToken);
        if (keysPending && await NaturalKeyUpgrade.FindDuplicatesAsync(db, cancellationToken) is { Count: > 0 } duplicates)
            throw new CaseDuplicatesException(duplicates);
        await db.Database.MigrateAsync(cancellationToken);
        if (keysPending)
            await NaturalKeyUpgrade.RecomputeKeysAsync(db, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfilled {Snapshots} learning health snapshots and {Alerts} alerts in {Ms} ms")]
    private static partial void LogBackfilled(ILogger logger, int snapshots, int alerts, long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo company: {Employees} employees, {Cohorts} cohorts, {Records} records (generated in {GenerateMs} ms, written in {WriteMs} ms); scored {Scored} enrollments in {ScoreMs} ms")]
    private static partial void LogSeeded(ILogger logger, int employees, int cohorts, int records, long generateMs, long writeMs, int scored, long scoreMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recomputed {Scores} cohorts whose scores a stopped write had left stale; {Health} cohorts' health index queued")]
    private static partial void LogRecoveredPending(ILogger logger, int scores, int health);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string message);
}
