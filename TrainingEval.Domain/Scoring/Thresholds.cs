namespace TrainingEval.Domain.Scoring;

/// <summary>
/// How a computed number is compared with a line or with another number (spec sections 4 and 9). Every
/// comparison of this kind — tier thresholds, the pass mark, exam pass lines, coverage one half, health
/// bands, ties in a ranking — goes through here, so the UI can never disagree with the engine.
/// </summary>
public static class Thresholds
{
    /// <summary>
    /// Floating-point slack: a composite that is 60 on paper must not fail as 59.99999999999999, and two
    /// composites that differ only in the last binary digit are tied (spec section 9, "Ties").
    /// </summary>
    public const double Tolerance = 1e-9;

    /// <summary>Whether <paramref name="value"/> reaches <paramref name="line"/> (at most <see cref="Tolerance"/> below it counts).</summary>
    public static bool Reaches(double value, double line) => value >= line - Tolerance;

    /// <summary>Whether two computed numbers are the same number for ranking (spec section 9).</summary>
    public static bool Ties(double a, double b) => Math.Abs(a - b) <= Tolerance;
}

/// <summary>Spec section 4: a composite with coverage below 1 is provisional, and the UI says so next to the number.</summary>
public static class Provisional
{
    public static bool Applies(double? composite, double coverage) => composite is not null && coverage < 1;

    /// <summary>For rows where a missing score record leaves coverage unknown: no composite, nothing provisional.</summary>
    public static bool Applies(double? composite, double? coverage) => composite is not null && coverage is { } c && Applies(composite, c);
}
