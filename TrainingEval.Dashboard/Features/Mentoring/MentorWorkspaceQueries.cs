using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Health;
using TrainingEval.Domain.Scoring;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Mentoring;

/// <summary>A mentor's mentee with their latest index, band, the last 8 weeks and where to rate them.</summary>
public sealed record MenteeRow(
    int LearnerId, string EmployeeNumber, string Name, string? NameEn,
    int EnrollmentId, int CohortId, string CohortCode, string CohortName, string? CohortNameEn,
    double? Index, LearningHealthBand? Band, IReadOnlyList<double?> LastWeeks, int OpenAlerts, double? Composite, bool CompositeProvisional)
{
    /// <summary>Risk order: at risk, watch, healthy, no index; lower index first; more open alerts first.</summary>
    public int RiskRank => Band switch { LearningHealthBand.AtRisk => 0, LearningHealthBand.Watch => 1, LearningHealthBand.Healthy => 2, _ => 3 };
}

/// <summary>The mentor and their mentees (导师工作台).</summary>
public sealed record MentorWorkspaceView(int MentorId, string EmployeeNumber, string Name, string? NameEn, IReadOnlyList<MenteeRow> Mentees);

/// <summary>Read queries of the mentor workspace.</summary>
public sealed class MentorWorkspaceQueries(IDbContextFactory<TrainingDbContext> factory, ICurrentUser currentUser, IRecordAccess access)
{
    public const int SparklineWeeks = 8;

    /// <summary>
    /// The workspace of the signed-in mentor, or (staff only) of the mentor with <paramref name="mentorEmployeeNumber"/>.
    /// Null when there is no such mentor or the user is not a mentor.
    /// </summary>
    public async Task<MentorWorkspaceView?> GetAsync(string? mentorEmployeeNumber, CancellationToken cancellationToken = default)
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

        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => e.MentorId == id && e.Status != EnrollmentStatus.Withdrawn)
            .Select(e => new
            {
                e.Id, e.LearnerId, e.Learner!.EmployeeNumber, e.Learner.Name, e.Learner.NameEn,
                e.CohortId, e.Cohort!.Code, CohortName = e.Cohort.Name, CohortNameEn = e.Cohort.NameEn, e.Cohort.StartDate,
                Score = db.LearnerScores.Where(s => s.EnrollmentId == e.Id).Select(s => new { s.Composite, s.Coverage }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // One row per learner: their most recent cohort with this mentor is where the mentor rates them.
        var latest = enrollments.GroupBy(e => e.LearnerId).Select(g => g.OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Id).First()).ToList();
        var learnerIds = latest.Select(e => e.LearnerId).ToList();

        var snapshots = (await db.HealthSnapshots.AsNoTracking()
                .Where(s => learnerIds.Contains(s.LearnerId))
                .Select(s => new { s.LearnerId, s.WeekEnd, s.Index, s.Band })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.LearnerId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.WeekEnd).Take(SparklineWeeks).Reverse().ToList());
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => learnerIds.Contains(a.LearnerId) && a.Status != AlertStatus.Resolved)
            .GroupBy(a => a.LearnerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var rows = latest.Select(e =>
        {
            var weeks = snapshots.GetValueOrDefault(e.LearnerId) ?? [];
            var last = weeks.LastOrDefault();
            return new MenteeRow(e.LearnerId, e.EmployeeNumber, e.Name, e.NameEn, e.Id, e.CohortId, e.Code, e.CohortName, e.CohortNameEn,
                last?.Index, last?.Band, [.. weeks.Select(w => w.Index)], alerts.GetValueOrDefault(e.LearnerId),
                e.Score?.Composite, e.Score is { } s && Provisional.Applies(s.Composite, s.Coverage));
        });
        return new MentorWorkspaceView(id, mentor.EmployeeNumber, mentor.Name, mentor.NameEn,
            [.. rows.OrderBy(r => r.RiskRank).ThenBy(r => r.Index).ThenByDescending(r => r.OpenAlerts).ThenBy(r => r.EmployeeNumber, StringComparer.Ordinal)]);
    }
}
