using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>
/// Issue 19 item 5: XLSX decompression bombs. Each workbook is built in memory — small as a file, huge once unpacked —
/// and must be refused by what it unpacks to before MiniExcel reads it: one 200-million-character cell (which took the
/// server to 2.3 GB), a flood of empty rows (149 s of CPU), a single cell far out (XFD1000000, which MiniExcel fills in
/// as a million rows of empty cells). The refusal is asserted, with its message in both languages and bounded memory,
/// not its timing.
/// </summary>
public sealed class XlsxBombTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ImportService _import = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await TestData.CreateAsync(_database);
        _import = ImportTestKit.Service(_database);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<ImportResult> ImportAsync(Stream workbook) => await _import.ImportAsync(ImportKind.Learners, workbook, ImportFormat.Xlsx, "bomb.xlsx", Ct);

    private async Task<int> LearnerCountAsync()
    {
        await using var db = _database.CreateContext();
        return await db.Learners.CountAsync(Ct);
    }

    /// <summary>Bytes this thread allocates while the workbook is checked (the check is synchronous, so nothing escapes the count).</summary>
    private static long AllocatedWhileChecking(Stream workbook, out ImportFileException refusal)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        refusal = Should.Throw<ImportFileException>(() => XlsxLimits.Check(workbook));
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public async Task A_hand_built_workbook_of_ordinary_rows_passes_the_check_and_imports()
    {
        using var workbook = Workbook.Build(
            sheet => sheet.Rows("<row r=\"1\">" + Workbook.Inline("A1", "employee_no") + Workbook.Shared("B1", 0) + "</row>",
                "<row r=\"2\">" + Workbook.Inline("A2", "X001") + Workbook.Shared("B2", 1) + "</row>"),
            strings => strings.Write("<si><t>name</t></si><si><r><t>Li </t></r><r><t>Wei</t></r></si>"));

        var result = await ImportAsync(workbook);

        result.Errors.ShouldBeEmpty();
        (result.RowsRead, result.Created).ShouldBe((1, 1));
    }

    [Fact]
    public async Task One_200_million_character_shared_text_is_refused_after_reading_a_few_kilobytes()
    {
        using var workbook = Workbook.Build(
            sheet => sheet.Rows("<row r=\"1\">" + Workbook.Inline("A1", "employee_no") + Workbook.Inline("B1", "name") + "</row>",
                "<row r=\"2\">" + Workbook.Inline("A2", "X001") + Workbook.Shared("B2", 0) + "</row>"),
            strings => strings.Write("<si><t>").Repeat('A', 200_000_000).Write("</t></si>"));
        workbook.Length.ShouldBeLessThan(1024 * 1024, "small on disk");
        var before = await LearnerCountAsync();

        AllocatedWhileChecking(workbook, out var refusal).ShouldBeLessThan(16L * 1024 * 1024);
        refusal.Code.ShouldBe(ImportMessages.XlsxTextTooLong);
        var result = await ImportAsync(workbook);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldBe("The workbook holds a text of more than 32,767 characters, more than a spreadsheet cell can hold; it cannot be imported.");
        error.MessageIn(Chinese).ShouldBe("工作簿中有超过 32,767 个字符的文本，超出了电子表格单元格的容量，无法导入。");
        (await LearnerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task One_huge_cell_in_the_sheet_is_refused_naming_its_row()
    {
        using var workbook = Workbook.Build(sheet => sheet
            .Rows("<row r=\"1\">" + Workbook.Inline("A1", "employee_no") + Workbook.Inline("B1", "name") + "</row>",
                "<row r=\"2\">" + Workbook.Inline("A2", "X001") + Workbook.Inline("B2", "Li Wei") + "</row>")
            .Write("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>").Repeat('A', 50_000_000).Write("</t></is></c></row>"));

        AllocatedWhileChecking(workbook, out _).ShouldBeLessThan(16L * 1024 * 1024);
        var error = (await ImportAsync(workbook)).Errors.ShouldHaveSingleItem();

        (error.Row, error.Code).ShouldBe((0, ImportMessages.FileCellTooLong));
        error.Message.ShouldBe("Row 3: a cell has more than 32,767 characters, more than a spreadsheet cell can hold; the file was not read further.");
        error.MessageIn(Chinese).ShouldBe("第 3 行：某个单元格超过 32,767 个字符，超出了电子表格单元格的容量；文件未继续读取。");
    }

    [Fact]
    public async Task A_million_empty_rows_are_refused_as_too_many_rows_before_the_reader_sees_them()
    {
        using var workbook = Workbook.Build(sheet =>
        {
            sheet.Rows("<row r=\"1\">" + Workbook.Inline("A1", "employee_no") + Workbook.Inline("B1", "name") + "</row>");
            for (var i = 0; i < 1_000_000; i++)
                sheet.Write("<row/>");
        });

        AllocatedWhileChecking(workbook, out _).ShouldBeLessThan(16L * 1024 * 1024);
        var error = (await ImportAsync(workbook)).Errors.ShouldHaveSingleItem();

        (error.Code, error.Message).ShouldBe((ImportMessages.FileTooManyRows, "The file has more than 500,000 rows; split it into several files."));
    }

    [Fact]
    public async Task A_package_that_unpacks_to_more_than_512_MB_is_refused_from_its_zip_directory()
    {
        using var workbook = Workbook.Build(sheet => sheet
            .Rows("<row r=\"1\">" + Workbook.Inline("A1", "employee_no") + "</row>")
            .Write("<row r=\"2\">" + Workbook.Inline("A2", "X001") + "</row>")
            // Whitespace between rows is still XML the reader has to get through.
            .Repeat(' ', XlsxLimits.MaxUnpackedBytes));

        AllocatedWhileChecking(workbook, out _).ShouldBeLessThan(4L * 1024 * 1024, "refused from the declared sizes, nothing unpacked");
        var error = (await ImportAsync(workbook)).Errors.ShouldHaveSingleItem();

        error.Code.ShouldBe(ImportMessages.XlsxTooLarge);
        error.Message.ShouldStartWith("The workbook is too large once unpacked: more than 512 MB, or more than 10,000,000 cells");
        error.MessageIn(Chinese).ShouldStartWith("工作簿解压后过大：超过 512 MB");
    }

    [Theory]
    [InlineData("<dimension ref=\"A1:B2\"/>", "XFD1000000")]
    [InlineData("<dimension ref=\"A1:XFD1048576\"/>", "B2")]
    public async Task One_cell_far_out_or_a_huge_dimension_is_refused_by_the_cells_it_would_fill_in(string dimension, string farCell)
    {
        var row = farCell == "B2" ? 2 : 1_000_000;
        using var workbook = Workbook.Build(sheet => sheet
            .Dimension(dimension)
            .Rows("<row r=\"1\">" + Workbook.Inline("A1", "employee_no") + Workbook.Inline("B1", "name") + "</row>",
                $"<row r=\"{row}\">" + Workbook.Inline(farCell, "x") + "</row>"));

        var error = (await ImportAsync(workbook)).Errors.ShouldHaveSingleItem();

        error.Code.ShouldBeOneOf(ImportMessages.XlsxTooLarge, ImportMessages.FileTooManyRows);
        (await LearnerCountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task The_api_answers_a_bomb_with_a_422_problem_document_naming_the_reason()
    {
        await using var server = new DashboardServer();
        server.Settings["TrainingEval:DemoData:Enabled"] = "false";
        server.Settings["Api:BootstrapKey"] = "bootstrap-secret-for-bomb-tests";
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, "bootstrap-secret-for-bomb-tests");
        using var workbook = Workbook.Build(
            sheet => sheet.Rows("<row r=\"1\">" + Workbook.Inline("A1", "employee_no") + Workbook.Shared("B1", 0) + "</row>"),
            strings => strings.Write("<si><t>").Repeat('A', 20_000_000).Write("</t></si>"));
        using var content = new StreamContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(ImportFormats.XlsxMediaType);

        using var response = await client.PostAsync(new Uri("/api/v1/imports/learners", UriKind.Relative), content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(ApiEndpoints.ProblemMediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        problem.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe(ImportMessages.XlsxTextTooLong);
        problem.GetProperty("detail").GetString()!.ShouldContain("more than 32,767 characters");
    }

    [Fact]
    public async Task An_error_shows_a_long_cell_as_a_short_prefix_not_whole()
    {
        var hugeDate = new string('9', 30_000);

        var result = await _import.ImportCsvAsync(ImportKind.Learners, $"employee_no,name,hire_date\nX001,Li Wei,{hugeDate}\n");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Value!.Length.ShouldBe(ImportError.MaxShownLength);
        error.Value.ShouldEndWith("…");
        error.Message.Length.ShouldBeLessThan(ImportError.MaxShownLength + 100);
        error.MessageIn(Chinese).ShouldNotContain(hugeDate);
    }

    /// <summary>A minimal XLSX package (content types, workbook, one sheet, shared strings) written part by part, streaming.</summary>
    private sealed class Workbook
    {
        private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        private readonly Stream _part;
        private string? _dimension;
        private bool _opened;

        private Workbook(Stream part) => _part = part;

        public static string Inline(string cell, string text) => $"<c r=\"{cell}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";

        public static string Shared(string cell, int index) => $"<c r=\"{cell}\" t=\"s\"><v>{index}</v></c>";

        public static MemoryStream Build(Action<Workbook> sheet, Action<Workbook>? sharedStrings = null)
        {
            var file = new MemoryStream();
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                Part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
                Part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
                Part(zip, "xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
                Part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + $"<Relationship Id=\"rId2\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
                using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open())
                {
                    var writer = new Workbook(part);
                    sheet(writer);
                    writer.Open();
                    writer.Write("</sheetData></worksheet>");
                }
                using (var part = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open())
                {
                    var writer = new Workbook(part) { _opened = true };
                    writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">");
                    sharedStrings?.Invoke(writer);
                    writer.Write("</sst>");
                }
            }
            file.Position = 0;
            return file;
        }

        private static void Part(ZipArchive zip, string name, string xml)
        {
            using var part = zip.CreateEntry(name).Open();
            part.Write(Encoding.UTF8.GetBytes(xml));
        }

        /// <summary>A dimension element before the rows (MiniExcel sizes the sheet by it).</summary>
        public Workbook Dimension(string dimension)
        {
            _dimension = dimension;
            return this;
        }

        private void Open()
        {
            if (_opened)
                return;
            _opened = true;
            _part.Write(Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\">{_dimension}<sheetData>"));
        }

        public Workbook Rows(params string[] rows)
        {
            foreach (var row in rows)
                Write(row);
            return this;
        }

        public Workbook Write(string xml)
        {
            Open();
            _part.Write(Encoding.UTF8.GetBytes(xml));
            return this;
        }

        /// <summary>Writes <paramref name="count"/> copies of an ASCII character from one small buffer, never a string that long.</summary>
        public Workbook Repeat(char character, long count)
        {
            Open();
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)character);
            for (var left = count; left > 0; left -= chunk.Length)
                _part.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
            return this;
        }
    }
}
