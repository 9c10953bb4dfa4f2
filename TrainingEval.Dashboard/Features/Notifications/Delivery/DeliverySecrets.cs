using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>A work-chat robot: its URL (which carries its key) and, for DingTalk and Feishu, its signing secret.</summary>
public sealed record WebhookTarget(string Url, string? Secret);

/// <summary>What an unsubscribe link turns off: one kind for one user on e-mail or on the webhook (a report: that subscription).</summary>
public sealed record UnsubscribeRequest(string UserId, MessageTopic Topic, bool Email, int? SubscriptionId);

/// <summary>
/// The secrets of delivery, sealed with the data-protection key ring (stored in the product's database, shared by every
/// instance): webhook URLs and secrets at rest, and the signed tokens of unsubscribe links, which work without a sign-in and
/// never expire (an old e-mail's link must still work), but cannot be made up or altered.
/// </summary>
public sealed class DeliverySecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _webhooks = provider.CreateProtector("TrainingEval.Notifications.Webhook.v1");
    private readonly IDataProtector _unsubscribe = provider.CreateProtector("TrainingEval.Notifications.Unsubscribe.v1");

    public string Seal(WebhookTarget target) => _webhooks.Protect(JsonSerializer.Serialize(target));

    public WebhookTarget Open(string sealedTarget) =>
        JsonSerializer.Deserialize<WebhookTarget>(_webhooks.Unprotect(sealedTarget)) ?? throw new InvalidOperationException("An empty webhook target.");

    /// <summary>The host a sealed target points at (for the admin page), or null if it cannot be opened.</summary>
    public string? HostOf(string sealedTarget)
    {
        try
        {
            return Uri.TryCreate(Open(sealedTarget).Url, UriKind.Absolute, out var uri) ? uri.Host : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public string UnsubscribeToken(UnsubscribeRequest request) =>
        _unsubscribe.Protect($"{request.UserId}|{request.Topic}|{(request.Email ? "email" : "webhook")}|{request.SubscriptionId}");

    /// <summary>The request a token carries; null when it was not made by this installation or was altered.</summary>
    public UnsubscribeRequest? ReadUnsubscribeToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
            return null;
        string payload;
        try
        {
            payload = _unsubscribe.Unprotect(token.Trim());
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|');
        if (parts.Length != 4 || !Enum.TryParse<MessageTopic>(parts[1], out var topic))
            return null;
        int? subscription = int.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        return new UnsubscribeRequest(parts[0], topic, parts[2] == "email", subscription);
    }

    internal static string Hash(string value) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..24];
}
