namespace TrainingEval.Dashboard.Features.Cohorts;

public static class CohortsFeature
{
    /// <summary>The cohorts list, a cohort's horizontal comparison, and closing a cohort.</summary>
    public static IServiceCollection AddCohorts(this IServiceCollection services)
    {
        services.AddScoped<CohortListQueries>();
        services.AddScoped<CohortQueries>();
        services.AddScoped<CohortHealthQueries>();
        services.AddScoped<CohortLifecycleService>();
        services.AddScoped<Manage.CohortManagement>();
        services.AddScoped<Manage.MentorManagement>();
        services.AddScoped<Manage.CohortPlan>();
        return services;
    }
}
