using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>A webhook call: where to post and what.</summary>
public sealed record WebhookRequest(Uri Url, string Json);

/// <summary>
/// Each work-chat service's message shape and signature. WeCom (企业微信) group robots take Markdown; DingTalk (钉钉) robots
/// take Markdown and, with "加签", a timestamp and an HMAC-SHA256 signature in the query; Feishu/Lark (飞书) robots take a
/// rich-text post and, with "签名校验", a timestamp and signature in the body; Microsoft Teams incoming webhooks and
/// workflows take a MessageCard.
/// </summary>
public static class WebhookPayloads
{
    /// <summary>WeCom's limit on a markdown message is 4096 bytes; DingTalk's and Feishu's are larger. Longer texts are cut.</summary>
    public const int MaxMarkdownBytes = 4000;

    public static WebhookRequest Build(DeliveryChannel channel, WebhookTarget target, OutgoingMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var url = new Uri(target.Url);
        var markdown = Cut(message.Markdown);
        JsonObject body;
        switch (channel)
        {
            case DeliveryChannel.WeCom:
                body = new JsonObject
                {
                    ["msgtype"] = "markdown",
                    ["markdown"] = new JsonObject { ["content"] = Cut($"**{MessageBuilder.Markdown(message.Subject)}**\n\n{message.Markdown}") },
                };
                break;
            case DeliveryChannel.DingTalk:
                body = new JsonObject
                {
                    ["msgtype"] = "markdown",
                    ["markdown"] = new JsonObject { ["title"] = message.Subject, ["text"] = Cut($"#### {MessageBuilder.Markdown(message.Subject)}\n\n{message.Markdown}") },
                };
                if (!string.IsNullOrEmpty(target.Secret))
                {
                    var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                    var separator = url.Query.Length > 1 ? "&" : "?";
                    url = new Uri(target.Url + separator + $"timestamp={timestamp}&sign={Uri.EscapeDataString(DingTalkSign(timestamp, target.Secret))}");
                }
                break;
            case DeliveryChannel.Feishu:
                var lines = new JsonArray();
                foreach (var line in message.Text.Split('\n'))
                    lines.Add(new JsonArray(new JsonObject { ["tag"] = "text", ["text"] = line }));
                if (message.Link is { } link)
                    lines.Add(new JsonArray(new JsonObject { ["tag"] = "a", ["text"] = message.LinkText ?? link, ["href"] = link }));
                body = new JsonObject
                {
                    ["msg_type"] = "post",
                    ["content"] = new JsonObject
                    {
                        ["post"] = new JsonObject
                        {
                            [message.Culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh_cn" : "en_us"] =
                                new JsonObject { ["title"] = message.Subject, ["content"] = lines },
                        },
                    },
                };
                if (!string.IsNullOrEmpty(target.Secret))
                {
                    var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                    body["timestamp"] = timestamp;
                    body["sign"] = FeishuSign(timestamp, target.Secret);
                }
                break;
            case DeliveryChannel.Teams:
                body = new JsonObject
                {
                    ["@type"] = "MessageCard",
                    ["@context"] = "https://schema.org/extensions",
                    ["summary"] = message.Subject,
                    ["themeColor"] = "1565C0",
                    ["title"] = message.Subject,
                    ["text"] = markdown,
                };
                if (message.Link is { } open)
                    body["potentialAction"] = new JsonArray(new JsonObject
                    {
                        ["@type"] = "OpenUri",
                        ["name"] = message.LinkText ?? open,
                        ["targets"] = new JsonArray(new JsonObject { ["os"] = "default", ["uri"] = open }),
                    });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not a webhook channel.");
        }
        return new WebhookRequest(url, body.ToJsonString());
    }

    /// <summary>DingTalk: Base64(HMAC-SHA256(key = secret, "{timestamp}\n{secret}")), timestamp in milliseconds.</summary>
    public static string DingTalkSign(string timestamp, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));

    /// <summary>Feishu/Lark: Base64(HMAC-SHA256(key = "{timestamp}\n{secret}", empty message)), timestamp in seconds.</summary>
    public static string FeishuSign(string timestamp, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestamp}\n{secret}"), Array.Empty<byte>()));

    private static string Cut(string s)
    {
        if (Encoding.UTF8.GetByteCount(s) <= MaxMarkdownBytes)
            return s;
        var end = s.Length;
        while (end > 0 && Encoding.UTF8.GetByteCount(s.AsSpan(0, end)) > MaxMarkdownBytes - 4)
            end -= Math.Max(1, (end - MaxMarkdownBytes / 4) / 2);
        return s[..end] + " …";
    }

    /// <summary>Whether a URL may be called: absolute, https (http only when allowed), host on the allow-list.</summary>
    public static string? UrlProblem(string? url, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "not-url";
        if (uri.Scheme == "http" && !options.AllowHttp)
            return "not-https";
        var host = uri.Host;
        if (!options.Hosts.Any(h => h.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(h[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, h, StringComparison.OrdinalIgnoreCase)))
            return "host";
        return null;
    }
}

/// <summary>
/// The one webhook sender: posts the service's JSON to the robot (no redirects followed), and counts the call as delivered
/// only when the service says so — WeCom and DingTalk answer HTTP 200 with <c>errcode</c>, Feishu with <c>code</c>.
/// </summary>
public sealed class WebhookTransport(IHttpClientFactory clients, DeliverySecrets secrets, IOptions<WebhookOptions> options, TimeProvider clock) : IMessageTransport
{
    public const string ClientName = "webhooks";

    public bool Handles(DeliveryChannel channel) => channel is DeliveryChannel.WeCom or DeliveryChannel.DingTalk or DeliveryChannel.Feishu or DeliveryChannel.Teams;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        WebhookTarget target;
        try
        {
            target = secrets.Open(message.Recipient);
        }
        catch (CryptographicException)
        {
            throw new PermanentDeliveryException("The webhook address cannot be read with this installation's keys; the user sets it again on their preferences page.");
        }
        if (WebhookPayloads.UrlProblem(target.Url, options.Value) is { } problem)
            throw new PermanentDeliveryException($"The webhook address is not allowed ({problem}): check TrainingEval:Webhooks:AllowedHosts.");
        var request = WebhookPayloads.Build(message.Channel, target, message, clock.GetUtcNow());
        using var client = clients.CreateClient(ClientName);
        client.Timeout = options.Value.Timeout;
        using var content = new StringContent(request.Json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await client.PostAsync(request.Url, content, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{request.Url.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Short(answer)}");
        if (ServiceError(answer) is { } error)
            throw new HttpRequestException($"{request.Url.Host} refused the message: {error}");
    }

    /// <summary>The error a 200 answer carries (<c>errcode</c>/<c>code</c> other than 0), or null.</summary>
    internal static string? ServiceError(string answer)
    {
        if (string.IsNullOrWhiteSpace(answer) || answer.TrimStart()[0] != '{')
            return null;
        try
        {
            using var json = JsonDocument.Parse(answer);
            foreach (var (code, text) in new[] { ("errcode", "errmsg"), ("code", "msg"), ("StatusCode", "StatusMessage") })
            {
                if (json.RootElement.TryGetProperty(code, out var c) && c.ValueKind == JsonValueKind.Number && c.GetInt32() != 0)
                    return $"{code} {c.GetInt32()}: {(json.RootElement.TryGetProperty(text, out var t) ? t.ToString() : "")}";
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static string Short(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
