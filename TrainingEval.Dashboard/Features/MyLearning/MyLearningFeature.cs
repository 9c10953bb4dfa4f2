namespace TrainingEval.Dashboard.Features.MyLearning;

public static class MyLearningFeature
{
    /// <summary>A learner's own page (我的学习).</summary>
    public static IServiceCollection AddMyLearning(this IServiceCollection services)
    {
        services.AddScoped<MyLearningQueries>();
        return services;
    }
}
