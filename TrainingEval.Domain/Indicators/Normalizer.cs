using System.Globalization;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Indicators;

/// <summary>Raw value → points on 0–100, and the allowed range of each normalisation (spec section 2).</summary>
public static class Normalizer
{
    /// <summary>Null when <paramref name="raw"/> is allowed for <paramref name="indicator"/>; otherwise why not.</summary>
    /// <exception cref="ArgumentException">The indicator's own parameters are invalid (max or target ≤ 0).</exception>
    public static RawValueProblem? Check(IndicatorDefinition indicator, RawValue raw)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var spec = NormalizationSpec.Of(indicator);
        var baseline = raw.Baseline ?? double.NaN;
        var target = raw.Target ?? double.NaN;
        return Describe(spec, spec.Validate(raw.Value, baseline, target), raw.Value, baseline, target);
    }

    /// <summary>
    /// The same check as <see cref="Check(IndicatorDefinition, RawValue)"/>, as an error that names the
    /// learner, the indicator, the value and the allowed range; null when the value is allowed.
    /// </summary>
    public static ObservationError? Check(string learnerId, IndicatorDefinition indicator, RawValue raw)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var problem = Check(indicator, raw);
        return problem is null ? null : new ObservationError(learnerId, indicator.Code, problem);
    }

    /// <summary>Points of an allowed raw value. Throws <see cref="ArgumentOutOfRangeException"/> for a value <see cref="Check(IndicatorDefinition, RawValue)"/> rejects.</summary>
    public static double ToPoints(IndicatorDefinition indicator, RawValue raw)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var spec = NormalizationSpec.Of(indicator);
        var baseline = raw.Baseline ?? double.NaN;
        var target = raw.Target ?? double.NaN;
        var fault = spec.Validate(raw.Value, baseline, target);
        if (fault != RawValueFault.None)
        {
            var problem = Describe(spec, fault, raw.Value, baseline, target)!;
            throw new ArgumentOutOfRangeException(nameof(raw), raw,
                $"Indicator {indicator.Code}: {problem.Describe()}");
        }
        return spec.Points(raw.Value, baseline, target);
    }

    /// <summary>Human-readable allowed range of the value, e.g. "1–5" or "0–100".</summary>
    public static string AllowedRange(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return NormalizationSpec.Of(indicator).ValueRange;
    }

    /// <summary>Allowed range of the baseline (pre value) of <c>gain</c>, <c>rating_change</c> and <c>target_achievement</c>; null for the others.</summary>
    public static string? AllowedBaselineRange(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var spec = NormalizationSpec.Of(indicator);
        return spec.Normalization.NeedsBaseline() ? spec.BaselineRange : null;
    }

    internal static RawValueProblem? Describe(in NormalizationSpec spec, RawValueFault fault, double value, double baseline, double target) => fault switch
    {
        RawValueFault.None => null,
        RawValueFault.ValueMissing => new RawValueProblem(RawValuePart.Value, null, spec.ValueRange) { Normalization = spec.Normalization },
        RawValueFault.ValueOutOfRange => new RawValueProblem(RawValuePart.Value, value, spec.ValueRange) { Normalization = spec.Normalization },
        RawValueFault.BaselineMissing => new RawValueProblem(RawValuePart.Baseline, null, spec.BaselineRange) { Normalization = spec.Normalization },
        RawValueFault.BaselineOutOfRange => new RawValueProblem(RawValuePart.Baseline, baseline, spec.BaselineRange) { Normalization = spec.Normalization },
        RawValueFault.TargetMissing => new RawValueProblem(RawValuePart.Target, null, TargetRange(null)) { Normalization = spec.Normalization },
        RawValueFault.TargetInvalid => new RawValueProblem(RawValuePart.Target, target, TargetRange(baseline)) { Normalization = spec.Normalization },
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };

    private static string TargetRange(double? baseline) =>
        baseline is { } b && double.IsFinite(b)
            ? $"a finite number other than the baseline {Format.Number(b)}"
            : "a finite number other than the baseline";
}

