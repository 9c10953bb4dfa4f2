using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Mentoring;

/// <summary>
/// A mentor's mentee: the cohort where the mentor rates them, with its status and whether it is still followed up,
/// their latest index with its week, band, the last 8 ISO weeks up to the last finished one, and their open alerts.
/// </summary>
/// <param name="IndexWeekEnd">The Sunday of the week <paramref name="Index"/> is from; null without an index.</param>
/// <param name="LastWeeks">The index of each of the last <see cref="MentorWorkspaceQueries.SparklineWeeks"/> calendar weeks, oldest first; null for a week without one.</param>
/// <param name="IsTracked">The cohort is running or ended within its tracking window (<see cref="CohortStatuses.IsTracked"/>).</param>
public sealed record MenteeRow(
    int LearnerId, string EmployeeNumber, string Name, string? NameEn,
    int EnrollmentId, int CohortId, string CohortCode, string CohortName, string? CohortNameEn, CohortStatus CohortStatus, bool IsTracked,
    double? Index, LearningHealthBand? Band, DateOnly? IndexWeekEnd, IReadOnlyList<double?> LastWeeks, int OpenAlerts, double? Composite, bool CompositeProvisional)
{
    /// <summary>Risk order: at risk, watch, healthy, no index; lower index first; more open alerts first.</summary>
    public int RiskRank => Band switch { LearningHealthBand.AtRisk => 0, LearningHealthBand.Watch => 1, LearningHealthBand.Healthy => 2, _ => 3 };
}

/// <summary>The mentor and their mentees (导师工作台).</summary>
/// <param name="Mentees">The mentees shown: by default those of running or recently ended cohorts, or all of them.</param>
/// <param name="AllCount">How many mentees the mentor has in all (the "all" choice).</param>
/// <param name="ShowsAll">Whether <paramref name="Mentees"/> lists every mentee.</param>
/// <param name="LastWeek">The last finished ISO week, where the sparklines end.</param>
public sealed record MentorWorkspaceView(int MentorId, string EmployeeNumber, string Name, string? NameEn, IReadOnlyList<MenteeRow> Mentees,
    int AllCount, bool ShowsAll, IsoWeek LastWeek);

/// <summary>Read queries of the mentor workspace.</summary>
public sealed class MentorWorkspaceQueries(IDbContextFactory<TrainingDbContext> factory, ICurrentUser currentUser, IRecordAccess access, TimeProvider clock)
{
    public const int SparklineWeeks = 8;

