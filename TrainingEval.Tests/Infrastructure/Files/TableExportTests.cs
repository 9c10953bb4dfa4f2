using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Infrastructure.Files;

/// <summary>Exported files read back with the libraries a user's tools would use: headers, Chinese text, numbers, empties.</summary>
public sealed class TableExportTests
{
    private static readonly ExportTable Table = new(
        ["排名", "工号", "学员", "综合分", "Coverage (%)"],
        [
            [1, "E001", "张伟, \"组长\"", 88.456, 75.0],
            [2, "E002", "Li Na", 70.125, null],
            [null, "E003", "王芳", null, 12.5],
        ]);

    [Fact]
    public void Csv_starts_with_a_bom_and_parses_back_with_chinese_text_quotes_and_rounded_numbers()
    {
        var bytes = new TableExport().Write(Table, ExportFormat.Csv);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray());

        rows.Count.ShouldBe(4);
        rows[0].ShouldBe(["排名", "工号", "学员", "综合分", "Coverage (%)"]);
        rows[1].ShouldBe(["1", "E001", "张伟, \"组长\"", "88.46", "75"]);
        rows[2].ShouldBe(["2", "E002", "Li Na", "70.13", ""]);
        rows[3].ShouldBe(["", "E003", "王芳", "", "12.5"]);
    }

    [Fact]
    public void Xlsx_reads_back_with_the_header_row_text_cells_and_numeric_cells()
    {
        var bytes = new TableExport().Write(Table, ExportFormat.Xlsx);

        var rows = new MemoryStream(bytes).Query(useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();

        rows.Count.ShouldBe(4);
        rows[0].ShouldBe(["排名", "工号", "学员", "综合分", "Coverage (%)"]);
        rows[1][1].ShouldBe("E001");
        rows[1][2].ShouldBe("张伟, \"组长\"");
        Convert.ToDouble(rows[1][3], CultureInfo.InvariantCulture).ShouldBe(88.46);
        Convert.ToDouble(rows[2][3], CultureInfo.InvariantCulture).ShouldBe(70.13);
        rows[2][4].ShouldBeNull();
        rows[3][0].ShouldBeNull();
        rows[3][2].ShouldBe("王芳");
    }

    [Theory]
    [InlineData("LEAN-1-学员列表", ExportFormat.Csv, "LEAN-1-学员列表.csv")]
    [InlineData("a/b:c", ExportFormat.Xlsx, "a-b-c.xlsx")]
    [InlineData("  ", ExportFormat.Csv, "export.csv")]
    public void File_names_keep_chinese_and_replace_characters_file_systems_refuse(string title, ExportFormat format, string expected) =>
        TableExport.FileName(title, format).ShouldBe(expected);

    [Fact]
    public void A_composite_of_64_085_exports_as_64_09_from_a_table_as_from_the_api()
    {
        // 64.085 is stored as 64.08499999999999…: rounding the binary value gives 64.08, the spec's rounding 64.09.
        var table = new ExportTable(["综合分"], [[64.085]]);
        var api = ScoreRounding.ForExportText(64.085);

        var csv = Encoding.UTF8.GetString(new TableExport().Write(table, ExportFormat.Csv)).Split('\n')[1].Trim();
        using var xlsx = new MemoryStream(new TableExport().Write(table, ExportFormat.Xlsx));
        var cell = Convert.ToDouble(xlsx.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().Single()["综合分"], CultureInfo.InvariantCulture);

        api.ShouldBe("64.09");
        csv.ShouldBe("64.09");
        cell.ShouldBe(64.09);
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public void Text_cells_that_start_a_formula_are_neutralised_and_numbers_stay_numbers(ExportFormat format)
    {
        var table = new ExportTable(["=Header", "学员", "变化"],
            [["=HYPERLINK(\"http://x\",\"点击\")", "+86 138", -3.5], ["@SUM(A1)", "-项目", 2.0]]);

        var cells = Read(new TableExport().Write(table, format), format);

        cells[0][0].ShouldBe("'=Header");
        cells[1][0].ShouldBe("'=HYPERLINK(\"http://x\",\"点击\")");
        cells[1][1].ShouldBe("'+86 138");
        cells[2][0].ShouldBe("'@SUM(A1)");
        cells[2][1].ShouldBe("'-项目");
        Convert.ToDouble(cells[1][2], CultureInfo.InvariantCulture).ShouldBe(-3.5);
    }

    private static List<List<object?>> Read(byte[] bytes, ExportFormat format)
    {
        if (format == ExportFormat.Xlsx)
        {
            return new MemoryStream(bytes).Query(useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        }
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<List<object?>>();
        while (csv.Read())
            rows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => (object?)csv.GetField(i))]);
        return rows;
    }
}
