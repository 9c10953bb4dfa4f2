using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Infrastructure.Charts;
using MudTheme = MudBlazor.MudTheme;

namespace TrainingEval.Tests.Infrastructure.Charts;

/// <summary>
/// The chart module against the real ApexCharts 4.7.0 in headless Chromium, with options composed by
/// the same code the component uses.
/// </summary>
public class ApexChartBrowserTests(ChartBrowserHost host) : IClassFixture<ChartBrowserHost>
{
    private static readonly ApexChartOptions BarOptions = new()
    {
        Chart = new ChartSettings { Type = ApexChartType.Bar, Animations = new ChartAnimations { Enabled = false } },
        XAxis = new ChartXAxis { Categories = ["Reaction", "Learning", "Behavior"] },
        DataLabels = new ChartDataLabels { Enabled = true, Formatter = ChartFormatter.Number(1, suffix: " pt") },
    };

    private static string Compose(ApexChartOptions options, bool darkMode, string locale, string exportName = "cohort-scores", bool animationsOff = false) =>
        ChartOptionsComposer.Compose(options, new ChartComposition(
            "cohort-scores", 300, ChartTheme.From(new MudTheme(), darkMode), locale, exportName, animationsOff));

    private static string Series(int count) => JsonSerializer.Serialize(
        Enumerable.Range(1, count).Select(s => new ChartSeries
        {
            Name = $"Cohort {s}",
            Data = [ChartPoint.Of(s + 0.25), ChartPoint.Of(s + 1.5), ChartPoint.Of(s + 2)],
        }).ToList(),
        ChartJson.Options);

    private static async Task<bool> CreateAsync(IPage page, string options, string series) =>
        await page.EvaluateAsync<bool>(
            "([o, s]) => chartModule.create(document.getElementById('host'), 'cohort-scores', o, s)",
            new[] { options, series });

    [Fact]
    public async Task Draws_one_svg_bar_per_value_with_the_formatter_applied()
    {
        var page = await host.OpenHarnessAsync();

        (await CreateAsync(page, Compose(BarOptions, darkMode: false, "en"), Series(2))).ShouldBeTrue();

        (await page.Locator("#host svg path.apexcharts-bar-area").CountAsync()).ShouldBe(6);
        var labels = await page.Locator("#host .apexcharts-datalabels text").AllTextContentsAsync();
        labels.ShouldContain("1.3 pt");
        labels.ShouldContain("4.0 pt");
    }

    [Fact]
    public async Task DataUri_returns_the_drawn_chart_as_a_PNG_at_the_requested_scale()
    {
        var page = await host.OpenHarnessAsync();
        await CreateAsync(page, Compose(BarOptions, darkMode: false, "en"), Series(2));

        var uri = await page.EvaluateAsync<string>("() => chartModule.dataUri('cohort-scores', 2)");

        uri.ShouldStartWith("data:image/png;base64,");
        var png = Convert.FromBase64String(uri["data:image/png;base64,".Length..]);
        // PNG signature, then the IHDR width: twice the drawn SVG's width.
        png[..4].ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var svgWidth = await page.EvaluateAsync<double>("() => document.querySelector('#host svg.apexcharts-svg').getBoundingClientRect().width");
        ((double)width).ShouldBe(svgWidth * 2, tolerance: 2);
        (await page.EvaluateAsync<string?>("() => chartModule.dataUri('no-such-chart', 1)")).ShouldBeNull();
    }

    [Fact]
    public async Task UpdateSeries_redraws_the_same_chart_with_the_new_bars()
    {
        var page = await host.OpenHarnessAsync();
        await CreateAsync(page, Compose(BarOptions, darkMode: false, "en"), Series(2));
        await page.EvaluateAsync("() => { window.firstChart = ApexCharts.getChartByID('cohort-scores'); }");

        (await page.EvaluateAsync<bool>("s => chartModule.updateSeries('cohort-scores', s)", Series(3))).ShouldBeTrue();

        (await page.Locator("#host svg path.apexcharts-bar-area").CountAsync()).ShouldBe(9);
        (await page.Locator("#host svg.apexcharts-svg").CountAsync()).ShouldBe(1);
        (await page.EvaluateAsync<bool>("() => ApexCharts.getChartByID('cohort-scores') === window.firstChart"))
            .ShouldBeTrue("the chart was updated, not re-created");
    }

