namespace TrainingEval.Domain.Indicators;

/// <summary>One measurable input of a weight profile; belongs to exactly one level.</summary>
public sealed record IndicatorDefinition
{
    public const int CodeMaxLength = 40;

    /// <summary>Snake_case code, unique in a profile (e.g. <c>attendance</c>).</summary>
    public required string Code { get; init; }

    public required KirkpatrickLevel Level { get; init; }

    public required Normalization Normalization { get; init; }

    /// <summary>Weight inside its level; the level's weights sum to 100. Zero drops the indicator.</summary>
    public required double Weight { get; init; }

    /// <summary>Parameter <c>max</c> of <see cref="Normalization.Score"/> (&gt; 0).</summary>
    public double Max { get; init; } = 100;

    /// <summary>Parameter <c>target</c> of <see cref="Normalization.CountTarget"/> (&gt; 0).</summary>
    public double Target { get; init; } = 1;

    /// <summary>False for the built-in catalog, true for an analyst's own indicator.</summary>
    public bool IsCustom { get; init; }
}
