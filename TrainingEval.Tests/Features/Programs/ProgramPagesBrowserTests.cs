using Microsoft.Playwright;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Programs;

/// <summary>The overview, program history and cohort comparison in headless Chromium on the demo company.</summary>
public sealed class ProgramPagesBrowserTests(BrowserFixture browser)
{
    // Blazor navigates inside the circuit (history.pushState): there is no load event to wait for, only the URL.
    private static readonly PageWaitForURLOptions InCircuitNavigation = new() { WaitUntil = WaitUntilState.Commit };

    // The demo company's catalog: every program has scored cohorts.
    private const int DemoPrograms = 8;

    // Tests beside this one add programs with scores to the shared dashboard (SurveysBrowserTests' SVY-BT), so the
    // bars are counted against the chart's own table of programs, which must hold at least the demo's.

    [Theory]
    [InlineData("en", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.PhoneWidth)]
    public async Task Overview_draws_a_bar_per_program_the_tier_donut_and_the_level_funnel(string culture, int width)
    {
        await using var session = await browser.OpenAsync("", culture, width, width < 600 ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight);
        var page = session.Page;

        var byProgram = page.GetByTestId("card-by-program");
        var bars = byProgram.Locator("path.apexcharts-bar-area");
        await Expect(bars.First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=card-funnel] path.apexcharts-bar-area")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=card-tiers] path.apexcharts-pie-area").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("kpi-learners-value")).Not.ToHaveTextAsync("—");
        await session.ScreenshotAsync($"overview-{culture}-{width}");

        await byProgram.GetByTestId("chart-table-toggle").ClickAsync();
        var programs = byProgram.Locator("[data-testid=chart-table] tbody tr");
        await Expect(programs.First).ToBeVisibleAsync();
        (await programs.CountAsync()).ShouldBeGreaterThanOrEqualTo(DemoPrograms);
        await Expect(bars).ToHaveCountAsync(await programs.CountAsync());
    }

    [Theory]
    [InlineData("en", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.PhoneWidth)]
    public async Task Program_history_draws_a_point_per_run_and_marks_the_profile_change(string culture, int width)
    {
        await using var session = await browser.OpenAsync("programs/LEAN-TL", culture, width, width < 600 ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight);
        var page = session.Page;

        var runs = page.GetByTestId("history-row");
        await Expect(runs.First).ToBeVisibleAsync();
        var runCount = await runs.CountAsync();
        runCount.ShouldBeGreaterThanOrEqualTo(2);
        // One series group per line (composite, trend, four levels); the composite line has a marker per run.
        await Expect(page.Locator("[data-testid=card-history] .apexcharts-line-series .apexcharts-series")).ToHaveCountAsync(6);
        // A run nobody is scored in yet (a planned cohort) is a row with "—" and no point.
        var scoredRuns = await runs.EvaluateAllAsync<int>("rows => rows.filter(r => !r.children[5].innerText.trim().startsWith('—')).length");
        scoredRuns.ShouldBeGreaterThanOrEqualTo(2);
        await Expect(page.Locator("[data-testid=card-history] .apexcharts-series[data\\:realIndex='0'] .apexcharts-series-markers .apexcharts-marker")).ToHaveCountAsync(scoredRuns);
        // The demo's lean program moved to profile v2 part-way through its history.
        await Expect(page.Locator("[data-testid=card-history] .apexcharts-xaxis-annotations line")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=card-outcomes] path.apexcharts-bar-area")).ToHaveCountAsync(2 * scoredRuns);
        await session.ScreenshotAsync($"program-history-{culture}-{width}");
    }

    [Fact]
    public async Task Moving_a_what_if_slider_redraws_the_program_history_as_a_draft()
    {
        await using var session = await browser.OpenAsync("programs/LEAN-TL", "en");
        var page = session.Page;
        var composite = page.Locator("[data-testid=card-history] .apexcharts-series[data\\:realIndex='0'] path.apexcharts-line").First;
        await Expect(composite).ToBeVisibleAsync();
        var before = await composite.GetAttributeAsync("d");

        var slider = page.Locator("[data-testid=whatif-level-Results] input[type=range]");
        await slider.FocusAsync();
        for (var i = 0; i < 15; i++)
            await slider.PressAsync("ArrowLeft");

        await Expect(page.GetByTestId("draft-banner")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=card-history] .apexcharts-legend")).ToContainTextAsync("Mean composite (draft)");
        await Expect(composite).Not.ToHaveAttributeAsync("d", before!);
        await session.ScreenshotAsync("program-history-en-draft");
    }

    [Theory]
    [InlineData("en", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.PhoneWidth)]
    public async Task Compare_draws_five_bars_per_cohort_and_a_box_per_cohort(string culture, int width)
    {
        await using var session = await browser.OpenAsync("programs/LEAN-TL", culture, width, width < 600 ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight);
        var page = session.Page;
        await page.GetByTestId("compare-latest").ClickAsync();
        await page.WaitForURLAsync("**/compare?cohorts=*", InCircuitNavigation);

        var cards = page.GetByTestId("compare-card");
        await Expect(cards.First).ToBeVisibleAsync();
        var cohorts = await cards.CountAsync();
        cohorts.ShouldBeInRange(2, 4);
        await Expect(page.Locator("[data-testid=card-levels] path.apexcharts-bar-area")).ToHaveCountAsync(5 * cohorts);
        await Expect(page.Locator("[data-testid=card-spread] .apexcharts-boxPlot-series path")).ToHaveCountAsync(2 * cohorts);
        await session.ScreenshotAsync($"compare-{culture}-{width}");
    }
}
