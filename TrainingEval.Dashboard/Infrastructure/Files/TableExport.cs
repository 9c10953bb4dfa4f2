using System.Globalization;
using System.Text;
using MiniExcelLibs;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Infrastructure.Files;

/// <summary>The file types a table can be exported to.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A table as the user sees it, ready to write to a file: headers in the user's language and one list of
/// cells per row. A cell is text, a number (written as a number, so Excel can sum it) or null (empty).
/// </summary>
public sealed record ExportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes an <see cref="ExportTable"/> as CSV (CsvHelper, UTF-8 with BOM) or XLSX (MiniExcel). Numbers are
/// rounded to 2 decimals, midpoint away from zero (spec section 4), and nothing before that. Text cells are neutralised
/// against formula injection in both formats (<see cref="CsvOutput.Neutralise"/>): an XLSX text cell is not evaluated
/// when opened, but becomes a formula as soon as someone edits it and presses Enter.
/// </summary>
public sealed class TableExport
{
    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? ".csv" : ".xlsx";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A file name from a title: characters file systems refuse become '-', and the extension is added.</summary>
    public static string FileName(string title, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(title);
        var invalid = Path.GetInvalidFileNameChars();
        var name = new string([.. title.Trim().Select(c => invalid.Contains(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '-' : c)]);
        return (name.Length == 0 ? "export" : name) + Extension(format);
    }

    public byte[] Write(ExportTable table, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        if (format == ExportFormat.Csv)
            WriteCsv(table, stream);
        else
            WriteXlsx(table, stream);
        return stream.ToArray();
    }

    private static void WriteCsv(ExportTable table, Stream stream)
    {
        // The BOM makes Excel read the file as UTF-8, so Chinese names open intact.
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using var csv = CsvOutput.Create(writer);
        foreach (var header in table.Headers)
            csv.WriteSafeField(header);
        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            foreach (var cell in row)
                csv.WriteSafeField(Cell(cell) switch
                {
                    null => "",
                    double d => d.ToString("0.##", CultureInfo.InvariantCulture),
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
                });
            csv.NextRecord();
        }
    }

    private static void WriteXlsx(ExportTable table, Stream stream)
    {
        // Keys by column position, header as the first row: headers need not be unique, and MiniExcel
        // would otherwise use dictionary keys as the header.
        var keys = Enumerable.Range(0, table.Headers.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var rows = new List<Dictionary<string, object?>>(table.Rows.Count + 1)
        {
            Row(keys, table.Headers.Select(h => (object?)CsvOutput.Neutralise(h)).ToList()),
        };
        rows.AddRange(table.Rows.Select(r => Row(keys, r)));
        stream.SaveAs(rows, printHeader: false, excelType: ExcelType.XLSX);
    }

    private static Dictionary<string, object?> Row(string[] keys, IReadOnlyList<object?> cells)
    {
        var row = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
            row[keys[i]] = i < cells.Count ? Cell(cells[i]) switch
            {
                string text => CsvOutput.Neutralise(text),
                var value => value,
            } : null;
        return row;
    }

    // The spec's export rounding (ScoreRounding), the same as the API's: 64.085 is 64.09 in both.
    private static object? Cell(object? cell) => cell switch
    {
        double d when !double.IsFinite(d) => null,
        double d => ScoreRounding.ForExport(d),
        float f when !float.IsFinite(f) => null,
        float f => ScoreRounding.ForExport(f),
        decimal m => Math.Round(m, ScoreRounding.ExportDecimals, MidpointRounding.AwayFromZero),
        _ => cell,
    };
}

public static class TableExportRegistration
{
    public static IServiceCollection AddTableExport(this IServiceCollection services) => services.AddSingleton<TableExport>();
}
