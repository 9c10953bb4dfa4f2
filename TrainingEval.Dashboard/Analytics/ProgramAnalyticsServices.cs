namespace TrainingEval.Dashboard.Analytics;

public static class ProgramAnalyticsServices
{
    /// <summary>The read queries of the overview, program and cohort-comparison pages, and the filter bar's lists.</summary>
    public static IServiceCollection AddProgramAnalytics(this IServiceCollection services)
    {
        services.AddScoped<FilterOptionsQueries>();
        return services;
    }
}
