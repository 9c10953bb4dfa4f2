using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Overview;

/// <summary>A program's aggregate in the overview: its people and the summary of their scored enrollments.</summary>
public sealed record ProgramAggregate(string Code, string Name, string? NameEn, int CohortCount, TrainingReach Reach) : IBilingualName
{
    public CohortSummary Summary => Reach.Enrollments;
}

/// <summary>One step of the level-coverage funnel: how many of the cohorts in view measure the level.</summary>
public sealed record LevelFunnelStep(KirkpatrickLevel Level, int CohortsMeasuring);

/// <summary>A cohort in the overview's "recent cohorts" table.</summary>
public sealed record RecentCohort(CohortRunInfo Cohort, string ProgramCode, string ProgramName, string? ProgramNameEn, CohortSummary Summary)
{
    public string ProgramDisplayName(System.Globalization.CultureInfo? culture = null) => Bilingual.Pick(ProgramName, ProgramNameEn, culture);
}

/// <summary>Everything the executive overview shows for one filter.</summary>
/// <param name="Reach">
/// Learners trained — distinct people with a stored score in the cohorts in view (one person in two cohorts counts
/// once) — and all their scored enrollments pooled: mean composite, pass rate, coverage, tier mix, provisional.
/// </param>
/// <param name="OpenAlerts">Open alerts of learners in view.</param>
/// <param name="CohortsWithScores">Cohorts in view that have stored scores: the top of the funnel.</param>
/// <param name="RunningCohorts">Cohorts with stored scores that have not ended: their results are provisional as a whole.</param>
/// <param name="RunningEnrollments">Scored enrollments of <paramref name="RunningCohorts"/>, part of the pooled numbers.</param>
/// <param name="CohortIds">Every cohort in view, so the page knows which score changes concern it.</param>
public sealed record OverviewData(
    TrainingReach Reach,
    int OpenAlerts,
    IReadOnlyList<ProgramAggregate> Programs,
    int CohortsWithScores,
    int RunningCohorts,
    int RunningEnrollments,
    IReadOnlyList<LevelFunnelStep> Funnel,
    IReadOnlyList<RecentCohort> RecentCohorts,
    IReadOnlySet<int> CohortIds)
{
    /// <summary>How many cohorts the "recent cohorts" table lists.</summary>
    public const int RecentCohortCount = 8;

    /// <summary>Distinct people trained (not enrollments).</summary>
    public int LearnersTrained => Reach.People;

    /// <summary>The pooled summary of the scored enrollments in view.</summary>
    public CohortSummary Summary => Reach.Enrollments;

    public bool HasScores => Summary.EnrollmentCount > 0;

    /// <summary>The pooled pass rate and tier mix include running cohorts, so they are provisional.</summary>
    public bool IncludesRunning => RunningEnrollments > 0;
}

/// <summary>Reads the executive overview (<c>/</c>).</summary>
public sealed class OverviewQueries(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access, TimeProvider clock)
{
    public async Task<OverviewData> LoadAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Readers, "overview");
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohortQuery = StoredScores.Cohorts(db, filter);
        var cohorts = await StoredScores.CohortInfoAsync(cohortQuery, StoredScores.Today(clock), cancellationToken);
        var programs = await db.Programs.AsNoTracking()
            .Select(p => new { p.Id, p.Code, p.Name, p.NameEn })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var scores = await StoredScores.LoadAsync(db, cohortQuery, filter.DepartmentCode, cancellationToken);
        var openAlerts = await OpenAlertsAsync(db, filter, cohortQuery, cancellationToken);

        var byCohort = StoredScores.ByCohort(scores);
        var summaries = byCohort.ToDictionary(kv => kv.Key, kv => CohortSummary.Of(kv.Value));
        var all = TrainingReach.Of(scores.Select(s => (s.LearnerId, s.Score)));
        var running = cohorts.Where(c => c.ResultsAreProvisional && byCohort.ContainsKey(c.Id)).ToList();

        var programAggregates = cohorts
            .Where(c => byCohort.ContainsKey(c.Id))
            .GroupBy(c => c.ProgramId)
            .Select(g =>
            {
                var program = programs[g.Key];
                var ids = g.Select(c => c.Id).ToHashSet();
                var reach = TrainingReach.Of(scores.Where(s => ids.Contains(s.CohortId)).Select(s => (s.LearnerId, s.Score)));
                return new ProgramAggregate(program.Code, program.Name, program.NameEn, g.Count(), reach);
            })
            .OrderByDescending(p => p.Summary.MeanComposite ?? double.MinValue)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();

        var funnel = KirkpatrickLevels.All
            .Select(level => new LevelFunnelStep(level, summaries.Values.Count(s => s.Measures(level))))
            .ToList();

        var recent = cohorts
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Take(OverviewData.RecentCohortCount)
            .Select(c =>
            {
                var program = programs[c.ProgramId];
                return new RecentCohort(c, program.Code, program.Name, program.NameEn, summaries.GetValueOrDefault(c.Id) ?? CohortSummary.Empty);
            })
            .ToList();

        return new OverviewData(
            all,
            openAlerts,
            programAggregates,
            summaries.Count,
            running.Count,
            running.Sum(c => byCohort[c.Id].Length),
            funnel,
            recent,
            cohorts.Select(c => c.Id).ToHashSet());
    }

    // An alert counts when its learner is in the department filter and, once cohorts are filtered,
    // when it was raised for an enrollment in one of those cohorts.
    private static Task<int> OpenAlertsAsync(TrainingDbContext db, DashboardFilter filter, IQueryable<Cohort> cohorts, CancellationToken cancellationToken)
    {
        var alerts = db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Open);
        if (filter.DepartmentCode is { } department)
            alerts = alerts.Where(a => a.Learner!.Department!.Code == department);
        if (filter.ProgramCode is not null || filter.CohortCode is not null || filter.From is not null || filter.To is not null)
            alerts = alerts.Where(a => a.Enrollment != null && cohorts.Any(c => c.Id == a.Enrollment.CohortId));
        return alerts.CountAsync(cancellationToken);
    }
}
