using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;

namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>
/// A session's roster, marks by the trainer or HR, and learners' self check-in with the session's code.
/// </summary>
/// <remarks>
/// <para>Access first: the roster and marks need <see cref="IRecordAccess.EnsureCanRunCohortAsync"/>; a check-in needs a
/// Learner account linked to its learner record, and only that learner's own enrollment is ever written.</para>
/// <para>Marks are written like the attendance import writes them (one record per session and enrollment, audited by the
/// context), then the learner is rescored (<see cref="CohortScoreService.RecomputeLearnersAsync"/>, which tells every open
/// page, the roster included) and the cohort's health weeks are queued (<see cref="HealthRecomputes"/>).</para>
/// <para>Two people marking the same learner: each mark states the revision it was read at; a newer one refuses the
/// second with <see cref="ConcurrencyConflictException"/> naming who set what and when. Every refusal is in the reader's
/// language and writes nothing.</para>
/// </remarks>
public sealed partial class AttendanceService(
    IDbContextFactory<TrainingDbContext> factory,
    IRecordAccess access,
    ICurrentUser currentUser,
    CohortScoreService scores,
    HealthRecomputes health,
    TimeProvider clock,
    LocalTime local,
    IOptions<CheckInOptions> options,
    IStringLocalizer<AttendanceStrings> text,
    ILogger<AttendanceService> logger)
{
    private CheckInOptions Options => options.Value;

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    private DateTime LocalNow => local.ToLocal(UtcNow);

    /// <summary>The session's roster (its check-in code made when it has none), or null when there is no such session.</summary>
    public async Task<RosterView?> RosterAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.Include(s => s.Cohort).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            await access.EnsureInRoleAsync(Roles.Staff, $"session {sessionId}");
            return null;
        }
        await access.EnsureCanRunCohortAsync(session.CohortId, cancellationToken);
        if (session.CheckInCode is null && session.StartTime is not null && session.EndTime is not null)
        {
            // Sessions that came in by import get their code when their roster is first opened.
            session.CheckInCode = await SessionService.FreeCodeAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        var cohort = session.Cohort!;
        var marks = await db.Attendance.AsNoTracking().Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.EnrollmentId, cancellationToken);
        var learners = await db.Enrollments.AsNoTracking()
            .Where(e => e.CohortId == cohort.Id && e.Status != EnrollmentStatus.Withdrawn)
            .Select(e => new { e.Id, e.Learner!.EmployeeNumber, e.Learner.Name, e.Learner.NameEn })
            .ToListAsync(cancellationToken);
        var lines = learners
            .OrderBy(l => l.EmployeeNumber, StringComparer.Ordinal)
            .Select(l => marks.TryGetValue(l.Id, out var m)
                ? new RosterLine(l.Id, l.EmployeeNumber, l.Name, l.NameEn, m.Status, m.Revision, m.MarkedBy, m.MarkedAt, m.SelfCheckIn)
                : new RosterLine(l.Id, l.EmployeeNumber, l.Name, l.NameEn, null, null, null, null, false))
            .ToList();
        // Counted over the roster's learners: marks of learners who withdrew stay stored but are not on it.
        int Count(AttendanceStatus status) => lines.Count(l => l.Status == status);
        var row = new SessionRow(session.Id, session.Sequence, session.HeldOn, session.StartTime, session.EndTime, session.Name, session.NameEn, session.Place,
            Count(AttendanceStatus.Present), Count(AttendanceStatus.Late), Count(AttendanceStatus.Absent), Count(AttendanceStatus.Excused));
        var window = CheckInWindow.Of(session.HeldOn, session.StartTime, session.EndTime, Options);
        return new RosterView(new SessionCohort(cohort.Id, cohort.Code, cohort.Name, cohort.NameEn, cohort.StartDate, cohort.EndDate), row,
            session.CheckInCode, window, window?.StateAt(LocalNow) ?? CheckInState.NoTimes, lines);
    }

    /// <summary>Sets one learner's mark at a session.</summary>
    /// <param name="readRevision">The revision of the mark when the roster was read; null when there was no mark.</param>
    /// <exception cref="ConcurrencyConflictException">Someone else marked the learner since; names who, what and when.</exception>
    /// <exception cref="DataValidationException">The learner is not (or no longer) enrolled in the session's cohort.</exception>
    public async Task MarkAsync(int sessionId, int enrollmentId, AttendanceStatus status, int? readRevision, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            await access.EnsureInRoleAsync(Roles.Staff, $"session {sessionId}");
            throw new DataValidationException(text["SessionGone"]);
        }
        var user = await access.EnsureCanRunCohortAsync(session.CohortId, cancellationToken);
        var enrollment = await db.Enrollments.AsNoTracking().Where(e => e.Id == enrollmentId)
            .Select(e => new { e.CohortId, e.Status, e.Learner!.EmployeeNumber, e.Learner.Name, e.Learner.NameEn }).FirstOrDefaultAsync(cancellationToken);
        if (enrollment is null || enrollment.CohortId != session.CohortId || enrollment.Status == EnrollmentStatus.Withdrawn)
            throw new DataValidationException(text["Val_MarkNotEnrolled"]);
        var learner = $"{Bilingual.Pick(enrollment.Name, enrollment.NameEn)} ({enrollment.EmployeeNumber})";

        var record = await db.Attendance.FirstOrDefaultAsync(a => a.SessionId == sessionId && a.EnrollmentId == enrollmentId, cancellationToken);
        if (record is not null && record.Revision != readRevision || record is null && readRevision is not null)
            throw Conflict(learner, record);
        if (record is not null && record.Status == status)
            return;
        if (record is null)
        {
            record = new AttendanceRecord { SessionId = sessionId, EnrollmentId = enrollmentId };
            db.Attendance.Add(record);
        }
        record.Status = status;
        record.MarkedBy = Truncate(user.Name);
        record.MarkedAt = UtcNow;
        record.SelfCheckIn = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or DuplicateValueException)
        {
            // A true race: the other mark was saved between our read and our write.
            await using var fresh = await factory.CreateDbContextAsync(cancellationToken);
            var theirs = await fresh.Attendance.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == sessionId && a.EnrollmentId == enrollmentId, cancellationToken);
            throw Conflict(learner, theirs, ex);
        }
        await AfterWriteAsync(session.CohortId, enrollmentId, cancellationToken);
    }

    /// <summary>Marks every learner who had no mark when the roster was read as absent, in one transaction.</summary>
    /// <param name="unmarkedAsRead">The enrollments the roster showed without a mark.</param>
    /// <returns>How many were marked absent, and the learners who were marked by someone else since the roster was read (their
    /// mark stands and they are left as they are).</returns>
    /// <exception cref="DataValidationException">The session is gone or a learner is not (or no longer) enrolled; nothing was written.</exception>
    /// <exception cref="ConcurrencyConflictException">A mark was saved between our read and our write; nothing was written.</exception>
    public async Task<AbsentMarking> MarkUnmarkedAbsentAsync(int sessionId, IReadOnlyCollection<int> unmarkedAsRead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unmarkedAsRead);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            await access.EnsureInRoleAsync(Roles.Staff, $"session {sessionId}");
            throw new DataValidationException(text["SessionGone"]);
        }
        var user = await access.EnsureCanRunCohortAsync(session.CohortId, cancellationToken);
        var ids = unmarkedAsRead.Distinct().ToList();
        var enrolled = await db.Enrollments.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.CohortId == session.CohortId && e.Status != EnrollmentStatus.Withdrawn)
            .Select(e => new { e.Id, e.Learner!.EmployeeNumber, e.Learner.Name, e.Learner.NameEn })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        if (enrolled.Count != ids.Count)
            throw new DataValidationException(text["Val_MarkNotEnrolled"]);
        var existing = await db.Attendance.AsNoTracking().Where(a => a.SessionId == sessionId && ids.Contains(a.EnrollmentId))
            .ToDictionaryAsync(a => a.EnrollmentId, cancellationToken);
        var now = UtcNow;
        var written = new List<int>();
        var skipped = new List<string>();
        foreach (var id in ids.Order())
        {
            if (existing.TryGetValue(id, out var theirs))
            {
                // Marked (or checked in) since the roster was read: theirs stands, as with a single mark.
                var e = enrolled[id];
                skipped.Add(text["AllAbsent_Skipped", $"{Bilingual.Pick(e.Name, e.NameEn)} ({e.EmployeeNumber})", theirs.MarkedBy ?? text["SomeoneElse"], StatusText(theirs.Status)]);
                continue;
            }
            db.Attendance.Add(new AttendanceRecord
            {
                SessionId = sessionId, EnrollmentId = id, Status = AttendanceStatus.Absent,
                MarkedBy = Truncate(user.Name), MarkedAt = now, SelfCheckIn = false,
            });
            written.Add(id);
        }
        if (written.Count == 0)
            return new AbsentMarking(0, skipped);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or DuplicateValueException)
        {
            // Someone marked one of them between our read and our write: nothing of ours was saved.
            throw new ConcurrencyConflictException(text["AllAbsent_Raced"], ex);
        }
        await scores.RecomputeLearnersAsync(session.CohortId, written, cancellationToken);
        health.Enqueue([session.CohortId]);
        return new AbsentMarking(written.Count, skipped);
    }

    /// <summary>The signed-in learner checks in to the session whose code they typed or scanned.</summary>
    /// <exception cref="DataValidationException">A wrong code, outside the window, not enrolled or withdrawn; nothing was written.</exception>
    public async Task<CheckInResult> CheckInAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.Learner, "check-in");
        if (user.LearnerId is not { } learnerId)
            throw Refuse(user, typedCode, text["CheckIn_NoLearner"]);
        var code = CheckInCodes.Normalize(typedCode);
        if (code is null)
            throw Refuse(user, typedCode, text["CheckIn_BadCode", CohortSession.CheckInCodeLength]);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().Include(s => s.Cohort).FirstOrDefaultAsync(s => s.CheckInCode == code, cancellationToken);
        if (session is null)
            throw Refuse(user, code, text["CheckIn_UnknownCode", code]);
        var cohort = session.Cohort!;
        var name = session.DisplayName();
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.CohortId == cohort.Id && e.LearnerId == learnerId, cancellationToken);
        if (enrollment is null)
            throw Refuse(user, code, text["CheckIn_NotEnrolled", cohort.Code]);
        if (enrollment.Status == EnrollmentStatus.Withdrawn)
            throw Refuse(user, code, text["CheckIn_Withdrawn", cohort.Code, enrollment.WithdrawnOn is { } on ? SessionService.Day(on) : "—"]);

        var record = await db.Attendance.FirstOrDefaultAsync(a => a.SessionId == session.Id && a.EnrollmentId == enrollment.Id, cancellationToken);
        // Checking in twice changes nothing and says so, whenever it happens.
        if (record is { Status: AttendanceStatus.Present or AttendanceStatus.Late })
            return new CheckInResult(cohort.Code, session.Name, session.NameEn, record.Status, record.MarkedAt is { } at ? local.ToLocal(at) : LocalNow, AlreadyCheckedIn: true);

        var window = CheckInWindow.Of(session.HeldOn, session.StartTime, session.EndTime, Options);
        var now = LocalNow;
        switch (window?.StateAt(now) ?? CheckInState.NoTimes)
        {
            case CheckInState.NoTimes:
                throw Refuse(user, code, text["CheckIn_NoTimes", name]);
            case CheckInState.NotYet:
                throw Refuse(user, code, text["CheckIn_NotYet", name, Moment(window!.OpensAt)]);
            case CheckInState.Closed:
                throw Refuse(user, code, text["CheckIn_Closed", name, Moment(window!.EndsAt)]);
        }
        var status = window!.StatusAt(now);
        if (record is null)
        {
            // An absent or excused mark set before the learner arrived is replaced by the check-in.
            record = new AttendanceRecord { SessionId = session.Id, EnrollmentId = enrollment.Id };
            db.Attendance.Add(record);
        }
        record.Status = status;
        record.MarkedBy = Truncate(user.Name);
        record.MarkedAt = UtcNow;
        record.SelfCheckIn = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or DuplicateValueException)
        {
            // The trainer marked this learner at the same moment: theirs stands, and the learner is told what it is.
            await using var fresh = await factory.CreateDbContextAsync(cancellationToken);
            var theirs = await fresh.Attendance.AsNoTracking().FirstAsync(a => a.SessionId == session.Id && a.EnrollmentId == enrollment.Id, cancellationToken);
            throw Refuse(user, code, text["CheckIn_MarkedMeanwhile", theirs.MarkedBy ?? "—", StatusText(theirs.Status)]);
        }
        await AfterWriteAsync(cohort.Id, enrollment.Id, cancellationToken);
        return new CheckInResult(cohort.Code, session.Name, session.NameEn, status, now, AlreadyCheckedIn: false);
    }

    /// <summary>The signed-in learner's sessions whose check-in is open now (none for anyone else).</summary>
    public async Task<IReadOnlyList<OpenCheckIn>> OpenForMeAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.LearnerId is not { } learnerId)
            return [];
        var now = LocalNow;
        var today = DateOnly.FromDateTime(now);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // The window may start the evening before a session just after midnight: look at today and tomorrow.
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => (s.HeldOn == today || s.HeldOn == today.AddDays(1)) && s.StartTime != null && s.EndTime != null && s.CheckInCode != null)
            .SelectMany(s => s.Cohort!.Enrollments.Where(e => e.LearnerId == learnerId && e.Status != EnrollmentStatus.Withdrawn),
                (s, e) => new { s.Id, s.Cohort!.Code, s.Name, s.NameEn, s.HeldOn, s.StartTime, s.EndTime, EnrollmentId = e.Id })
            .ToListAsync(cancellationToken);
        var checkedIn = (await db.Attendance.AsNoTracking()
                .Where(a => a.Enrollment!.LearnerId == learnerId && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late)
                    && (a.Session!.HeldOn == today || a.Session.HeldOn == today.AddDays(1)))
                .Select(a => a.SessionId).ToListAsync(cancellationToken)).ToHashSet();
        return [.. sessions
            .Where(s => CheckInWindow.Of(s.HeldOn, s.StartTime, s.EndTime, Options)?.StateAt(now) == CheckInState.Open)
            .OrderBy(s => s.HeldOn).ThenBy(s => s.StartTime)
            .Select(s => new OpenCheckIn(s.Id, s.Code, s.Name, s.NameEn, s.StartTime!.Value, s.EndTime!.Value, checkedIn.Contains(s.Id)))];
    }

    /// <summary>The status in the reader's language.</summary>
    public string StatusText(AttendanceStatus status) => text[$"Status_{status}"];

    private async Task AfterWriteAsync(int cohortId, int enrollmentId, CancellationToken cancellationToken)
    {
        // As after the attendance import: the learner's attendance indicator and the cohort's ranks, then the health weeks.
        await scores.RecomputeLearnersAsync(cohortId, [enrollmentId], cancellationToken);
        health.Enqueue([cohortId]);
    }

    private ConcurrencyConflictException Conflict(string learner, AttendanceRecord? theirs, Exception? inner = null) =>
        new(theirs is null
            ? text["Conflict_Removed", learner]
            : text["Conflict_Marked", learner, theirs.MarkedBy ?? text["SomeoneElse"], StatusText(theirs.Status), theirs.MarkedAt is { } at ? Moment(local.ToLocal(at)) : "—"], inner);

    private DataValidationException Refuse(UserContext user, string? code, string message)
    {
        LogRefused(logger, user.Name, code ?? "", message);
        return new DataValidationException(message);
    }

    private static string Moment(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Truncate(string name) => name.Length <= AttendanceRecord.MarkedByMaxLength ? name : name[..AttendanceRecord.MarkedByMaxLength];

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in refused: {User} with code {Code}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string user, string code, string reason);
}
