namespace TrainingEval.Domain.Evaluation;

/// <summary>Raw value → points on 0–100, and the allowed range of each normalisation (spec section 2).</summary>
public static class Normalizer
{
    /// <summary>Null when <paramref name="raw"/> is allowed for <paramref name="indicator"/>; otherwise why not.</summary>
    public static RawValueProblem? Check(IndicatorDefinition indicator, RawValue raw) => throw new NotImplementedException();

    /// <summary>Points of an allowed raw value. Throws <see cref="ArgumentOutOfRangeException"/> for a value <see cref="Check"/> rejects.</summary>
    public static double ToPoints(IndicatorDefinition indicator, RawValue raw) => throw new NotImplementedException();

    /// <summary>Human-readable allowed range of the value, e.g. "1–5" or "0–100".</summary>
    public static string AllowedRange(IndicatorDefinition indicator) => throw new NotImplementedException();
}

/// <summary>Which part of a raw value is not allowed.</summary>
public enum RawValuePart
{
    Value,
    Baseline,
    Target,
}

/// <summary>Why a raw value was rejected: the part, its value (null when missing) and the allowed range.</summary>
public sealed record RawValueProblem(RawValuePart Part, double? Value, string AllowedRange)
{
    public bool IsMissing => Value is null;
}
