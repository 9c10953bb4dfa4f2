using MathNet.Numerics.Statistics;

namespace TrainingEval.Domain.Comparisons;

/// <summary>
/// The five-number summary and mean of a set of scores (spec section 6, horizontal comparison): what a
/// box plot draws. Only scores that exist count: a learner without a composite or a level score is left
/// out, never counted as 0, so <see cref="Count"/> may be smaller than the cohort.
/// <para>
/// Quartiles use definition R-7 of Hyndman &amp; Fan (MathNet <see cref="QuantileDefinition.R7"/>), the one
/// Excel's PERCENTILE.INC, R's default and NumPy's default use: the p-quantile interpolates linearly at
/// position (n − 1)·p of the sorted values, so p25 of {1, 2, 3, 4} is 1.75 and a single value is every quantile.
/// </para>
/// </summary>
public sealed record Distribution(int Count, double Min, double P25, double Median, double P75, double Max, double Mean)
{
    /// <summary>The distribution of the scores that exist; null when there are none.</summary>
    /// <exception cref="ArgumentException">A score is infinite.</exception>
    public static Distribution? Of(IEnumerable<double?> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var present = new List<double>();
        foreach (var score in scores)
        {
            if (score is { } s && !double.IsNaN(s))
                present.Add(s);
        }
        return FromPresent(present.ToArray());
    }

    /// <summary>The distribution of <paramref name="scores"/>, NaN marking a missing score; null when none is present.</summary>
    /// <exception cref="ArgumentException">A score is infinite.</exception>
    public static Distribution? Of(ReadOnlySpan<double> scores)
    {
        var present = new double[scores.Length];
        var count = 0;
        foreach (var s in scores)
        {
            if (!double.IsNaN(s))
                present[count++] = s;
        }
        Array.Resize(ref present, count);
        return FromPresent(present);
    }

    // Takes ownership of the array (sorts it in place).
    private static Distribution? FromPresent(double[] present)
    {
        if (present.Length == 0)
            return null;
        var sum = 0.0;
        foreach (var s in present)
        {
            if (double.IsInfinity(s))
                throw new ArgumentException($"A score must be a finite number; got {s}.", nameof(present));
            sum += s;
        }
        Array.Sort(present);
        return new Distribution(
            present.Length,
            present[0],
            SortedArrayStatistics.QuantileCustom(present, 0.25, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(present, 0.5, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(present, 0.75, QuantileDefinition.R7),
            present[^1],
            sum / present.Length);
    }
}
