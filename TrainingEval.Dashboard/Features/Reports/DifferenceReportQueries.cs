using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Statistics;

namespace TrainingEval.Dashboard.Features.Reports;

public enum DifferenceMeasureKind
{
    Kpi,
    PerformanceRating,
    BehaviorRating,
}

/// <summary>
/// One measure of the difference report: its before/after statistics and, where an untrained comparison group
/// exists, the difference-in-differences. For a KPI the units are learners, or teams for a team KPI.
/// </summary>
public sealed record DifferenceMeasure(
    DifferenceMeasureKind Kind,
    string Code,
    string Name,
    string? NameEn,
    string? Unit,
    string? UnitEn,
    KpiDirection Direction,
    bool TeamLevel,
    PairedDifference Paired,
    DifferenceInDifferences? Comparison) : IBilingualName
{
    /// <summary>Whether the mean moved the way that counts as better (up, or down for a lower-is-better KPI).</summary>
    public bool? ImprovedOnAverage => Paired.MeanDifference is { } d && d != 0
        ? (Direction == KpiDirection.HigherIsBetter) == d > 0
        : null;
}

public sealed record DifferenceReport(CohortInfo Cohort, IReadOnlyList<DifferenceMeasure> Measures, int ComparisonGroupSize);

/// <summary>
/// The before/after difference report (差异报告, spec section 7) of one cohort. KPIs pair each measurement's baseline
/// with its actual. Ratings pair the latest review on or before the cohort's start with the first after its end
/// (as the collectors do) for the learners who did not withdraw. The comparison group for ratings: employees of the
/// same departments who never enrolled in any cohort of the program, hired before the cohort started, paired over
/// the same dates. KPIs have no comparison group: they are measured only for trained learners and teams.
/// </summary>
public sealed class DifferenceReportQueries(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access)
{
    public async Task<DifferenceReport> LoadAsync(CohortInfo cohort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        await access.EnsureInRoleAsync(Roles.Readers, "reports");
        await access.EnsureCanReadCohortAsync(cohort.Id, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var measures = new List<DifferenceMeasure>();
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.ProgramId == cohort.ProgramId).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        var measurements = await db.KpiMeasurements.AsNoTracking()
            .Where(m => m.CohortId == cohort.Id && m.Actual != null)
            .Select(m => new { m.KpiId, m.DepartmentId, m.Baseline, Actual = m.Actual!.Value })
            .ToListAsync(cancellationToken);
        foreach (var kpi in kpis)
        {
            var mine = measurements.Where(m => m.KpiId == kpi.Id).ToList();
            var teamLevel = mine.Count > 0 && mine.All(m => m.DepartmentId is not null);
            measures.Add(new DifferenceMeasure(DifferenceMeasureKind.Kpi, kpi.Code, kpi.Name, kpi.NameEn, kpi.Unit, kpi.UnitEn, kpi.Direction, teamLevel,
                PairedDifference.Of(mine.ConvertAll(m => new PairedValue(m.Baseline, m.Actual))), null));
        }

        var trained = await db.Enrollments.AsNoTracking()
            .Where(e => e.CohortId == cohort.Id && e.Status != EnrollmentStatus.Withdrawn)
            .Select(e => new { e.LearnerId, e.Learner!.DepartmentId })
            .ToListAsync(cancellationToken);
        var trainedIds = trained.Select(t => t.LearnerId).ToHashSet();
        var departments = trained.Select(t => t.DepartmentId).Distinct().ToList();
        var everTrained = db.Enrollments.Where(e => e.Cohort!.ProgramId == cohort.ProgramId).Select(e => e.LearnerId);
        var comparisonIds = (await db.Learners.AsNoTracking()
            .Where(l => departments.Contains(l.DepartmentId) && !everTrained.Contains(l.Id) && l.HireDate != null && l.HireDate < cohort.StartDate)
            .Select(l => l.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var window = (From: cohort.StartDate.AddYears(-2), To: cohort.EndDate.AddYears(2));
        var reviews = await db.PerformanceReviews.AsNoTracking()
            .Where(r => r.ReviewedOn >= window.From && r.ReviewedOn <= window.To)
            .Where(r => trainedIds.Contains(r.LearnerId) || comparisonIds.Contains(r.LearnerId))
            .Select(r => new Review(r.LearnerId, r.ReviewedOn, r.BehaviorRating, r.OverallRating, r.CohortId == cohort.Id ? r.Timing : null))
            .ToListAsync(cancellationToken);
        var pairs = reviews.GroupBy(r => r.LearnerId)
            .Select(g => (LearnerId: g.Key, Pair: IndicatorDerivation.PairReviews(g, r => r.ReviewedOn, r => r.MarkedFor, cohort.StartDate, cohort.EndDate)))
            .Where(p => p.Pair.Before is not null && p.Pair.After is not null)
            .Select(p => (p.LearnerId, Before: p.Pair.Before!, After: p.Pair.After!))
            .ToList();
        var trainedPairs = pairs.Where(p => trainedIds.Contains(p.LearnerId)).ToList();
        var comparisonPairs = pairs.Where(p => comparisonIds.Contains(p.LearnerId)).ToList();

        DifferenceMeasure Rating(DifferenceMeasureKind kind, string code, string zh, string en, Func<Review, double> value)
        {
            var comparison = comparisonPairs.Count > 0
                ? DifferenceInDifferences.Of(trainedPairs.ConvertAll(p => value(p.After) - value(p.Before)), comparisonPairs.ConvertAll(p => value(p.After) - value(p.Before)))
                : null;
            return new DifferenceMeasure(kind, code, zh, en, null, null, KpiDirection.HigherIsBetter, false,
                PairedDifference.Of(trainedPairs.ConvertAll(p => new PairedValue(value(p.Before), value(p.After)))), comparison);
        }
        measures.Add(Rating(DifferenceMeasureKind.PerformanceRating, "performance_rating", "绩效评级", "Performance rating", r => r.Overall));
        measures.Add(Rating(DifferenceMeasureKind.BehaviorRating, "behavior_rating", "行为评级", "Behaviour rating", r => r.Behavior));
        return new DifferenceReport(cohort, measures, comparisonPairs.Count);
    }

    private sealed record Review(int LearnerId, DateOnly ReviewedOn, double Behavior, double Overall, ReviewSide? MarkedFor);
}
