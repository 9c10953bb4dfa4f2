namespace TrainingEval.Domain.Indicators;

/// <summary>How an indicator turns its raw value into points on 0–100 (spec section 2).</summary>
public enum Normalization
{
    Likert5,
    Rate,
    Percent,
    Score,
    CountTarget,
    Gain,
    RatingChange,
    TargetAchievement,
}

/// <summary>The spec's snake_case codes (<c>likert5</c>, <c>count_target</c>, …), used in files and the API.</summary>
public static class NormalizationCodes
{
    public static string ToCode(this Normalization normalization) => normalization switch
    {
        Normalization.Likert5 => "likert5",
        Normalization.Rate => "rate",
        Normalization.Percent => "percent",
        Normalization.Score => "score",
        Normalization.CountTarget => "count_target",
        Normalization.Gain => "gain",
        Normalization.RatingChange => "rating_change",
        Normalization.TargetAchievement => "target_achievement",
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, null),
    };

    public static bool TryParse(string? code, out Normalization normalization)
    {
        foreach (var candidate in Enum.GetValues<Normalization>())
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                normalization = candidate;
                return true;
            }
        }
        normalization = default;
        return false;
    }

    /// <summary>Whether the normalisation needs a baseline (gain, rating_change, target_achievement) or a target (target_achievement).</summary>
    public static bool NeedsBaseline(this Normalization normalization) =>
        normalization is Normalization.Gain or Normalization.RatingChange or Normalization.TargetAchievement;

    public static bool NeedsTarget(this Normalization normalization) => normalization is Normalization.TargetAchievement;
}
