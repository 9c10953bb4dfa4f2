using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;
using UglyToad.PdfPig;

namespace TrainingEval.Tests.Features.Reports;

/// <summary>
/// Every report page in headless Chromium (zh-CN and en, desktop and 390 px), with screenshots in
/// bin/…/artifacts/screenshots/report-*.png; and the effectiveness PDF as a user downloads it, charts included.
/// </summary>
public sealed class ReportPagesBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Cohort, string EmployeeNo)> DemoSubjectsAsync()
    {
        await using (await browser.OpenAsync("reports")) { }
        var factory = browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        var cohort = await db.Cohorts.Where(c => c.ClosedAt != null && db.KpiMeasurements.Any(m => m.CohortId == c.Id && m.Actual != null))
            .OrderByDescending(c => c.StartDate).Select(c => c.Code).FirstAsync(Ct);
        var learner = await db.LearnerScores.Where(s => s.Composite != null).GroupBy(s => s.LearnerId).Where(g => g.Count() >= 2)
            .Select(g => g.Key).FirstAsync(Ct);
        var employeeNo = await db.Learners.Where(l => l.Id == learner).Select(l => l.EmployeeNumber).FirstAsync(Ct);
        return (cohort, employeeNo);
    }

    /// <summary>
    /// Issue 14 item 17: the growth report's lookup finds a learner by name in the reader's language (picking a suggestion opens
    /// the report), and an employee number typed in full opens with one click on "Open".
    /// </summary>
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_growth_report_lookup_finds_a_learner_by_name_and_opens_a_typed_employee_number_with_one_click(string culture)
    {
        await DemoSubjectsAsync();
        var factory = browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        // A scored learner whose name no one else has in either language, so the suggestions hold them whatever the demo draws.
        var learner = await db.Learners
            .Where(l => db.LearnerScores.Any(s => s.LearnerId == l.Id && s.Composite != null))
            .Where(l => !db.Learners.Any(o => o.Id != l.Id && (o.Name == l.Name || o.NameEn == l.NameEn)))
            .OrderBy(l => l.EmployeeNumber)
            .Select(l => new { l.EmployeeNumber, l.Name, l.NameEn }).FirstAsync(Ct);
        var employeeNo = learner.EmployeeNumber;
        var name = culture == "en" ? learner.NameEn! : learner.Name;

        await using var session = await browser.OpenAsync("reports", culture);
        var page = session.Page;
        var lookup = page.GetByTestId("index-lookup").Locator("input").First;
        await lookup.FillAsync(name);
        var option = page.GetByTestId("index-learner-option").Filter(new() { HasTextString = employeeNo });
        await Expect(option).ToBeVisibleAsync();
        await Expect(option).ToContainTextAsync(name);
        // The list redraws once per finished search; click the settled one.
        await page.WaitForTimeoutAsync(500);
        await option.ClickAsync();
        await page.WaitForURLAsync($"**/reports/learners/{employeeNo}", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("growth-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("growth-report")).ToContainTextAsync(name);

        await session.GoToAsync(new Uri(browser.BaseUri, "reports"));
        // One input event with the whole number. The field hands its text to the page after its (zero) debounce, on a
        // timer: under load a click could come before it, so the test gives it a moment, as a user's hand does.
        await page.GetByTestId("index-lookup").Locator("input").First.FillAsync(employeeNo);
        await Expect(page.GetByTestId("index-learner-option").Filter(new() { HasTextString = employeeNo })).Not.ToHaveCountAsync(0);
        await page.WaitForTimeoutAsync(500);
        await page.GetByTestId("index-open").ClickAsync();
        await page.WaitForURLAsync($"**/reports/learners/{employeeNo}", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("growth-table")).ToBeVisibleAsync();
    }

    public static TheoryData<string, int> Views() => new()
    {
        { "zh-CN", BrowserFixture.DesktopWidth },
        { "en", BrowserFixture.DesktopWidth },
        { "zh-CN", BrowserFixture.PhoneWidth },
        { "en", BrowserFixture.PhoneWidth },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Every_report_page_renders(string culture, int width)
    {
        var (cohort, employeeNo) = await DemoSubjectsAsync();
        var suffix = $"{culture}-{width}";
        var pages = new (string Url, string TestId, string Name)[]
        {
            ("reports", "index-cohorts", "index"),
            ($"reports/cohorts/{cohort}", "effectiveness-missing", "effectiveness"),
            ($"reports/cohorts/{cohort}/difference", "difference-meaning", "difference"),
            ($"reports/cohorts/{cohort}/roi", "roi-sensitivity", "roi"),
            ("reports/promotions", "promotions-table", "promotions"),
            ("reports/high-potential", "high-potential-table", "high-potential"),
            ($"reports/learners/{employeeNo}", "growth-table", "growth"),
        };
        foreach (var (url, testId, name) in pages)
        {
            await using var session = await browser.OpenAsync(url, culture, width);
            await Assertions.Expect(session.Page.GetByTestId(testId)).ToBeVisibleAsync();
            await Assertions.Expect(session.Page.GetByTestId("report-denied")).ToHaveCountAsync(0);
            // Charts draw without animation; give ApexCharts a frame to lay out before the screenshot.
            await session.Page.WaitForTimeoutAsync(300);
            await session.ScreenshotAsync($"report-{name}-{suffix}");
        }
    }

    /// <summary>
    /// Every text box of a chart (data labels and axis labels), with the chart's own box: a phone test checks they
    /// neither overlap nor stick out (column labels collided and rotated tier names were cut at 390 px).
    /// </summary>
    private const string ChartLabelBoxes = """
        id => {
          const svg = document.querySelector('#' + id + ' svg.apexcharts-svg');
          const box = r => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: '' });
          const labels = [...svg.querySelectorAll('text.apexcharts-datalabel, text.apexcharts-xaxis-label, text.apexcharts-yaxis-label')]
            .filter(t => t.textContent.trim() !== '' && t.getBoundingClientRect().width > 0)
            .map(t => ({ ...box(t.getBoundingClientRect()), text: t.textContent.trim() }));
          return { chart: box(svg.getBoundingClientRect()), labels };
        }
        """;

    private sealed record Box(double Left, double Top, double Right, double Bottom, string Text)
    {
        public bool Overlaps(Box other) =>
            Left < other.Right - 0.5 && other.Left < Right - 0.5 && Top < other.Bottom - 0.5 && other.Top < Bottom - 0.5;

        public bool Inside(Box outer) => Left >= outer.Left - 0.5 && Right <= outer.Right + 0.5 && Top >= outer.Top - 0.5 && Bottom <= outer.Bottom + 0.5;
    }

    private sealed record ChartBoxes(Box Chart, Box[] Labels)
    {
        public static ChartBoxes From(System.Text.Json.JsonElement json)
        {
            static Box Read(System.Text.Json.JsonElement b) => new(b.GetProperty("left").GetDouble(), b.GetProperty("top").GetDouble(),
                b.GetProperty("right").GetDouble(), b.GetProperty("bottom").GetDouble(), b.GetProperty("text").GetString() ?? "");
            return new(Read(json.GetProperty("chart")), [.. json.GetProperty("labels").EnumerateArray().Select(Read)]);
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task On_a_phone_the_index_folds_earlier_cohorts_and_no_chart_label_overlaps_or_is_cut(string culture)
    {
        var (cohort, _) = await DemoSubjectsAsync();
        await using (var index = await browser.OpenAsync("reports", culture, BrowserFixture.PhoneWidth))
        {
            await Assertions.Expect(index.Page.GetByTestId("index-cohorts")).ToBeVisibleAsync();
            (await index.Page.GetByTestId("index-earlier").CountAsync()).ShouldBeGreaterThan(0);
            // One table with a program column ran to about 7,900 px; grouped and folded it is about a third of that.
            (await index.Page.EvaluateAsync<int>("document.documentElement.scrollHeight")).ShouldBeLessThan(3500);
            (await index.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        }

        await using var report = await browser.OpenAsync($"reports/cohorts/{cohort}", culture, BrowserFixture.PhoneWidth);
        foreach (var chart in new[] { "report-levels", "report-tiers" })
        {
            await Assertions.Expect(report.Page.Locator($"#{chart} .apexcharts-svg")).ToBeVisibleAsync();
            await report.Page.WaitForTimeoutAsync(300);
            var boxes = ChartBoxes.From((await report.Page.EvaluateAsync<System.Text.Json.JsonElement?>(ChartLabelBoxes, chart))!.Value);
            boxes.Labels.Length.ShouldBeGreaterThan(4);
            foreach (var label in boxes.Labels)
            {
                label.Inside(boxes.Chart).ShouldBeTrue($"{chart}: '{label.Text}' sticks out of the chart");
                foreach (var other in boxes.Labels.Where(o => !ReferenceEquals(o, label)))
                    label.Overlaps(other).ShouldBeFalse($"{chart}: '{label.Text}' overlaps '{other.Text}'");
            }
        }
    }

    [Fact]
    public async Task The_difference_report_explains_every_measure_in_a_sentence()
    {
        var (cohort, _) = await DemoSubjectsAsync();
        await using var session = await browser.OpenAsync($"reports/cohorts/{cohort}/difference", "en");

        var rows = await session.Page.GetByTestId("difference-row").CountAsync();
        rows.ShouldBeGreaterThanOrEqualTo(3);
        (await session.Page.GetByTestId("difference-sentence").CountAsync()).ShouldBe(rows);
        await Assertions.Expect(session.Page.GetByTestId("did-section")).ToContainTextAsync("Performance rating");
    }

    [Fact]
    public async Task The_effectiveness_PDF_downloads_with_both_charts_embedded()
    {
        var (cohort, _) = await DemoSubjectsAsync();
        await using var session = await browser.OpenAsync($"reports/cohorts/{cohort}", "zh-CN");
        await Assertions.Expect(session.Page.Locator("#report-tiers .apexcharts-svg")).ToBeVisibleAsync();

        var download = await session.Page.RunAndWaitForDownloadAsync(
            () => session.Page.GetByTestId("report-pdf").ClickAsync(), new PageRunAndWaitForDownloadOptions { Timeout = 120_000 });

        download.SuggestedFilename.ShouldBe($"effectiveness-{cohort}.pdf");
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        // The font is subset to the glyphs printed (was ≈ 13 MB with the whole Noto Sans CJK font in every file).
        new FileInfo(path).Length.ShouldBeLessThan(1_500_000);
        using var pdf = PdfDocument.Open(path);
        pdf.GetPages().Sum(p => p.GetImages().Count()).ShouldBe(2);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.ShouldContain("培训效果分析报告");
        text.ShouldContain(cohort);
    }
}
