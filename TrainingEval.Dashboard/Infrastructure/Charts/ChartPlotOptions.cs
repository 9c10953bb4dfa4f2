namespace TrainingEval.Dashboard.Infrastructure.Charts;

public sealed class ChartPlotOptions
{
    public ChartBarOptions? Bar { get; init; }
    public ChartBoxPlotOptions? BoxPlot { get; init; }
    public ChartPieOptions? Pie { get; init; }
    public ChartRadarOptions? Radar { get; init; }
}

public sealed class ChartBarOptions
{
    public bool? Horizontal { get; init; }
    public int? BorderRadius { get; init; }

    /// <summary>Width of vertical bars, e.g. "55%".</summary>
    public string? ColumnWidth { get; init; }

    /// <summary>Height of horizontal bars, e.g. "70%".</summary>
    public string? BarHeight { get; init; }

    /// <summary>One colour per data point instead of per series.</summary>
    public bool? Distributed { get; init; }

    public ChartBarDataLabels? DataLabels { get; init; }
}

public sealed class ChartBarDataLabels
{
    public ChartBarLabelPosition? Position { get; init; }

    /// <summary>Total above a stacked bar.</summary>
    public ChartBarTotal? Total { get; init; }
}

public sealed class ChartBarTotal
{
    public bool? Enabled { get; init; }
    public ChartFormatter? Formatter { get; init; }
    public ChartLabelStyle? Style { get; init; }
}

/// <summary>The text of one label (a stacked bar's total).</summary>
public sealed class ChartLabelStyle
{
    public string? Color { get; init; }
    public string? FontSize { get; init; }
    public string? FontWeight { get; init; }
}

public sealed class ChartBoxPlotOptions
{
    public ChartBoxPlotColors? Colors { get; init; }
}

public sealed class ChartBoxPlotColors
{
    /// <summary>Fill of the box above the median.</summary>
    public string? Upper { get; init; }

    /// <summary>Fill of the box below the median.</summary>
    public string? Lower { get; init; }
}

public sealed class ChartPieOptions
{
    public int? StartAngle { get; init; }
    public int? EndAngle { get; init; }
    public ChartDonut? Donut { get; init; }
}

public sealed class ChartDonut
{
    /// <summary>Hole size, e.g. "65%".</summary>
    public string? Size { get; init; }
    public ChartDonutLabels? Labels { get; init; }
}

public sealed class ChartDonutLabels
{
    public bool? Show { get; init; }
    public ChartDonutTotal? Total { get; init; }
}

public sealed class ChartDonutTotal
{
    public bool? Show { get; init; }

    /// <summary>Caption of the total in the hole (pass it localized).</summary>
    public string? Label { get; init; }

    /// <summary>The total's text, e.g. <see cref="ChartFormatter.SeriesTotal"/>.</summary>
    public ChartFormatter? Formatter { get; init; }
}

public sealed class ChartRadarOptions
{
    public int? Size { get; init; }
    public ChartRadarPolygons? Polygons { get; init; }
}

public sealed class ChartRadarPolygons
{
    public string? StrokeColors { get; init; }
    public string? ConnectorColors { get; init; }
}
