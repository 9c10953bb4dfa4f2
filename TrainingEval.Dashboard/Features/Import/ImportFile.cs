using System.Globalization;
using System.Text;
using CsvHelper.Configuration;
using CsvHelper;
using MiniExcelLibs;

namespace TrainingEval.Dashboard.Features.Import;

public enum ImportFormat
{
    Csv,
    Xlsx,
}

public static class ImportFormats
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string MediaType(this ImportFormat format) => format == ImportFormat.Csv ? CsvMediaType : XlsxMediaType;

    public static string Extension(this ImportFormat format) => format == ImportFormat.Csv ? ".csv" : ".xlsx";

    /// <summary>The format of an uploaded file by its name; null for anything but .csv and .xlsx.</summary>
    public static ImportFormat? FromFileName(string? fileName) => Path.GetExtension(fileName)?.ToLowerInvariant() switch
    {
        ".csv" => ImportFormat.Csv,
        ".xlsx" => ImportFormat.Xlsx,
        _ => null,
    };

    /// <summary>The format of a request body by its media type (parameters such as charset ignored).</summary>
    public static ImportFormat? FromMediaType(string? mediaType)
    {
        var type = mediaType?.Split(';')[0].Trim();
        if (string.Equals(type, CsvMediaType, StringComparison.OrdinalIgnoreCase))
            return ImportFormat.Csv;
        return string.Equals(type, XlsxMediaType, StringComparison.OrdinalIgnoreCase) ? ImportFormat.Xlsx : null;
    }
}

/// <summary>One data row of a file: its row number as a spreadsheet shows it (the header is row 1) and its cells.</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>A file read as text cells: the header row and the data rows, nothing interpreted yet.</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows);

/// <summary>The file could not be read as CSV or XLSX at all (as opposed to rows with bad values).</summary>
/// <remarks>The message is English; <see cref="Code"/> and <see cref="Arguments"/> give it in the reader's language (<see cref="ImportMessages"/>).</remarks>
public sealed class ImportFileException(string code, IReadOnlyList<string> arguments, Exception? inner = null) : Exception(ImportMessages.English(code, arguments), inner)
{
    public string Code { get; } = code;

    public IReadOnlyList<string> Arguments { get; } = arguments;
}

/// <summary>
/// Reads CSV (CsvHelper; UTF-8 with or without BOM, comma-separated) and XLSX (MiniExcel; first sheet)
/// into the same <see cref="ImportTable"/>, so everything after reading is format-independent.
/// </summary>
public static class ImportFileReader
{
    /// <summary>Larger files are refused before parsing; the OULAD sample's biggest table is under 1 MB.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    public const int MaxRows = 500_000;

    public static async Task<ImportTable> ReadAsync(Stream stream, ImportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // MiniExcel needs to seek (XLSX is a zip) and a request body cannot; a bounded copy serves both.
        var buffer = new MemoryStream();
        await CopyBoundedAsync(stream, buffer, cancellationToken);
        buffer.Position = 0;
        var table = format == ImportFormat.Csv ? await ReadCsvAsync(buffer, cancellationToken) : ReadXlsx(buffer);
        if (table.Headers.Count == 0 || table.Headers.All(string.IsNullOrWhiteSpace))
            throw new ImportFileException(ImportMessages.FileEmpty, []);
        return table;
    }

    private static async Task CopyBoundedAsync(Stream source, MemoryStream target, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > MaxBytes)
                throw new ImportFileException(ImportMessages.FileTooLarge, [(MaxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)]);
            target.Write(chunk, 0, read);
        }
    }

    private static async Task<ImportTable> ReadCsvAsync(Stream stream, CancellationToken cancellationToken)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            Delimiter = ",",
            DetectDelimiter = false,
            IgnoreBlankLines = false,
            BadDataFound = null,
        };
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, config);
        string[]? headers = null;
        var rows = new List<ImportRow>();
        var number = 0;
        try
        {
            while (await parser.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                number++;
                var record = parser.Record ?? [];
                if (headers is null)
                {
                    headers = record;
                    continue;
                }
                Add(rows, number, record);
            }
        }
        catch (DecoderFallbackException ex)
        {
            throw new ImportFileException(ImportMessages.FileNotUtf8, [], ex);
        }
        catch (CsvHelperException ex)
        {
            throw new ImportFileException(ImportMessages.FileBadCsv, [(number + 1).ToString(CultureInfo.InvariantCulture)], ex);
        }
        return new ImportTable(headers ?? [], rows);
    }

    private static ImportTable ReadXlsx(Stream stream)
    {
        var headers = new List<string>();
        var rows = new List<ImportRow>();
        var number = 0;
        try
        {
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                number++;
                var cells = row.Values.Select(Text).ToList();
                if (number == 1)
                {
                    headers.AddRange(cells.Select(c => c ?? ""));
                    continue;
                }
                Add(rows, number, cells);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw new ImportFileException(ImportMessages.FileNotXlsx, [], ex);
        }
        return new ImportTable(headers, rows);
    }

    private static void Add(List<ImportRow> rows, int number, IReadOnlyList<string?> cells)
    {
        // Spreadsheets leave empty rows at the end (and people leave them in between); they are not data.
        if (cells.All(string.IsNullOrWhiteSpace))
            return;
        if (rows.Count >= MaxRows)
            throw new ImportFileException(ImportMessages.FileTooManyRows, [MaxRows.ToString("N0", CultureInfo.InvariantCulture)]);
        rows.Add(new ImportRow(number, cells));
    }

    /// <summary>A cell as the text a CSV would hold: numbers invariant (. decimals), dates yyyy-MM-dd.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString(ImportSchema.DateFormat, CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
