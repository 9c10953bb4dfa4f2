using TrainingEval.Dashboard.Features.Compare;
using TrainingEval.Dashboard.Features.Overview;
using TrainingEval.Dashboard.Shared.Filters;

namespace TrainingEval.Dashboard.Features.Programs;

public static class ProgramAnalyticsServices
{
    /// <summary>The read queries of the overview, program and cohort-comparison pages, and the filter bar's lists.</summary>
    public static IServiceCollection AddProgramAnalytics(this IServiceCollection services)
    {
        services.AddScoped<FilterOptionsQueries>();
        services.AddScoped<OverviewQueries>();
        services.AddScoped<ProgramQueries>();
        services.AddScoped<CohortComparisonQueries>();
        return services;
    }
}
