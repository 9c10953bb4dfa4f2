using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Comparisons;

/// <summary>
/// The aggregate numbers of a group of scored enrollments (one cohort, or every enrollment a page shows):
/// the inputs of the historical view, the cohort-vs-cohort view and the overview's KPIs.
/// Every count here is of <b>scored enrollments</b> (spec section 9: people and enrollments are counted apart) —
/// a person scored in two cohorts counts twice; "learners trained" counts people (<see cref="TrainingReach"/>).
/// Means are taken over the enrollments that have the number — one without a composite (or without
/// a score on a level) is left out of that mean, never counted as 0; a mean over nobody is null.
/// </summary>
/// <param name="EnrollmentCount">Scored enrollments in the group (with or without a composite): the "n" of the views.</param>
/// <param name="CompositeCount">Enrollments with a composite.</param>
/// <param name="MeanComposite">Mean composite over <paramref name="CompositeCount"/> enrollments.</param>
/// <param name="LevelMeans">Mean level score per Kirkpatrick level (index = level) over the enrollments with that level's score.</param>
/// <param name="LevelMeanCoverage">Mean level coverage (0–1) per level over all enrollments; null for an empty group.</param>
/// <param name="PassedCount">Enrollments whose composite reaches the pass mark.</param>
/// <param name="PassRate">Passed / enrollments with a pass decision (i.e. with a composite), 0–1.</param>
/// <param name="MeanCoverage">Mean overall coverage (0–1) over all enrollments.</param>
/// <param name="TierCounts">Enrollments per tier, every tier present (0 when none); one without a composite has no tier.</param>
/// <param name="ProvisionalCount">Enrollments whose composite is provisional (coverage below 1).</param>
public sealed record CohortSummary(
    int EnrollmentCount,
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
    public bool IsSmall => EnrollmentCount < SmallCohortThreshold;

    /// <summary>Enrollments without a composite (every level missing, or a rejected raw value).</summary>
    public int UnscoredCount => EnrollmentCount - CompositeCount;

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

/// <summary>
/// "Learners trained" beside the numbers of their enrollments (spec section 9): <see cref="People"/> counts distinct
/// people, <see cref="Enrollments"/> aggregates every scored enrollment (rates, tier mix, provisional). A person in
/// two cohorts is one learner trained and two enrollments.
/// </summary>
public sealed record TrainingReach(int People, CohortSummary Enrollments)
{
    public static TrainingReach Empty { get; } = new(0, CohortSummary.Empty);

    /// <summary>The reach of scored enrollments, each given with the person it belongs to.</summary>
    public static TrainingReach Of<TPerson>(IEnumerable<(TPerson Person, LearnerScore Score)> enrollments) where TPerson : notnull
    {
        ArgumentNullException.ThrowIfNull(enrollments);
        var people = new HashSet<TPerson>();
        var scores = new List<LearnerScore>();
        foreach (var (person, score) in enrollments)
        {
            people.Add(person);
            scores.Add(score);
        }
        return new TrainingReach(people.Count, CohortSummary.Of(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scores)));
    }
}