/// <summary>Which part of a raw value is not allowed.</summary>
public enum RawValuePart
{
    Value,
    Baseline,
    Target,
    /// <summary>The observation names an indicator code the profile does not have.</summary>
    Indicator,
}

/// <summary>Why a raw value was rejected: the part, its value (null when missing) and the allowed range.</summary>
public sealed record RawValueProblem(RawValuePart Part, double? Value, string AllowedRange)
{
    public bool IsMissing => Value is null;

    /// <summary>The problem in words, without learner and indicator, e.g. "value 6 is outside the allowed range 1–5."</summary>
    public string Describe()
    {
        var part = Part.ToString().ToLowerInvariant();
        if (Part == RawValuePart.Indicator)
        {
            return "the weight profile has no indicator with this code.";
        }
        if (Value is not { } value)
        {
            var forNormalization = Normalization is { } n ? $" for {n.ToCode()}" : "";
            return $"{part} is required{forNormalization} ({AllowedRange}).";
        }
        if (Part == RawValuePart.Target)
        {
            return $"target {Format.Number(value)} is not allowed: it must be {AllowedRange}.";
        }
        return double.IsFinite(value)
            ? $"{part} {Format.Number(value)} is outside the allowed range {AllowedRange}."
            : $"{part} {Format.Number(value)} is not a finite number (allowed range {AllowedRange}).";
    }

    /// <summary>The indicator's normalisation, named in "baseline is required for gain" messages; null when unknown.</summary>
    public Normalization? Normalization { get; init; }
}

/// <summary>What is wrong with a raw value, without allocating (the batch path's hot loop).</summary>
internal enum RawValueFault : byte
{
    None,
    ValueMissing,
    ValueOutOfRange,
    BaselineMissing,
    BaselineOutOfRange,
    TargetMissing,
    TargetInvalid,
}

