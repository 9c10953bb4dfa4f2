using TrainingEval.Dashboard.Features.Notifications;

namespace TrainingEval.Dashboard.Features.Health;

public static class HealthHosting
{
    /// <summary>The health snapshots, their weekly job, alerts and notifications.</summary>
    public static IServiceCollection AddLearningHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section))
            .Validate(o => o.WindowDays >= 1 && o.CheckInterval > TimeSpan.Zero && o.BackfillAlertWeeks >= 1,
                "TrainingEval:Health needs WindowDays ≥ 1, a positive CheckInterval and BackfillAlertWeeks ≥ 1.");
        services.AddSingleton<HealthSnapshotService>();
        services.AddSingleton<DigestWriter>();
        services.AddHostedService<HealthSnapshotJob>();
        services.AddScoped<AlertService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<InboxState>();
        return services;
    }
}