    [Fact]
    public async Task Dark_mode_applies_the_dark_palette_text_colour_and_tooltip_theme()
    {
        var dark = ChartTheme.From(new MudTheme(), darkMode: true);
        var page = await host.OpenHarnessAsync();
        await CreateAsync(page, Compose(BarOptions, darkMode: false, "en"), Series(2));

        (await page.EvaluateAsync<bool>("o => chartModule.updateOptions('cohort-scores', o, null)", Compose(BarOptions, darkMode: true, "en"))).ShouldBeTrue();

        var label = page.Locator("#host .apexcharts-xaxis-label").First;
        (await label.GetAttributeAsync("fill")).ShouldBe(dark.ForeColor);
        var firstBar = page.Locator("#host path.apexcharts-bar-area").First;
        var primary = Convert.FromHexString(dark.SeriesColors[0][1..]);
        (await firstBar.GetAttributeAsync("fill")).ShouldStartWith($"rgba({primary[0]},{primary[1]},{primary[2]},", customMessage: $"the dark palette's primary {dark.SeriesColors[0]}");

        // ApexCharts rebuilds its tooltip from the settings it was created with; the module keeps it dark.
        await page.EvaluateAsync<bool>("s => chartModule.updateSeries('cohort-scores', s)", Series(3));
        await page.Locator("#host path.apexcharts-bar-area").Nth(2).HoverAsync();
        (await page.Locator("#host .apexcharts-tooltip.apexcharts-active").GetAttributeAsync("class") ?? "").ShouldContain("apexcharts-theme-dark");
    }

    [Fact]
    public async Task An_options_update_that_ApexCharts_4_7_would_skip_is_drawn()
    {
        // ApexCharts 4.7.0 drops an updateOptions call whose options it does not itself change while preparing
        // them (apexcharts.js#5072) until the window is resized; the module turns that skip off.
        var page = await host.OpenHarnessAsync();
        await CreateAsync(page, Compose(BarOptions, darkMode: false, "en"), Series(2));

        (await page.EvaluateAsync<bool>("o => chartModule.updateOptions('cohort-scores', o, null)", """{"chart":{"foreColor":"#c00000"}}""")).ShouldBeTrue();

        (await page.Locator("#host .apexcharts-xaxis-label").First.GetAttributeAsync("fill")).ShouldBe("#c00000");
    }

