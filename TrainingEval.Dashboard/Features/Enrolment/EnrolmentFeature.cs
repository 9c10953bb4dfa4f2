namespace TrainingEval.Dashboard.Features.Enrolment;

public static class EnrolmentFeature
{
    /// <summary>Enrolling learners in a cohort, their mentors and withdrawals (the cohort management page's panel).</summary>
    public static IServiceCollection AddEnrolment(this IServiceCollection services)
    {
        services.AddScoped<EnrolmentService>();
        return services;
    }
}
