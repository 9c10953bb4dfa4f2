namespace TrainingEval.Dashboard.Features.Learners;

public static class LearnersFeature
{
    /// <summary>The learners list and a learner's vertical comparison with its charts.</summary>
    public static IServiceCollection AddLearners(this IServiceCollection services)
    {
        services.AddScoped<LearnerQueries>();
        services.AddTransient<LearnerCharts>();
        return services;
    }
}
