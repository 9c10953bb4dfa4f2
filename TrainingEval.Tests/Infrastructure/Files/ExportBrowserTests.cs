using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Infrastructure.Files;

/// <summary>Export → XLSX on the cohort page in headless Chromium gives a download that opens as a workbook of the cohort's learners.</summary>
public sealed class ExportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Cohort_page_exports_all_learners_as_a_workbook_download()
    {
        await using (await browser.OpenAsync("cohorts/none", culture: "zh-CN")) { }
        var factory = browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
        string code;
        List<string> numbers;
        await using (var db = await factory.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            var largest = await db.Cohorts.OrderByDescending(c => db.LearnerScores.Count(s => s.CohortId == c.Id)).ThenBy(c => c.Code).FirstAsync(Xunit.TestContext.Current.CancellationToken);
            code = largest.Code;
            numbers = await db.LearnerScores.Where(s => s.CohortId == largest.Id).Select(s => s.Learner!.EmployeeNumber).ToListAsync(Xunit.TestContext.Current.CancellationToken);
        }

        await using var session = await browser.OpenAsync($"cohorts/{code}", culture: "zh-CN");
        var page = session.Page;
        await Expect(page.GetByTestId("learner-link").First).ToBeVisibleAsync();
        await page.GetByTestId("learner-table-export").Locator("button").First.ClickAsync();
        await Expect(page.GetByTestId("export-xlsx")).ToBeVisibleAsync();
        await session.ScreenshotAsync("cohort-export-menu-zh-CN");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());

        download.SuggestedFilename.ShouldBe($"{code}-学员列表.xlsx");
        var path = await download.PathAsync();
        var rows = MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        rows[0][1].ShouldBe("工号");
        rows.Skip(1).Select(r => (string)r[1]!).ShouldBe(numbers, ignoreOrder: true);
    }
}
