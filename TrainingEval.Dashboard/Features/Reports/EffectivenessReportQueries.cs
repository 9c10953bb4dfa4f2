using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Programs;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Domain.Health;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Reports;

/// <summary>A learner in the top or bottom list; <see cref="Name"/> is null when the reader may not see names.</summary>
public sealed record RankedLearner(int? Rank, string? EmployeeNumber, string? Name, string? NameEn, double Composite, Tier? Tier, bool IsProvisional);

/// <summary>One level's mean in this cohort against the mean of the program's earlier runs' means.</summary>
public sealed record LevelAgainstHistory(KirkpatrickLevel Level, double? CohortMean, double? HistoryMean, int HistoryRuns, double? MeanCoverage);

public sealed record AlertCount(AlertType Type, int Open, int Total);

/// <summary>What is missing from the cohort's data, so the report is honest about it.</summary>
/// <param name="LearnersWithoutLevel">Per level, learners without a score on it.</param>
/// <param name="KpiMeasurementsPending">KPI measurements with a baseline but no actual yet.</param>
public sealed record MissingData(int Unscored, int Provisional, IReadOnlyList<int> LearnersWithoutLevel, int KpiMeasurementsPending);

/// <summary>The training effectiveness report (培训效果分析报告) of one cohort.</summary>
public sealed record EffectivenessReport(
    CohortInfo Cohort,
    int Enrolled,
    int Completed,
    int Withdrawn,
    Domain.Comparisons.CohortSummary Summary,
    IReadOnlyList<LevelAgainstHistory> Levels,
    IReadOnlyList<RankedLearner> Top,
    IReadOnlyList<RankedLearner> Bottom,
    bool NamesVisible,
    IReadOnlyList<AlertCount> Alerts,
    MissingData Missing,
    int? ProfileVersion)
{
    public const int ListSize = 5;

    public double? CompletionRate => Enrolled == 0 ? null : (double)Completed / Enrolled;
}

/// <summary>
/// Builds the effectiveness report from the stored scores (the cohort page's query) and the program's history
/// (the program page's query). History = the program's runs that started before this one and have a mean.
/// </summary>
public sealed class EffectivenessReportQueries(
    IDbContextFactory<TrainingDbContext> factory,
    IRecordAccess access,
    CohortQueries cohorts,
    ProgramQueries programs)
{
    public async Task<EffectivenessReport> LoadAsync(CohortInfo cohort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        await access.EnsureInRoleAsync(Roles.Readers, "reports");
        await access.EnsureCanReadCohortAsync(cohort.Id, cancellationToken);
        var visible = await access.VisibleLearnerIdsAsync(cancellationToken);

        var stored = await cohorts.LoadStoredScoresAsync(cohort.Id, cancellationToken);
        var set = stored.Scores;
        var summary = Domain.Comparisons.CohortSummary.Of(set.Scores);
        var history = await programs.HistoryAsync(cohort.ProgramCode, DashboardFilter.Empty, cancellationToken);
        // The history this run is set against: earlier runs that have ended (a running run's means are provisional).
        var earlier = history?.History.Cohorts.Where(c => c.StartDate < cohort.StartDate && c.CohortCode != cohort.Code && !c.IsProvisional).ToList() ?? [];
        var levels = KirkpatrickLevels.All.Select(level =>
        {
            var means = earlier.Select(c => c.Summary.LevelMean(level)).OfType<double>().ToList();
            return new LevelAgainstHistory(level, summary.LevelMean(level), means.Count > 0 ? means.Average() : null, means.Count,
                summary.LevelMeanCoverage[(int)level]);
        }).ToList();

        var ranked = Enumerable.Range(0, set.Count)
            .Where(i => set.Scores[i].Composite is not null)
            .Select(i => (Learner: set.Learners[i], Score: set.Scores[i], Rank: set.Ranks[i]))
            .OrderByDescending(r => r.Score.Composite)
            .ThenBy(r => r.Learner.EmployeeNumber, StringComparer.Ordinal)
            .ToList();
        RankedLearner Row((CohortLearner Learner, LearnerScore Score, int? Rank) r)
        {
            var named = visible is null || visible.Contains(r.Learner.LearnerId);
            return new RankedLearner(r.Rank, named ? r.Learner.EmployeeNumber : null, named ? r.Learner.Name : null, named ? r.Learner.NameEn : null,
                r.Score.Composite!.Value, r.Score.Tier, r.Score.IsProvisional);
        }
        var top = ranked.Take(EffectivenessReport.ListSize).Select(Row).ToList();
        var bottom = ranked.Count <= EffectivenessReport.ListSize ? [] :
            ranked.TakeLast(Math.Min(EffectivenessReport.ListSize, ranked.Count - EffectivenessReport.ListSize)).Reverse().Select(Row).ToList();

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var statuses = await db.Enrollments.AsNoTracking().Where(e => e.CohortId == cohort.Id)
            .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.Enrollment!.CohortId == cohort.Id)
            .GroupBy(a => new { a.Type, a.Status }).Select(g => new { g.Key.Type, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var pending = await db.KpiMeasurements.CountAsync(m => m.CohortId == cohort.Id && m.Actual == null, cancellationToken);

        var missing = new MissingData(
            set.Count - summary.CompositeCount,
            summary.ProvisionalCount,
            KirkpatrickLevels.All.Select(level => set.Scores.Count(s => s.LevelScore(level) is null)).ToList(),
            pending);
        return new EffectivenessReport(
            cohort,
            statuses.Sum(s => s.Count),
            statuses.Where(s => s.Key == EnrollmentStatus.Completed).Sum(s => s.Count),
            statuses.Where(s => s.Key == EnrollmentStatus.Withdrawn).Sum(s => s.Count),
            summary,
            levels,
            top,
            bottom,
            visible is null,
            Enum.GetValues<AlertType>().Select(t => new AlertCount(t,
                alerts.Where(a => a.Type == t && a.Status == AlertStatus.Open).Sum(a => a.Count),
                alerts.Where(a => a.Type == t).Sum(a => a.Count))).ToList(),
            missing,
            stored.Profile?.Version);
    }
}
