namespace TrainingEval.Domain.Statistics;

/// <summary>Cohen's conventional words for an effect size's absolute value: 0.2 small, 0.5 medium, 0.8 large.</summary>
public enum EffectMagnitude
{
    Negligible,
    Small,
    Medium,
    Large,
}

public static class EffectSizes
{
    public static EffectMagnitude Classify(double effectSize)
    {
        var d = Math.Abs(effectSize);
        return d >= 0.8 ? EffectMagnitude.Large
            : d >= 0.5 ? EffectMagnitude.Medium
            : d >= 0.2 ? EffectMagnitude.Small
            : EffectMagnitude.Negligible;
    }
}