/// <summary>
/// One indicator's normalisation with its parameters: the single place where ranges are checked and
/// points computed, shared by <see cref="Normalizer"/>, <see cref="ScoringEngine.Score"/> and the batch path.
/// </summary>
internal readonly struct NormalizationSpec
{
    private NormalizationSpec(Normalization normalization, double max, double target)
    {
        Normalization = normalization;
        Max = max;
        Target = target;
    }

    public Normalization Normalization { get; }

    /// <summary>Parameter <c>max</c> of <c>score</c>.</summary>
    public double Max { get; }

    /// <summary>Parameter <c>target</c> of <c>count_target</c>.</summary>
    public double Target { get; }

    /// <exception cref="ArgumentException">Max or target is not a positive finite number where the normalisation uses it.</exception>
    public static NormalizationSpec Of(IndicatorDefinition indicator)
    {
        var problem = ParameterProblem(indicator);
        return problem is null
            ? new NormalizationSpec(indicator.Normalization, indicator.Max, indicator.Target)
            : throw new ArgumentException(problem, nameof(indicator));
    }

    /// <summary>Why the indicator's own parameters cannot normalise anything; null when they can.</summary>
    public static string? ParameterProblem(IndicatorDefinition indicator)
    {
        if (!Enum.IsDefined(indicator.Normalization))
        {
            return $"Indicator {indicator.Code} has an unknown normalisation {(int)indicator.Normalization}.";
        }
        if (indicator.Normalization == Normalization.Score && !(indicator.Max > 0 && double.IsFinite(indicator.Max)))
        {
            return $"Indicator {indicator.Code}: max must be a number greater than 0, not {Format.Number(indicator.Max)}.";
        }
        if (indicator.Normalization == Normalization.CountTarget && !(indicator.Target > 0 && double.IsFinite(indicator.Target)))
        {
            return $"Indicator {indicator.Code}: target must be a number greater than 0, not {Format.Number(indicator.Target)}.";
        }
        return null;
    }

    public string ValueRange => Normalization switch
    {
        Normalization.Likert5 or Normalization.RatingChange => RatingScale.Range,
        Normalization.Rate => "0–1",
        Normalization.Percent or Normalization.Gain => "0–100",
        Normalization.Score => $"0–{Format.Number(Max)}",
        Normalization.CountTarget => "≥ 0",
        Normalization.TargetAchievement => "any finite number",
        _ => throw new InvalidOperationException(),
    };

    public string BaselineRange => Normalization switch
    {
        Normalization.Gain => "0–100",
        Normalization.RatingChange => RatingScale.Range,
        Normalization.TargetAchievement => "any finite number",
        _ => "none",
    };

    /// <summary>
    /// Rejects, never clamps: NaN means missing; a part outside its range is refused. Baseline and
    /// target are only looked at by the normalisations that use them. Reports the first bad part.
    /// </summary>
    public RawValueFault Validate(double value, double baseline, double target)
    {
        var fault = ValueFault(value);
        if (fault == RawValueFault.None)
        {
            fault = BaselineFault(baseline);
        }
        if (fault == RawValueFault.None)
        {
            fault = TargetFault(baseline, target);
        }
        return fault;
    }

    public RawValueFault ValueFault(double value)
    {
        if (double.IsNaN(value))
        {
            return RawValueFault.ValueMissing;
        }
        var allowed = Normalization switch
        {
            Normalization.Likert5 or Normalization.RatingChange => RatingScale.Contains(value),
            Normalization.Rate => value is >= 0 and <= 1,
            Normalization.Percent or Normalization.Gain => value is >= 0 and <= 100,
            Normalization.Score => value >= 0 && value <= Max,
            Normalization.CountTarget => value >= 0 && double.IsFinite(value),
            Normalization.TargetAchievement => double.IsFinite(value),
            _ => false,
        };
        return allowed ? RawValueFault.None : RawValueFault.ValueOutOfRange;
    }

    public RawValueFault BaselineFault(double baseline)
    {
        if (!Normalization.NeedsBaseline())
        {
            return RawValueFault.None;
        }
        if (double.IsNaN(baseline))
        {
            return RawValueFault.BaselineMissing;
        }
        var allowed = Normalization switch
        {
            Normalization.Gain => baseline is >= 0 and <= 100,
            Normalization.RatingChange => RatingScale.Contains(baseline),
            _ => double.IsFinite(baseline),
        };
        return allowed ? RawValueFault.None : RawValueFault.BaselineOutOfRange;
    }

    public RawValueFault TargetFault(double baseline, double target)
    {
        if (!Normalization.NeedsTarget())
        {
            return RawValueFault.None;
        }
        if (double.IsNaN(target))
        {
            return RawValueFault.TargetMissing;
        }
        // t = b would divide by zero: the spec requires t ≠ b.
        return double.IsFinite(target) && target != baseline ? RawValueFault.None : RawValueFault.TargetInvalid;
    }

    /// <summary>Points of a value that <see cref="Validate"/> accepted; only derived ratios are clamped.</summary>
    public double Points(double value, double baseline, double target) => Normalization switch
    {
        Normalization.Likert5 => (value - 1) / 4 * 100,
        Normalization.Rate => value * 100,
        Normalization.Percent => value,
        Normalization.Score => value / Max * 100,
        Normalization.CountTarget => Math.Min(value / Target, 1) * 100,
        Normalization.Gain => baseline < 100
            ? Math.Clamp((value - baseline) / (100 - baseline), 0, 1) * 100
            : value == 100 ? 100 : 0,
        Normalization.RatingChange => Math.Clamp(50 + 25 * (value - baseline), 0, 100),
        Normalization.TargetAchievement => Math.Clamp((value - baseline) / (target - baseline), 0, 1) * 100,
        _ => throw new InvalidOperationException(),
    };
}

/// <summary>Number formatting for messages: invariant culture, shortest round-trip form (6, 4.2, 0.35).</summary>
internal static class Format
{
    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sums in validation messages: at most 4 decimals, so 90.00000000000001 reads 90.</summary>
    public static string Sum(double value) =>
        double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : Number(value);
}
