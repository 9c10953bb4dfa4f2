using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>The cohort page in headless Chromium on the demo company: drawn charts, a live what-if redraw, screenshots.</summary>
public sealed class CohortPageBrowserTests(BrowserFixture browser)
{
    /// <summary>The demo cohort with the most scored learners and its number of ranked learners, from the server's database.</summary>
    private async Task<(string Code, int Ranked)> LargestCohortAsync()
    {
        var factory = browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var largest = await db.Cohorts
            .Select(c => new { c.Code, Ranked = db.LearnerScores.Count(s => s.CohortId == c.Id && s.Rank != null) })
            .OrderByDescending(c => c.Ranked).ThenBy(c => c.Code)
            .FirstAsync();
        return (largest.Code, largest.Ranked);
    }

    private static ILocator Bars(IPage page, string series) =>
        page.Locator($"#cohort-ranking g.apexcharts-series[seriesName='{series}'] path.apexcharts-bar-area");

    [Theory]
    [InlineData("en", "Indicator weights")]
    [InlineData("zh-CN", "指标权重")]
    public async Task The_indicator_drawer_opens_over_the_draft_banner(string culture, string heading)
    {
        await using (await browser.OpenAsync("cohorts/none", culture: culture)) { }
        var (code, _) = await LargestCohortAsync();
        await using var session = await browser.OpenAsync($"cohorts/{code}", culture: culture);
        var page = session.Page;
        await page.Locator("[data-testid=whatif-level-Reaction] input[type=range]").FillAsync("60");
        await Expect(page.GetByTestId("draft-banner")).ToBeVisibleAsync();

        await page.GetByTestId("whatif-open-indicators").ClickAsync();
        await Expect(page.GetByTestId("whatif-indicators")).ToBeVisibleAsync();
        await Expect(page.Locator(".whatif-drawer-head")).ToContainTextAsync(heading);

        // Where the drawer and the banner overlap, the drawer is on top: the point belongs to the drawer, not the banner.
        var onTop = await page.EvaluateAsync<string>("""
            () => {
              const banner = document.querySelector('[data-testid=draft-banner]').getBoundingClientRect();
              const drawer = document.querySelector('.whatif-drawer').getBoundingClientRect();
              const e = document.elementFromPoint(Math.max(banner.left, drawer.left) + 20, banner.top + banner.height / 2);
              return e?.closest('.whatif-drawer') ? 'drawer' : e?.closest('[data-testid=draft-banner]') ? 'banner' : String(e?.className ?? 'nothing');
            }
            """);
        onTop.ShouldBe("drawer");
        await session.ScreenshotAsync($"cohort-drawer-{culture}", fullPage: false);
    }

    [Fact]
    public async Task Draws_the_ranking_box_plot_and_radar_and_redraws_them_when_a_level_weight_moves()
    {
        // Opening any page starts the server, which seeds and scores the demo company.
        await using (await browser.OpenAsync("cohorts/none", culture: "en")) { }
        var (code, ranked) = await LargestCohortAsync();
        ranked.ShouldBeGreaterThan(CohortChartBuilder.DefaultTopCount);

        await using var session = await browser.OpenAsync($"cohorts/{code}", culture: "en");
        var page = session.Page;
        await Expect(page.GetByTestId("cohort-title")).ToBeVisibleAsync();
        await Expect(Bars(page, "Learning")).ToHaveCountAsync(CohortChartBuilder.DefaultTopCount);
        await Expect(page.Locator("#cohort-distribution svg.apexcharts-svg")).ToBeVisibleAsync();
        // ApexCharts draws a box as two paths (below and above the median); the means are scatter markers.
        var boxes = int.Parse(await page.GetByTestId("distribution-card").GetAttributeAsync("data-boxes") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        boxes.ShouldBeGreaterThanOrEqualTo(3);
        await Expect(page.Locator("#cohort-distribution g.apexcharts-series path.apexcharts-boxPlot-area")).ToHaveCountAsync(2 * boxes);
        await Expect(page.Locator("#cohort-distribution .apexcharts-series-markers path.apexcharts-marker")).ToHaveCountAsync(boxes);
        await Expect(page.Locator("#cohort-radar .apexcharts-radar-series path.apexcharts-radar").First).ToHaveAttributeAsync("d", new System.Text.RegularExpressions.Regex("^M [-0-9.]+ [-0-9.]+ L"));
        await Expect(page.Locator("#cohort-radar polygon").First).Not.ToHaveAttributeAsync("points", new System.Text.RegularExpressions.Regex("NaN"));
        await Expect(page.GetByTestId("learner-link")).ToHaveCountAsync(CohortLearnerQuery.DefaultPageSize);
        await session.ScreenshotAsync("cohort-desktop-en");

        var firstBar = await Bars(page, "Reaction").First.GetAttributeAsync("d");
        await page.Locator("[data-testid=whatif-level-Reaction] input[type=range]").FillAsync("60");

        await Expect(page.GetByTestId("draft-banner")).ToBeVisibleAsync();
        await Expect(Bars(page, "Reaction").First).Not.ToHaveAttributeAsync("d", firstBar!);
        await Expect(page.GetByTestId("stat-profile")).ToContainTextAsync("Draft");
        await session.ScreenshotAsync("cohort-desktop-en-draft");

        await page.GetByTestId("ranking-show-all").ClickAsync();
        await Expect(Bars(page, "Learning")).ToHaveCountAsync(Math.Min(ranked, CohortChartBuilder.MaxBars));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("all=true", System.Text.RegularExpressions.RegexOptions.IgnoreCase));

        await page.GetByTestId("draft-banner-discard").ClickAsync();
        await Expect(page.GetByTestId("draft-banner")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Page_state_comes_from_the_url_in_Chinese_and_at_phone_width()
    {
        await using (await browser.OpenAsync("cohorts/none", culture: "zh-CN")) { }
        var (code, _) = await LargestCohortAsync();

        await using (var session = await browser.OpenAsync($"cohorts/{code}?sort=composite&dir=desc&page=2", culture: "zh-CN"))
        {
            var page = session.Page;
            await Expect(Bars(page, "学习")).ToHaveCountAsync(CohortChartBuilder.DefaultTopCount);
            await Expect(page.Locator(".mud-table-pagination-caption").Last).ToContainTextAsync("第 11–20 条");
            await Expect(page.GetByTestId("stat-learners")).ToContainTextAsync("学员");
            await session.ScreenshotAsync("cohort-desktop-zh-CN");
        }

        await using (var phone = await browser.OpenAsync($"cohorts/{code}", culture: "zh-CN", width: BrowserFixture.PhoneWidth, height: BrowserFixture.PhoneHeight))
        {
            await Expect(Bars(phone.Page, "学习")).ToHaveCountAsync(CohortChartBuilder.DefaultTopCount);
            await phone.ScreenshotAsync("cohort-phone-zh-CN");
            await phone.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "cohort-phone-zh-CN-top.png") });
        }
    }
}
