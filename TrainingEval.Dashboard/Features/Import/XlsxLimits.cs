using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>
/// Bounds what an XLSX workbook unpacks to before MiniExcel reads it. An .xlsx is a zip of XML: 205 KB can unpack to one
/// 200-million-character cell (2.3 GB of memory when read), 1.5 MB to a gigabyte of empty rows (minutes of CPU), and a
/// few bytes naming cell XFD1000000 make MiniExcel fill in a million rows of 16,384 empty cells. <see cref="Check"/>
/// refuses such a package from the sizes its zip directory declares, then streams every part through a byte budget (a
/// zip can lie about its sizes) and scans the sheets and shared strings with an XML reader that reads text in chunks,
/// so the check itself never holds a cell in memory: the rows, the cells MiniExcel would produce (rows × columns up to
/// the last cell, empty ones included) and the length of each text are counted and refused past the limits.
/// </summary>
public static class XlsxLimits
{
    /// <summary>Everything the package unpacks to. A 50 MB workbook of ordinary rows unpacks to about 350 MB (7:1).</summary>
    public const long MaxUnpackedBytes = 512L * 1024 * 1024;

    /// <summary>The cells MiniExcel materialises, empty ones included: 500,000 rows of 20 columns.</summary>
    public const long MaxCells = 10_000_000;

    /// <summary>Excel's own limit for a cell's text; no column of an import is near it.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>A workbook has a dozen parts, a few hundred with pictures; a million would cost memory just to list.</summary>
    public const int MaxParts = 10_000;

    private const string SharedStrings = "xl/sharedStrings.xml";

    /// <summary>Checks a seekable workbook and leaves the stream where it was.</summary>
    /// <exception cref="ImportFileException">The workbook unpacks to more than the limits allow, or is no workbook.</exception>
    public static void Check(Stream workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var start = workbook.Position;
        try
        {
            using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxParts || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                throw TooLarge();
            var budget = new Budget();
            foreach (var entry in zip.Entries)
            {
                using var part = new BudgetStream(entry.Open(), budget);
                if (string.Equals(entry.FullName, SharedStrings, StringComparison.OrdinalIgnoreCase))
                    ScanSharedStrings(part);
                else if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                    ScanSheet(part);
                else
                    part.CopyTo(Stream.Null);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or NotSupportedException)
        {
            throw new ImportFileException(ImportMessages.FileNotXlsx, [], ex);
        }
        finally
        {
            workbook.Position = start;
        }
    }

    private static XmlReader Reader(Stream part) => XmlReader.Create(part, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
    });

    private static void ScanSharedStrings(Stream part)
    {
        using var xml = Reader(part);
        var buffer = new char[4096];
        long length = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                length = 0;
            // A shared string may be several runs of rich text: their total is the cell's length. Refused at once, not
            // after reading the rest: which row uses the text would cost reading all of it first.
            else if (IsText(xml.NodeType) && (length += TextLength(xml, MaxCellLength - length + 1, buffer)) > MaxCellLength)
                throw new ImportFileException(ImportMessages.XlsxTextTooLong, [Invariant(MaxCellLength)]);
        }
    }

    private static void ScanSheet(Stream part)
    {
        using var xml = Reader(part);
        var buffer = new char[4096];
        long rows = 0, row = 0, column = 0, lastRow = 0, lastColumn = 0;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "dimension":
                    // MiniExcel sizes the sheet from this, so a dimension of A1:XFD1048576 costs as much as the cells would.
                    if (xml.GetAttribute("ref") is { } range && CellReference(range[(range.IndexOf(':') + 1)..]) is var (dimensionRow, dimensionColumn))
                    {
                        lastRow = Math.Max(lastRow, dimensionRow ?? 0);
                        lastColumn = Math.Max(lastColumn, dimensionColumn ?? 0);
                    }
                    break;
                case XmlNodeType.Element when xml.LocalName == "row":
                    rows++;
                    row = long.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                    column = 0;
                    lastRow = Math.Max(lastRow, row);
                    break;
                case XmlNodeType.Element when xml.LocalName == "c":
                    column = CellReference(xml.GetAttribute("r")).Column ?? column + 1;
                    lastColumn = Math.Max(lastColumn, column);
                    break;
                case var type when IsText(type):
                    if (TextLength(xml, MaxCellLength + 1, buffer) > MaxCellLength)
                        throw CellTooLong(row);
                    break;
            }
            // One more than the data rows: the header. Checked as the sheet is read, so a gigabyte of rows stops early.
            if (rows > ImportFileReader.MaxRows + 1 || lastRow > ImportFileReader.MaxRows + 1)
                throw new ImportFileException(ImportMessages.FileTooManyRows, [ImportFileReader.MaxRows.ToString("N0", CultureInfo.InvariantCulture)]);
            if (lastRow * lastColumn > MaxCells)
                throw TooLarge();
        }
    }

    private static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    /// <summary>The length of the current text node, read in chunks (never whole) and no further than <paramref name="limit"/>.</summary>
    private static long TextLength(XmlReader xml, long limit, char[] buffer)
    {
        long length = 0;
        int read;
        while (length < limit && (read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
        {
            length += read;
        }
        return length;
    }

    /// <summary>Row and column of a reference such as B12 (either null when absent); a column of more than three letters is past XFD and counts as huge.</summary>
    private static (long? Row, long? Column) CellReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return (null, null);
        var letters = 0;
        long column = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            column = letters < 4 ? column * 26 + (char.ToUpperInvariant(reference[letters]) - 'A' + 1) : MaxCells + 1;
            letters++;
        }
        long? row = long.TryParse(reference.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        return (row, letters == 0 ? null : column);
    }

    private static string Invariant(long number) => number.ToString("N0", CultureInfo.InvariantCulture);

    private static ImportFileException TooLarge() =>
        new(ImportMessages.XlsxTooLarge, [(MaxUnpackedBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture), Invariant(MaxCells)]);

    private static ImportFileException CellTooLong(long row) =>
        new(ImportMessages.FileCellTooLong, [row.ToString(CultureInfo.InvariantCulture), Invariant(MaxCellLength)]);

    private sealed class Budget
    {
        public long Left { get; set; } = MaxUnpackedBytes;
    }

    /// <summary>Reads a part and counts it against the whole package's budget, whatever the zip directory claimed.</summary>
    private sealed class BudgetStream(Stream inner, Budget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Left -= read;
            if (budget.Left < 0)
                throw TooLarge();
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
