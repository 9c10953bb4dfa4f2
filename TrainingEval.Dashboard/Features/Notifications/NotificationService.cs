using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Notifications;

/// <summary>One entry of the notification centre.</summary>
/// <param name="Assessment">The assessment an alert's detail names by id, with its names in both languages.</param>
public sealed record NotificationRow(long Id, NotificationKind Kind, DateTime CreatedAt, bool IsRead, int IsoYear, int IsoWeek,
    int? AlertId, AlertType? AlertType, string? EmployeeNumber, string? LearnerName, string? LearnerNameEn, string? Detail, int? MentorId,
    AlertSubjectName? Assessment = null, int? SurveyId = null, ReminderSurvey? Survey = null);

/// <summary>The survey a reminder asks to answer, with its cohort and opening day.</summary>
public sealed record ReminderSurvey(string Name, string? NameEn, string CohortCode, DateOnly OpenedOn) : IBilingualName;

/// <summary>
/// What the notification centre asks for: filters (all optional; null means any) and a page. Every filter is an
/// exact choice from <see cref="NotificationFilterChoices"/> except <see cref="Search"/>, part of a learner's
/// name (either language) or employee number.
/// </summary>
public sealed record NotificationQuery(
    NotificationKind? Kind = null,
    AlertType? AlertType = null,
    string? ProgramCode = null,
    string? MentorEmployeeNumber = null,
    IsoWeek? Week = null,
    AlertStatus? AlertStatus = null,
    bool UnreadOnly = false,
    string? Search = null,
    int Page = 1,
    int PageSize = NotificationService.DefaultPageSize);

/// <summary>A page of the inbox, and the counts of the whole inbox (the bell's unread count among them).</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationRow> Items, int Matching, int InboxTotal, int InboxUnread, int Page, int PageSize);

/// <summary>The values the filters offer: only what the inbox holds.</summary>
public sealed record NotificationFilterChoices(IReadOnlyList<(string Code, string Name, string? NameEn)> Programs,
    IReadOnlyList<(string EmployeeNumber, string Name, string? NameEn)> Mentors, IReadOnlyList<IsoWeek> Weeks);

/// <summary>A mentee's line in the weekly digest.</summary>
public sealed record DigestLine(int LearnerId, string EmployeeNumber, string Name, string? NameEn, double? Index, LearningHealthBand? Band, int OpenAlerts);

/// <summary>A mentor's weekly digest: their mentees' bands in the week and their open alerts.</summary>
public sealed record WeeklyDigest(int MentorId, string MentorName, string? MentorNameEn, IsoWeek Week, IReadOnlyList<DigestLine> Lines)
{
    public int Count(LearningHealthBand band) => Lines.Count(l => l.Band == band);

    public int OpenAlerts => Lines.Sum(l => l.OpenAlerts);
}

