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

    /// <summary>
    /// This series with a drill-down link on every point: <paramref name="href"/> gets the point's index (its category or
    /// row) and returns its app-relative link, or null for a point that leads nowhere (<see cref="ChartPoint.Href"/>).
    /// </summary>
    public ChartSeries LinkPoints(Func<int, string?> href)
    {
        ArgumentNullException.ThrowIfNull(href);
        return this with { Data = [.. Data.Select((p, i) => p with { Href = href(i) })] };
    }
}
