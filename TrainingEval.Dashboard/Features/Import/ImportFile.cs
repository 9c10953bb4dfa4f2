using System.Globalization;
using System.Runtime.CompilerServices;
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

/// <summary>The file could not be read as CSV or XLSX at all (as opposed to rows with bad values).</summary>
/// <remarks>The message is English; <see cref="Code"/> and <see cref="Arguments"/> give it in the reader's language (<see cref="ImportMessages"/>).</remarks>
public sealed class ImportFileException(string code, IReadOnlyList<string> arguments, Exception? inner = null) : Exception(ImportMessages.English(code, arguments), inner)
{
    public string Code { get; } = code;

    public IReadOnlyList<string> Arguments { get; } = arguments;
}

/// <summary>
/// A file opened for reading: the header row, then the data rows one at a time (<see cref="ReadRowsAsync"/>), so
/// a 500,000-row file is never held in memory as text. Empty rows are skipped; <see cref="RowsRead"/> counts the
/// data rows so far. Reading can still fail part-way (a byte that is not UTF-8 on row 300,000, too many rows): that
/// is an <see cref="ImportFileException"/> like a file that cannot be opened.
/// </summary>
public abstract class ImportTable : IAsyncDisposable
{
    private bool _read;

    public abstract IReadOnlyList<string> Headers { get; }

    public int RowsRead { get; private set; }

