using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>Renders a message's attachment when it is sent (a PDF report is not stored in the outbox).</summary>
public interface IAttachmentRenderer
{
    Task<MessageAttachment> RenderAsync(string reference, string culture, CancellationToken cancellationToken);
}

/// <summary>What one round of the sender did.</summary>
public sealed record SendRound(int Claimed, int Sent, int Failed, int Retrying);

/// <summary>
/// Sends the outbox's due messages. A round claims up to <see cref="OutboxOptions.BatchSize"/> messages with one UPDATE
/// (due pending messages and expired leases, marked <see cref="OutboxStatus.Sending"/> with this round's lease token):
/// the database runs one writer at a time and re-reads the condition under its lock, so two app instances on one database
/// never claim one message. Each message is then sent and marked sent — or, after a failure, given back with its attempt
/// counted and the next attempt put off exponentially (<see cref="OutboxOptions.RetryDelay"/>), and marked failed after
/// <see cref="OutboxOptions.MaxAttempts"/>. Everything lives in the table, so a restart picks up where it stopped; a sender
/// that dies holding a lease loses it when the lease runs out.
/// </summary>
public sealed partial class OutboxSender(
    IDbContextFactory<TrainingDbContext> factory,
    IEnumerable<IMessageTransport> transports,
    IAttachmentRenderer attachments,
    IStringLocalizer<DeliveryStrings> text,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    private readonly IMessageTransport[] _transports = [.. transports];

    public async Task<SendRound> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var token = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + settings.LeaseDuration;
        List<OutboxMessage> claimed;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var count = await db.Outbox
                .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Take(settings.BatchSize)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.LeaseToken, token).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
            if (count == 0)
                return new SendRound(0, 0, 0, 0);
            // An hourly batch goes out whole: its other due messages join this claim.
            var batches = await db.Outbox.Where(m => m.LeaseToken == token && m.BatchKey != null).Select(m => m.BatchKey!).Distinct().ToListAsync(cancellationToken);
            if (batches.Count > 0)
                await db.Outbox.Where(m => m.BatchKey != null && batches.Contains(m.BatchKey) && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.LeaseToken, token).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
            claimed = await db.Outbox.AsNoTracking().Where(m => m.LeaseToken == token && m.Status == OutboxStatus.Sending).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        }

        int sent = 0, failed = 0, retrying = 0;
        foreach (var group in claimed.GroupBy(m => m.BatchKey ?? $"#{m.Id}"))
        {
            var messages = group.ToList();
            var ids = messages.Select(m => m.Id).ToList();
            try
            {
                var outgoing = await ComposeAsync(messages, cancellationToken);
                var transport = _transports.FirstOrDefault(t => t.Handles(outgoing.Channel))
                    ?? throw new PermanentDeliveryException($"No transport sends {outgoing.Channel} messages.");
                await transport.SendAsync(outgoing, cancellationToken);
                var at = clock.GetUtcNow().UtcDateTime;
                await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
                await db.Outbox.Where(m => ids.Contains(m.Id) && m.LeaseToken == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, at)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LeaseToken, (string?)null)
                        .SetProperty(m => m.LeaseUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
                sent += messages.Count;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var permanent = ex is PermanentDeliveryException;
                var error = Describe(ex);
                await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
                foreach (var m in messages)
                {
                    var attempts = m.Attempts + 1;
                    var give = permanent || attempts >= settings.MaxAttempts;
                    var next = clock.GetUtcNow().UtcDateTime + settings.RetryDelay(attempts);
                    await db.Outbox.Where(x => x.Id == m.Id && x.LeaseToken == token)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, give ? OutboxStatus.Failed : OutboxStatus.Pending)
                            .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NextAttemptAt, give ? m.NextAttemptAt : next)
                            .SetProperty(x => x.LastError, error).SetProperty(x => x.LeaseToken, (string?)null)
                            .SetProperty(x => x.LeaseUntil, (DateTime?)null), CancellationToken.None);
                    if (give)
                        failed++;
                    else
                        retrying++;
                }
                LogFailed(logger, ids[0], messages.Count, messages[0].Channel, permanent || messages[0].Attempts + 1 >= settings.MaxAttempts, error);
            }
        }
        return new SendRound(claimed.Count, sent, failed, retrying);
    }

    /// <summary>The message as it leaves: one row, or an hourly batch as one message; footers, the unsubscribe link, attachments.</summary>
    internal async Task<OutgoingMessage> ComposeAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var first = messages[0];
        var culture = first.Culture;
        string subject, body, html, markdown, linkText, footer, footerHtml;
        using (new CultureScope(culture))
        {
            subject = messages.Count == 1 ? first.Subject : text["Batch_Subject", messages.Count];
            body = string.Join("\n----\n\n", messages.Select(m => m.BodyText));
            html = string.Join("<hr style=\"border:0;border-top:1px solid #ddd;margin:16px 0\">", messages.Select(m => m.BodyHtml));
            markdown = string.Join("\n---\n", messages.Select(m => m.BodyMarkdown));
            linkText = text["Open_" + first.Topic];
            footer = text["Footer_" + first.Topic];
            footerHtml = System.Net.WebUtility.HtmlEncode(footer);
        }
        var unsubscribe = first.UnsubscribeLink;
        string unsubscribeText;
        using (new CultureScope(culture))
            unsubscribeText = text["Footer_Unsubscribe"];
        var textBody = $"{body}\n-- \n{footer}\n{unsubscribeText}: {unsubscribe}\n";
        var htmlBody = $"<!DOCTYPE html><html lang=\"{culture}\"><head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(subject)}</title></head>"
            + "<body style=\"font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;font-size:14px;color:#222;max-width:640px\">"
            + html
            + $"<p style=\"margin-top:24px;color:#666;font-size:12px\">{footerHtml}<br><a href=\"{System.Net.WebUtility.HtmlEncode(unsubscribe ?? "")}\">{System.Net.WebUtility.HtmlEncode(unsubscribeText)}</a></p></body></html>";
        var markdownBody = $"{markdown}\n[{MessageBuilder.Markdown(unsubscribeText)}]({unsubscribe})";
        var files = new List<MessageAttachment>();
        foreach (var reference in messages.Select(m => m.Attachment).OfType<string>().Distinct())
            files.Add(await attachments.RenderAsync(reference, culture, cancellationToken));
        var id = messages.Count == 1 ? first.DedupeKey : first.BatchKey!;
        return new OutgoingMessage(first.Channel, first.Recipient, culture, subject, textBody, htmlBody, markdownBody, first.Link, linkText, unsubscribe, files,
            DeliverySecrets.Hash(id));
    }

    private static string Describe(Exception ex)
    {
        var message = ex.InnerException is { } inner && inner.Message != ex.Message ? $"{ex.GetType().Name}: {ex.Message} ({inner.Message})" : $"{ex.GetType().Name}: {ex.Message}";
        return message.Length <= OutboxMessage.ErrorMaxLength ? message : message[..OutboxMessage.ErrorMaxLength];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Count} in its batch, {Channel}) was not delivered (given up: {GivenUp}): {Error}")]
    private static partial void LogFailed(ILogger logger, long id, int count, DeliveryChannel channel, bool givenUp, string error);
}

