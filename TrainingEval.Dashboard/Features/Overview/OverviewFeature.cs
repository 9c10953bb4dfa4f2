namespace TrainingEval.Dashboard.Features.Overview;

public static class OverviewFeature
{
    /// <summary>The executives' overview page.</summary>
    public static IServiceCollection AddOverview(this IServiceCollection services)
    {
        services.AddScoped<OverviewQueries>();
        return services;
    }
}
