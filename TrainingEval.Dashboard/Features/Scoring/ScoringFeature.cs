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
        services.AddSingleton<IIndicatorCollector, SatisfactionCollector>();
        services.AddSingleton<IIndicatorCollector, AttendanceCollector>();
        services.AddSingleton<IIndicatorCollector, InteractionCollector>();
        services.AddSingleton<IIndicatorCollector, AssessmentCollector>();
        services.AddSingleton<IIndicatorCollector, AssignmentCollector>();
        services.AddSingleton<IIndicatorCollector, MentorRatingCollector>();
        services.AddSingleton<IIndicatorCollector, ApplicationCollector>();
        services.AddSingleton<IIndicatorCollector, PerformanceReviewCollector>();
        services.AddSingleton<IIndicatorCollector, KpiCollector>();
        services.AddSingleton<ObservationCollector>();
        services.AddSingleton<ScorePipeline>();
        services.AddSingleton<CohortScoreService>();
        services.AddScoped<PlaygroundSession>();
        services.AddTransient<ScoreExplanation>();
        return services;
    }
}
