using TrainingEval.Dashboard.Infrastructure.Charts;

namespace TrainingEval.Tests.Infrastructure.Charts;

public class LttbTests
{
    private static readonly double[] Wave = [.. Enumerable.Range(0, 10_000).Select(i => Math.Sin(i / 300.0) * 10)];

    [Fact]
    public void A_series_at_or_below_the_threshold_is_returned_untouched()
    {
        var data = Wave[..2000];

        var result = Lttb.Downsample(data, 2000, v => v);

        result.ShouldBeSameAs(data);
    }

    [Theory]
    [InlineData(2001, 2000)]
    [InlineData(10_000, 2000)]
    [InlineData(10_000, 3)]
    [InlineData(7, 5)]
    public void A_longer_series_is_reduced_to_exactly_the_threshold(int length, int threshold)
    {
        var result = Lttb.Downsample(Wave[..length], threshold, v => v);

        result.Count.ShouldBe(threshold);
    }

    [Fact]
    public void The_first_and_last_points_are_kept()
    {
        var points = Enumerable.Range(0, 5000).Select(i => (X: i * 2.0, Y: Wave[i])).ToArray();

        var result = Lttb.Downsample(points, 100, p => p.X, p => p.Y);

        result[0].ShouldBe(points[0]);
        result[^1].ShouldBe(points[^1]);
    }

    [Fact]
    public void A_single_spike_survives_downsampling()
    {
        var flat = Enumerable.Repeat(1.0, 5000).ToArray();
        flat[3217] = 250;

        var result = Lttb.Downsample(flat, 50, v => v);

        result.ShouldContain(250);
        result.Max().ShouldBe(250);
    }

    [Fact]
    public void Kept_points_stay_in_their_original_order()
    {
        var points = Enumerable.Range(0, 8000).Select(i => (X: (double)i, Y: Wave[i % Wave.Length])).ToArray();

        var result = Lttb.Downsample(points, 2000, p => p.X, p => p.Y);

        result.Select(p => p.X).ShouldBeInOrder(SortDirection.Ascending);
        result.Select(p => p.X).Distinct().Count().ShouldBe(2000);
    }

    [Fact]
    public void A_threshold_below_three_is_rejected()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => Lttb.Downsample(Wave, 2, v => v));

        ex.Message.ShouldContain("3 or more");
    }

    [Fact]
    public void A_long_time_series_is_downsampled_to_the_default_threshold_keeping_its_peak()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var data = Enumerable.Range(0, 6000)
            .Select(i => ChartPoint.Of(start.AddMinutes(i), i == 4321 ? 99 : Wave[i] + 50))
            .ToList();
        var series = new ChartSeries { Name = "Reaction", Data = data };

        var result = Lttb.Downsample(series);

        result.Data.Count.ShouldBe(Lttb.DefaultThreshold);
        result.Data[0].ShouldBeSameAs(data[0]);
        result.Data[^1].ShouldBeSameAs(data[^1]);
        result.Data.ShouldContain(data[4321]);
        result.Name.ShouldBe("Reaction");
    }

    [Fact]
    public void A_series_without_x_values_is_left_whole_because_its_categories_would_no_longer_line_up()
    {
        var series = new ChartSeries { Name = "Scores", Data = [.. Wave[..3000].Select(v => ChartPoint.Of(v))] };

        Lttb.Downsample(series).ShouldBeSameAs(series);
    }

    [Fact]
    public void A_series_with_gaps_is_left_whole()
    {
        var data = Enumerable.Range(0, 3000).Select(i => ChartPoint.Of(i, i == 10 ? null : Wave[i])).ToList();
        var series = new ChartSeries { Name = "Behavior", Data = data };

        Lttb.Downsample(series).ShouldBeSameAs(series);
    }

    [Fact]
    public void A_long_range_band_is_downsampled_by_its_middle()
    {
        var data = Enumerable.Range(0, 4000).Select(i => ChartPoint.Range(i, Wave[i] - 1, Wave[i] + 1)).ToList();

        var result = Lttb.Downsample(new ChartSeries { Name = "P10–P90", Data = data, Type = ApexChartType.RangeArea });

        result.Data.Count.ShouldBe(Lttb.DefaultThreshold);
        result.Data.ShouldAllBe(p => p.Kind == ChartPointKind.Range);
    }
}
