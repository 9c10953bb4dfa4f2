using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>
/// Issue 19 item 7: a CSV whose quotes do not pair up is refused whole, naming the row and why, in both languages —
/// never read as fewer rows (an unclosed quote on row 2 used to swallow every row after it into one value: "1 row read").
/// </summary>
public sealed class CsvBadQuoteTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ImportService _import = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await TestData.CreateAsync(_database);
        _import = ImportTestKit.Service(_database);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<int> LearnerCountAsync()
    {
        await using var db = _database.CreateContext();
        return await db.Learners.CountAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_unclosed_quote_on_row_2_refuses_the_file_naming_the_row_and_nothing_is_written()
    {
        var before = await LearnerCountAsync();

        var result = await _import.ImportCsvAsync(ImportKind.Learners, "employee_no,name\nQ001,\"Ann\nQ002,Bob\nQ003,Cid\n");

        result.Succeeded.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem();
        (error.Row, error.Code).ShouldBe((0, ImportMessages.FileUnclosedQuote));
        error.Message.ShouldBe("Row 2: a value starts with a quote (\") that is never closed, so the rest of the file would be read as that one value. Close the quote or remove it.");
        error.MessageIn(CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("第 2 行：某个值以引号（\"）开头却没有闭合，文件其余部分会被读成这一个值。请补上闭合的引号或删除它。");
        (await LearnerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_quote_in_the_middle_of_a_value_refuses_the_file_naming_the_row()
    {
        var result = await _import.ImportCsvAsync(ImportKind.Learners, "employee_no,name\nQ001,Ann\nQ002,Bo\"b\nQ003,Cid\n");

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Code, error.Arguments[0]).ShouldBe((ImportMessages.FileStrayQuote, "3"));
        error.MessageIn(CultureInfo.GetCultureInfo("zh-CN")).ShouldStartWith("第 3 行：某个值中间有引号");
    }

    [Fact]
    public async Task Quoted_values_with_commas_line_breaks_and_doubled_quotes_still_import()
    {
        var result = await _import.ImportCsvAsync(ImportKind.Learners, "employee_no,name\nQ001,\"Ann, \"\"the\"\" first\"\nQ002,\"Bob\nBrown\"\n");

        result.Errors.ShouldBeEmpty();
        (result.RowsRead, result.Created).ShouldBe((2, 2));
    }
}
