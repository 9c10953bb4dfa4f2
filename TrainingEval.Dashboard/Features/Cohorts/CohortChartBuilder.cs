using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>Localized names the chart series carry (legend, categories, tooltips).</summary>
public sealed record CohortChartLabels(IReadOnlyList<string> Levels, string Composite, string Distribution, string Mean, string CohortMean);

/// <summary>
/// The ranked-learners chart: one stacked series per level, in <see cref="KirkpatrickLevels.All"/> order, whose values are the level's contribution
/// W_l·S_l / ΣW_l (the sum over the levels the learner has a score in), so each stack adds up to the
/// learner's composite. Bars are ordered by rank; <see cref="EmployeeNumbers"/> maps a bar to its learner.
/// </summary>
public sealed record RankingChartData(IReadOnlyList<string> Categories, IReadOnlyList<string> EmployeeNumbers, IReadOnlyList<ChartSeries> Series, int Ranked)
{
    public int Shown => Categories.Count;
}

/// <summary>
/// The box plot: one box per measure that has scores (composite first, then each level) and a mean marker on each.
/// <see cref="Measures"/> says what each category is: null for the composite, else the level (so a box takes its level's colour).
/// </summary>
public sealed record DistributionChartData(IReadOnlyList<string> Categories, IReadOnlyList<KirkpatrickLevel?> Measures, IReadOnlyList<ChartSeries> Series);

/// <summary>The radar: the levels as axes, the learner's level scores against the cohort mean.</summary>
public sealed record RadarChartData(IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

/// <summary>Everything the cohort page's charts draw, built in one pass from a score set.</summary>
public sealed record CohortChartSet(CohortSummary Summary, CohortDistributions Distributions, RankingChartData Ranking, DistributionChartData Distribution);

/// <summary>Builds the series of the cohort page's charts from a score set (stored or draft). Pure and fast: it runs on every what-if move.</summary>
public static class CohortChartBuilder
{
    /// <summary>Bars the ranking shows until the user asks for all.</summary>
    public const int DefaultTopCount = 30;

    /// <summary>Most bars the ranking ever draws (a browser chart stays responsive up to about this many).</summary>
    public const int MaxBars = 2000;

    /// <summary>The summary, distributions, ranking and box plot of <paramref name="set"/>.</summary>
    public static CohortChartSet Build(CohortScoreSet set, CohortChartLabels labels, int barLimit, Func<CohortLearner, string> learnerName)
    {
        var distributions = CohortDistributions.Of(set);
        return new CohortChartSet(CohortSummary.Of(set.Scores), distributions, Ranking(set, labels, barLimit, learnerName), Distribution(distributions, labels));
    }

    /// <summary>Learners by rank (ties by employee number), at most <paramref name="barLimit"/> (capped at <see cref="MaxBars"/>); unranked learners are left out.</summary>
    public static RankingChartData Ranking(CohortScoreSet set, CohortChartLabels labels, int barLimit, Func<CohortLearner, string> learnerName)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(learnerName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(barLimit);

        var order = OrderByRank(set);
        var shown = Math.Min(order.Length, Math.Min(barLimit, MaxBars));
        var categories = new string[shown];
        var employees = new string[shown];
        var values = new ChartPoint[KirkpatrickLevels.Count][];
        for (var l = 0; l < values.Length; l++)
            values[l] = new ChartPoint[shown];

        var weights = set.Weights;
        for (var bar = 0; bar < shown; bar++)
        {
            var i = order[bar];
            var learner = set.Learners[i];
            categories[bar] = learnerName(learner);
            employees[bar] = learner.EmployeeNumber;
            ref readonly var score = ref set.Scores[i];
            var weightOfScored = 0.0;
            foreach (var level in KirkpatrickLevels.All)
            {
                if (score.LevelScore(level) is not null)
                    weightOfScored += weights[level];
            }
            foreach (var level in KirkpatrickLevels.All)
            {
                var s = score.LevelScore(level);
                values[(int)level][bar] = ChartPoint.Of(s is { } v && weightOfScored > 0 ? Round(weights[level] * v / weightOfScored) : null);
            }
        }
        var series = KirkpatrickLevels.All
            .Select(level => new ChartSeries { Name = labels.Levels[(int)level], Data = values[(int)level] })
            .ToList();
        return new RankingChartData(categories, employees, series, order.Length);
    }

    /// <summary>Composite and level boxes (measures nobody has a score in are left out) with the mean as a scatter marker.</summary>
    public static DistributionChartData Distribution(CohortDistributions distributions, CohortChartLabels labels)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        ArgumentNullException.ThrowIfNull(labels);
        var measures = new List<(string Name, KirkpatrickLevel? Level, Distribution Stats)>(KirkpatrickLevels.Count + 1);
        if (distributions.Composite is { } composite)
            measures.Add((labels.Composite, null, composite));
        foreach (var level in KirkpatrickLevels.All)
        {
            if (distributions.Level(level) is { } d)
                measures.Add((labels.Levels[(int)level], level, d));
        }
        var boxes = measures.Select(m => ChartPoint.Box(m.Name, Round(m.Stats.Min), Round(m.Stats.P25), Round(m.Stats.Median), Round(m.Stats.P75), Round(m.Stats.Max))).ToList();
        var means = measures.Select(m => ChartPoint.Of(m.Name, Round(m.Stats.Mean))).ToList();
        return new DistributionChartData(
            [.. measures.Select(m => m.Name)],
            [.. measures.Select(m => m.Level)],
            [
                new ChartSeries { Name = labels.Distribution, Type = ApexChartType.BoxPlot, Data = boxes },
                new ChartSeries { Name = labels.Mean, Type = ApexChartType.Scatter, Data = means },
            ]);
    }

    /// <summary>The learner's level scores (a missing level leaves a gap) against the cohort's mean per level.</summary>
    public static RadarChartData Radar(CohortScoreSet set, int learnerIndex, CohortDistributions distributions, CohortChartLabels labels, string learnerName)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(distributions);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegative(learnerIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(learnerIndex, set.Count);
        ref readonly var score = ref set.Scores[learnerIndex];
        var learner = new ChartPoint[KirkpatrickLevels.Count];
        var mean = new ChartPoint[KirkpatrickLevels.Count];
        foreach (var level in KirkpatrickLevels.All)
        {
            learner[(int)level] = ChartPoint.Of(score.LevelScore(level) is { } v ? Round(v) : null);
            mean[(int)level] = ChartPoint.Of(distributions.Level(level) is { } d ? Round(d.Mean) : null);
        }
        return new RadarChartData(labels.Levels,
        [
            new ChartSeries { Name = learnerName, Data = learner },
            new ChartSeries { Name = labels.CohortMean, Data = mean },
        ]);
    }

    /// <summary>Indexes of the ranked learners, best first; ties by employee number so the order is stable.</summary>
    public static int[] OrderByRank(CohortScoreSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var ranked = new List<int>(set.Count);
        for (var i = 0; i < set.Count; i++)
        {
            if (set.Ranks[i] is not null)
                ranked.Add(i);
        }
        ranked.Sort((a, b) =>
        {
            var byRank = set.Ranks[a]!.Value.CompareTo(set.Ranks[b]!.Value);
            return byRank != 0 ? byRank : string.CompareOrdinal(set.Learners[a].EmployeeNumber, set.Learners[b].EmployeeNumber);
        });
        return [.. ranked];
    }

    // Chart values only (the table and the header show the unrounded scores through ScoreFormat):
    // two decimals are more than a bar can show and keep the payload of a 2,000-learner cohort small.
    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
