namespace TrainingEval.Dashboard.Features.Mentoring;

public static class MentoringFeature
{
    /// <summary>The mentor workspace and the mentors' ratings.</summary>
    public static IServiceCollection AddMentoring(this IServiceCollection services)
    {
        services.AddScoped<MentorWorkspaceQueries>();
        services.AddScoped<MentorRatingService>();
        return services;
    }
}
