using TrainingEval.Dashboard.Features.Scoring.Playground;

namespace TrainingEval.Dashboard.Features.Scoring;

public static class ScoringFeature
{
    /// <summary>
    /// The scoring pipeline (one collector per indicator source, the stored scores and their recomputation) and the
    /// scoring playground's session and explanations.
    /// </summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        // The one list of built-in collectors (ObservationCollector.CreateDefault), for the app as for tests and benchmarks.
        services.AddSingleton(_ => ObservationCollector.CreateDefault());
        services.AddSingleton<ScorePipeline>();
        services.AddSingleton<CohortScoreService>();
        services.AddScoped<PlaygroundSession>();
        services.AddTransient<ScoreExplanation>();
        return services;
    }
}
