using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Infrastructure.Live;

public static class LiveScoresFeature
{
    /// <summary>
    /// Open pages reload when a cohort's scores change: in-process on SQLite (one file has one dashboard); on PostgreSQL
    /// across every instance sharing the database (<see cref="PostgresScoreChangeNotifier"/>: NOTIFY, and a listener
    /// hosted for the app's life). Decided when first resolved, from the configured provider.
    /// </summary>
    public static IServiceCollection AddLiveScores(this IServiceCollection services)
    {
        services.TryAddSingleton<InProcessScoreChangeNotifier>();
        services.TryAddSingleton(sp => new PostgresScoreChangeNotifier(
            DatabaseProviderSetup.PostgresConnectionString(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IScoreChangeNotifier>(sp => OnPostgres(sp)
            ? sp.GetRequiredService<PostgresScoreChangeNotifier>()
            : sp.GetRequiredService<InProcessScoreChangeNotifier>());
        services.AddHostedService<ScoreChangeListenerHost>();
        return services;
    }

    private static bool OnPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres;

    /// <summary>Runs the PostgreSQL listener for the app's life; nothing on SQLite.</summary>
    private sealed class ScoreChangeListenerHost(IServiceProvider services) : IHostedService
    {
        private PostgresScoreChangeNotifier? _listener;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!OnPostgres(services))
                return Task.CompletedTask;
            _listener = services.GetRequiredService<PostgresScoreChangeNotifier>();
            return _listener.StartAsync(cancellationToken);
        }

        // The listener resolved at start: the container may be going away when the host stops.
        public Task StopAsync(CancellationToken cancellationToken) => _listener?.StopAsync(cancellationToken) ?? Task.CompletedTask;
    }
}
