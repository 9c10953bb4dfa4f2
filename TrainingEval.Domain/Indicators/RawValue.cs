namespace TrainingEval.Domain.Indicators;

/// <summary>
/// One raw value of an indicator. <see cref="Baseline"/> is the pre value of <c>gain</c> and
/// <c>rating_change</c> and the baseline of <c>target_achievement</c>; <see cref="Target"/> is the
/// target of <c>target_achievement</c>. Other normalisations ignore both.
/// </summary>
public readonly record struct RawValue(double Value, double? Baseline = null, double? Target = null);

/// <summary>A raw value of the indicator with <see cref="IndicatorCode"/>.</summary>
public readonly record struct Observation(string IndicatorCode, RawValue Raw)
{
    public Observation(string indicatorCode, double value, double? baseline = null, double? target = null)
        : this(indicatorCode, new RawValue(value, baseline, target)) { }
}
