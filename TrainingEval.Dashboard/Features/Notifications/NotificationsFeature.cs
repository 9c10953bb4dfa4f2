using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Notifications.Delivery;

namespace TrainingEval.Dashboard.Features.Notifications;

public static class NotificationsFeature
{
    /// <summary>
    /// The notification centre, the bell's unread count, the weekly digests the health job writes, and delivery out of the
    /// product: the outbox writer, the background sender, e-mail (SMTP) and webhook transports, preferences and unsubscribe.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DigestWriter>();
        services.AddScoped<NotificationService>();
        services.AddScoped<InboxState>();

        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => o.Problem() is null, "TrainingEval:Email is invalid: check Port, Sender and Timeout.").ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero, "TrainingEval:Webhooks:Timeout must be positive.");
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.LeaseDuration > TimeSpan.Zero && o.MaxAttempts >= 1 && o.BatchSize >= 1
                    && o.FirstRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay,
                "TrainingEval:Outbox needs a positive PollInterval, LeaseDuration and FirstRetryDelay, MaxRetryDelay ≥ FirstRetryDelay, MaxAttempts ≥ 1 and BatchSize ≥ 1.");
        var baseUrl = configuration["TrainingEval:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl) || !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
            baseUrl = "http://localhost:5080";
        services.AddSingleton(new PublicLinks(baseUrl));
        services.AddSingleton<DeliverySecrets>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<IMessageTransport, EmailTransport>();
        services.AddSingleton<IMessageTransport, WebhookTransport>();
        services.AddHttpClient(WebhookTransport.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IAttachmentRenderer, EffectivenessPdfAttachment>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<ReportSubscriptionScheduler>();
        services.AddHostedService<OutboxSenderService>();
        services.AddScoped<NotificationPreferencesService>();
        services.AddScoped<OutboxAdministration>();
        return services;
    }
}
