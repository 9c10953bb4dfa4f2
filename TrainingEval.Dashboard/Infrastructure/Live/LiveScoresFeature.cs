namespace TrainingEval.Dashboard.Infrastructure.Live;

public static class LiveScoresFeature
{
    /// <summary>Open pages reload when a cohort's scores change (in-process for one server).</summary>
    public static IServiceCollection AddLiveScores(this IServiceCollection services)
    {
        services.AddSingleton<IScoreChangeNotifier, InProcessScoreChangeNotifier>();
        return services;
    }
}
