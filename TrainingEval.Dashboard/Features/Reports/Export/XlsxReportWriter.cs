using MiniExcelLibs;
using TrainingEval.Dashboard.Infrastructure.Files;

namespace TrainingEval.Dashboard.Features.Reports.Export;

/// <summary>
/// The numbers of a report as a workbook: one sheet per table (every chart of a report has its table), numbers
/// stored as numbers, so an analyst can re-chart or check them. Sheet names are made unique and cut to Excel's 31.
/// Text is neutralised against formula injection like every file the app writes (<see cref="CsvOutput.Neutralise"/>).
/// </summary>
public static class XlsxReportWriter
{
    private const int SheetNameMax = 31;

    public static byte[] Write(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sheets = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in report.Tables)
        {
            var rows = table.Rows.Select(r =>
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < table.Columns.Count; i++)
                    row[UniqueColumn(row, CsvOutput.Neutralise(table.Columns[i]))] = i < r.Count ? Safe(r[i].Value) : null;
                return (IDictionary<string, object?>)row;
            }).ToList();
            if (rows.Count == 0)
                rows.Add(table.Columns.ToDictionary(c => c, _ => (object?)null));
            sheets[UniqueSheet(sheets, table.SheetName)] = rows;
        }
        if (sheets.Count == 0)
            sheets["Report"] = new List<IDictionary<string, object?>> { new Dictionary<string, object?> { [report.Title] = report.Subtitle } };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static object? Safe(object? value) => value is string text ? CsvOutput.Neutralise(text) : value;

    private static string UniqueColumn(Dictionary<string, object?> row, string name)
    {
        var candidate = name;
        for (var n = 2; row.ContainsKey(candidate); n++)
            candidate = $"{name} ({n})";
        return candidate;
    }

    private static string UniqueSheet(Dictionary<string, object> sheets, string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray());
        clean = clean.Length > SheetNameMax ? clean[..SheetNameMax] : clean;
        var candidate = clean;
        for (var n = 2; sheets.ContainsKey(candidate); n++)
        {
            var suffix = $" {n}";
            candidate = (clean.Length + suffix.Length > SheetNameMax ? clean[..(SheetNameMax - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }
}
