namespace TrainingEval.Dashboard.Infrastructure.Charts;

public sealed class ChartXAxis
{
    public ChartAxisType? Type { get; init; }

    /// <summary>Category names when the series data are plain values.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    public ChartAxisTitle? Title { get; init; }
    public ChartAxisLabels? Labels { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public int? TickAmount { get; init; }
    public int? DecimalsInFloat { get; init; }

    /// <summary>
    /// "between" draws a line chart's points in the middle of their categories instead of on the plot's edges, so the first
    /// point and its data label keep clear of the y axis' ticks and a rotated first label of the chart's left edge.
    /// </summary>
    public string? TickPlacement { get; init; }
}

public sealed class ChartYAxis
{
    /// <summary>Links this axis to a series by name (dual-axis charts).</summary>
    public string? SeriesName { get; init; }

    public bool? Opposite { get; init; }
    public bool? Show { get; init; }
    public ChartAxisTitle? Title { get; init; }
    public ChartAxisLabels? Labels { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public int? TickAmount { get; init; }
    public int? DecimalsInFloat { get; init; }
    public bool? Reversed { get; init; }
}

public sealed class ChartAxisTitle
{
    public string? Text { get; init; }
}

public sealed class ChartAxisLabels
{
    public bool? Show { get; init; }

    /// <summary>JavaScript, e.g. <c>"v => v.toFixed(0) + '%'"</c>.</summary>
    public ChartFormatter? Formatter { get; init; }

    /// <summary>Date format of a datetime axis, e.g. "yyyy-MM".</summary>
    public string? Format { get; init; }

    public int? Rotate { get; init; }

    /// <summary>Rotate category labels even when ApexCharts thinks they fit (it misjudges narrow cards).</summary>
    public bool? RotateAlways { get; init; }

    /// <summary>False keeps every category label instead of silently dropping the ones that overlap.</summary>
    public bool? HideOverlappingLabels { get; init; }
    public bool? Trim { get; init; }
    public int? MaxWidth { get; init; }

    /// <summary>The widest a category label of names (programs, cohorts) may be before ApexCharts cuts it with "…".</summary>
    public const int NameMaxWidth = 280;

    /// <summary>
    /// Category labels that are names, on the y axis of a horizontal bar chart: ApexCharts' default 160 px cut English program
    /// names ("Lean Production for Team …", issue 14 item 15); 280 px holds the demo's longest in both languages.
    /// </summary>
    public static ChartAxisLabels Names() => new() { MaxWidth = NameMaxWidth, Trim = false };

    /// <summary>
    /// Category labels that are codes under a chart with little room per category (cohort codes under boxes or points):
    /// always slanted and never dropped, so neighbours neither run together nor disappear (issue 14, item 16).
    /// </summary>
    public static ChartAxisLabels Slanted() => new() { Rotate = -35, RotateAlways = true, HideOverlappingLabels = false, Trim = false, MaxWidth = 160 };
}
