using System.Text.Json;
using TrainingEval.Dashboard.Infrastructure.Charts;

namespace TrainingEval.Tests.Infrastructure.Charts;

public class ChartJsonTests
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ChartJson.Options);

    [Fact]
    public void Points_serialize_in_the_shape_apexcharts_expects_for_their_kind()
    {
        ChartPoint[] points =
        [
            ChartPoint.Of(3.5),
            ChartPoint.Of(null),
            ChartPoint.Of("2026 Q1", 4),
            ChartPoint.Of(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), 2),
            ChartPoint.Range("W1", 2.5, 4),
            ChartPoint.Box("Cohort A", 1, 2, 3, 4, 5),
            ChartPoint.Of("Mentor", 4) with { FillColor = "#FF0000" },
        ];

        Json(points).ShouldBe(
            "[3.5,null,{\"x\":\"2026 Q1\",\"y\":4},{\"x\":1767225600000,\"y\":2}," +
            "{\"x\":\"W1\",\"y\":[2.5,4]},{\"x\":\"Cohort A\",\"y\":[1,2,3,4,5]},{\"x\":\"Mentor\",\"y\":4,\"fillColor\":\"#FF0000\"}]");
    }

    [Fact]
    public void Options_are_camel_case_with_nulls_left_out_and_formatters_marked_as_formatter_kinds()
    {
        var options = new ApexChartOptions
        {
            Chart = new ChartSettings { Type = ApexChartType.BoxPlot, StackType = ChartStackType.Percent100 },
            YAxis = [new ChartYAxis { Labels = new ChartAxisLabels { Formatter = ChartFormatter.Number(1, "—", " %", hideFrom: 100) } }],
            PlotOptions = new ChartPlotOptions { Bar = new ChartBarOptions { Horizontal = true } },
        };

        Json(options).ShouldBe(
            "{\"chart\":{\"type\":\"boxPlot\",\"stackType\":\"100%\"}," +
            "\"yaxis\":[{\"labels\":{\"formatter\":{\"__formatter\":{\"kind\":\"number\",\"digits\":1,\"missing\":\"—\",\"suffix\":\" %\",\"hideFrom\":100}}}}]," +
            "\"plotOptions\":{\"bar\":{\"horizontal\":true}}}");
    }

    [Fact]
    public void Annotations_write_category_and_time_x_values()
    {
        var annotations = new ChartAnnotations
        {
            XAxis =
            [
                new ChartXAnnotation { X = "W3", Label = new ChartAnnotationLabel { Text = "复训" } },
                new ChartXAnnotation { X = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), X2 = new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.Zero) },
            ],
            YAxis = [new ChartYAnnotation { Y = 60, Y2 = 80, Opacity = 0.1 }],
        };

        Json(annotations).ShouldBe(
            "{\"yaxis\":[{\"y\":60,\"y2\":80,\"opacity\":0.1}]," +
            "\"xaxis\":[{\"x\":\"W3\",\"label\":{\"text\":\"复训\"}},{\"x\":1772323200000,\"x2\":1772928000000}]}");
    }

    [Fact]
    public void An_unordered_box_is_rejected_naming_the_point()
    {
        var ex = Should.Throw<ArgumentException>(() => ChartPoint.Box("Cohort B", 1, 3, 2, 4, 5));

        ex.Message.ShouldContain("Cohort B");
        ex.Message.ShouldContain("min <= q1 <= median <= q3 <= max");
    }

    [Fact]
    public void A_non_finite_value_is_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ChartPoint.Of(double.NaN));
    }

    [Fact]
    public void A_number_formatter_takes_zero_to_six_decimals()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ChartFormatter.Number(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => ChartFormatter.Number(7));
        Json(ChartFormatter.SeriesTotal).ShouldBe("{\"__formatter\":{\"kind\":\"seriesTotal\"}}");
    }
}
