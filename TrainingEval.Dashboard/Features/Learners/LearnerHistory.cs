using TrainingEval.Domain.Comparisons;

namespace TrainingEval.Dashboard.Features.Learners;

/// <summary>
/// What a learner's pages chart and sum up, derived once from the vertical view: the composite of each finished cohort
/// in order, the weekly health index, and the cohorts that have level scores. The learner page and 我的学习 share it.
/// </summary>
public sealed record LearnerHistory(
    IReadOnlyList<CompositePoint> Trajectory,
    IReadOnlyList<WeeklyHealthPoint> Weeks,
    IReadOnlyList<LearnerCohortRow> ScoredCohorts)
{
    public static LearnerHistory Empty { get; } = new([], [], []);

    public static LearnerHistory Of(LearnerVerticalView view, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(
            LearnerTrajectory.CompositeOverTime(view.Cohorts.Select(c => c.ToOutcome()), today),
            LearnerTrajectory.WeeklyHealth(view.Health.Select(h => (new IsoWeek(h.IsoYear, h.IsoWeek), h.Index))),
            [.. view.Cohorts.Where(c => c.IsScored && c.ToOutcome().Levels.Any(l => l is not null))]);
    }

    /// <summary>The last finished cohort's composite, if any.</summary>
    public CompositePoint? Latest => Trajectory.Count > 0 ? Trajectory[^1] : null;

    /// <summary>
    /// The code of the cohort the learner was in during <paramref name="week"/> (it ran on one of the week's days; of
    /// overlapping ones the latest to start), or null: what a week of the health line drills to.
    /// </summary>
    public static string? CohortOfWeek(IReadOnlyList<LearnerCohortRow> cohorts, IsoWeek week)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        return cohorts
            .Where(c => c.StartDate <= week.End && c.EndDate >= week.Start)
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.CohortCode, StringComparer.Ordinal)
            .Select(c => c.CohortCode)
            .FirstOrDefault();
    }

    /// <summary>The newest week that has an index.</summary>
    public WeeklyHealthPoint? LatestHealth => Weeks.LastOrDefault(w => w.Index is not null);
}
