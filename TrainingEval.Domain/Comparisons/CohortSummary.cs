using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Comparisons;

/// <summary>
/// The aggregate numbers of a group of learners' scores (one cohort, or every learner a page shows):
/// the inputs of the historical view, the cohort-vs-cohort view and the overview's KPIs.
/// Means are taken over the learners that have the number — a learner without a composite (or without
/// a score on a level) is left out of that mean, never counted as 0; a mean over nobody is null.
/// </summary>
/// <param name="LearnerCount">Scored enrollments in the group (with or without a composite): the "n" of the views.</param>
/// <param name="CompositeCount">Learners with a composite.</param>
/// <param name="MeanComposite">Mean composite over <paramref name="CompositeCount"/> learners.</param>
/// <param name="LevelMeans">Mean level score per Kirkpatrick level (index = level) over the learners with that level's score.</param>
/// <param name="LevelMeanCoverage">Mean level coverage (0–1) per level over all learners; null for an empty group.</param>
/// <param name="PassedCount">Learners whose composite reaches the pass mark.</param>
/// <param name="PassRate">Passed / learners with a pass decision (i.e. with a composite), 0–1.</param>
/// <param name="MeanCoverage">Mean overall coverage (0–1) over all learners.</param>
/// <param name="TierCounts">Learners per tier, every tier present (0 when none); learners without a composite have no tier.</param>
/// <param name="ProvisionalCount">Learners whose composite is provisional (coverage below 1).</param>
public sealed record CohortSummary(
    int LearnerCount,
    int CompositeCount,
    double? MeanComposite,
    IReadOnlyList<double?> LevelMeans,
    IReadOnlyList<double?> LevelMeanCoverage,
    int PassedCount,
    double? PassRate,
    double? MeanCoverage,
    IReadOnlyDictionary<Tier, int> TierCounts,
    int ProvisionalCount)
{
    /// <summary>A cohort with fewer learners than this gets a warning: its means move a lot with one learner.</summary>
    public const int SmallCohortThreshold = 5;

    public static CohortSummary Empty { get; } = Of([]);

    /// <summary>Fewer than <see cref="SmallCohortThreshold"/> learners.</summary>
    public bool IsSmall => LearnerCount < SmallCohortThreshold;

    /// <summary>Learners without a composite (every level missing, or a rejected raw value).</summary>
    public int UnscoredCount => LearnerCount - CompositeCount;

    /// <summary>
    /// Whether the group measures a level: at least one learner has coverage above 0 on it, i.e. at
    /// least one of the level's indicators was observed for somebody.
    /// </summary>
    public bool Measures(KirkpatrickLevel level) => LevelMeanCoverage[(int)level] is > 0;

    public double? LevelMean(KirkpatrickLevel level) => LevelMeans[(int)level];

    public static CohortSummary Of(ReadOnlySpan<LearnerScore> learners)
    {
        var compositeSum = 0.0;
        var compositeCount = 0;
        var coverageSum = 0.0;
        var passed = 0;
        var provisional = 0;
        Span<double> levelSum = stackalloc double[KirkpatrickLevels.Count];
        Span<int> levelCount = stackalloc int[KirkpatrickLevels.Count];
        Span<double> levelCoverageSum = stackalloc double[KirkpatrickLevels.Count];
        var tiers = Enum.GetValues<Tier>().ToDictionary(t => t, _ => 0);

        foreach (ref readonly var learner in learners)
        {
            coverageSum += learner.Coverage;
            if (learner.Composite is { } composite)
            {
                compositeSum += composite;
                compositeCount++;
                if (learner.IsProvisional)
                    provisional++;
            }
            if (learner.Passed == true)
                passed++;
            if (learner.Tier is { } tier)
                tiers[tier]++;
            foreach (var level in KirkpatrickLevels.All)
            {
                var i = (int)level;
                levelCoverageSum[i] += learner.LevelCoverage(level);
                if (learner.LevelScore(level) is { } score)
                {
                    levelSum[i] += score;
                    levelCount[i]++;
                }
            }
        }

        var n = learners.Length;
        var levelMeans = new double?[KirkpatrickLevels.Count];
        var levelCoverage = new double?[KirkpatrickLevels.Count];
        for (var i = 0; i < KirkpatrickLevels.Count; i++)
        {
            levelMeans[i] = levelCount[i] > 0 ? levelSum[i] / levelCount[i] : null;
            levelCoverage[i] = n > 0 ? levelCoverageSum[i] / n : null;
        }

        return new CohortSummary(
            n,
            compositeCount,
            compositeCount > 0 ? compositeSum / compositeCount : null,
            levelMeans,
            levelCoverage,
            passed,
            compositeCount > 0 ? (double)passed / compositeCount : null,
            n > 0 ? coverageSum / n : null,
            tiers,
            provisional);
    }
}
