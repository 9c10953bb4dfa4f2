using System.Globalization;
using CsvHelper;

namespace TrainingEval.Dashboard.Infrastructure.Files;

/// <summary>
/// The one way the app writes CSV that leaves it (table exports, the API's <c>?format=csv</c>, record read-back):
/// every text cell is neutralised against formula injection (OWASP "CSV Injection"). A cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets,
/// so a learner imported as <c>=HYPERLINK(…)</c> would run in the analyst's spreadsheet; such a cell gets a leading
/// apostrophe, which spreadsheets show as text. Real numbers (<c>-3.5</c>, <c>+2</c>) stay numbers, which is why this is
/// not CsvHelper's own <c>InjectionOptions.Escape</c>: that one would turn every negative number into text.
/// </summary>
public static class CsvOutput
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static CsvWriter Create(TextWriter writer) => new(writer, CultureInfo.InvariantCulture);

    /// <summary>Writes one cell, neutralised (see the class).</summary>
    public static void WriteSafeField(this CsvWriter csv, string? value)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.WriteField(Neutralise(value ?? ""));
    }

    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || Array.IndexOf(FormulaStarts, value[0]) < 0)
            return value;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return value;
        return "'" + value;
    }
}
