namespace TrainingEval.Dashboard.Features.Cohorts;

public static class CohortAnalyticsServices
{
    /// <summary>The read queries of the cohort (horizontal comparison) page.</summary>
    public static IServiceCollection AddCohortAnalytics(this IServiceCollection services)
    {
        services.AddScoped<CohortQueries>();
        return services;
    }
}
