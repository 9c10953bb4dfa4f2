namespace TrainingEval.Dashboard.Infrastructure.Charts;

public sealed class ChartStroke
{
    public bool? Show { get; init; }
    public ChartCurve? Curve { get; init; }

    /// <summary>Line width per series (a single entry applies to all).</summary>
    public IReadOnlyList<double>? Width { get; init; }

    /// <summary>Dash length per series; 0 draws a solid line.</summary>
    public IReadOnlyList<double>? DashArray { get; init; }

    public IReadOnlyList<string>? Colors { get; init; }
}

public sealed class ChartFill
{
    public ChartFillType? Type { get; init; }

    /// <summary>Opacity per series (a single entry applies to all); bands use a low value.</summary>
    public IReadOnlyList<double>? Opacity { get; init; }

    public IReadOnlyList<string>? Colors { get; init; }
}

public sealed class ChartDataLabels
{
    public bool? Enabled { get; init; }

    /// <summary>Indexes of the series that show labels; null means all.</summary>
    public IReadOnlyList<int>? EnabledOnSeries { get; init; }

    /// <summary>JavaScript, e.g. <c>"(v) => v.toFixed(1)"</c>.</summary>
    public ChartFormatter? Formatter { get; init; }

    public int? OffsetY { get; init; }

    /// <summary>Text colours per series (or per slice or distributed bar); on a line chart, the colours of the label boxes.</summary>
    public ChartTextStyle? Style { get; init; }

    /// <summary>The box behind a line chart's labels.</summary>
    public ChartDataLabelsBackground? Background { get; init; }

    /// <summary>The shadow ApexCharts puts under pie and donut labels (on by default; it smears dark label text).</summary>
    public ChartDropShadow? DropShadow { get; init; }
}

public sealed class ChartDropShadow
{
    public bool? Enabled { get; init; }
}

public sealed class ChartDataLabelsBackground
{
    public bool? Enabled { get; init; }

    /// <summary>The label text on the box.</summary>
    public string? ForeColor { get; init; }
}

public sealed class ChartTextStyle
{
    /// <summary>CSS size, e.g. "12px".</summary>
    public string? FontSize { get; init; }
    public string? FontWeight { get; init; }
    public IReadOnlyList<string>? Colors { get; init; }
}

public sealed class ChartMarkers
{
    public double? Size { get; init; }
    public ChartMarkerShape? Shape { get; init; }
    public double? StrokeWidth { get; init; }
    public ChartMarkerHover? Hover { get; init; }
}

public sealed class ChartMarkerHover
{
    public double? Size { get; init; }
}

public sealed class ChartGrid
{
    public bool? Show { get; init; }

    /// <summary>Defaults to the MudBlazor theme's line colour.</summary>
    public string? BorderColor { get; init; }

    public int? StrokeDashArray { get; init; }

    /// <summary>Room between the plot and the chart's edge, for labels drawn outside the plot (bar totals, rotated first labels).</summary>
    public ChartPadding? Padding { get; init; }
}

/// <summary>ApexCharts' grid.padding, in pixels.</summary>
public sealed class ChartPadding
{
    public int? Top { get; init; }
    public int? Right { get; init; }
    public int? Bottom { get; init; }
    public int? Left { get; init; }
}

public sealed class ChartLegend
{
    public bool? Show { get; init; }
    public bool? ShowForSingleSeries { get; init; }
    public ChartPosition? Position { get; init; }
    public ChartAlign? HorizontalAlign { get; init; }

    /// <summary>JavaScript <c>(seriesName, opts) => string</c>.</summary>
    public ChartFormatter? Formatter { get; init; }
}

public sealed class ChartTooltip
{
    public bool? Enabled { get; init; }

    /// <summary>One tooltip listing every series at the hovered x.</summary>
    public bool? Shared { get; init; }

    public bool? Intersect { get; init; }
    public ChartTooltipX? X { get; init; }
    public ChartTooltipY? Y { get; init; }
}

public sealed class ChartTooltipX
{
    public bool? Show { get; init; }

    /// <summary>Date format for datetime axes, e.g. "yyyy-MM-dd".</summary>
    public string? Format { get; init; }

    public ChartFormatter? Formatter { get; init; }
}

public sealed class ChartTooltipY
{
    /// <summary>JavaScript <c>(value, { series, seriesIndex, dataPointIndex, w }) => string</c>.</summary>
    public ChartFormatter? Formatter { get; init; }
}
