using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Health;

namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>Texts of the messages sent out of the product (.resx files beside this class).</summary>
public sealed class DeliveryStrings;

/// <summary>One recipient of a kind of message with the channels their preferences and the settings allow.</summary>
internal sealed record Recipient(string UserId, string Culture, IReadOnlyList<(DeliveryChannel Channel, string Address)> Channels, DeliveryFrequency Frequency);

/// <summary>A promoted learner in a closed cohort's message.</summary>
public sealed record PromotionLine(string EmployeeNumber, string Name, string? NameEn, double? Composite);

/// <summary>
/// Writes outbox messages into the caller's context, so they commit (or roll back) with the event that causes them: the
/// snapshot run's alerts, the digest writer's digests, the close of a cohort, a report subscription coming due. Each message's
/// texts are composed here in its recipient's language; whom it goes to and how follow the recipients' preferences.
/// </summary>
public sealed class OutboxWriter(
    IStringLocalizer<DeliveryStrings> text,
    IStringLocalizer<MentorStrings> mentorText,
    IOptions<EmailOptions> email,
    IOptions<TrainingEvalOptions> app,
    PublicLinks links,
    DeliverySecrets secrets)
{
    /// <summary>What a user gets of a kind when they have not chosen (every kind on, by e-mail and by their webhook).</summary>
    public static NotificationPreference DefaultFor(string userId, MessageTopic topic) => new()
    {
        UserId = userId,
        Topic = topic,
        Frequency = topic switch
        {
            MessageTopic.WeeklyDigest => DeliveryFrequency.Weekly,
            _ => DeliveryFrequency.Immediately,
        },
        ByEmail = true,
        ByWebhook = topic != MessageTopic.Report,
    };

    public bool EmailEnabled => email.Value.Enabled;

    /// <summary>New alerts to the accounts of their learners' mentors: at once, or gathered to the end of the hour.</summary>
    public async Task AddForAlertsAsync(TrainingDbContext db, IReadOnlyCollection<Alert> alerts, DateTime now, CancellationToken cancellationToken)
    {
        var mentorIds = alerts.Select(a => a.MentorId).OfType<int>().Distinct().ToList();
        if (mentorIds.Count == 0)
            return;
        var accounts = await db.Users.AsNoTracking().Where(u => u.MentorId != null && mentorIds.Contains(u.MentorId.Value))
            .Select(u => new { u.Id, MentorId = u.MentorId!.Value }).ToListAsync(cancellationToken);
        if (accounts.Count == 0)
            return;
        var recipients = (await RecipientsAsync(db, [.. accounts.Select(a => a.Id)], MessageTopic.Alert, now, cancellationToken)).ToDictionary(r => r.UserId);
        var learnerIds = alerts.Select(a => a.LearnerId).Distinct().ToList();
        var learners = await db.Learners.AsNoTracking().Where(l => learnerIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => new { l.EmployeeNumber, l.Name, l.NameEn }, cancellationToken);
        var enrollmentIds = alerts.Select(a => a.EnrollmentId).OfType<int>().Distinct().ToList();
        var cohorts = await db.Enrollments.AsNoTracking().Where(e => enrollmentIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Cohort!.Code, e.Cohort.Name, e.Cohort.NameEn })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var assessments = await AlertSubjects.AssessmentsAsync(db, alerts.Select(a => a.Detail), cancellationToken);
        var hourEnd = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
        foreach (var alert in alerts.Where(a => a.MentorId is not null))
        {
            var learner = learners[alert.LearnerId];
            var cohort = alert.EnrollmentId is { } e ? cohorts.GetValueOrDefault(e) : null;
            foreach (var account in accounts.Where(a => a.MentorId == alert.MentorId))
            {
                if (!recipients.TryGetValue(account.Id, out var r) || r.Frequency is not (DeliveryFrequency.Immediately or DeliveryFrequency.Hourly))
                    continue;
                var link = links.To($"/learners/{Uri.EscapeDataString(learner.EmployeeNumber)}");
                MessageContent content;
                using (new CultureScope(r.Culture))
                {
                    var name = Bilingual.Pick(learner.Name, learner.NameEn);
                    var title = mentorText.AlertTitle(alert.Type, alert.Detail);
                    var b = new MessageBuilder()
                        .Heading(text["Alert_Heading", title, name])
                        .Paragraph(text["Alert_Learner", name, learner.EmployeeNumber, cohort is null ? "—" : Bilingual.Pick(cohort.Name, cohort.NameEn)])
                        .Paragraph(mentorText.Detail(alert.Type, alert.Detail, AlertSubjects.Of(assessments, alert.Detail)), strong: true)
                        .Paragraph(text["Alert_Suggestion", mentorText.Suggestion(alert.Suggestion)])
                        .Link(text["Alert_Open"], link);
                    content = b.Build(text["Alert_Subject", title, name]);
                }
                foreach (var (channel, address) in r.Channels)
                {
                    var hourly = r.Frequency == DeliveryFrequency.Hourly;
                    Add(db, r, channel, address, MessageTopic.Alert, content, link, $"alert:{alert.Id}:{r.UserId}:{channel}", now,
                        batchKey: hourly ? $"alerts:{r.UserId}:{channel}:{hourEnd:yyyyMMddHH}" : null, due: hourly ? hourEnd : now, alertId: alert.Id);
                }
            }
        }
    }

    /// <summary>A mentor's weekly digest to their accounts.</summary>
    public async Task AddForDigestAsync(TrainingDbContext db, WeeklyDigest digest, DateTime now, CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.MentorId == digest.MentorId).Select(u => u.Id).ToListAsync(cancellationToken);
        if (accounts.Count == 0)
            return;
        var week = digest.Week.ToString();
        var link = links.To($"/mentor/digest?week={Uri.EscapeDataString(week)}");
        foreach (var r in await RecipientsAsync(db, accounts, MessageTopic.WeeklyDigest, now, cancellationToken))
        {
            if (r.Frequency != DeliveryFrequency.Weekly)
                continue;
            MessageContent content;
            using (new CultureScope(r.Culture))
            {
                var b = new MessageBuilder()
                    .Heading(text["Digest_Heading", week])
                    .Paragraph(text["Digest_Counts", digest.Lines.Count, digest.Count(LearningHealthBand.AtRisk), digest.Count(LearningHealthBand.Watch),
                        digest.Count(LearningHealthBand.Healthy), digest.OpenAlerts]);
                if (digest.Lines.Count > 0)
                    b.Table([text["Col_Learner"], text["Col_Index"], text["Col_Band"], text["Col_OpenAlerts"]],
                        digest.Lines.Select(l => (IReadOnlyList<string>)[$"{Bilingual.Pick(l.Name, l.NameEn)} ({l.EmployeeNumber})",
                            ScoreFormat.Score(l.Index), mentorText.Band(l.Band), l.OpenAlerts.ToString(CultureInfo.CurrentCulture)]));
                b.Link(text["Digest_Open"], link);
                content = b.Build(text["Digest_Subject", week, digest.Count(LearningHealthBand.AtRisk), digest.OpenAlerts]);
            }
            foreach (var (channel, address) in r.Channels)
                Add(db, r, channel, address, MessageTopic.WeeklyDigest, content, link, $"digest:{digest.MentorId}:{week}:{r.UserId}:{channel}", now);
        }
    }

    /// <summary>A closed cohort's promotion suggestions to every HR analyst.</summary>
    public async Task AddForClosedCohortAsync(TrainingDbContext db, Cohort cohort, IReadOnlyList<PromotionLine> promoted, DateTime now, CancellationToken cancellationToken)
    {
        var hr = await (from ur in db.UserRoles
                        join role in db.Roles on ur.RoleId equals role.Id
                        where role.Name == Roles.HrAnalyst
                        select ur.UserId).Distinct().ToListAsync(cancellationToken);
        if (hr.Count == 0)
            return;
        var link = links.To("/reports/promotions");
        foreach (var r in await RecipientsAsync(db, hr, MessageTopic.PromotionSuggestions, now, cancellationToken))
        {
            if (r.Frequency == DeliveryFrequency.Off)
                continue;
            MessageContent content;
            using (new CultureScope(r.Culture))
            {
                var name = Bilingual.Pick(cohort.Name, cohort.NameEn);
                var b = new MessageBuilder()
                    .Heading(text["Promotion_Heading", name, cohort.Code])
                    .Paragraph(promoted.Count == 0 ? text["Promotion_None"] : text["Promotion_Count", promoted.Count]);
                if (promoted.Count > 0)
                    b.Table([text["Col_Learner"], text["Col_Composite"]],
                        promoted.Select(p => (IReadOnlyList<string>)[$"{Bilingual.Pick(p.Name, p.NameEn)} ({p.EmployeeNumber})", ScoreFormat.Score(p.Composite)]));
                b.Link(text["Promotion_Open"], link);
                content = b.Build(text["Promotion_Subject", name, promoted.Count]);
            }
            foreach (var (channel, address) in r.Channels)
                Add(db, r, channel, address, MessageTopic.PromotionSuggestions, content, link,
                    $"promotions:{cohort.Id}:{now:yyyyMMddHHmmss}:{r.UserId}:{channel}", now);
        }
    }

    /// <summary>A subscription's report: by e-mail with the PDF (rendered when sent), by the webhook as a link.</summary>
    public async Task AddForReportAsync(TrainingDbContext db, ReportSubscription subscription, Cohort cohort, DateTime now, CancellationToken cancellationToken)
    {
        var link = links.To($"/reports/cohorts/{Uri.EscapeDataString(cohort.Code)}");
        foreach (var r in await RecipientsAsync(db, [subscription.UserId], MessageTopic.Report, now, cancellationToken))
        {
            MessageContent content;
            using (new CultureScope(r.Culture))
            {
                var name = Bilingual.Pick(cohort.Name, cohort.NameEn);
                var period = text["Frequency_" + subscription.Frequency];
                content = new MessageBuilder()
                    .Heading(text["Report_Heading", name, cohort.Code])
                    .Paragraph(text["Report_Body", period, subscription.NextDueAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)])
                    .Link(text["Report_Open"], link)
                    .Build(text["Report_Subject", name, subscription.NextDueAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            }
            foreach (var (channel, address) in r.Channels)
                Add(db, r, channel, address, MessageTopic.Report, content, link, $"report:{subscription.Id}:{subscription.NextDueAt:yyyyMMddHH}:{channel}", now,
                    attachment: channel == DeliveryChannel.Email ? $"{Attachments.EffectivenessPdf}:{cohort.Code}" : null, subscriptionId: subscription.Id);
        }
    }

    /// <summary>The accounts' languages, addresses and preferences for one kind; locked accounts get nothing.</summary>
    internal async Task<List<Recipient>> RecipientsAsync(TrainingDbContext db, IReadOnlyCollection<string> userIds, MessageTopic topic, DateTime now, CancellationToken cancellationToken)
    {
        var nowOffset = new DateTimeOffset(now, TimeSpan.Zero);
        var accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, LearnerEmail = u.Learner != null ? u.Learner.Email : null, u.LockoutEnd }).ToListAsync(cancellationToken);
        var profiles = await db.NotificationProfiles.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => userIds.Contains(p.UserId) && p.Topic == topic)
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        var result = new List<Recipient>();
        foreach (var a in accounts.Where(a => a.LockoutEnd is null || a.LockoutEnd < nowOffset))
        {
            var profile = profiles.GetValueOrDefault(a.Id);
            var preference = preferences.GetValueOrDefault(a.Id) ?? DefaultFor(a.Id, topic);
            var channels = new List<(DeliveryChannel, string)>();
            var address = EmailOf(profile, a.Email, a.LearnerEmail);
            if (preference.ByEmail && email.Value.Enabled && address is not null)
                channels.Add((DeliveryChannel.Email, address));
            if (preference.ByWebhook && profile is { WebhookService: { } service, WebhookProtected: { } target })
                channels.Add((service, target));
            if (channels.Count > 0)
                result.Add(new Recipient(a.Id, CultureOf(profile), channels, preference.Frequency));
        }
        return result;
    }

    internal static string? EmailOf(NotificationProfile? profile, string? accountEmail, string? learnerEmail) =>
        new[] { profile?.Email, accountEmail, learnerEmail }.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e))?.Trim();

    internal string CultureOf(NotificationProfile? profile) =>
        profile?.Culture is { Length: > 0 } c && app.Value.SupportedCultures.Contains(c, StringComparer.OrdinalIgnoreCase) ? c : app.Value.DefaultCulture;

    private void Add(TrainingDbContext db, Recipient r, DeliveryChannel channel, string address, MessageTopic topic, MessageContent content, string link,
        string dedupeKey, DateTime now, string? batchKey = null, DateTime? due = null, string? attachment = null, int? subscriptionId = null, int? alertId = null)
    {
        var token = secrets.UnsubscribeToken(new UnsubscribeRequest(r.UserId, topic, channel == DeliveryChannel.Email, subscriptionId));
        db.Outbox.Add(new OutboxMessage
        {
            Channel = channel,
            Topic = topic,
            UserId = r.UserId,
            Recipient = address,
            Culture = r.Culture,
            Subject = Truncate(content.Subject, OutboxMessage.SubjectMaxLength),
            BodyText = content.Text,
            BodyHtml = content.Html,
            BodyMarkdown = content.Markdown,
            Link = link,
            UnsubscribeLink = links.To("/notifications/unsubscribe?token=" + Uri.EscapeDataString(token)),
            Attachment = attachment,
            BatchKey = batchKey,
            AlertId = alertId,
            DedupeKey = dedupeKey.Length > OutboxMessage.DedupeKeyMaxLength ? DeliverySecrets.Hash(dedupeKey) : dedupeKey,
            Status = OutboxStatus.Pending,
            NextAttemptAt = due ?? now,
            CreatedAt = now,
        });
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

/// <summary>The attachments a message can name; rendered when it is sent.</summary>
public static class Attachments
{
    /// <summary><c>effectiveness-pdf:{cohortCode}</c>: the cohort's training effectiveness report as PDF.</summary>
    public const string EffectivenessPdf = "effectiveness-pdf";
}