/// <summary>
/// The in-app notification centre (mentors see their own entries, HR the shared staff entries) and the weekly
/// digests. Each call checks who asks: a mentor reaches only their own notifications and digests.
/// </summary>
public sealed class NotificationService(IDbContextFactory<TrainingDbContext> factory, ICurrentUser currentUser, IRecordAccess access, TimeProvider clock)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>Mentors and learners have their own inbox and HR (admins, HR analysts) a shared one; nobody else has one.</summary>
    public static bool HasInbox(UserContext user) => user.SeesEverything || user.MentorId is not null || user.LearnerId is not null;

    /// <summary>Unread entries of the signed-in user's inbox (the badge in the app bar); 0 for users without one.</summary>
    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (!HasInbox(user))
            return 0;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Inbox(db, user).CountAsync(n => n.ReadAt == null, cancellationToken);
    }

    /// <summary>One page of the signed-in user's inbox, newest first, with the counts of the whole inbox.</summary>
    public async Task<NotificationPage> SearchAsync(NotificationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Max(1, query.Page);
        var pageSize = query.PageSize <= 0 ? DefaultPageSize : Math.Min(query.PageSize, MaxPageSize);
        var user = await currentUser.GetAsync();
        if (!HasInbox(user))
            return new NotificationPage([], 0, 0, 0, page, pageSize);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var inbox = Inbox(db, user);
        var total = await inbox.CountAsync(cancellationToken);
        var unread = await inbox.CountAsync(n => n.ReadAt == null, cancellationToken);
        var rows = Filter(inbox, query);
        var matching = await rows.CountAsync(cancellationToken);
        var items = await rows
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.CreatedAt, n.ReadAt != null, n.IsoYear, n.IsoWeek, n.AlertId,
                n.Alert != null ? n.Alert.Type : null,
                n.Alert != null ? n.Alert.Learner!.EmployeeNumber : null,
                n.Alert != null ? n.Alert.Learner!.Name : null,
                n.Alert != null ? n.Alert.Learner!.NameEn : null,
                n.Alert != null ? n.Alert.Detail : null,
                n.MentorId, null, n.SurveyId, null))
            .ToListAsync(cancellationToken);
        var surveyIds = items.Where(r => r.SurveyId is not null).Select(r => r.SurveyId!.Value).Distinct().ToList();
        if (surveyIds.Count > 0)
        {
            var surveys = await db.Surveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id))
                .Select(s => new { s.Id, Survey = new ReminderSurvey(s.Name, s.NameEn, s.Cohort!.Code, s.OpenedOn) })
                .ToDictionaryAsync(s => s.Id, s => s.Survey, cancellationToken);
            items = [.. items.Select(r => r.SurveyId is { } id ? r with { Survey = surveys.GetValueOrDefault(id) } : r)];
        }
        var assessments = await AlertSubjects.AssessmentsAsync(db, items.Select(r => r.Detail), cancellationToken);
        if (assessments.Count > 0)
            items = [.. items.Select(r => r with { Assessment = AlertSubjects.Of(assessments, r.Detail) })];
        return new NotificationPage(items, matching, total, unread, page, pageSize);
    }

    /// <summary>The programs, mentors (HR's inbox only) and weeks the signed-in user's inbox holds.</summary>
    public async Task<NotificationFilterChoices> FilterChoicesAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (!HasInbox(user))
            return new NotificationFilterChoices([], [], []);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var inbox = Inbox(db, user);
        var programs = await inbox.Where(n => n.Alert != null && n.Alert.Enrollment != null)
            .Select(n => n.Alert!.Enrollment!.Cohort!.Program!).Distinct()
            .OrderBy(p => p.Code).Select(p => new { p.Code, p.Name, p.NameEn }).ToListAsync(cancellationToken);
        var mentors = user.SeesEverything
            ? await inbox.Where(n => n.Alert != null && n.Alert.Mentor != null).Select(n => n.Alert!.Mentor!).Distinct()
                .OrderBy(m => m.EmployeeNumber).Select(m => new { m.EmployeeNumber, m.Name, m.NameEn }).ToListAsync(cancellationToken)
            : [];
        var weeks = await inbox.Select(n => new { n.IsoYear, n.IsoWeek }).Distinct()
            .OrderByDescending(w => w.IsoYear).ThenByDescending(w => w.IsoWeek).ToListAsync(cancellationToken);
        return new NotificationFilterChoices(
            [.. programs.Select(p => (p.Code, p.Name, p.NameEn))],
            [.. mentors.Select(m => (m.EmployeeNumber, m.Name, m.NameEn))],
            [.. weeks.Select(w => new IsoWeek(w.IsoYear, w.IsoWeek))]);
    }

    private static IQueryable<Notification> Filter(IQueryable<Notification> rows, NotificationQuery query)
    {
        if (query.Kind is { } kind)
            rows = rows.Where(n => n.Kind == kind);
        if (query.AlertType is { } type)
            rows = rows.Where(n => n.Alert != null && n.Alert.Type == type);
        if (query.AlertStatus is { } status)
            rows = rows.Where(n => n.Alert != null && n.Alert.Status == status);
        if (!string.IsNullOrWhiteSpace(query.ProgramCode))
        {
            var program = query.ProgramCode.Trim();
            rows = rows.Where(n => n.Alert != null && n.Alert.Enrollment != null && n.Alert.Enrollment.Cohort!.Program!.Code == program);
        }
        if (!string.IsNullOrWhiteSpace(query.MentorEmployeeNumber))
        {
            var mentor = query.MentorEmployeeNumber.Trim();
            rows = rows.Where(n => n.Alert != null && n.Alert.Mentor != null && n.Alert.Mentor.EmployeeNumber == mentor);
        }
        if (query.Week is { } week)
            rows = rows.Where(n => n.IsoYear == week.Year && n.IsoWeek == week.Week);
        if (query.UnreadOnly)
            rows = rows.Where(n => n.ReadAt == null);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Learners.Paging.ContainsPattern(query.Search);
            rows = rows.Where(n => n.Alert != null && (TextSearch.Matches(n.Alert.Learner!.Name, pattern)
                || TextSearch.Matches(n.Alert.Learner.NameEn!, pattern)
                || TextSearch.Matches(n.Alert.Learner.EmployeeNumber, pattern)));
        }
        return rows;
    }

    /// <summary>Marks the given entries of the user's own inbox as read (all of them when <paramref name="ids"/> is null).</summary>
    public async Task<int> MarkReadAsync(IReadOnlyCollection<long>? ids, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (!user.SeesEverything && user.MentorId is null)
            return 0;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = Inbox(db, user).Where(n => n.ReadAt == null);
        if (ids is not null)
            query = query.Where(n => ids.Contains(n.Id));
        return await query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>The mentor's digest of a week: every learner they mentor in a cohort active in the week's window.</summary>
    public async Task<WeeklyDigest> DigestAsync(int mentorId, IsoWeek week, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (!user.SeesEverything && user.MentorId != mentorId)
            await access.EnsureInRoleAsync(Roles.Staff, $"digest of mentor {mentorId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await BuildDigestAsync(db, mentorId, week, cancellationToken)
            ?? throw new RecordNotFoundException("mentor", mentorId);
    }

    /// <summary>
    /// The digest of the signed-in mentor, or (staff) of the mentor with <paramref name="mentorEmployeeNumber"/>;
    /// null when the user is no mentor and names none, or no mentor has that number.
    /// </summary>
    public async Task<WeeklyDigest?> DigestOfAsync(string? mentorEmployeeNumber, IsoWeek week, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        int? mentorId = user.MentorId;
        if (!string.IsNullOrWhiteSpace(mentorEmployeeNumber))
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            mentorId = await db.Mentors.Where(m => m.EmployeeNumberKey == NaturalKey.Of(mentorEmployeeNumber)).Select(m => (int?)m.Id).SingleOrDefaultAsync(cancellationToken);
            if (mentorId is null)
            {
                await access.EnsureInRoleAsync(Roles.Staff, $"digest of mentor {mentorEmployeeNumber}");
                return null;
            }
        }
        return mentorId is { } id ? await DigestAsync(id, week, cancellationToken) : null;
    }

    internal static async Task<WeeklyDigest?> BuildDigestAsync(TrainingDbContext db, int mentorId, IsoWeek week, CancellationToken cancellationToken)
    {
        var mentor = await db.Mentors.AsNoTracking().Where(m => m.Id == mentorId).Select(m => new { m.Name, m.NameEn }).SingleOrDefaultAsync(cancellationToken);
        if (mentor is null)
            return null;
        var end = week.End;
        var start = end.AddDays(-27);
        var lines = await db.Learners.AsNoTracking()
            .Where(l => l.Enrollments.Any(e => e.MentorId == mentorId && e.Status != EnrollmentStatus.Withdrawn && e.Cohort!.StartDate <= end && e.Cohort.EndDate >= start))
            .Select(l => new
            {
                l.Id, l.EmployeeNumber, l.Name, l.NameEn,
                Snapshot = db.HealthSnapshots.Where(s => s.LearnerId == l.Id && s.IsoYear == week.Year && s.IsoWeek == week.Week).Select(s => new { s.Index, s.Band }).FirstOrDefault(),
                OpenAlerts = db.Alerts.Count(a => a.LearnerId == l.Id && a.Status != AlertStatus.Resolved),
            })
            .ToListAsync(cancellationToken);
        return new WeeklyDigest(mentorId, mentor.Name, mentor.NameEn, week,
            [.. lines.Select(l => new DigestLine(l.Id, l.EmployeeNumber, l.Name, l.NameEn, l.Snapshot?.Index, l.Snapshot?.Band, l.OpenAlerts))
                .OrderBy(l => l.Band is null ? 3 : l.Band == LearningHealthBand.AtRisk ? 0 : l.Band == LearningHealthBand.Watch ? 1 : 2)
                .ThenBy(l => l.Index)
                .ThenBy(l => l.EmployeeNumber, StringComparer.Ordinal)]);
    }

    private static IQueryable<Notification> Inbox(TrainingDbContext db, UserContext user) =>
        user.SeesEverything ? db.Notifications.Where(n => n.MentorId == null && n.LearnerId == null)
        : user.MentorId is { } mentor ? db.Notifications.Where(n => n.MentorId == mentor)
        : user.LearnerId is { } learner ? db.Notifications.Where(n => n.LearnerId == learner && n.MentorId == null)
        : db.Notifications.Where(_ => false);
}

