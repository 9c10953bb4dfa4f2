using FluentValidation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>One kind's row on the preferences page.</summary>
public sealed class TopicChoice
{
    public MessageTopic Topic { get; set; }
    public DeliveryFrequency Frequency { get; set; }
    public bool ByEmail { get; set; }
    public bool ByWebhook { get; set; }

    /// <summary>The rhythms this kind offers (Off first).</summary>
    public static IReadOnlyList<DeliveryFrequency> FrequenciesOf(MessageTopic topic) => topic switch
    {
        MessageTopic.Alert => [DeliveryFrequency.Off, DeliveryFrequency.Immediately, DeliveryFrequency.Hourly],
        MessageTopic.WeeklyDigest => [DeliveryFrequency.Off, DeliveryFrequency.Weekly],
        MessageTopic.PromotionSuggestions => [DeliveryFrequency.Off, DeliveryFrequency.Immediately],
        // Reports go out per subscription (weekly or monthly); the row only says how.
        _ => [DeliveryFrequency.Immediately],
    };
}

/// <summary>What the preferences page edits for the signed-in user.</summary>
public sealed class NotificationSettingsInput
{
    public string Culture { get; set; } = "zh-CN";

    /// <summary>Where e-mail goes; empty: the account's address, if it has one.</summary>
    public string? Email { get; set; }
    public DeliveryChannel? WebhookService { get; set; }

    /// <summary>A new webhook URL; empty keeps the stored one (which the page never shows in full: it carries the robot's key).</summary>
    public string? WebhookUrl { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>True: remove the stored webhook.</summary>
    public bool RemoveWebhook { get; set; }
    public bool HasStoredWebhook { get; set; }
    public List<TopicChoice> Topics { get; set; } = [];
}

/// <summary>The preferences' field rules, in the user's language.</summary>
public sealed class NotificationSettingsInputValidator : AbstractValidator<NotificationSettingsInput>
{
    public const int SecretMaxLength = 200;

    public NotificationSettingsInputValidator(IStringLocalizer<NotificationSettingsInput> text, IOptions<WebhookOptions> webhooks)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        RuleFor(i => i.Email)
            .MaximumLength(Learner.EmailMaxLength).WithMessage(_ => text["EmailTooLong", Learner.EmailMaxLength])
            .Must(e => string.IsNullOrWhiteSpace(e) || IsEmail(e.Trim())).WithMessage((_, e) => text["EmailInvalid", e ?? ""]);
        RuleFor(i => i.WebhookUrl)
            .Must((i, url) => !string.IsNullOrWhiteSpace(url) || i.HasStoredWebhook || i.WebhookService is null || i.RemoveWebhook)
            .WithMessage(_ => text["WebhookUrlRequired"])
            .Must(url => string.IsNullOrWhiteSpace(url) || WebhookPayloads.UrlProblem(url, webhooks.Value) is null)
            .WithMessage((_, url) => text["WebhookUrl_" + WebhookPayloads.UrlProblem(url, webhooks.Value), url ?? "", string.Join(", ", webhooks.Value.Hosts)])
            .MaximumLength(1000).WithMessage(_ => text["WebhookUrlTooLong", 1000]);
        RuleFor(i => i.WebhookSecret).MaximumLength(SecretMaxLength).WithMessage(_ => text["SecretTooLong", SecretMaxLength]);
        RuleFor(i => i.WebhookService)
            .NotNull().When(i => !string.IsNullOrWhiteSpace(i.WebhookUrl)).WithMessage(_ => text["WebhookServiceRequired"])
            .Must(s => s is null || s != DeliveryChannel.Email).WithMessage(_ => text["WebhookServiceRequired"]);
        RuleForEach(i => i.Topics)
            .Must(t => TopicChoice.FrequenciesOf(t.Topic).Contains(t.Frequency))
            .WithMessage((_, t) => text["FrequencyInvalid", t.Frequency, t.Topic]);
    }

    internal static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 3 && value[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && !value.Any(char.IsWhiteSpace) && MimeKit.MailboxAddress.TryParse(value, out _);
    }
}
