namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>One named series of an axis chart (everything but pie and donut, which take plain values).</summary>
public sealed record ChartSeries
{
    public required string Name { get; init; }

    public IReadOnlyList<ChartPoint> Data { get; init; } = [];

    /// <summary>Series type in a mixed chart (e.g. a line over a range-area band); null uses the chart's type.</summary>
    public ApexChartType? Type { get; init; }

    public string? Color { get; init; }

    /// <summary>Stack group for stacked bars with several stacks.</summary>
    public string? Group { get; init; }
}
