using System.Text.Json.Serialization;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>
/// Typed subset of the ApexCharts options object (https://apexcharts.com/docs/options/) covering the
/// chart kinds the dashboard draws: bar (stacked, horizontal), line, area, radar, box plot, pie/donut,
/// range-area bands and scatter. Serialized camelCase with nulls left out, so every property left
/// unset keeps ApexCharts' default. Give each chart its own instance; <see cref="ApexChart"/> never
/// mutates it, it overlays id, height, theme colours, locale and export names on a copy.
/// </summary>
public sealed class ApexChartOptions
{
    public ChartSettings Chart { get; init; } = new();

    /// <summary>Series colours in order; when null the component uses the MudBlazor palette.</summary>
    public IReadOnlyList<string>? Colors { get; init; }

    public ChartTitle? Title { get; init; }
    public ChartTitle? Subtitle { get; init; }

    /// <summary>Slice labels for pie and donut charts (their series are plain values).</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    [JsonPropertyName("xaxis")]
    public ChartXAxis? XAxis { get; init; }

    /// <summary>One entry per y axis; several for dual-axis charts (link series with <see cref="ChartYAxis.SeriesName"/>).</summary>
    [JsonPropertyName("yaxis")]
    public IReadOnlyList<ChartYAxis>? YAxis { get; init; }

    public ChartPlotOptions? PlotOptions { get; init; }
    public ChartStroke? Stroke { get; init; }
    public ChartFill? Fill { get; init; }
    public ChartDataLabels? DataLabels { get; init; }
    public ChartMarkers? Markers { get; init; }
    public ChartGrid? Grid { get; init; }
    public ChartLegend? Legend { get; init; }
    public ChartTooltip? Tooltip { get; init; }
    public ChartAnnotations? Annotations { get; init; }

    /// <summary>Text shown when every series is empty (pass it localized).</summary>
    public ChartNoData? NoData { get; init; }
}

public sealed class ChartSettings
{
    /// <summary>The default series type; mixed charts set <see cref="ChartSeries.Type"/> per series.</summary>
    public ApexChartType? Type { get; init; }

    public bool? Stacked { get; init; }
    public ChartStackType? StackType { get; init; }

    /// <summary>Charts sharing a group synchronise tooltips and zoom (each needs its own id).</summary>
    public string? Group { get; init; }

    public ChartToolbar? Toolbar { get; init; }
    public ChartAnimations? Animations { get; init; }
    public ChartZoom? Zoom { get; init; }

    /// <summary>Text colour of axes and labels; defaults to the theme's secondary text colour.</summary>
    public string? ForeColor { get; init; }

    /// <summary>Defaults to transparent so the surrounding MudPaper shows through.</summary>
    public string? Background { get; init; }

    /// <summary>Defaults to the MudBlazor theme's font stack.</summary>
    public string? FontFamily { get; init; }

    /// <summary>ApexCharts locale name; defaults to "zh-cn" when the UI culture is Chinese, else "en".</summary>
    public string? DefaultLocale { get; init; }
}

public sealed class ChartToolbar
{
    public bool? Show { get; init; }
    public ChartToolbarTools? Tools { get; init; }
    public ChartExport? Export { get; init; }
}

public sealed class ChartToolbarTools
{
    /// <summary>The menu with the PNG, SVG and CSV downloads.</summary>
    public bool? Download { get; init; }
    public bool? Selection { get; init; }
    public bool? Zoom { get; init; }
    [JsonPropertyName("zoomin")]
    public bool? ZoomIn { get; init; }
    [JsonPropertyName("zoomout")]
    public bool? ZoomOut { get; init; }
    public bool? Pan { get; init; }
    public bool? Reset { get; init; }
}

public sealed class ChartExport
{
    public ChartCsvExport? Csv { get; init; }
    public ChartFileExport? Svg { get; init; }
    public ChartFileExport? Png { get; init; }
}

public sealed class ChartCsvExport
{
    /// <summary>File name without extension.</summary>
    public string? Filename { get; init; }
    public string? ColumnDelimiter { get; init; }

    /// <summary>Header of the category column (pass it localized).</summary>
    public string? HeaderCategory { get; init; }
    public string? HeaderValue { get; init; }
}

public sealed class ChartFileExport
{
    /// <summary>File name without extension.</summary>
    public string? Filename { get; init; }
}

public sealed class ChartAnimations
{
    public bool? Enabled { get; init; }
    public int? Speed { get; init; }
}

public sealed class ChartZoom
{
    public bool? Enabled { get; init; }
}

public sealed class ChartTitle
{
    public string? Text { get; init; }
    public ChartAlign? Align { get; init; }
}

public sealed class ChartNoData
{
    public string? Text { get; init; }
}
