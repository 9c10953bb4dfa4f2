using MathNet.Numerics.Distributions;

namespace TrainingEval.Domain.Statistics;

/// <summary>One unit's value of a measure before and after the training (a learner's KPI, a team's KPI, a rating).</summary>
public readonly record struct PairedValue(double Before, double After)
{
    public double Change => After - Before;
}

/// <summary>What a paired comparison can say, from its number of pairs and their spread.</summary>
public enum StatisticsState
{
    /// <summary>No pairs at all: nothing to report.</summary>
    NoData,

    /// <summary>Fewer pairs than <see cref="PairedDifference.MinimumPairs"/>: means only, no standard deviation, no test.</summary>
    TooFewPairs,

    /// <summary>
    /// Every pair changed by exactly the same amount (s = 0): the interval is the single point d̄, while t,
    /// p and d_z divide by zero and are left out rather than reported as infinite.
    /// </summary>
    NoVariation,

    /// <summary>Every statistic computed.</summary>
    Computed,
}

/// <summary>
/// The before/after statistics of one measure (spec section 7): means, mean difference d̄, standard deviation
/// s of the differences, 95 % confidence interval d̄ ± t(0.975, n−1)·s/√n, the paired t-test's two-sided
/// p-value and the effect size d_z = d̄ / s. The t distribution is MathNet.Numerics' <see cref="StudentT"/>.
/// </summary>
/// <remarks>Statistics that the <see cref="State"/> does not allow are null, never 0 or NaN.</remarks>
public sealed record PairedDifference(
    int N,
    double? MeanBefore,
    double? MeanAfter,
    double? MeanDifference,
    double? StandardDeviation,
    double? ConfidenceLow,
    double? ConfidenceHigh,
    double? TStatistic,
    double? PValue,
    double? EffectSize,
    StatisticsState State)
{
    /// <summary>A standard deviation of differences needs two pairs.</summary>
    public const int MinimumPairs = 2;

    /// <summary>
    /// Below this many pairs the report still shows the statistics but says the sample is small: one
    /// learner moves the mean a lot and the interval is wide (our decision; the spec sets only n ≥ 2).
    /// </summary>
    public const int SmallSampleThreshold = 10;

    /// <summary>The two-sided significance level the plain-language sentences use.</summary>
    public const double SignificanceLevel = 0.05;

    public const double ConfidenceLevel = 0.95;

    /// <summary>Whether a test was run and its p-value is below <see cref="SignificanceLevel"/>.</summary>
    public bool IsSignificant => PValue is < SignificanceLevel;

    /// <summary>Statistics exist but rest on fewer than <see cref="SmallSampleThreshold"/> pairs.</summary>
    public bool IsSmallSample => N is >= MinimumPairs and < SmallSampleThreshold;

    public static PairedDifference Of(IReadOnlyCollection<PairedValue> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var p in pairs)
        {
            if (!double.IsFinite(p.Before) || !double.IsFinite(p.After))
                throw new ArgumentException($"Paired values must be finite numbers, not ({p.Before}, {p.After}).", nameof(pairs));
        }
        var n = pairs.Count;
        if (n == 0)
            return new(0, null, null, null, null, null, null, null, null, null, StatisticsState.NoData);

        var meanBefore = pairs.Average(p => p.Before);
        var meanAfter = pairs.Average(p => p.After);
        var meanDifference = pairs.Average(p => p.Change);
        if (n < MinimumPairs)
            return new(n, meanBefore, meanAfter, meanDifference, null, null, null, null, null, null, StatisticsState.TooFewPairs);

        var s = Math.Sqrt(pairs.Sum(p => (p.Change - meanDifference) * (p.Change - meanDifference)) / (n - 1));
        var freedom = n - 1;
        if (s == 0)
            return new(n, meanBefore, meanAfter, meanDifference, 0, meanDifference, meanDifference, null, null, null, StatisticsState.NoVariation);

        var standardError = s / Math.Sqrt(n);
        var half = StudentT.InvCDF(0, 1, freedom, 1 - (1 - ConfidenceLevel) / 2) * standardError;
        var t = meanDifference / standardError;
        return new(n, meanBefore, meanAfter, meanDifference, s, meanDifference - half, meanDifference + half,
            t, TwoSidedP(t, freedom), meanDifference / s, StatisticsState.Computed);
    }

    /// <summary>P(|T| ≥ |t|) for Student's t with the given (possibly fractional) degrees of freedom.</summary>
    internal static double TwoSidedP(double t, double freedom) =>
        Math.Min(1, 2 * StudentT.CDF(0, 1, freedom, -Math.Abs(t)));
}
