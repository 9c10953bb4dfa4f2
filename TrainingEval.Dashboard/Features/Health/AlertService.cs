using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Health;

namespace TrainingEval.Dashboard.Features.Health;

/// <summary>An alert as the inbox shows it.</summary>
/// <param name="Assessment">The assessment a <c>score_drop</c>'s detail names by id, with its names in both languages.</param>
public sealed record AlertRow(
    int Id, int LearnerId, string EmployeeNumber, string LearnerName, string? LearnerNameEn,
    AlertType Type, AlertStatus Status, DateTime RaisedAt, string Detail, string Suggestion,
    int? IsoYear, int? IsoWeek, string? AcknowledgeNote, string? ResolutionNote, int Revision, AlertSubjectName? Assessment = null);

/// <summary>
/// Reads alerts and moves them through open → acknowledged → resolved, with a note. Alerts are never deleted. The
/// learner's mentor (in any of their cohorts) and staff may act on an alert; each call checks that first.
/// </summary>
public sealed class AlertService(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Alerts of the mentor's learners (or all, for staff with no mentor given), open ones first, newest first.</summary>
    public async Task<IReadOnlyList<AlertRow>> InboxAsync(int? mentorId, bool includeResolved, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (!user.SeesEverything && (mentorId is null || user.MentorId != mentorId))
            await access.EnsureInRoleAsync(Roles.Staff, mentorId is null ? "all alerts" : $"alerts of mentor {mentorId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Alerts.AsNoTracking().Where(a => includeResolved || a.Status != AlertStatus.Resolved);
        if (mentorId is { } id)
            query = query.Where(a => a.MentorId == id || db.Enrollments.Any(e => e.LearnerId == a.LearnerId && e.MentorId == id));
        var rows = await query
            .OrderBy(a => a.Status).ThenByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Take(500)
            .Select(a => new AlertRow(a.Id, a.LearnerId, a.Learner!.EmployeeNumber, a.Learner.Name, a.Learner.NameEn, a.Type, a.Status, a.RaisedAt,
                a.Detail, a.Suggestion, a.IsoYear, a.IsoWeek, a.AcknowledgeNote, a.ResolutionNote, a.Revision, null))
            .ToListAsync(cancellationToken);
        return await NameSubjectsAsync(db, rows, cancellationToken);
    }

    /// <summary>The learner's alerts, newest first (the learner page and 我的学习 show their suggestions).</summary>
    public async Task<IReadOnlyList<AlertRow>> ForLearnerAsync(int learnerId, CancellationToken cancellationToken = default)
    {
        await access.EnsureCanReadLearnerAsync(learnerId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Alerts.AsNoTracking().Where(a => a.LearnerId == learnerId)
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Select(a => new AlertRow(a.Id, a.LearnerId, a.Learner!.EmployeeNumber, a.Learner.Name, a.Learner.NameEn, a.Type, a.Status, a.RaisedAt,
                a.Detail, a.Suggestion, a.IsoYear, a.IsoWeek, a.AcknowledgeNote, a.ResolutionNote, a.Revision, null))
            .ToListAsync(cancellationToken);
        return await NameSubjectsAsync(db, rows, cancellationToken);
    }

    private static async Task<IReadOnlyList<AlertRow>> NameSubjectsAsync(TrainingDbContext db, List<AlertRow> rows, CancellationToken cancellationToken)
    {
        var assessments = await AlertSubjects.AssessmentsAsync(db, rows.Select(r => r.Detail), cancellationToken);
        return assessments.Count == 0 ? rows : [.. rows.Select(r => r with { Assessment = AlertSubjects.Of(assessments, r.Detail) })];
    }

    /// <exception cref="ConcurrencyConflictException">Someone acted on the alert since <paramref name="revision"/> was read.</exception>
    public Task<AlertRow> AcknowledgeAsync(int alertId, int revision, string? note, CancellationToken cancellationToken = default) =>
        MoveAsync(alertId, revision, note, AlertStatus.Acknowledged, cancellationToken);

    /// <summary>Resolves an open or acknowledged alert; a resolved alert lets the rule raise its type again.</summary>
    public Task<AlertRow> ResolveAsync(int alertId, int revision, string? note, CancellationToken cancellationToken = default) =>
        MoveAsync(alertId, revision, note, AlertStatus.Resolved, cancellationToken);

    private async Task<AlertRow> MoveAsync(int alertId, int revision, string? note, AlertStatus to, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text?.Length > Alert.NoteMaxLength)
            throw new DataValidationException($"The note must be at most {Alert.NoteMaxLength} characters; it has {text.Length}.");
        if (to == AlertStatus.Resolved && text is null)
            throw new DataValidationException("Say how the alert was resolved: a resolution note is required.");

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var learnerId = await db.Alerts.Where(a => a.Id == alertId).Select(a => (int?)a.LearnerId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("alert", alertId);
        var user = await EnsureCanActAsync(db, learnerId, alertId, cancellationToken);

        var alert = await db.Alerts.SingleAsync(a => a.Id == alertId, cancellationToken);
        if (alert.Revision != revision)
            throw Changed(alert);
        if (alert.Status == AlertStatus.Resolved || (to == AlertStatus.Acknowledged && alert.Status == AlertStatus.Acknowledged))
            throw new DataValidationException($"The alert is already {alert.Status.ToString().ToLowerInvariant()}.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (to == AlertStatus.Acknowledged)
        {
            alert.AcknowledgedAt = now;
            alert.AcknowledgedBy = user.Name;
            alert.AcknowledgeNote = text;
        }
        else
        {
            alert.ResolvedAt = now;
            alert.ResolvedBy = user.Name;
            alert.ResolutionNote = text;
        }
        alert.Status = to;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            throw new ConcurrencyConflictException("Someone acted on this alert at the same moment. Reload to see what they did.", ex);
        }
        return (await ForLearnerAsync(learnerId, cancellationToken)).Single(a => a.Id == alertId);
    }

    /// <summary>Staff, or a mentor of the learner in one of their cohorts.</summary>
    private async Task<UserContext> EnsureCanActAsync(TrainingDbContext db, int learnerId, int alertId, CancellationToken cancellationToken)
    {
        var user = await access.EnsureCanReadLearnerAsync(learnerId, cancellationToken);
        if (user.SeesEverything)
            return user;
        if (user.MentorId is { } mentor && await db.Enrollments.AnyAsync(e => e.LearnerId == learnerId && e.MentorId == mentor, cancellationToken))
            return user;
        return await access.EnsureInRoleAsync(Roles.Staff, $"alert {alertId}");
    }

    private static ConcurrencyConflictException Changed(Alert alert) => new(alert.Status switch
    {
        AlertStatus.Resolved => $"{alert.ResolvedBy} resolved this alert at {alert.ResolvedAt:yyyy-MM-dd HH:mm} UTC: \"{alert.ResolutionNote}\".",
        AlertStatus.Acknowledged => $"{alert.AcknowledgedBy} acknowledged this alert at {alert.AcknowledgedAt:yyyy-MM-dd HH:mm} UTC.",
        _ => "This alert changed since you opened it. Reload to see the change.",
    });
}