/// <summary>
/// Writes the messages of report subscriptions that have come due, each with its next due time in one transaction; the
/// message's dedupe key (subscription + due time) keeps two instances from writing one report twice.
/// </summary>
public sealed class ReportSubscriptionScheduler(IDbContextFactory<TrainingDbContext> factory, OutboxWriter writer, TimeProvider clock)
{
    public async Task<int> WriteDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> due;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            due = await db.ReportSubscriptions.AsNoTracking().Where(s => s.NextDueAt <= now).Select(s => s.Id).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var id in due)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var subscription = await db.ReportSubscriptions.Include(s => s.Cohort).FirstOrDefaultAsync(s => s.Id == id && s.NextDueAt <= now, cancellationToken);
            if (subscription?.Cohort is null)
                continue;
            await writer.AddForReportAsync(db, subscription, subscription.Cohort, now, cancellationToken);
            subscription.NextDueAt = NextDue(subscription.Frequency, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                written++;
            }
            catch (DuplicateValueException)
            {
                // Another instance wrote this report first.
            }
        }
        return written;
    }

    /// <summary>Weekly: the next Monday 01:00 UTC (09:00 in China); monthly: the next 1st at 01:00 UTC.</summary>
    public static DateTime NextDue(DeliveryFrequency frequency, DateTime after)
    {
        var day = after.Date;
        DateTime next;
        if (frequency == DeliveryFrequency.Monthly)
        {
            next = new DateTime(day.Year, day.Month, 1, 1, 0, 0, DateTimeKind.Utc);
            while (next <= after)
                next = next.AddMonths(1);
            return next;
        }
        next = day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7).AddHours(1);
        while (next <= after)
            next = next.AddDays(7);
        return DateTime.SpecifyKind(next, DateTimeKind.Utc);
    }
}

/// <summary>
/// The sender's loop: writes due report subscriptions, then sends due messages until a round finds none, every
/// <see cref="OutboxOptions.PollInterval"/>. Off with <c>TrainingEval:Outbox:SenderEnabled = false</c> (messages then wait).
/// </summary>
/// <remarks>
/// Several instances over one PostgreSQL database send one at a time: each poll holds the
/// <see cref="SharedJob.OutboxRound"/> <see cref="JobLock"/>, and an instance that finds it held skips that poll. The
/// lease claim alone is not enough there: its UPDATE picks the rows in a sub-select, and under READ COMMITTED a second
/// instance blocked on the same rows re-checks only the join, not the status, so it could take over a lease the first
/// has just claimed and both would send the message.
/// </remarks>
public sealed partial class OutboxSenderService(
    OutboxSender sender,
    ReportSubscriptionScheduler subscriptions,
    JobLock jobLock,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled)
            return;
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Writes due report subscriptions and sends due messages until none is left, unless another instance is doing so now (false).</summary>
    public async Task<bool> RunRoundAsync(CancellationToken cancellationToken = default)
    {
        await using var held = await jobLock.TryAcquireAsync(SharedJob.OutboxRound, cancellationToken);
        if (held is null)
            return false;
        await subscriptions.WriteDueAsync(cancellationToken);
        while ((await sender.SendDueAsync(cancellationToken)).Claimed >= options.Value.BatchSize)
        {
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox round failed (e.g. the database busy); the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
