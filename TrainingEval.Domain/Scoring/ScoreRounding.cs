using System.Globalization;

namespace TrainingEval.Domain.Scoring;

/// <summary>Spec section 4: exported numbers are rounded to 2 decimals, midpoint away from zero; nothing is rounded before that.</summary>
public static class ScoreRounding
{
    public const int ExportDecimals = 2;

    /// <summary>
    /// Rounds for export. The double goes through its 15-significant-digit decimal form first, so a
    /// composite the analyst reads as 50.025 (stored as 50.02499999999999…) becomes 50.03, as a person
    /// rounding by hand would expect.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinity.</exception>
    public static double ForExport(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite numbers can be exported.");
        }
        if (Math.Abs(value) >= 1e15)
        {
            // No fractional digits left to round; decimal could not hold the largest doubles anyway.
            return Math.Round(value, ExportDecimals, MidpointRounding.AwayFromZero);
        }
        var asDecimal = decimal.Parse(value.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        return (double)Math.Round(asDecimal, ExportDecimals, MidpointRounding.AwayFromZero);
    }

    public static double? ForExport(double? value) => value is { } v ? ForExport(v) : null;

    /// <summary>The exported text: invariant culture, exactly 2 decimals (e.g. "76.80").</summary>
    public static string ForExportText(double value) =>
        ForExport(value).ToString("F2", CultureInfo.InvariantCulture);
}
