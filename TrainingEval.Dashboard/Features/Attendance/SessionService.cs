using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>
/// Scheduling a cohort's sessions and linking its trainers. Every method checks access first (staff, or a trainer of the
/// cohort; trainers are linked by staff only). Sessions keep the import's rules (<see cref="SessionRules"/>); a new or
/// moved session changes what the learning health index reads, so the cohort's weeks are queued for it, as the sessions
/// import does. Refusals are <see cref="DataValidationException"/>s in the reader's language; nothing is written then.
/// </summary>
public sealed class SessionService(
    IDbContextFactory<TrainingDbContext> factory,
    IRecordAccess access,
    IValidator<SessionInput> validator,
    HealthRecomputes health,
    TimeProvider clock,
    LocalTime local,
    IStringLocalizer<AttendanceStrings> text)
{
    /// <summary>The cohort's sessions page, or null when there is no such cohort.</summary>
    public async Task<SessionsView?> GetAsync(string cohortCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohortCode);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(cohortCode);
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.CodeKey == key)
            .Select(c => new SessionCohort(c.Id, c.Code, c.Name, c.NameEn, c.StartDate, c.EndDate))
            .FirstOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            // Who cannot see every cohort learns nothing about which codes exist.
            await access.EnsureInRoleAsync(Roles.Staff, $"sessions of cohort {cohortCode.Trim()}");
            return null;
        }
        var user = await access.EnsureCanRunCohortAsync(cohort.Id, cancellationToken);
        var sessions = await SessionRowsAsync(db, cohort.Id, cancellationToken);
        var enrolled = await db.Enrollments.CountAsync(e => e.CohortId == cohort.Id && e.Status != EnrollmentStatus.Withdrawn, cancellationToken);
        var trainers = await db.CohortTrainers.Where(t => t.CohortId == cohort.Id)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new TrainerRow(u.Id, u.UserName!, u.DisplayName))
            .ToListAsync(cancellationToken);
        var candidates = user.SeesEverything ? await TrainerAccounts(db).ToListAsync(cancellationToken) : [];
        return new SessionsView(cohort, sessions, enrolled,
            [.. trainers.OrderBy(t => t.UserName, StringComparer.Ordinal)],
            [.. candidates.Where(c => trainers.All(t => t.UserId != c.UserId)).OrderBy(t => t.UserName, StringComparer.Ordinal)],
            user.SeesEverything);
    }

    /// <summary>The cohorts the signed-in trainer runs, newest first, with each one's next session.</summary>
    public async Task<IReadOnlyList<TrainerCohortRow>> MyCohortsAsync(CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Trainer, "a trainer's cohorts");
        var ids = await access.TrainedCohortIdsAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(local.ToLocal(clock.GetUtcNow().UtcDateTime));
        var cohorts = await db.Cohorts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name, c.NameEn, c.StartDate, c.EndDate, Sessions = c.Sessions.Count, ProgramCode = c.Program!.Code })
            .ToListAsync(cancellationToken);
        var rows = new List<TrainerCohortRow>();
        foreach (var c in cohorts.OrderByDescending(c => c.StartDate).ThenBy(c => c.Code, StringComparer.Ordinal))
        {
            var next = (await SessionRowsAsync(db, c.Id, cancellationToken)).FirstOrDefault(s => s.HeldOn >= today);
            rows.Add(new TrainerCohortRow(c.Code, c.Name, c.NameEn, c.StartDate, c.EndDate, c.Sessions, next) { ProgramCode = c.ProgramCode });
        }
        return rows;
    }

    /// <summary>Whether the signed-in user may schedule the cohort's sessions (for links; never throws).</summary>
    public async Task<bool> CanRunAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        try
        {
            await access.EnsureCanRunCohortAsync(cohortId, cancellationToken);
            return true;
        }
        catch (AccessDeniedException)
        {
            return false;
        }
    }

    /// <summary>Adds a session (<see cref="SessionInput.Id"/> null) or changes one; returns its id.</summary>
    /// <exception cref="DataValidationException">The input breaks a rule; nothing was written.</exception>
    public async Task<int> SaveAsync(int cohortId, SessionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await access.EnsureCanRunCohortAsync(cohortId, cancellationToken);
        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
            throw new DataValidationException([.. result.Errors.Select(e => e.ErrorMessage).Distinct()]);
        var day = input.Day!.Value;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken)
            ?? throw new RecordNotFoundException("cohort", cohortId);
        if (!SessionRules.WithinCohort(day, cohort.StartDate, cohort.EndDate))
            throw new DataValidationException(text["Val_OutsideCohort", Day(day), cohort.Code, Day(cohort.StartDate), Day(cohort.EndDate)]);
        if (await db.Sessions.AnyAsync(s => s.CohortId == cohortId && s.HeldOn == day && s.StartTime == input.StartTime && s.Id != input.Id, cancellationToken))
            throw new DataValidationException(text["Val_SameTime", cohort.Code, Day(day), SessionFormValidator.Format(input.StartTime)]);

        CohortSession session;
        if (input.Id is { } id)
        {
            session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == id && s.CohortId == cohortId, cancellationToken)
                ?? throw new DataValidationException(text["SessionGone"]);
        }
        else
        {
            var last = await db.Sessions.Where(s => s.CohortId == cohortId).MaxAsync(s => (int?)s.Sequence, cancellationToken) ?? 0;
            session = new CohortSession { CohortId = cohortId, Sequence = last + 1, Name = "", CheckInCode = await FreeCodeAsync(db, cancellationToken) };
            db.Sessions.Add(session);
        }
        session.HeldOn = day;
        session.StartTime = input.StartTime;
        session.EndTime = input.EndTime;
        session.DurationMinutes = SessionRules.Duration(input.StartTime, input.EndTime);
        session.Name = input.Title.Trim();
        session.NameEn = string.IsNullOrWhiteSpace(input.TitleEn) ? null : input.TitleEn.Trim();
        session.Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim();
        await db.SaveChangesAsync(cancellationToken);
        // A held session counts for engagement in the health index (as after the sessions import).
        health.Enqueue([cohortId]);
        return session.Id;
    }

    /// <summary>Deletes a session that has no attendance yet.</summary>
    /// <exception cref="DataValidationException">The session has attendance; nothing was deleted.</exception>
    public async Task DeleteAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            await access.EnsureInRoleAsync(Roles.Staff, $"session {sessionId}");
            throw new DataValidationException(text["SessionGone"]);
        }
        await access.EnsureCanRunCohortAsync(session.CohortId, cancellationToken);
        var marks = await db.Attendance.CountAsync(a => a.SessionId == sessionId, cancellationToken);
        if (marks > 0)
            throw new DataValidationException(text["Val_DeleteHasAttendance", session.DisplayName(), marks]);
        db.Sessions.Remove(session);
        await db.SaveChangesAsync(cancellationToken);
        health.Enqueue([session.CohortId]);
    }

    /// <summary>Links a trainer account to the cohort (staff only); the link is audited.</summary>
    public async Task AddTrainerAsync(int cohortId, string userId, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"trainers of cohort {cohortId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken)
            ?? throw new RecordNotFoundException("cohort", cohortId);
        var trainer = await TrainerAccounts(db, userId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DataValidationException(text["Val_NotATrainer"]);
        if (await db.CohortTrainers.AnyAsync(t => t.CohortId == cohortId && t.UserId == userId, cancellationToken))
            return;
        db.CohortTrainers.Add(new CohortTrainer { CohortId = cohortId, UserId = userId });
        db.AddAudit(nameof(CohortTrainer), cohort.Code, AuditAction.Added, "Trainer", null, trainer.UserName);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Unlinks a trainer from the cohort (staff only); audited. Their marks stay.</summary>
    public async Task RemoveTrainerAsync(int cohortId, string userId, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"trainers of cohort {cohortId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var link = await db.CohortTrainers.Include(t => t.Cohort).FirstOrDefaultAsync(t => t.CohortId == cohortId && t.UserId == userId, cancellationToken);
        if (link is null)
            return;
        var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        db.CohortTrainers.Remove(link);
        db.AddAudit(nameof(CohortTrainer), link.Cohort!.Code, AuditAction.Deleted, "Trainer", userName, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A code no other session has (checked against the database; the unique index settles a true race).</summary>
    internal static async Task<string> FreeCodeAsync(TrainingDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = CheckInCodes.New();
            if (!await db.Sessions.AnyAsync(s => s.CheckInCode == code, cancellationToken))
                return code;
        }
    }

    private static async Task<List<SessionRow>> SessionRowsAsync(TrainingDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CohortId == cohortId)
            .Select(s => new { s.Id, s.Sequence, s.HeldOn, s.StartTime, s.EndTime, s.Name, s.NameEn, s.Place })
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        // Marks of learners who withdrew stay stored but are not counted against the enrolled.
        var counts = (await db.Attendance.AsNoTracking().Where(a => ids.Contains(a.SessionId) && a.Enrollment!.Status != EnrollmentStatus.Withdrawn)
                .GroupBy(a => new { a.SessionId, a.Status }).Select(g => new { g.Key.SessionId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.SessionId, c.Status), c => c.Count);
        int Count(int id, AttendanceStatus status) => counts.GetValueOrDefault((id, status));
        return [.. sessions
            .OrderBy(s => s.HeldOn).ThenBy(s => s.StartTime).ThenBy(s => s.Sequence)
            .Select(s => new SessionRow(s.Id, s.Sequence, s.HeldOn, s.StartTime, s.EndTime, s.Name, s.NameEn, s.Place,
                Count(s.Id, AttendanceStatus.Present), Count(s.Id, AttendanceStatus.Late), Count(s.Id, AttendanceStatus.Absent), Count(s.Id, AttendanceStatus.Excused)))];
    }

    private static IQueryable<TrainerRow> TrainerAccounts(TrainingDbContext db, string? userId = null) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.Trainer && (userId == null || u.Id == userId)
        select new TrainerRow(u.Id, u.UserName!, u.DisplayName);

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
