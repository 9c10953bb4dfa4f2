using System.Text.Json;
using TrainingEval.Dashboard.Infrastructure.Charts;

namespace TrainingEval.Tests.Infrastructure.Charts;

/// <summary>One realistic chart per kind the dashboard draws, as options plus the series JSON the component would send.</summary>
public static class ChartSamples
{
    private static readonly string[] Levels = ["反应 Reaction", "学习 Learning", "行为 Behavior", "结果 Results"];

    public static TheoryData<string> Kinds => [.. All.Keys];

    public static IReadOnlyDictionary<string, (ApexChartOptions Options, string Series, string Svg, int Count)> All { get; } =
        new Dictionary<string, (ApexChartOptions, string, string, int)>
        {
            ["stacked-horizontal-bar"] = (
                new ApexChartOptions
                {
                    Chart = new ChartSettings { Type = ApexChartType.Bar, Stacked = true, StackType = ChartStackType.Percent100 },
                    PlotOptions = new ChartPlotOptions { Bar = new ChartBarOptions { Horizontal = true, BarHeight = "60%" } },
                    XAxis = new ChartXAxis { Categories = ["Cohort A", "Cohort B", "Cohort C"] },
                    Legend = new ChartLegend { Position = ChartPosition.Top },
                },
                Json(
                    new ChartSeries { Name = "达标", Data = [ChartPoint.Of(12), ChartPoint.Of(20), ChartPoint.Of(7)] },
                    new ChartSeries { Name = "未达标", Data = [ChartPoint.Of(8), ChartPoint.Of(3), ChartPoint.Of(11)] }),
                "path.apexcharts-bar-area", 6),
            ["line-with-band"] = (
                new ApexChartOptions
                {
                    Chart = new ChartSettings { Type = ApexChartType.RangeArea },
                    XAxis = new ChartXAxis { Type = ChartAxisType.Datetime, Labels = new ChartAxisLabels { Format = "yyyy-MM" } },
                    YAxis = [new ChartYAxis { Min = 0, Max = 5, Labels = new ChartAxisLabels { Formatter = ChartFormatter.Number(1) } }],
                    Stroke = new ChartStroke { Curve = ChartCurve.Smooth, Width = [0, 3] },
                    DataLabels = new ChartDataLabels { Enabled = false },
                    Fill = new ChartFill { Opacity = [0.25, 1] },
                    Annotations = new ChartAnnotations
                    {
                        YAxis = [new ChartYAnnotation { Y = 4, StrokeDashArray = 4, BorderColor = "#00C853", Label = new ChartAnnotationLabel { Text = "目标 4.0" } }],
                    },
                },
                Json(
                    new ChartSeries
                    {
                        Name = "P10–P90",
                        Type = ApexChartType.RangeArea,
                        Data = [.. Months().Select((m, i) => ChartPoint.Range(m, 2.5 + (i * 0.05), 3.6 + (i * 0.07)))],
                    },
                    new ChartSeries
                    {
                        Name = "中位数 Median",
                        Type = ApexChartType.Line,
                        Data = [.. Months().Select((m, i) => ChartPoint.Of(m, 3 + (i * 0.06)))],
                    }),
                "path.apexcharts-line", 1),
            ["area"] = (
                new ApexChartOptions
                {
                    Chart = new ChartSettings { Type = ApexChartType.Area },
                    XAxis = new ChartXAxis { Type = ChartAxisType.Datetime },
                    DataLabels = new ChartDataLabels { Enabled = false },
                },
                Json(new ChartSeries { Name = "学习健康指数", Data = [.. Months().Select((m, i) => ChartPoint.Of(m, 60 + (i % 4 * 5)))] }),
                "path.apexcharts-area", 2), // fill and outline
            ["radar"] = (
                new ApexChartOptions
                {
                    Chart = new ChartSettings { Type = ApexChartType.Radar },
                    XAxis = new ChartXAxis { Categories = Levels },
                    YAxis = [new ChartYAxis { Min = 0, Max = 5, TickAmount = 5 }],
                },
                Json(
                    new ChartSeries { Name = "Cohort A", Data = [ChartPoint.Of(4.2), ChartPoint.Of(3.8), ChartPoint.Of(3.1), ChartPoint.Of(2.7)] },
                    new ChartSeries { Name = "Cohort B", Data = [ChartPoint.Of(3.9), ChartPoint.Of(4.1), ChartPoint.Of(3.5), ChartPoint.Of(3.3)] }),
                "path.apexcharts-radar", 4), // fill and outline per series
            ["box-plot"] = (
                new ApexChartOptions
                {
                    Chart = new ChartSettings { Type = ApexChartType.BoxPlot },
                    PlotOptions = new ChartPlotOptions { BoxPlot = new ChartBoxPlotOptions { Colors = new ChartBoxPlotColors { Upper = "#594AE2", Lower = "#1EC8A5" } } },
                },
                Json(new ChartSeries
                {
                    Name = "考试成绩",
                    Data = [ChartPoint.Box("Cohort A", 52, 68, 75, 83, 97), ChartPoint.Box("Cohort B", 48, 61, 70, 79, 92), ChartPoint.Box("Cohort C", 60, 72, 80, 86, 99)],
                }),
                "path.apexcharts-boxPlot-area", 6),
            ["scatter"] = (
                new ApexChartOptions
                {
                    Chart = new ChartSettings { Type = ApexChartType.Scatter },
                    XAxis = new ChartXAxis { Type = ChartAxisType.Numeric, Title = new ChartAxisTitle { Text = "学习 Learning" }, Min = 0, Max = 100 },
                    YAxis = [new ChartYAxis { Title = new ChartAxisTitle { Text = "行为 Behavior" }, Min = 0, Max = 100 }],
                },
                Json(new ChartSeries { Name = "学员", Data = [.. Enumerable.Range(0, 30).Select(i => ChartPoint.Of(30 + ((i * 37) % 70), 25 + ((i * 53) % 75)))] }),
                "path.apexcharts-marker", 30),
            ["donut"] = (
                new ApexChartOptions
                {
                    Chart = new ChartSettings { Type = ApexChartType.Donut },
                    Labels = ["完成 Completed", "进行中 In progress", "未开始 Not started"],
                    PlotOptions = new ChartPlotOptions
                    {
                        Pie = new ChartPieOptions { Donut = new ChartDonut { Labels = new ChartDonutLabels { Show = true, Total = new ChartDonutTotal { Show = true, Label = "学员" } } } },
                    },
                    Legend = new ChartLegend { Position = ChartPosition.Bottom },
                },
                JsonSerializer.Serialize(new[] { 42.0, 17, 9 }, ChartJson.Options),
                "path.apexcharts-pie-area", 3),
        };

    private static IEnumerable<DateTimeOffset> Months() =>
        Enumerable.Range(0, 12).Select(i => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(i));

    private static string Json(params ChartSeries[] series) => JsonSerializer.Serialize(series, ChartJson.Options);
}
