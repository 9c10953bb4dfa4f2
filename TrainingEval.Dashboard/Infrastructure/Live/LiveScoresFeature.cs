using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Infrastructure.Live;

public static class LiveScoresFeature
{
    /// <summary>Open pages reload when a cohort's scores change (in-process for one server).</summary>
    public static IServiceCollection AddLiveScores(this IServiceCollection services)
    {
        services.TryAddSingleton<IScoreChangeNotifier, InProcessScoreChangeNotifier>();
        return services;
    }

    /// <summary>
    /// On PostgreSQL, score changes cross instances (<see cref="PostgresScoreChangeNotifier"/>: NOTIFY, and a listener
    /// hosted for the app's life); on SQLite one file has one dashboard and the in-process notifier stays.
    /// </summary>
    public static IServiceCollection AddLiveScoresAcrossInstances(this IServiceCollection services, DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Postgres)
            return services;
        services.AddSingleton(sp => new PostgresScoreChangeNotifier(
            DatabaseProviderSetup.PostgresConnectionString(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value),
            sp.GetRequiredService<ILoggerFactory>()));
        services.Replace(ServiceDescriptor.Singleton<IScoreChangeNotifier>(sp => sp.GetRequiredService<PostgresScoreChangeNotifier>()));
        services.AddHostedService(sp => sp.GetRequiredService<PostgresScoreChangeNotifier>());
        return services;
    }
}
