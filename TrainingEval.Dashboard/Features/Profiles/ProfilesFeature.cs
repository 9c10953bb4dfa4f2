namespace TrainingEval.Dashboard.Features.Profiles;

public static class ProfilesFeature
{
    /// <summary>The versioned weight profiles of the programs.</summary>
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddScoped<WeightProfileService>();
        return services;
    }
}
