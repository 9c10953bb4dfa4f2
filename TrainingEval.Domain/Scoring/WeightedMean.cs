using TrainingEval.Domain.Profiles;

namespace TrainingEval.Domain.Scoring;

/// <summary>
/// The one weighted mean behind level scores, the composite and coverage (spec section 4):
/// Σ wᵢ·vᵢ / Σ wᵢ, where NaN marks a missing value and weight-0 entries take no part at all.
/// </summary>
internal readonly record struct WeightedMean(double Mean, double Coverage)
{
    /// <summary>The largest double below 1: what coverage is capped at while anything weighted is missing.</summary>
    public static readonly double BelowOne = Math.BitDecrement(1.0);

    /// <param name="weights">Non-negative weights; their scale does not matter.</param>
    /// <param name="values">Values, NaN where missing.</param>
    /// <param name="policy">
    /// <see cref="MissingDataPolicy.Renormalize"/>: over present values only, NaN when none is present.
    /// <see cref="MissingDataPolicy.Zero"/>: over all weighted values with missing ones as 0, NaN only when nothing is weighted.
    /// </param>
    /// <returns>
    /// The mean, and coverage = Σ weights of present values / Σ all weights (0 when nothing is
    /// weighted; exactly 1 only when every weighted value is present).
    /// </returns>
    public static WeightedMean Of(ReadOnlySpan<double> weights, ReadOnlySpan<double> values, MissingDataPolicy policy)
    {
        double total = 0, present = 0, sum = 0;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        var anyMissing = false;
        for (var i = 0; i < weights.Length; i++)
        {
            var weight = weights[i];
            if (weight <= 0)
            {
                continue;
            }
            total += weight;
            var value = values[i];
            if (double.IsNaN(value))
            {
                anyMissing = true;
                if (policy == MissingDataPolicy.Zero)
                {
                    low = Math.Min(low, 0);
                    high = Math.Max(high, 0);
                }
                continue;
            }
            present += weight;
            sum += weight * value;
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }

        var denominator = policy == MissingDataPolicy.Zero ? total : present;
        // A weighted mean never leaves the range of its values; the clamp only absorbs rounding error.
        var mean = denominator > 0 ? Math.Clamp(sum / denominator, low, high) : double.NaN;
        var coverage = total <= 0 ? 0 : anyMissing ? Math.Min(present / total, BelowOne) : 1;
        return new WeightedMean(mean, coverage);
    }
}
