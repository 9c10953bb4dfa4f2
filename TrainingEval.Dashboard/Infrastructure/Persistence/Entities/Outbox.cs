namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>How a message leaves the product.</summary>
public enum DeliveryChannel
{
    Email,
    WeCom,
    DingTalk,
    Feishu,
    Teams,
}

/// <summary>What a message is about; each user turns every kind on or off (and picks its rhythm) on their preferences page.</summary>
public enum MessageTopic
{
    /// <summary>A new alert for one of a mentor's mentees.</summary>
    Alert,

    /// <summary>A mentor's weekly digest.</summary>
    WeeklyDigest,

    /// <summary>The promotion suggestions of a cohort HR has just closed, to HR analysts.</summary>
    PromotionSuggestions,

    /// <summary>A subscribed cohort effectiveness report, PDF attached.</summary>
    Report,
}

public enum OutboxStatus
{
    /// <summary>Waiting for <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Claimed by a sender until <see cref="OutboxMessage.LeaseUntil"/>; after that any sender may claim it again.</summary>
    Sending,
    Sent,

    /// <summary>Gave up after the last attempt; an admin may send it again from /admin/outbox.</summary>
    Failed,

    /// <summary>The recipient turned the kind off (or removed the address) before it went out.</summary>
    Cancelled,
}

/// <summary>
/// One message to one recipient on one channel, written in the transaction of the event that causes it (an alert raised,
/// a digest written, a cohort closed, a subscription due) with its text already in the recipient's language, and sent
/// afterwards by the outbox sender. <see cref="DedupeKey"/> (event + recipient + channel) is unique, so an event written
/// twice still makes one message.
/// </summary>
public sealed class OutboxMessage
{
    public const int DedupeKeyMaxLength = 200;
    public const int RecipientMaxLength = 1000;
    public const int SubjectMaxLength = 300;
    public const int CultureMaxLength = 10;
    public const int LinkMaxLength = 500;
    public const int AttachmentMaxLength = 200;
    public const int ErrorMaxLength = 2000;
    public const int BatchKeyMaxLength = 200;

    public long Id { get; set; }
    public DeliveryChannel Channel { get; set; }
    public MessageTopic Topic { get; set; }

    /// <summary>The account the message is for (null only if the account was deleted since).</summary>
    public string? UserId { get; set; }

    /// <summary>An e-mail address, or a webhook URL protected with the data-protection key ring (it carries the robot's key).</summary>
    public required string Recipient { get; set; }

    /// <summary>The recipient's language (zh-CN, en) the texts are written in.</summary>
    public required string Culture { get; set; }
    public required string Subject { get; set; }
    public required string BodyText { get; set; }
    public required string BodyHtml { get; set; }

    /// <summary>The same message as Markdown, for work-chat robots.</summary>
    public required string BodyMarkdown { get; set; }

    /// <summary>The page the message is about (absolute, under <c>TrainingEval:PublicBaseUrl</c>).</summary>
    public string? Link { get; set; }

    /// <summary>The link that turns this kind of message off for the recipient.</summary>
    public string? UnsubscribeLink { get; set; }

    /// <summary>What to attach, rendered when sent: <c>effectiveness-pdf:{cohortId}</c>; null for none.</summary>
    public string? Attachment { get; set; }

    /// <summary>The alert an alert message tells of: withdrawn before it was sent (an import completed the records), it is cancelled.</summary>
    public int? AlertId { get; set; }

    /// <summary>Messages with one batch key (hourly alerts of one recipient and channel) go out as one message.</summary>
    public string? BatchKey { get; set; }
    public required string DedupeKey { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The claim of the sender that holds the message (<see cref="OutboxStatus.Sending"/>).</summary>
    public string? LeaseToken { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

/// <summary>How often a kind of message goes out.</summary>
public enum DeliveryFrequency
{
    Off,

    /// <summary>As soon as the event happens (alerts, promotion suggestions).</summary>
    Immediately,

    /// <summary>Alerts gathered into one message at the end of each hour.</summary>
    Hourly,

    /// <summary>The weekly digest, or a weekly report subscription.</summary>
    Weekly,

    /// <summary>A monthly report subscription.</summary>
    Monthly,
}

/// <summary>
/// A user's delivery settings: the language of their messages, and their work-chat robot (one webhook per user; its URL and
/// signing secret are stored protected by the data-protection key ring). Absent: e-mail only, in the default language.
/// </summary>
public sealed class NotificationProfile : IAudited
{
    public const int WebhookMaxLength = 2000;

    public required string UserId { get; set; }
    public required string Culture { get; set; }

    /// <summary>Where e-mail goes; null: the account's own address (or its learner record's), if it has one.</summary>
    public string? Email { get; set; }

    /// <summary>Which service's message shape and signature the webhook takes; null: no webhook.</summary>
    public DeliveryChannel? WebhookService { get; set; }

    /// <summary>The webhook's URL and signing secret (DingTalk, Feishu) as one value protected by the data-protection key ring.</summary>
    public string? WebhookProtected { get; set; }
}

/// <summary>One kind of message for one user: how often, and by e-mail, by the webhook, or both. Absent: the kind's default.</summary>
public sealed class NotificationPreference : IAudited
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public MessageTopic Topic { get; set; }
    public DeliveryFrequency Frequency { get; set; }
    public bool ByEmail { get; set; }
    public bool ByWebhook { get; set; }
}

/// <summary>An executive's or HR analyst's subscription to a cohort's effectiveness report, weekly or monthly, PDF attached.</summary>
public sealed class ReportSubscription : IAudited
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }

    /// <summary><see cref="DeliveryFrequency.Weekly"/> (Monday mornings) or <see cref="DeliveryFrequency.Monthly"/> (the 1st).</summary>
    public DeliveryFrequency Frequency { get; set; }

    /// <summary>When the next report is due (UTC); the sender's scheduler writes the message and moves this on in one transaction.</summary>
    public DateTime NextDueAt { get; set; }
    public DateTime CreatedAt { get; set; }
}
