using System.Globalization;

namespace TrainingEval.Dashboard.Shared;

/// <summary>
/// How scores are written on screen, in the current culture. Rounding is midpoint away from zero,
/// as for exported numbers (spec section 4), and happens only here, for display.
/// </summary>
public static class ScoreFormat
{
    /// <summary>A headline score with one decimal, e.g. 76.8 or 50.0.</summary>
    public static string Score(double? value) =>
        value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("N1", CultureInfo.CurrentCulture) : "—";

    /// <summary>A number inside a calculation: at most two decimals, no trailing zeros (72.14, 0.7, 79).</summary>
    public static string Number(double value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>A raw value as typed (up to four decimals).</summary>
    public static string Raw(double value) => value.ToString("0.####", CultureInfo.CurrentCulture);

    /// <summary>A coverage fraction as a percentage with one decimal, e.g. 64.5 %.</summary>
    public static string Percent(double fraction) =>
        Math.Round(fraction, 3, MidpointRounding.AwayFromZero).ToString("P1", CultureInfo.CurrentCulture);
}
