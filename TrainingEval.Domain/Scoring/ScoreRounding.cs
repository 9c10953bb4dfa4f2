using System.Globalization;

namespace TrainingEval.Domain.Scoring;

/// <summary>
/// Spec section 4: exported numbers are rounded to 2 decimals, midpoint away from zero; nothing is rounded
/// before that. Every rounding of a computed number — exports, the API, tables, reports and the numbers
/// on screen — goes through <see cref="Round"/>, so a table and the API can never disagree.
/// </summary>
public static class ScoreRounding
{
    public const int ExportDecimals = 2;

    /// <summary>
    /// Rounds midpoint away from zero. The double goes through its 15-significant-digit decimal form
    /// first, so a composite the analyst reads as 64.085 (stored as 64.08499999999999…) becomes 64.09,
    /// as a person rounding by hand would expect (plain <see cref="Math.Round(double, int, MidpointRounding)"/>
    /// on the binary value gives 64.08).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinity.</exception>
    public static double Round(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite numbers can be rounded.");
        }
        if (Math.Abs(value) >= 1e15)
        {
            // No fractional digits left to round; decimal could not hold the largest doubles anyway.
            return Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        }
        var asDecimal = decimal.Parse(value.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        return (double)Math.Round(asDecimal, decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>Rounds for export: <see cref="Round"/> to <see cref="ExportDecimals"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinity.</exception>
    public static double ForExport(double value) => Round(value, ExportDecimals);

    public static double? ForExport(double? value) => value is { } v ? ForExport(v) : null;

    /// <summary>The exported text: invariant culture, exactly 2 decimals (e.g. "76.80").</summary>
    public static string ForExportText(double value) =>
        ForExport(value).ToString("F2", CultureInfo.InvariantCulture);
}
