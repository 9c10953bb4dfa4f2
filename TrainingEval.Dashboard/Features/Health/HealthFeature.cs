namespace TrainingEval.Dashboard.Features.Health;

public static class HealthFeature
{
    /// <summary>The learning health snapshots, their weekly job, and the alerts raised from them.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section))
            .Validate(o => o.WindowDays >= 1 && o.CheckInterval > TimeSpan.Zero && o.BackfillAlertWeeks >= 1,
                "TrainingEval:Health needs WindowDays ≥ 1, a positive CheckInterval and BackfillAlertWeeks ≥ 1.");
        services.AddSingleton<HealthSnapshotService>();
        services.AddHostedService<HealthSnapshotJob>();
        services.AddSingleton<HealthRecomputes>();
        services.AddHostedService<HealthRecomputeWorker>();
        services.AddScoped<AlertService>();
        return services;
    }
}
