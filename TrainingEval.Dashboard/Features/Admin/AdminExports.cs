using System.Globalization;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Notifications.Delivery;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared;

namespace TrainingEval.Dashboard.Features.Admin;

/// <summary>
/// The admin tables as files (issue 21, "export everywhere"): the columns the page shows, in the user's language. Built from
/// the rows the page loaded through its service (admins only). Secrets never reach a file: an API key's hash is not in
/// <see cref="ApiKeyInfo"/>, a user row holds no password data, and a webhook recipient is its host only (as on screen).
/// </summary>
public static class AdminExports
{
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    /// <summary>The users page: user name, display name, roles, linked mentor and learner, status and failed sign-ins.</summary>
    public static ExportTable Users(IReadOnlyList<UserRow> rows, IStringLocalizer<AccountStrings> text)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(text);
        return new ExportTable(
            [text["Login_UserName"], text["Setup_DisplayName"], text["Users_Roles"], text["Role_Mentor"], text["Role_Learner"], text["Users_Status"], text["Users_FailedAttemptsHeader"]],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.UserName, r.DisplayName, string.Join(", ", r.Roles.Select(role => text[$"Role_{role}"].Value)),
                r.MentorEmployeeNumber, r.LearnerEmployeeNumber, r.IsLockedOut ? text["Users_LockedOut"].Value : text["Users_Active"].Value, r.FailedAttempts])]);
    }

    /// <summary>The API keys page: name, role, creator, created (UTC) and status. Never the key or its hash.</summary>
    public static ExportTable ApiKeys(IReadOnlyList<ApiKeyInfo> keys, IStringLocalizer<ApiKeysPage> text, IStringLocalizer<AccountStrings> roles)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(roles);
        return new ExportTable(
            [text["Name"], text["Role"], text["CreatedBy"], $"{text["CreatedAt"]} (UTC)", text["Status"]],
            [.. keys.Select(k => (IReadOnlyList<object?>)[k.Name, roles["Role_" + k.Role].Value, k.CreatedBy,
                k.CreatedAt.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
                k.RevokedAt is { } at ? text["Revoked", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value : text["Active"].Value])]);
    }

    /// <summary>The outbox messages of one status as listed: created, kind, recipient (a webhook's host), subject, attempts, sent or next attempt, last error.</summary>
    public static ExportTable Outbox(IReadOnlyList<OutboxRow> rows, OutboxStatus status, IStringLocalizer<OutboxPage> text, LocalTime time)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(time);
        var sent = status == OutboxStatus.Sent;
        return new ExportTable(
            [text["Created"], text["Kind"], text["To"], text["Subject"], text["Attempts"], sent ? text["SentAt"] : text["NextAttempt"], text["LastError"]],
            [.. rows.Select(r => (IReadOnlyList<object?>)[time.Format(r.CreatedAt), $"{text["Topic_" + r.Topic]} · {text["Channel_" + r.Channel]}", r.Recipient, r.Subject, r.Attempts,
                sent ? (r.SentAt is { } s ? time.Format(s) : null) : r.Status == OutboxStatus.Failed ? text["GivenUp"].Value : time.Format(r.NextAttemptAt),
                r.LastError])]);
    }
}
