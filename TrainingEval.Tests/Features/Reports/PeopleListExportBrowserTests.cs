using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Playwright;
using MiniExcelLibs;
using TrainingEval.Tests.Support;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Reports;

/// <summary>
/// Issue 21 items 4 and 6 in Chromium: the high-potential pool filters by department (the filter in the URL) and its CSV
/// holds exactly the rows shown; the promotion suggestions download as PDF and XLSX. Read-only on the shared demo dashboard.
/// </summary>
public sealed class PeopleListExportBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN", "已筛选：显示", "工号")]
    [InlineData("en", "shown (filtered)", "Employee number")]
    public async Task The_pool_filtered_by_a_department_exports_the_rows_shown_as_CSV(string culture, string filtered, string employeeHeader)
    {
        await using var session = await browser.OpenAsync("reports/high-potential", culture);
        await session.WaitForCircuitAsync();
        var page = session.Page;
        await Expect(page.GetByTestId("high-potential-row").First).ToBeVisibleAsync();
        var all = await page.GetByTestId("high-potential-row").CountAsync();

        await page.GetByTestId("filter-department").ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item").First;
        await Expect(option).ToBeVisibleAsync();
        var department = (await option.InnerTextAsync()).Trim();
        await option.ClickAsync();
        // The filter navigates inside the page (no load event): poll the address and the note rather than wait for a load.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/reports/high-potential\?department="), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("high-potential-filtered")).ToContainTextAsync(filtered, new() { Timeout = 30_000 });
        var rows = page.GetByTestId("high-potential-row");
        var shown = await rows.CountAsync();
        shown.ShouldBeLessThan(all);
        for (var i = 0; i < shown; i++)
            (await rows.Nth(i).InnerTextAsync()).ShouldContain(department);
        await session.ScreenshotAsync($"high-potential-filtered-{culture}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-csv").ClickAsync());
        download.SuggestedFilename.ShouldBe("high-potential.csv");
        using var reader = new StreamReader(await download.PathAsync(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        csv.HeaderRecord!.ShouldContain(employeeHeader);
        var numbers = new List<string>();
        while (csv.Read())
            numbers.Add(csv.GetField(employeeHeader)!);
        numbers.Count.ShouldBe(shown);
        for (var i = 0; i < shown; i++)
            (await rows.Nth(i).InnerTextAsync()).ShouldContain(numbers[i]);
    }

    [Fact]
    public async Task Promotion_suggestions_download_as_a_PDF_and_a_workbook_of_every_suggestion()
    {
        await using var session = await browser.OpenAsync("reports/promotions", "zh-CN");
        await session.WaitForCircuitAsync();
        var page = session.Page;
        await Expect(page.GetByTestId("promotion-row").First).ToBeVisibleAsync();
        var count = await page.GetByTestId("promotion-row").CountAsync();
        var firstNumber = System.Text.RegularExpressions.Regex.Match(await page.GetByTestId("promotion-row").First.InnerTextAsync(), @"\bE\d+\b").Value;

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-pdf").ClickAsync(), new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });
        pdf.SuggestedFilename.ShouldBe("promotion-suggestions.pdf");
        using (var document = PdfDocument.Open(await pdf.PathAsync()))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            text.ShouldContain("晋升建议");
            text.ShouldContain(firstNumber);
        }
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-xlsx").ClickAsync());
        xlsx.SuggestedFilename.ShouldBe("promotion-suggestions.xlsx");
        var rows = MiniExcel.Query(await xlsx.PathAsync(), useHeaderRow: true, sheetName: "晋升建议", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(count);
        rows.ShouldAllBe(r => r["决定"] != null);
        rows[0]["工号"].ShouldBe(firstNumber);
    }
}
