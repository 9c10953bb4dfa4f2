using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>
/// The learning health index (spec section 5) of a cohort's learners in one week: how many learners are in each band,
/// their mean index and the mean of each component. <see cref="Week"/> is null while no weekly snapshot of the
/// cohort's run exists yet; a week whose snapshots all lack an index (too little to go on, spec section 9) has
/// <see cref="WithIndex"/> 0.
/// </summary>
public sealed record CohortHealthView(
    int WindowDays,
    IsoWeek? Week,
    DateOnly? WeekEnd,
    int Learners,
    int WithIndex,
    double? MeanIndex,
    int Healthy,
    int Watch,
    int AtRisk,
    double? Attendance,
    double? Punctuality,
    double? Performance,
    double? Engagement)
{
    /// <summary>Learners of the cohort without an index in the week (no snapshot, or a snapshot without any component).</summary>
    public int NoIndex => Learners - WithIndex;
}

/// <summary>
/// Reads the cohort's health week for the cohort page. The week is the latest one whose snapshot was taken during the
/// cohort's run or within one window after its end (the weeks the cohort's records count in), preferring a week with an
/// index. The learners are those the reader may see on the cohort page: all enrolled (not withdrawn) learners for
/// staff, executives and the cohort's trainers, a mentor's own mentees for a mentor.
/// </summary>
public sealed class CohortHealthQueries(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access, IOptions<HealthOptions> options)
{
    public async Task<CohortHealthView> LoadAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureCanReadCohortAsync(cohortId, cancellationToken);
        var wholeCohort = await access.SeesWholeCohortAsync(cohortId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new { c.StartDate, c.EndDate }).SingleAsync(cancellationToken);
        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.CohortId == cohortId && e.Status != EnrollmentStatus.Withdrawn);
        if (!wholeCohort)
            enrollments = enrollments.Where(e => user.MentorId != null && e.MentorId == user.MentorId);
        var learnerIds = enrollments.Select(e => e.LearnerId).Distinct();
        var learners = await learnerIds.CountAsync(cancellationToken);

        var lastWeekEnd = cohort.EndDate.AddDays(options.Value.WindowDays - 1);
        var snapshots = db.HealthSnapshots.AsNoTracking()
            .Where(s => learnerIds.Contains(s.LearnerId) && s.WeekEnd >= cohort.StartDate && s.WeekEnd <= lastWeekEnd);
        var weekEnd = await snapshots.Where(s => s.Index != null).OrderByDescending(s => s.WeekEnd).Select(s => (DateOnly?)s.WeekEnd).FirstOrDefaultAsync(cancellationToken)
            ?? await snapshots.OrderByDescending(s => s.WeekEnd).Select(s => (DateOnly?)s.WeekEnd).FirstOrDefaultAsync(cancellationToken);
        if (weekEnd is not { } end)
            return new CohortHealthView(options.Value.WindowDays, null, null, learners, 0, null, 0, 0, 0, null, null, null, null);

        var week = await snapshots.Where(s => s.WeekEnd == end)
            .Select(s => new { s.IsoYear, s.IsoWeek, s.Index, s.Band, s.Attendance, s.Punctuality, s.Performance, s.Engagement })
            .ToListAsync(cancellationToken);
        var indexed = week.Where(s => s.Index is not null).ToList();
        return new CohortHealthView(
            options.Value.WindowDays, new IsoWeek(week[0].IsoYear, week[0].IsoWeek), end, learners, indexed.Count,
            Mean(indexed.Select(s => s.Index)),
            indexed.Count(s => s.Band == LearningHealthBand.Healthy),
            indexed.Count(s => s.Band == LearningHealthBand.Watch),
            indexed.Count(s => s.Band == LearningHealthBand.AtRisk),
            Mean(week.Select(s => s.Attendance)), Mean(week.Select(s => s.Punctuality)),
            Mean(week.Select(s => s.Performance)), Mean(week.Select(s => s.Engagement)));
    }

    /// <summary>The mean of the values present; none present is no mean (a missing component is never 0).</summary>
    private static double? Mean(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? null : present.Average();
    }
}
