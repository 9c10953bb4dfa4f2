using System.Text;
using TrainingEval.Dashboard.Infrastructure.Files;

namespace TrainingEval.Tests.Security;

/// <summary>Issue 19 item 2 (OWASP CSV injection): text that a spreadsheet would run as a formula is written as text.</summary>
public sealed class CsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"open\")", "'=HYPERLINK(\"http://evil.example\",\"open\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("王芳", "王芳")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Formula_starts_get_an_apostrophe(string cell, string written) => CsvOutput.Neutralise(cell).ShouldBe(written);

    [Theory]
    [InlineData("-3.5")]
    [InlineData("-12")]
    [InlineData("+2")]
    [InlineData("-1E-05")]
    public void Real_numbers_stay_numbers(string number) => CsvOutput.Neutralise(number).ShouldBe(number);

    [Fact]
    public void A_table_export_with_a_hostile_name_writes_text_and_keeps_negative_numbers()
    {
        var table = new ExportTable(["name", "=header", "change"], [["=1+2", "@x", -3.25], ["张伟", "ok", 4.5]]);

        var csv = Encoding.UTF8.GetString(new TableExport().Write(table, ExportFormat.Csv)).TrimStart('\uFEFF');

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("name,'=header,change");
        lines[1].ShouldBe("'=1+2,'@x,-3.25");
        lines[2].ShouldBe("张伟,ok,4.5");
    }
}
