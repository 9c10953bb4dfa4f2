using TrainingEval.Domain.Indicators;

namespace TrainingEval.Domain.Profiles;

/// <summary>
/// Level weights, indicator weights and parameters (spec sections 2–4). Immutable: a change is a new
/// instance, and persisted changes are new versions.
/// </summary>
public sealed record WeightProfile
{
    public const int NameMaxLength = 120;

    public string Name { get; init; } = "Default";

    public int Version { get; init; } = 1;

    public LevelWeights LevelWeights { get; init; } = LevelWeights.Default;

    public required IReadOnlyList<IndicatorDefinition> Indicators { get; init; }

    public MissingDataPolicy Policy { get; init; } = MissingDataPolicy.Renormalize;

    public TierThresholds Tiers { get; init; } = TierThresholds.Default;

    /// <summary>Composite at or above which a learner has passed.</summary>
    public double PassMark { get; init; } = 60;

    /// <summary>Pass line of each exam part (points, 0–100).</summary>
    public double ExamPassLine { get; init; } = 60;

    /// <summary>Days after the cohort ends in which on-the-job application events count.</summary>
    public int ApplicationWindowDays { get; init; } = 60;

    /// <summary>The default profile of spec section 2.</summary>
    public static WeightProfile Default { get; } = new() { Indicators = BuiltInIndicators.All };

    public IndicatorDefinition? Find(string code) =>
        Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
}
