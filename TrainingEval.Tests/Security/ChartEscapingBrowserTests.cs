using Microsoft.Playwright;
using TrainingEval.Tests.Infrastructure.Charts;

namespace TrainingEval.Tests.Security;

/// <summary>
/// Issue 19 item 1 (stored XSS through chart tooltips): a learner or program imported with a hostile name is shown as text
/// in every chart kind the product draws — hovered, in the tooltip, the legend and the axis tooltip — and its script never runs.
/// </summary>
public sealed class ChartEscapingBrowserTests(ChartBrowserHost host) : IClassFixture<ChartBrowserHost>
{
    private const string Hostile = "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">王<b>bold</b>";

    private static readonly string Name = System.Text.Json.JsonSerializer.Serialize(Hostile);

    public static TheoryData<string, string, string, string, bool> Kinds() => new()
    {
        { "bar", $$$"""{"chart":{"type":"bar","animations":{"enabled":false}},"xaxis":{"categories":[{{{Name}}},"B"]},"legend":{"show":true,"showForSingleSeries":true}}""", $$$"""[{"name":{{{Name}}},"data":[60,70]}]""", "path.apexcharts-bar-area", true },
        { "line", $$$"""{"chart":{"type":"line","animations":{"enabled":false}},"xaxis":{"categories":[{{{Name}}},"B","C"]},"legend":{"show":true,"showForSingleSeries":true},"markers":{"size":6}}""", $$$"""[{"name":{{{Name}}},"data":[60,70,80]}]""", ".apexcharts-marker", true },
        { "donut", $$$"""{"chart":{"type":"donut","animations":{"enabled":false}},"labels":[{{{Name}}},"B"]}""", "[40,60]", "path.apexcharts-pie-area", true },
        { "radar", $$$"""{"chart":{"type":"radar","animations":{"enabled":false}},"xaxis":{"categories":[{{{Name}}},"B","C"]},"legend":{"show":true,"showForSingleSeries":true},"markers":{"size":6}}""", $$$"""[{"name":{{{Name}}},"data":[60,70,80]}]""", ".apexcharts-marker", true },
        { "boxPlot", """{"chart":{"type":"boxPlot","animations":{"enabled":false}}}""", $$$"""[{"name":{{{Name}}},"type":"boxPlot","data":[{"x":{{{Name}}},"y":[40,50,60,70,80]},{"x":"B","y":[45,55,65,75,85]}]}]""", "path.apexcharts-boxPlot-area", false },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_hostile_name_is_text_in_the_tooltip_and_legend_and_never_runs(string kind, string options, string series, string hoverTarget, bool tooltipNamesItem)
    {
        var page = await host.OpenHarnessAsync();
        (await page.EvaluateAsync<bool>("([o, s]) => chartModule.create(document.getElementById('host'), 'xss', o, s)", new[] { options, series })).ShouldBeTrue(kind);

        var tooltip = page.Locator("#host .apexcharts-tooltip.apexcharts-active");
        (await HoverUntilTooltipAsync(page, hoverTarget, tooltip, tooltipNamesItem)).ShouldBeTrue($"{kind}: no tooltip appeared while hovering the chart");

        // A box plot's tooltip lists the five numbers only; its name is on the axis (SVG text).
        if (tooltipNamesItem)
            (await tooltip.InnerTextAsync()).ShouldContain("<img", Case.Sensitive, $"{kind}: the name is shown as the text it is");
        (await page.EvaluateAsync<int>("() => document.querySelectorAll('#host .apexcharts-tooltip img, #host .apexcharts-tooltip b, #host .apexcharts-legend img, #host .apexcharts-legend b, #host .apexcharts-xaxistooltip img').length"))
            .ShouldBe(0, $"{kind}: no element was made from the name");
        if (await page.Locator("#host .apexcharts-legend-text").CountAsync() > 0)
            (await page.Locator("#host .apexcharts-legend-text").First.InnerTextAsync()).ShouldContain("<img", Case.Sensitive, $"{kind}: legend");
        (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue($"{kind}: the onerror handler ran");
    }

    // Where a chart shows its tooltip differs by kind (a ring segment, a marker, a box): the mouse tries the target's
    // centre, then sweeps the plot until a tooltip with text is up (naming the hostile item where the kind names it).
    private static async Task<bool> HoverUntilTooltipAsync(IPage page, string target, ILocator tooltip, bool untilNamed)
    {
        async Task<bool> Shown()
        {
            await page.WaitForTimeoutAsync(150);
            if (await tooltip.CountAsync() == 0)
                return false;
            var text = (await tooltip.First.InnerTextAsync()).Trim();
            return untilNamed ? text.Contains('王') : text.Length > 0;
        }
        var first = page.Locator($"#host {target}").First;
        if (await first.CountAsync() > 0 && await first.BoundingBoxAsync() is { } box)
        {
            await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
            if (await Shown())
                return true;
        }
        var plot = await page.Locator("#host svg.apexcharts-svg").First.BoundingBoxAsync();
        if (plot is null)
            return false;
        for (var fy = 0.2f; fy <= 0.8f; fy += 0.15f)
        {
            for (var fx = 0.15f; fx <= 0.85f; fx += 0.1f)
            {
                await page.Mouse.MoveAsync(plot.X + plot.Width * fx, plot.Y + plot.Height * fy);
                if (await Shown())
                    return true;
            }
        }
        return false;
    }
}