/// <summary>
/// Creates the weekly digest notifications after a snapshot run, and their messages to the mentors (e-mail, work chat) in the
/// same transaction through the outbox; internal work of the background job.
/// </summary>
public sealed class DigestWriter(IDbContextFactory<TrainingDbContext> factory, TimeProvider clock, Delivery.OutboxWriter? outbox = null)
{
    /// <summary>One digest notification per mentor with mentees in the week; a rerun adds none (unique per mentor and week).</summary>
    public async Task<int> WriteAsync(IsoWeek week, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var end = week.End;
        var start = end.AddDays(-27);
        var mentorIds = await db.Enrollments.AsNoTracking()
            .Where(e => e.MentorId != null && e.Status != EnrollmentStatus.Withdrawn && e.Cohort!.StartDate <= end && e.Cohort.EndDate >= start)
            .Select(e => e.MentorId!.Value).Distinct().ToListAsync(cancellationToken);
        var existing = (await db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.WeeklyDigest && n.IsoYear == week.Year && n.IsoWeek == week.Week)
            .Select(n => n.MentorId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = mentorIds.Where(m => !existing.Contains(m))
            .Select(m => new Notification { Kind = NotificationKind.WeeklyDigest, MentorId = m, IsoYear = week.Year, IsoWeek = week.Week, CreatedAt = now })
            .ToList();
        db.Notifications.AddRange(added);
        if (outbox is not null)
        {
            foreach (var notification in added)
            {
                if (await NotificationService.BuildDigestAsync(db, notification.MentorId!.Value, week, cancellationToken) is { } digest)
                    await outbox.AddForDigestAsync(db, digest, now, cancellationToken);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateValueException)
        {
            // Another instance wrote this week's digests (and their messages) first.
            return 0;
        }
        return added.Count;
    }
}
