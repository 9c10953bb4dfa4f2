using System.Globalization;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Shared;

/// <summary>
/// How numbers are written on screen and in reports, in the current culture: the one place for scores,
/// percentages, statistics, money and the missing-value mark. Rounding is the spec's (midpoint away from
/// zero, <see cref="ScoreRounding.Round"/>) and happens only here, for display — and in ScoreRounding for exports.
/// </summary>
public static class ScoreFormat
{
    /// <summary>What a missing number reads as: never 0, never empty.</summary>
    public const string Missing = "—";

    /// <summary>A headline score with one decimal, e.g. 76.8 or 50.0.</summary>
    public static string Score(double? value) => Number(value, 1);

    /// <summary>A number with exactly <paramref name="decimals"/> decimals and group separators, e.g. 1,234.50.</summary>
    public static string Number(double? value, int decimals = 2) =>
        value is { } v && double.IsFinite(v)
            ? ScoreRounding.Round(v, decimals).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture)
            : Missing;

    /// <summary>A number inside a calculation: at most two decimals, no trailing zeros (72.14, 0.7, 79).</summary>
    public static string Compact(double value) =>
        ScoreRounding.Round(value, 2).ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>A raw value as typed (up to four decimals).</summary>
    public static string Raw(double value) => value.ToString("0.####", CultureInfo.CurrentCulture);

    /// <summary>A fraction (0–1) as a percentage, e.g. 64.5%.</summary>
    public static string Percent(double? fraction, int decimals = 1) =>
        fraction is { } f && double.IsFinite(f)
            ? ScoreRounding.Round(f, decimals + 2).ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture)
            : Missing;

    /// <summary>A value that is already a percentage (ROI %), e.g. 20.0%.</summary>
    public static string PercentValue(double? percent, int decimals = 1) =>
        percent is { } p && double.IsFinite(p) ? Percent(p / 100, decimals) : Missing;

    /// <summary>A whole count with group separators; missing reads as <see cref="Missing"/>.</summary>
    public static string Count(int? value) => value is { } v ? v.ToString("N0", CultureInfo.CurrentCulture) : Missing;

    /// <summary>A change with its sign, e.g. +1.25 or −0.80.</summary>
    public static string WithSign(double? value, int decimals = 2) =>
        value is { } v && double.IsFinite(v) ? (ScoreRounding.Round(v, decimals) > 0 ? "+" : "") + Number(v, decimals) : Missing;

    /// <summary>p-values below 0.001 are written "&lt; 0.001", as journals do; otherwise three decimals.</summary>
    public static string P(double? p) =>
        p is not { } v || !double.IsFinite(v) ? Missing
            : v < 0.001 ? "< " + 0.001.ToString("0.000", CultureInfo.CurrentCulture)
            : ScoreRounding.Round(v, 3).ToString("0.000", CultureInfo.CurrentCulture);

    /// <summary>A confidence interval, e.g. [0.42, 1.10].</summary>
    public static string Interval(double? low, double? high, int decimals = 2) =>
        low is null || high is null ? Missing : $"[{Number(low, decimals)}, {Number(high, decimals)}]";

    /// <summary>An amount of money in whole units with group separators, e.g. 12,400.</summary>
    public static string Money(decimal value) =>
        Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>
    /// An amount standing on its own (a headline, a sentence): with the organisation's ISO currency code
    /// (<c>TrainingEval:Currency</c>), "12,345 CNY". In a table the code is in the column header instead.
    /// </summary>
    public static string Money(decimal value, string currency) => $"{Money(value)} {currency}";

    /// <summary>A value a chart draws: rounded like the text beside it, so a tooltip and a table never differ.</summary>
    public static double? ChartValue(double? value, int decimals = 1) =>
        value is { } v && double.IsFinite(v) ? ScoreRounding.Round(v, decimals) : null;

    /// <summary>A value a chart draws that is always there (box-plot statistics).</summary>
    public static double ChartValue(double value, int decimals = 1) => ScoreRounding.Round(value, decimals);

    /// <summary>A fraction as a chart's percentage value (0–100), rounded like <see cref="Percent"/>.</summary>
    public static double? ChartPercent(double? fraction, int decimals = 1) =>
        fraction is { } f && double.IsFinite(f) ? ScoreRounding.Round(f * 100, decimals) : null;
}
