using MathNet.Numerics.Distributions;

namespace TrainingEval.Domain.Statistics;

/// <summary>
/// The difference-in-differences of spec section 7: mean change of the trained group minus mean change of an
/// untrained comparison group, tested with Welch's t-test (unequal variances) and the Welch–Satterthwaite
/// degrees of freedom; 95 % interval estimate ± t(0.975, df)·SE with SE = √(s₁²/n₁ + s₂²/n₂).
/// </summary>
public sealed record DifferenceInDifferences(
    int TrainedN,
    int ComparisonN,
    double? TrainedMeanChange,
    double? ComparisonMeanChange,
    double? Estimate,
    double? StandardError,
    double? DegreesOfFreedom,
    double? ConfidenceLow,
    double? ConfidenceHigh,
    double? TStatistic,
    double? PValue,
    StatisticsState State)
{
    public bool IsSignificant => PValue is < PairedDifference.SignificanceLevel;

    /// <param name="trainedChanges">after − before per trained unit.</param>
    /// <param name="comparisonChanges">after − before per untrained unit over the same period.</param>
    public static DifferenceInDifferences Of(IReadOnlyCollection<double> trainedChanges, IReadOnlyCollection<double> comparisonChanges)
    {
        ArgumentNullException.ThrowIfNull(trainedChanges);
        ArgumentNullException.ThrowIfNull(comparisonChanges);
        if (trainedChanges.Concat(comparisonChanges).Any(v => !double.IsFinite(v)))
            throw new ArgumentException("Changes must be finite numbers.", nameof(trainedChanges));
        int n1 = trainedChanges.Count, n2 = comparisonChanges.Count;
        double? m1 = n1 > 0 ? trainedChanges.Average() : null;
        double? m2 = n2 > 0 ? comparisonChanges.Average() : null;
        if (n1 == 0 || n2 == 0)
            return new(n1, n2, m1, m2, null, null, null, null, null, null, null, StatisticsState.NoData);
        var estimate = m1!.Value - m2!.Value;
        if (n1 < PairedDifference.MinimumPairs || n2 < PairedDifference.MinimumPairs)
            return new(n1, n2, m1, m2, estimate, null, null, null, null, null, null, StatisticsState.TooFewPairs);

        var a = Variance(trainedChanges, m1.Value) / n1;
        var b = Variance(comparisonChanges, m2.Value) / n2;
        var standardError = Math.Sqrt(a + b);
        if (standardError == 0)
            return new(n1, n2, m1, m2, estimate, 0, null, estimate, estimate, null, null, StatisticsState.NoVariation);

        var freedom = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        var half = StudentT.InvCDF(0, 1, freedom, 1 - (1 - PairedDifference.ConfidenceLevel) / 2) * standardError;
        var t = estimate / standardError;
        return new(n1, n2, m1, m2, estimate, standardError, freedom, estimate - half, estimate + half, t,
            PairedDifference.TwoSidedP(t, freedom), StatisticsState.Computed);
    }

    private static double Variance(IEnumerable<double> values, double mean)
    {
        var list = values as IReadOnlyCollection<double> ?? [.. values];
        return list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1);
    }
}
