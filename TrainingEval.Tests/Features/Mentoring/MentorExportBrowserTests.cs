using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Playwright;
using MiniExcelLibs;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Mentoring;

/// <summary>
/// Issue 21 item 4: the mentor's notification centre (as filtered), weekly digest and mentee list download as CSV/XLSX that
/// hold exactly what the page lists. Read-only on the shared demo dashboard (an export marks nothing read).
/// </summary>
public sealed class MentorExportBrowserTests(BrowserFixture browser)
{
    private static async Task<IDownload> ExportAsync(IPage page, string menu, string format)
    {
        await page.GetByTestId(menu).Locator("button").First.ClickAsync();
        await Expect(page.GetByTestId($"export-{format}")).ToBeVisibleAsync();
        return await page.RunAndWaitForDownloadAsync(() => page.GetByTestId($"export-{format}").ClickAsync());
    }

    private static async Task<List<string[]>> CsvAsync(IDownload download)
    {
        using var reader = new StreamReader(await download.PathAsync(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!)]);
        return rows;
    }

    [Theory]
    [InlineData("zh-CN", "通知中心.csv", "预警", "未读")]
    [InlineData("en", "notifications.csv", "Alert", "unread")]
    public async Task The_filtered_notification_centre_exports_every_match_with_its_kind_and_read_state(string culture, string file, string alert, string unread)
    {
        await using var session = await browser.OpenAsync("notifications?kind=Alert", culture, user: "mentor");
        await session.WaitForCircuitAsync();
        var page = session.Page;
        await Expect(page.GetByTestId("notification").First).ToBeVisibleAsync();
        var matching = int.Parse(System.Text.RegularExpressions.Regex.Match(await page.GetByTestId("matching-count").InnerTextAsync(), @"\d+").Value, CultureInfo.InvariantCulture);
        var unreadBefore = await page.GetByTestId("unread-count").InnerTextAsync();

        var download = await ExportAsync(page, "notifications-export", "csv");

        download.SuggestedFilename.ShouldBe(file);
        var rows = await CsvAsync(download);
        rows.Count.ShouldBe(matching + 1, "a header and every alert the filter matches, not only the first page");
        rows.Skip(1).ShouldAllBe(r => r[1] == alert);
        rows.Skip(1).ShouldContain(r => r[6] == unread);
        rows.Skip(1).ShouldAllBe(r => r[3].StartsWith('E'));
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync(unreadBefore);
    }

    [Fact]
    public async Task The_weekly_digest_and_the_mentee_list_download_as_the_rows_shown()
    {
        await using var session = await browser.OpenAsync("mentor/digest", "zh-CN", user: "mentor");
        await session.WaitForCircuitAsync();
        var page = session.Page;
        await Expect(page.GetByTestId("digest-line").First).ToBeVisibleAsync();
        var lines = page.GetByTestId("digest-line");
        var count = await lines.CountAsync();
        var week = (await page.GetByTestId("digest-week").InnerTextAsync()).Trim();

        var digest = await ExportAsync(page, "digest-export", "xlsx");

        digest.SuggestedFilename.ShouldBe($"每周摘要-{week}.xlsx");
        var rows = MiniExcel.Query(await digest.PathAsync(), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(count);
        rows[0]["工号"].ShouldBe(await lines.First.GetAttributeAsync("data-employee"));
        rows.ShouldAllBe(r => r["状态"] != null);

        await page.GotoAsync(new Uri(browser.BaseUri, "mentor").ToString());
        await Expect(page.GetByTestId("mentee-row").First).ToBeVisibleAsync();
        var mentees = await page.GetByTestId("mentee-row").CountAsync();
        var list = await CsvAsync(await ExportAsync(page, "mentees-export", "csv"));
        list.Count.ShouldBe(mentees + 1);
        list[0][0].ShouldBe("工号");
        list[1][0].ShouldBe(await page.GetByTestId("mentee-row").First.GetAttributeAsync("data-employee"));
    }
}