    [Fact]
    public async Task The_zh_cn_locale_translates_the_export_menu()
    {
        var page = await host.OpenHarnessAsync("zh-CN");

        await CreateAsync(page, Compose(BarOptions, darkMode: false, ChartTheme.LocaleFor(CultureInfo.GetCultureInfo("zh-CN"))), Series(2));

        var menu = await page.Locator("#host .apexcharts-menu-item").AllTextContentsAsync();
        menu.ShouldBe(["下载 SVG", "下载 PNG", "下载 CSV"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_toolbar_exports_csv_under_the_given_file_name()
    {
        var page = await host.OpenHarnessAsync();
        await CreateAsync(page, Compose(BarOptions, darkMode: false, "en", exportName: "cohort-a-levels"), Series(1));

        await page.Locator("#host .apexcharts-menu-icon").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#host .apexcharts-menu-item.exportCSV").ClickAsync());

        download.SuggestedFilename.ShouldBe("cohort-a-levels.csv");
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        csv.ShouldContain("Cohort 1");
        csv.ShouldContain("Reaction");
    }

    [Fact]
    public async Task A_formatter_kind_the_module_does_not_know_fails_with_a_message_naming_the_option()
    {
        var options = new ApexChartOptions
        {
            Chart = new ChartSettings { Type = ApexChartType.Bar },
            DataLabels = new ChartDataLabels { Enabled = true, Formatter = ChartFormatter.Number(1) },
        };
        var page = await host.OpenHarnessAsync();
        // What a tampered or outdated option would send: no code is ever evaluated, an unknown kind is refused.
        var unknown = Compose(options, false, "en").Replace("\"kind\":\"number\"", "\"kind\":\"eval\"", StringComparison.Ordinal);

        var ex = await Should.ThrowAsync<PlaywrightException>(() => CreateAsync(page, unknown, Series(1)));

        ex.Message.ShouldContain("Chart option \"formatter\" names an unknown formatter kind \"eval\"");
    }

    [Fact]
    public async Task Number_formatters_write_decimals_and_suffix_and_leave_too_small_values_blank()
    {
        var options = new ApexChartOptions
        {
            Chart = new ChartSettings { Type = ApexChartType.Bar, Animations = new ChartAnimations { Enabled = false } },
            XAxis = new ChartXAxis { Categories = ["A", "B", "C"] },
            DataLabels = new ChartDataLabels { Enabled = true, Formatter = ChartFormatter.Number(0, suffix: "%", hideBelow: 6) },
        };
        var page = await host.OpenHarnessAsync();
        var series = JsonSerializer.Serialize(new[] { new ChartSeries { Name = "Share", Data = [ChartPoint.Of(3.2), ChartPoint.Of(42.6), ChartPoint.Of(6)] } }, ChartJson.Options);

        (await CreateAsync(page, Compose(options, false, "en"), series)).ShouldBeTrue();

        var labels = (await page.Locator("#host .apexcharts-datalabels text").AllTextContentsAsync()).Where(l => l.Length > 0).ToList();
        labels.ShouldBe(["43%", "6%"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_element_that_left_the_page_before_the_library_loaded_gets_no_chart()
    {
        var page = await host.OpenHarnessAsync();

        var created = await page.EvaluateAsync<bool>(
            "([o, s]) => { const gone = document.createElement('div'); return chartModule.create(gone, 'gone', o, s); }",
            new[] { Compose(BarOptions, darkMode: false, "en"), Series(1) });

        created.ShouldBeFalse();
        (await page.EvaluateAsync<bool>("s => chartModule.updateSeries('gone', s)", Series(1))).ShouldBeFalse();
    }

    [Fact]
    public async Task Destroy_removes_the_chart_from_the_page()
    {
        var page = await host.OpenHarnessAsync();
        await CreateAsync(page, Compose(BarOptions, darkMode: false, "en"), Series(2));

        await page.EvaluateAsync("() => chartModule.destroy('cohort-scores')");

        (await page.Locator("#host svg.apexcharts-svg").CountAsync()).ShouldBe(0);
        (await page.EvaluateAsync<bool>("s => chartModule.updateSeries('cohort-scores', s)", Series(1))).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(ChartSamples.Kinds), MemberType = typeof(ChartSamples))]
    public async Task Every_chart_kind_of_the_options_model_renders_in_light_and_dark(string kind)
    {
        var (options, series, svgElement, count) = ChartSamples.All[kind];
        foreach (var dark in (bool[])[false, true])
        {
            var page = await host.OpenHarnessAsync("zh-CN");
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            if (dark)
                await page.EvaluateAsync("() => { document.body.style.background = '#32333d'; }");

            // Without animations the chart is complete when create returns (annotations come last).
            (await CreateAsync(page, Compose(options, dark, "zh-cn", kind, animationsOff: true), series)).ShouldBeTrue();

            (await page.Locator($"#host {svgElement}").CountAsync()).ShouldBe(count, $"{kind}, dark = {dark}");
            errors.ShouldBeEmpty();
            if (Environment.GetEnvironmentVariable("CHART_SCREENSHOTS") is { Length: > 0 } folder)
                await page.Locator("#host").ScreenshotAsync(new() { Path = Path.Combine(folder, $"{kind}-{(dark ? "dark" : "light")}.png") });
            await page.Context.CloseAsync();
        }
    }
}
