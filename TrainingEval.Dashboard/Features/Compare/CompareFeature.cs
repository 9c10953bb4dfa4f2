namespace TrainingEval.Dashboard.Features.Compare;

public static class CompareFeature
{
    /// <summary>Cohorts side by side.</summary>
    public static IServiceCollection AddCompare(this IServiceCollection services)
    {
        services.AddScoped<CohortComparisonQueries>();
        return services;
    }
}
