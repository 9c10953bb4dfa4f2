namespace TrainingEval.Dashboard.Features.Notifications;

public static class NotificationsFeature
{
    /// <summary>The notification centre, the bell's unread count, and the weekly digests the health job writes.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<DigestWriter>();
        services.AddScoped<NotificationService>();
        services.AddScoped<InboxState>();
        return services;
    }
}
