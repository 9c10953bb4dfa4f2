using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Playwright;
using MiniExcelLibs;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Admin;

/// <summary>
/// Issue 21 item 4 in Chromium: the users table downloads as CSV and a learner's cohort table as XLSX, and the files hold
/// the rows the page lists (and no password data). Read-only on the shared demo dashboard.
/// </summary>
public sealed class AdminExportBrowserTests(BrowserFixture browser)
{
    private static async Task<IDownload> ExportAsync(IPage page, string menu, string format)
    {
        await page.GetByTestId(menu).Locator("button").First.ClickAsync();
        await Expect(page.GetByTestId($"export-{format}")).ToBeVisibleAsync();
        return await page.RunAndWaitForDownloadAsync(() => page.GetByTestId($"export-{format}").ClickAsync());
    }

    [Theory]
    [InlineData("en", "Users and roles.csv", "User name", "Administrator")]
    [InlineData("zh-CN", "用户与角色.csv", "用户名", "系统管理员")]
    public async Task The_users_table_downloads_as_csv_with_every_account_and_no_password_data(string culture, string file, string header, string admin)
    {
        await using var session = await browser.OpenAsync("admin/users", culture, user: "admin");
        await session.WaitForCircuitAsync();
        var page = session.Page;
        await Expect(page.Locator("[data-testid=users-table] tbody tr").First).ToBeVisibleAsync();
        var shown = await page.Locator("[data-testid=users-table] tbody tr").CountAsync();

        var download = await ExportAsync(page, "users-export", "csv");

        download.SuggestedFilename.ShouldBe(file);
        using var reader = new StreamReader(await download.PathAsync(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!)]);
        rows[0][0].ShouldBe(header);
        rows.Count.ShouldBe(shown + 1);
        var adminRow = rows.Single(r => r[0] == "admin");
        adminRow[2].ShouldContain(admin);
        string.Join('|', rows.SelectMany(r => r)).ShouldNotContain("Demo-Admin-2026", Case.Insensitive);
    }

    [Fact]
    public async Task A_learners_cohort_table_downloads_as_xlsx_with_one_row_per_cohort()
    {
        await using var session = await browser.OpenAsync("me", "zh-CN", user: "learner");
        await session.WaitForCircuitAsync();
        var page = session.Page;
        var rows = page.Locator("[data-testid=learner-cohorts] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var codes = (await page.GetByTestId("cohort-code").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();

        var download = await ExportAsync(page, "learner-cohorts-export", "xlsx");

        download.SuggestedFilename.ShouldEndWith("-参训班期.xlsx");
        var sheet = MiniExcel.Query(await download.PathAsync(), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        sheet.Select(r => (string)r["班期"]!).ShouldBe(codes);
        sheet[0].Keys.ShouldContain("覆盖率 (%)");
    }
}
