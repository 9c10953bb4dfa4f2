using Microsoft.Playwright;
using MiniExcelLibs;
using TrainingEval.Tests.Support;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Overview;

/// <summary>Issue 21 item 4: the overview downloads as a PDF and a workbook with its headline numbers and each chart's table, for the filter in the URL.</summary>
public sealed class OverviewExportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_filtered_overview_downloads_as_a_Chinese_PDF_and_a_workbook_of_its_charts_numbers()
    {
        await using var session = await browser.OpenAsync("?program=LEAN-TL", "zh-CN");
        await session.WaitForCircuitAsync();
        var page = session.Page;
        await Expect(page.GetByTestId("kpi-learners")).Not.ToContainTextAsync("—", new() { Timeout = 30_000 });
        var learners = (await page.GetByTestId("kpi-learners").InnerTextAsync()).Split('\n').Select(l => l.Trim()).First(l => l.Length > 0 && char.IsDigit(l[0]));

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-pdf").ClickAsync(), new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });

        pdf.SuggestedFilename.ShouldBe("培训总览.pdf");
        using (var document = PdfDocument.Open(await pdf.PathAsync()))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            text.ShouldContain("培训总览");
            text.ShouldContain("LEAN-TL");
            text.ShouldContain(learners);
        }
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-xlsx").ClickAsync());
        using var workbook = File.OpenRead(await xlsx.PathAsync());
        var sheets = MiniExcel.GetSheetNames(workbook);
        sheets.Count.ShouldBe(4, "by program, tiers, funnel, recent cohorts");
        workbook.Position = 0;
        var programs = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: sheets[0], excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        programs.Count.ShouldBe(1, "the filter keeps one program");
    }
}
