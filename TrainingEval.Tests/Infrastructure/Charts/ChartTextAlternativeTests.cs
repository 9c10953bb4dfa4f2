using System.Globalization;
using Bunit;
using TrainingEval.Dashboard.Infrastructure.Charts;

namespace TrainingEval.Tests.Infrastructure.Charts;

/// <summary>
/// Issue 20: every chart offers its numbers as a table (its text alternative), built from exactly what the chart draws:
/// one row per category or x value, one column per series; ranges and boxes say which numbers are which; gaps are "—".
/// </summary>
public sealed class ChartTextAlternativeTests : ChartComponentTest
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Category_series_become_rows_per_category_and_a_column_per_series()
    {
        var options = new ApexChartOptions { XAxis = new ChartXAxis { Categories = ["Reaction", "Learning", "Behavior"] } };
        var table = ChartDataTable.Of(options,
        [
            new ChartSeries { Name = "Cohort A", Data = [ChartPoint.Of(81.25), ChartPoint.Of(1234.5), ChartPoint.Of(null)] },
            new ChartSeries { Name = "Cohort B", Data = [ChartPoint.Of(70), ChartPoint.Of(66.04)] },
        ], null, English);

        table.SeriesNames.ShouldBe(["Cohort A", "Cohort B"]);
        table.Rows.Select(r => $"{r.Label}: {string.Join(" | ", r.Cells.Select(c => c ?? "gap"))}").ShouldBe(
        [
            "Reaction: 81.3 | 70.0",
            "Learning: 1,234.5 | 66.0",
            "Behavior: gap | gap",
        ]);
    }

    [Fact]
    public void Points_with_their_own_x_boxes_ranges_slices_and_dates_read_as_the_chart_shows_them()
    {
        var boxes = ChartDataTable.Of(new ApexChartOptions(),
            [new ChartSeries { Name = "Composite", Data = [ChartPoint.Box("LEAN-1", 40, 55.5, 62, 70, 90), ChartPoint.Box("LEAN-2", 35, 50, 60, 72, 95)] }], null, English);
        boxes.SeriesKinds.ShouldBe([ChartPointKind.Box]);
        boxes.Rows.Select(r => $"{r.Label}: {r.Cells[0]}").ShouldBe(["LEAN-1: 40.0 / 55.5 / 62.0 / 70.0 / 90.0", "LEAN-2: 35.0 / 50.0 / 60.0 / 72.0 / 95.0"]);

        var weeks = ChartDataTable.Of(new ApexChartOptions { XAxis = new ChartXAxis { Type = ChartAxisType.Datetime } },
        [
            new ChartSeries { Name = "Band", Data = [ChartPoint.Range(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), 40, 60)] },
            new ChartSeries { Name = "Index", Data = [ChartPoint.Of(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), 52.4)] },
        ], null, English);
        weeks.SeriesKinds.ShouldBe([ChartPointKind.Range, ChartPointKind.Value]);
        weeks.Rows.ShouldHaveSingleItem().ShouldBe(new ChartDataRow("2026-03-02", ["40.0 – 60.0", "52.4"]), new RowComparer());

        var slices = ChartDataTable.Of(new ApexChartOptions { Labels = ["A", "B"] }, null, [12, 30], English);
        slices.Rows.Select(r => $"{r.Label}: {r.Cells[0]}").ShouldBe(["A: 12", "B: 30"]);
    }

    [Fact]
    public void The_chart_shows_a_toggle_and_renders_the_table_only_when_asked_in_the_readers_language()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var chart = Context.Render<ApexChart>(p => p
                .Add(c => c.Id, "levels")
                .Add(c => c.Options, new ApexChartOptions { XAxis = new ChartXAxis { Categories = ["反应", "学习"] } })
                .Add(c => c.Series, [new ChartSeries { Name = "班期", Data = [ChartPoint.Of(81.2), ChartPoint.Of(66)] }])
                .Add(c => c.AriaLabel, "各层级得分"));

            var toggle = chart.Find("[data-testid=chart-table-toggle]");
            toggle.TextContent.Trim().ShouldBe("以表格查看数据 · 2 项");
            toggle.GetAttribute("aria-expanded").ShouldBe("false");
            chart.FindAll("table").ShouldBeEmpty();

            toggle.Click();

            chart.Find("[data-testid=chart-table-toggle]").GetAttribute("aria-expanded").ShouldBe("true");
            var table = chart.Find("[data-testid=chart-table]");
            table.QuerySelector("caption")!.TextContent.ShouldBe("各层级得分");
            table.QuerySelectorAll("thead th").Select(h => h.TextContent).ShouldBe(["项目", "班期"]);
            table.QuerySelectorAll("tbody tr").Select(r => r.TextContent.Replace("\n", "").Replace(" ", "")).ShouldBe(["反应81.2", "学习66.0"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private sealed class RowComparer : IEqualityComparer<ChartDataRow>
    {
        public bool Equals(ChartDataRow? x, ChartDataRow? y) => x!.Label == y!.Label && x.Cells.SequenceEqual(y.Cells);

        public int GetHashCode(ChartDataRow obj) => obj.Label.GetHashCode(StringComparison.Ordinal);
    }
}
