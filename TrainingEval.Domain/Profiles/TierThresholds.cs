namespace TrainingEval.Domain.Profiles;

/// <summary>Lowest composite of tiers A, B and C; below <see cref="C"/> is D.</summary>
public readonly record struct TierThresholds(double A, double B, double C)
{
    public static TierThresholds Default { get; } = new(90, 75, 60);
}
