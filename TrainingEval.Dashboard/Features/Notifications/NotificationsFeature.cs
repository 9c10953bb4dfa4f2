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
        services.AddSingleton(sp => new PublicLinks(PublicBaseUrl(sp.GetRequiredService<IConfiguration>())));
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

    /// <summary><c>TrainingEval:PublicBaseUrl</c>, the address users open the app at; start-up refuses one that is not an absolute http(s) URL.</summary>
    public static string PublicBaseUrl(IConfiguration configuration)
    {
        var value = configuration["TrainingEval:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(value))
            return "http://localhost:5080";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"TrainingEval:PublicBaseUrl \"{value}\" is not an absolute http(s) address; messages link back to the app with it.");
        return value;
    }
}

/// <summary>The one-click unsubscribe of RFC 8058: mail programs post to the link of the <c>List-Unsubscribe</c> header.</summary>
public static class UnsubscribeEndpoints
{
    public const string OneClickPath = "/notifications/unsubscribe/one-click";

    /// <summary>The one-click address of an unsubscribe page link (same token).</summary>
    public static string OneClick(string pageLink) => pageLink.Replace("/notifications/unsubscribe?", OneClickPath + "?", StringComparison.Ordinal);

    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapPost(OneClickPath, async (string? token, NotificationPreferencesService preferences, CancellationToken cancellationToken) =>
            await preferences.UnsubscribeAsync(token, cancellationToken) is { } done
                ? Results.Ok(new { topic = done.Topic.ToString(), channel = done.Email ? "email" : "webhook", unsubscribed = true })
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid unsubscribe token",
                    detail: "The token was not made by this installation, was changed, or its account no longer exists."))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }
}
