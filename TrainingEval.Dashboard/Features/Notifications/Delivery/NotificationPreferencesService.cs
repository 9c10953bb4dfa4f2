using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>The preferences page's view: the form, and what it explains around it.</summary>
public sealed record NotificationSettingsView(NotificationSettingsInput Input, string? AccountEmail, string? WebhookHost, bool EmailEnabled,
    IReadOnlyList<SubscriptionRow> Subscriptions, bool MaySubscribe);

/// <summary>A report subscription as the page lists it.</summary>
public sealed record SubscriptionRow(int Id, string CohortCode, string CohortName, string? CohortNameEn, DeliveryFrequency Frequency, DateTime NextDueAt);

public enum SubscriptionProblem
{
    UnknownCohort,
    AlreadySubscribed,
}

/// <summary>A subscription refused for a reason the page words in the user's language.</summary>
public sealed class SubscriptionException(SubscriptionProblem reason, string cohortCode)
    : Exception(reason == SubscriptionProblem.UnknownCohort ? $"There is no cohort with the code \"{cohortCode}\"." : $"You already subscribe to the report of cohort {cohortCode}.")
{
    public SubscriptionProblem Reason { get; } = reason;
    public string CohortCode { get; } = cohortCode;
}

/// <summary>What an unsubscribe link did.</summary>
public sealed record UnsubscribeResult(MessageTopic Topic, bool Email, string? CohortCode);