    /// <summary>
    /// The workspace of the signed-in mentor, or (staff only) of the mentor with <paramref name="mentorEmployeeNumber"/>.
    /// By default it lists the mentees of cohorts that are running or ended within their tracking window (the profile's
    /// application window), each in the most recent such cohort; with <paramref name="all"/> every mentee, those still
    /// followed up first. Null when there is no such mentor or the user is not a mentor.
    /// </summary>
    public async Task<MentorWorkspaceView?> GetAsync(string? mentorEmployeeNumber, bool all = false, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        int? mentorId;
        if (!string.IsNullOrWhiteSpace(mentorEmployeeNumber))
        {
            mentorId = await db.Mentors.Where(m => m.EmployeeNumberKey == NaturalKey.Of(mentorEmployeeNumber)).Select(m => (int?)m.Id).SingleOrDefaultAsync(cancellationToken);
            if (mentorId != user.MentorId)
                await access.EnsureInRoleAsync(Roles.Staff, $"workspace of mentor {mentorEmployeeNumber}");
        }
        else
        {
            mentorId = user.MentorId;
        }
        if (mentorId is not { } id)
            return null;
        var mentor = await db.Mentors.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.EmployeeNumber, m.Name, m.NameEn }).SingleAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var enrollments = (await db.Enrollments.AsNoTracking()
                .Where(e => e.MentorId == id && e.Status != EnrollmentStatus.Withdrawn)
                .Select(e => new
                {
                    e.Id, e.LearnerId, e.Learner!.EmployeeNumber, e.Learner.Name, e.Learner.NameEn,
                    e.CohortId, e.Cohort!.Code, CohortName = e.Cohort.Name, CohortNameEn = e.Cohort.NameEn, e.Cohort.StartDate, e.Cohort.EndDate,
                    IsClosed = e.Cohort.ClosedAt != null,
                    // The tracking window of the profile the cohort uses (ProfileResolver: the closing version, else the program's newest).
                    Window = e.Cohort.ProfileVersion != null
                        ? (int?)e.Cohort.ProfileVersion.ApplicationWindowDays
                        : db.ProfileVersions.Where(v => v.ProgramId == e.Cohort.ProgramId).OrderByDescending(v => v.Version).Select(v => (int?)v.ApplicationWindowDays).FirstOrDefault(),
                    Score = db.LearnerScores.Where(s => s.EnrollmentId == e.Id).Select(s => new { s.Composite, s.Coverage }).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .Select(e =>
            {
                var status = CohortStatuses.Of(e.StartDate, e.EndDate, e.IsClosed, today);
                return (Row: e, Status: status, Tracked: CohortStatuses.IsTracked(status, e.EndDate, today, e.Window ?? WeightProfile.Default.ApplicationWindowDays));
            })
            .ToList();
        // One row per learner: their most recent followed-up cohort with this mentor (else their most recent one) is where the mentor rates them.
        var perLearner = enrollments.GroupBy(e => e.Row.LearnerId)
            .Select(g => g.OrderByDescending(e => e.Tracked).ThenByDescending(e => e.Row.StartDate).ThenByDescending(e => e.Row.Id).First())
            .ToList();
        var shown = all ? perLearner : perLearner.Where(e => e.Tracked).ToList();
        var learnerIds = shown.Select(e => e.Row.LearnerId).ToList();

        var lastWeek = HealthSnapshotService.LastFinishedWeek(now);
        var firstWeek = lastWeek;
        for (var i = 1; i < SparklineWeeks; i++)
            firstWeek = firstWeek.Previous();
        var snapshots = (await db.HealthSnapshots.AsNoTracking()
                .Where(s => learnerIds.Contains(s.LearnerId))
                .Select(s => new { s.LearnerId, s.IsoYear, s.IsoWeek, s.WeekEnd, s.Index, s.Band })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.LearnerId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.WeekEnd).ToList());
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => learnerIds.Contains(a.LearnerId) && a.Status != AlertStatus.Resolved)
            .GroupBy(a => a.LearnerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var rows = shown.Select(x =>
        {
            var e = x.Row;
            var weeks = snapshots.GetValueOrDefault(e.LearnerId) ?? [];
            var latest = weeks.LastOrDefault(w => w.Index is not null);
            var byWeek = weeks.ToDictionary(w => new IsoWeek(w.IsoYear, w.IsoWeek), w => w.Index);
            var sparkline = new List<double?>(SparklineWeeks);
            for (var week = firstWeek; week <= lastWeek; week = week.Next())
                sparkline.Add(byWeek.GetValueOrDefault(week));
            return new MenteeRow(e.LearnerId, e.EmployeeNumber, e.Name, e.NameEn, e.Id, e.CohortId, e.Code, e.CohortName, e.CohortNameEn, x.Status, x.Tracked,
                latest?.Index, latest?.Band, latest?.WeekEnd, sparkline, alerts.GetValueOrDefault(e.LearnerId),
                e.Score?.Composite, e.Score is { } s && Provisional.Applies(s.Composite, s.Coverage));
        });
        return new MentorWorkspaceView(id, mentor.EmployeeNumber, mentor.Name, mentor.NameEn,
            [.. rows.OrderByDescending(r => r.IsTracked).ThenBy(r => r.RiskRank).ThenBy(r => r.Index).ThenByDescending(r => r.OpenAlerts)
                .ThenBy(r => r.EmployeeNumber, StringComparer.Ordinal)],
            perLearner.Count, all, lastWeek);
    }
}