    /// <summary>The data rows, read once.</summary>
    /// <exception cref="ImportFileException">The rest of the file cannot be read.</exception>
    public async IAsyncEnumerable<ImportRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_read)
            throw new InvalidOperationException("A file's rows are read once.");
        _read = true;
        await foreach (var row in RawRowsAsync(cancellationToken))
        {
            // Spreadsheets leave empty rows at the end (and people leave them in between); they are not data.
            if (row.Cells.All(string.IsNullOrWhiteSpace))
                continue;
            if (RowsRead >= ImportFileReader.MaxRows)
                throw new ImportFileException(ImportMessages.FileTooManyRows, [ImportFileReader.MaxRows.ToString("N0", CultureInfo.InvariantCulture)]);
            RowsRead++;
            yield return row;
        }
    }

    /// <summary>Every row after the header, empty ones included.</summary>
    protected abstract IAsyncEnumerable<ImportRow> RawRowsAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// A table the app built itself — a form's values, a pasted list — with the kind's columns as its header and row
    /// numbers counted as in a file (the first data row is row 2), so it goes through exactly the checks and writes of an
    /// imported file of that kind.
    /// </summary>
    public static ImportTable Of(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string?>> rows) => new RowsTable(headers, rows);

    private sealed class RowsTable(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string?>> rows) : ImportTable
    {
        public override IReadOnlyList<string> Headers => headers;

        protected override async IAsyncEnumerable<ImportRow> RawRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            for (var i = 0; i < rows.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new ImportRow(i + 2, rows[i]);
            }
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// Opens CSV (CsvHelper; UTF-8 with or without BOM, comma-separated) and XLSX (MiniExcel; first sheet) as the same
/// streaming <see cref="ImportTable"/>, so everything after reading is format-independent. Memory stays bounded
/// whatever the file's size: CSV is parsed straight from the upload; an XLSX upload (a zip, which must be read by
/// seeking) is first copied to a temporary file that is deleted when the table is disposed.
/// </summary>
public static class ImportFileReader
{
    /// <summary>Larger files are refused while reading (and by the API before reading, from Content-Length): HTTP 413.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    public const int MaxRows = 500_000;

    /// <exception cref="ImportFileException">The file is empty, too large, or not readable as its format.</exception>
    public static async Task<ImportTable> OpenAsync(Stream stream, ImportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ImportTable table = format == ImportFormat.Csv
            ? await CsvTable.OpenAsync(new BoundedStream(stream), cancellationToken)
            : await XlsxTable.OpenAsync(stream, cancellationToken);
        if (table.Headers.Count == 0 || table.Headers.All(string.IsNullOrWhiteSpace))
        {
            await table.DisposeAsync();
            throw new ImportFileException(ImportMessages.FileEmpty, []);
        }
        return table;
    }

    internal static ImportFileException TooLarge() =>
        new(ImportMessages.FileTooLarge, [(MaxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)]);

    private sealed class CsvTable(StreamReader reader, CsvParser parser, string[] headers) : ImportTable
    {
        private int _number = 1;

        public override IReadOnlyList<string> Headers => headers;

        public static async Task<ImportTable> OpenAsync(Stream stream, CancellationToken cancellationToken)
        {
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                HasHeaderRecord = false,
                Delimiter = ",",
                DetectDelimiter = false,
                IgnoreBlankLines = false,
                // BadDataFound keeps CsvHelper's default, which throws: ignoring bad data (null) let an unclosed quote on
                // row 2 swallow every row after it into one value and import "1 row read". Read() names the row and why.
            };
            var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var parser = new CsvParser(reader, config);
            string[] headers = [];
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                headers = await Read(parser, 1) ?? [];
            }
            catch
            {
                parser.Dispose();
                reader.Dispose();
                throw;
            }
            return new CsvTable(reader, parser, headers);
        }

        protected override async IAsyncEnumerable<ImportRow> RawRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (await Read(parser, _number + 1) is { } record)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _number++;
                yield return new ImportRow(_number, record);
            }
        }

        /// <summary>The next record (row <paramref name="number"/>), or null at the end of the file.</summary>
        private static async Task<string[]?> Read(CsvParser parser, int number)
        {
            try
            {
                // The fields are parsed when the record is asked for, so bad data surfaces there, inside this try.
                return await parser.ReadAsync() ? parser.Record ?? [] : null;
            }
            catch (DecoderFallbackException ex)
            {
                throw new ImportFileException(ImportMessages.FileNotUtf8, [], ex);
            }
            catch (CsvHelperException ex) when (ex.InnerException is DecoderFallbackException decoder)
            {
                throw new ImportFileException(ImportMessages.FileNotUtf8, [], decoder);
            }
            catch (BadDataException ex)
            {
                // A value that opens a quote and never closes it runs to the end of the file; any other quote trouble is
                // a quote in the middle of a value (or text after a closing one).
                var unclosed = ex.Field.StartsWith('"') && ex.Field.Count(c => c == '"') % 2 == 1;
                throw new ImportFileException(unclosed ? ImportMessages.FileUnclosedQuote : ImportMessages.FileStrayQuote,
                    [number.ToString(CultureInfo.InvariantCulture)], ex);
            }
            catch (CsvHelperException ex)
            {
                throw new ImportFileException(ImportMessages.FileBadCsv, [number.ToString(CultureInfo.InvariantCulture)], ex);
            }
        }

        public override ValueTask DisposeAsync()
        {
            parser.Dispose();
            reader.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class XlsxTable(Stream file, IEnumerator<object> rows, List<string> headers, bool ownsFile) : ImportTable
    {
        public override IReadOnlyList<string> Headers => headers;

        public static async Task<ImportTable> OpenAsync(Stream upload, CancellationToken cancellationToken)
        {
            // A zip is read by seeking; a request body cannot seek, so it goes to a temporary file first (never to memory).
            var owns = !upload.CanSeek;
            Stream file = upload;
            if (owns)
            {
                file = new FileStream(Path.Combine(Path.GetTempPath(), $"trainingeval-import-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
                    FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                try
                {
                    await new BoundedStream(upload).CopyToAsync(file, cancellationToken);
                    file.Position = 0;
                }
                catch
                {
                    await file.DisposeAsync();
                    throw;
                }
            }
            else if (upload.Length - upload.Position > MaxBytes)
            {
                throw TooLarge();
            }
            IEnumerator<object>? rows = null;
            try
            {
                // Before MiniExcel sees it: what the package unpacks to is bounded (XlsxLimits), not only its size on disk.
                XlsxLimits.Check(file);
                rows = file.Query(useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
                var headers = Next(rows) is { } first ? first.Select(c => c ?? "").ToList() : [];
                return new XlsxTable(file, rows, headers, owns);
            }
            catch
            {
                rows?.Dispose();
                if (owns)
                    await file.DisposeAsync();
                throw;
            }
        }

        protected override async IAsyncEnumerable<ImportRow> RawRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var number = 1;
            while (Next(rows) is { } cells)
            {
                cancellationToken.ThrowIfCancellationRequested();
                number++;
                yield return new ImportRow(number, cells);
            }
            await Task.CompletedTask;
        }

        private static List<string?>? Next(IEnumerator<object> rows)
        {
            try
            {
                return rows.MoveNext() ? ((IDictionary<string, object?>)rows.Current).Values.Select(Text).ToList() : null;
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
            {
                throw new ImportFileException(ImportMessages.FileNotXlsx, [], ex);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            rows.Dispose();
            if (ownsFile)
                await file.DisposeAsync();
        }
    }

    /// <summary>A cell as the text a CSV would hold: numbers invariant (. decimals), dates yyyy-MM-dd.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString(ImportSchema.DateFormat, CultureInfo.InvariantCulture),
        DateTime d => d.ToString(ImportSchema.DateTimeFormat, CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Reads through to another stream and refuses more than <see cref="MaxBytes"/>, so an upload is never read further than that.</summary>
    private sealed class BoundedStream(Stream inner) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > MaxBytes)
                throw TooLarge();
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