/// <summary>
/// Each user's own delivery settings (language, e-mail address, webhook, per kind how often and how), their report
/// subscriptions, and unsubscribe links. Everything is the signed-in user's own; changes are audited, and turning a kind
/// off also cancels its messages still waiting in the outbox.
/// </summary>
public sealed class NotificationPreferencesService(
    IDbContextFactory<TrainingDbContext> factory,
    ICurrentUser currentUser,
    IValidator<NotificationSettingsInput> validator,
    DeliverySecrets secrets,
    OutboxWriter writer,
    TimeProvider clock)
{
    /// <summary>The kinds a user can receive: alerts and digests as a mentor, promotion suggestions as HR, reports as a reader.</summary>
    public static IReadOnlyList<MessageTopic> TopicsFor(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var topics = new List<MessageTopic>();
        if (user.MentorId is not null)
            topics.AddRange([MessageTopic.Alert, MessageTopic.WeeklyDigest]);
        if (user.IsInRole(Roles.HrAnalyst))
            topics.Add(MessageTopic.PromotionSuggestions);
        if (user.ReadsEverything && user.UserId is not null)
            topics.Add(MessageTopic.Report);
        return topics;
    }

    private async Task<(UserContext User, string UserId)> UserAsync()
    {
        var user = await currentUser.GetAsync();
        if (user.UserId is not { } id)
            throw new AccessDeniedException("notification preferences");
        return (user, id);
    }

    public async Task<NotificationSettingsView> LoadAsync(CancellationToken cancellationToken = default)
    {
        var (user, userId) = await UserAsync();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, LearnerEmail = u.Learner != null ? u.Learner.Email : null }).SingleAsync(cancellationToken);
        var profile = await db.NotificationProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Topic, cancellationToken);
        var input = new NotificationSettingsInput
        {
            Culture = writer.CultureOf(profile),
            Email = profile?.Email,
            WebhookService = profile?.WebhookService,
            HasStoredWebhook = profile?.WebhookProtected is not null,
            Topics = [.. TopicsFor(user).Select(t => stored.GetValueOrDefault(t) ?? OutboxWriter.DefaultFor(userId, t))
                .Select(p => new TopicChoice { Topic = p.Topic, Frequency = p.Frequency, ByEmail = p.ByEmail, ByWebhook = p.ByWebhook })],
        };
        return new NotificationSettingsView(input, OutboxWriter.EmailOf(null, account.Email, account.LearnerEmail),
            profile?.WebhookProtected is { } w ? secrets.HostOf(w) : null, writer.EmailEnabled,
            await SubscriptionsAsync(db, userId, cancellationToken), TopicsFor(user).Contains(MessageTopic.Report));
    }

    /// <exception cref="DataValidationException">Every problem of the input, in the user's language.</exception>
    public async Task SaveAsync(NotificationSettingsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (user, userId) = await UserAsync();
        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
            throw new DataValidationException([.. result.Errors.Select(e => e.ErrorMessage)]);
        var allowed = TopicsFor(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var profile = await db.NotificationProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new NotificationProfile { UserId = userId, Culture = input.Culture };
            db.NotificationProfiles.Add(profile);
        }
        profile.Culture = writer.CultureOf(new NotificationProfile { UserId = userId, Culture = input.Culture });
        profile.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (input.RemoveWebhook || input.WebhookService is null)
        {
            profile.WebhookService = null;
            profile.WebhookProtected = null;
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(input.WebhookUrl))
                profile.WebhookProtected = secrets.Seal(new WebhookTarget(input.WebhookUrl.Trim(), string.IsNullOrWhiteSpace(input.WebhookSecret) ? null : input.WebhookSecret.Trim()));
            else if (!string.IsNullOrWhiteSpace(input.WebhookSecret) && profile.WebhookProtected is { } stored)
                profile.WebhookProtected = secrets.Seal(secrets.Open(stored) with { Secret = input.WebhookSecret.Trim() });
            profile.WebhookService = profile.WebhookProtected is null ? null : input.WebhookService;
        }
        var preferences = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Topic, cancellationToken);
        foreach (var choice in input.Topics.Where(t => allowed.Contains(t.Topic)))
        {
            if (!preferences.TryGetValue(choice.Topic, out var preference))
            {
                preference = new NotificationPreference { UserId = userId, Topic = choice.Topic };
                db.NotificationPreferences.Add(preference);
            }
            preference.Frequency = choice.Frequency;
            preference.ByEmail = choice.ByEmail;
            preference.ByWebhook = choice.ByWebhook;
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var choice in input.Topics.Where(t => allowed.Contains(t.Topic)))
        {
            var off = choice.Frequency == DeliveryFrequency.Off;
            await CancelPendingAsync(db, userId, choice.Topic, email: off || !choice.ByEmail, webhook: off || !choice.ByWebhook || profile.WebhookService is null, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CancelPendingAsync(TrainingDbContext db, string userId, MessageTopic topic, bool email, bool webhook, CancellationToken cancellationToken)
    {
        if (!email && !webhook)
            return;
        await db.Outbox.Where(m => m.UserId == userId && m.Topic == topic && m.Status == OutboxStatus.Pending
                && ((email && m.Channel == DeliveryChannel.Email) || (webhook && m.Channel != DeliveryChannel.Email)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled), cancellationToken);
    }

    private static async Task<IReadOnlyList<SubscriptionRow>> SubscriptionsAsync(TrainingDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.ReportSubscriptions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Cohort!.Code)
            .Select(s => new SubscriptionRow(s.Id, s.Cohort!.Code, s.Cohort.Name, s.Cohort.NameEn, s.Frequency, s.NextDueAt)).ToListAsync(cancellationToken);

    /// <summary>Subscribes the signed-in executive, HR analyst or admin to a cohort's effectiveness report.</summary>
    /// <exception cref="SubscriptionException">No such cohort, or already subscribed.</exception>
    /// <exception cref="DataValidationException">A frequency other than weekly or monthly.</exception>
    public async Task SubscribeAsync(string cohortCode, DeliveryFrequency frequency, CancellationToken cancellationToken = default)
    {
        var (user, userId) = await UserAsync();
        if (!TopicsFor(user).Contains(MessageTopic.Report))
            throw new AccessDeniedException("report subscriptions");
        if (frequency is not (DeliveryFrequency.Weekly or DeliveryFrequency.Monthly))
            throw new DataValidationException($"A report subscription is weekly or monthly, not {frequency}.");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(cohortCode ?? "");
        var cohortId = await db.Cohorts.Where(c => c.CodeKey == key).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new SubscriptionException(SubscriptionProblem.UnknownCohort, cohortCode?.Trim() ?? "");
        if (await db.ReportSubscriptions.AnyAsync(s => s.UserId == userId && s.CohortId == cohortId, cancellationToken))
            throw new SubscriptionException(SubscriptionProblem.AlreadySubscribed, cohortCode?.Trim() ?? "");
        var now = clock.GetUtcNow().UtcDateTime;
        db.ReportSubscriptions.Add(new ReportSubscription
        {
            UserId = userId, CohortId = cohortId, Frequency = frequency, CreatedAt = now, NextDueAt = ReportSubscriptionScheduler.NextDue(frequency, now),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveSubscriptionAsync(int subscriptionId, CancellationToken cancellationToken = default)
    {
        var (_, userId) = await UserAsync();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var subscription = await db.ReportSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId && s.UserId == userId, cancellationToken)
            ?? throw new RecordNotFoundException("report subscription", subscriptionId);
        db.ReportSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// What an unsubscribe link turns off, without a sign-in (the token is signed): the kind on that channel (the webhook
    /// channel for a work-chat message), or a report's subscription. Null for a token this installation did not make.
    /// </summary>
    public async Task<UnsubscribeResult?> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (secrets.ReadUnsubscribeToken(token) is not { } request)
            return null;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, cancellationToken))
            return null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        string? cohort = null;
        if (request.Topic == MessageTopic.Report && request.SubscriptionId is { } id)
        {
            var subscription = await db.ReportSubscriptions.Include(s => s.Cohort).SingleOrDefaultAsync(s => s.Id == id && s.UserId == request.UserId, cancellationToken);
            if (subscription is not null)
            {
                cohort = subscription.Cohort?.Code;
                db.ReportSubscriptions.Remove(subscription);
            }
        }
        else
        {
            var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == request.UserId && p.Topic == request.Topic, cancellationToken);
            if (preference is null)
            {
                preference = OutboxWriter.DefaultFor(request.UserId, request.Topic);
                db.NotificationPreferences.Add(preference);
            }
            if (request.Email)
                preference.ByEmail = false;
            else
                preference.ByWebhook = false;
        }
        await db.SaveChangesAsync(cancellationToken);
        await CancelPendingAsync(db, request.UserId, request.Topic, request.Email, !request.Email, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UnsubscribeResult(request.Topic, request.Email, cohort);
    }
}

/// <summary>One outbox row on the admin page.</summary>
public sealed record OutboxRow(long Id, DeliveryChannel Channel, MessageTopic Topic, string Recipient, string Subject, OutboxStatus Status, int Attempts,
    DateTime NextAttemptAt, string? LastError, DateTime CreatedAt, DateTime? SentAt);

/// <summary>The outbox as admins see it: counts by status, the messages of one status, and "send again".</summary>
public sealed class OutboxAdministration(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access, DeliverySecrets secrets, TimeProvider clock)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Admin, "outbox");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>The newest <see cref="PageSize"/> messages of a status (failed and pending first on the page).</summary>
    public async Task<IReadOnlyList<OutboxRow>> ListAsync(OutboxStatus status, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Admin, "outbox");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Status == status).OrderByDescending(m => m.Id).Take(PageSize)
            .Select(m => new { m.Id, m.Channel, m.Topic, m.Recipient, m.Subject, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(m => new OutboxRow(m.Id, m.Channel, m.Topic,
            m.Channel == DeliveryChannel.Email ? m.Recipient : secrets.HostOf(m.Recipient) ?? "?",
            m.Subject, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt))];
    }

    /// <summary>Puts a failed (or waiting) message back to be sent at the next round, with a fresh count of attempts; audited.</summary>
    public async Task RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.Admin, "outbox");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new RecordNotFoundException("outbox message", id);
        if (message.Status is not (OutboxStatus.Failed or OutboxStatus.Pending))
            throw new DataValidationException($"Message {id} is {message.Status}; only failed or waiting messages are sent again.");
        var before = message.Status;
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = now;
        db.AuditTrail.Add(new AuditEntry
        {
            At = now, Actor = user.Name, EntityType = nameof(OutboxMessage), EntityKey = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = AuditAction.Modified, Property = nameof(OutboxMessage.Status), OldValue = before.ToString(), NewValue = "Pending (sent again)",
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
