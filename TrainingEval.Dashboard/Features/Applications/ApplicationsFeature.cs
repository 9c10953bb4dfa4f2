namespace TrainingEval.Dashboard.Features.Applications;

public static class ApplicationsFeature
{
    /// <summary>Application cases (训后应用案例): learners log them on 我的学习, mentors confirm them in their workspace.</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationCaseService>();
        return services;
    }
}
