namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP (a relay on the same host or network).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (usually port 587); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>Configuration section <c>TrainingEval:Email</c>: the SMTP server messages are sent through.</summary>
public sealed class EmailOptions
{
    public const string Section = "TrainingEval:Email";

    /// <summary>The SMTP server; empty turns e-mail off (no e-mail message is written).</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The From address, e.g. <c>trainingeval@example.com</c>.</summary>
    public string Sender { get; set; } = "";

    /// <summary>The From display name.</summary>
    public string SenderName { get; set; } = "TrainingEval";

    /// <summary>The SMTP user; empty: no authentication.</summary>
    public string User { get; set; } = "";

    /// <summary>The SMTP password: set it outside the file, environment variable <c>TrainingEval__Email__Password</c>.</summary>
    public string Password { get; set; } = "";

    /// <summary>Connect, send and quit must finish within this time, or the attempt fails (and is retried).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public string? Problem()
    {
        if (!Enabled)
            return null;
        if (Port is < 1 or > 65535)
            return $"TrainingEval:Email:Port {Port} is not a TCP port (1–65535).";
        if (!MimeKit.MailboxAddress.TryParse(Sender, out _) || !Sender.Contains('@', StringComparison.Ordinal))
            return $"TrainingEval:Email:Sender \"{Sender}\" is not an e-mail address; messages need a From address.";
        if (Timeout <= TimeSpan.Zero)
            return "TrainingEval:Email:Timeout must be positive.";
        return null;
    }
}

/// <summary>Configuration section <c>TrainingEval:Webhooks</c>: where work-chat robots may be called.</summary>
public sealed class WebhookOptions
{
    public const string Section = "TrainingEval:Webhooks";

    /// <summary>
    /// Host names a webhook URL may point at (a leading <c>*.</c> matches sub-domains). Users type the URLs, and the server
    /// calls them: the list keeps it from being pointed at internal addresses. No default items (the binder appends).
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Plain http:// URLs are refused unless this is on (a robot behind the firewall, the tests' loopback server).</summary>
    public bool AllowHttp { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The hosts of the four services, used when <see cref="AllowedHosts"/> is empty.</summary>
    public static readonly IReadOnlyList<string> ServiceHosts =
        ["qyapi.weixin.qq.com", "oapi.dingtalk.com", "open.feishu.cn", "open.larksuite.com", "*.webhook.office.com", "*.logic.azure.com"];

    public IReadOnlyList<string> Hosts => AllowedHosts.Count > 0 ? [.. AllowedHosts] : ServiceHosts;
}

/// <summary>Configuration section <c>TrainingEval:Outbox</c>: the background sender.</summary>
public sealed class OutboxOptions
{
    public const string Section = "TrainingEval:Outbox";

    /// <summary>Runs the background sender. Off: messages are written and wait.</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often the sender looks for due messages (and report subscriptions).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed message belongs to its sender; a sender that died gives it up when this runs out.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Messages claimed at once.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>The wait after failure number <paramref name="attempts"/> (1 = the first).</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < FirstRetryDelay ? FirstRetryDelay : delay;
    }
}

/// <summary>The address users reach the app at (<c>TrainingEval:PublicBaseUrl</c>), for links in messages.</summary>
public sealed class PublicLinks(string baseUrl)
{
    private readonly string _base = baseUrl.TrimEnd('/');

    public string To(string path) => _base + (path.StartsWith('/') ? path : "/" + path);
}
