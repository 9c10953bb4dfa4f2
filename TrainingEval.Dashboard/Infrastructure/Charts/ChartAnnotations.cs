namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>Reference lines, bands and points drawn over an axis chart (targets, thresholds, cohort means).</summary>
public sealed class ChartAnnotations
{
    [System.Text.Json.Serialization.JsonPropertyName("yaxis")]
    public IReadOnlyList<ChartYAnnotation>? YAxis { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("xaxis")]
    public IReadOnlyList<ChartXAnnotation>? XAxis { get; init; }

    public IReadOnlyList<ChartPointAnnotation>? Points { get; init; }
}

/// <summary>A horizontal line at <see cref="Y"/>, or a band from <see cref="Y"/> to <see cref="Y2"/>.</summary>
public sealed class ChartYAnnotation
{
    public required double Y { get; init; }
    public double? Y2 { get; init; }

    /// <summary>Which y axis the value refers to (dual-axis charts).</summary>
    public int? YAxisIndex { get; init; }

    public string? BorderColor { get; init; }
    public string? FillColor { get; init; }
    public double? Opacity { get; init; }
    public int? StrokeDashArray { get; init; }
    public ChartAnnotationLabel? Label { get; init; }
}

/// <summary>A vertical line at <see cref="X"/>, or a band from <see cref="X"/> to <see cref="X2"/>.</summary>
public sealed class ChartXAnnotation
{
    public required ChartX X { get; init; }
    public ChartX? X2 { get; init; }
    public string? BorderColor { get; init; }
    public string? FillColor { get; init; }
    public double? Opacity { get; init; }
    public int? StrokeDashArray { get; init; }
    public ChartAnnotationLabel? Label { get; init; }
}

public sealed class ChartPointAnnotation
{
    public required ChartX X { get; init; }
    public required double Y { get; init; }
    public ChartPointAnnotationMarker? Marker { get; init; }
    public ChartAnnotationLabel? Label { get; init; }
}

public sealed class ChartPointAnnotationMarker
{
    public double? Size { get; init; }
    public string? FillColor { get; init; }
    public string? StrokeColor { get; init; }
}

public sealed class ChartAnnotationLabel
{
    public string? Text { get; init; }
    public string? BorderColor { get; init; }

    /// <summary>"left", "center" or "right" for x annotations, "top"/"bottom" for y.</summary>
    public string? Position { get; init; }

    /// <summary>Which end of the label sits at the point: "start", "middle" (ApexCharts' default) or "end" (the label runs to the left).</summary>
    public string? TextAnchor { get; init; }

    /// <summary>"vertical" (ApexCharts' default for x annotations: the text runs down the line) or "horizontal".</summary>
    public string? Orientation { get; init; }

    public double? OffsetX { get; init; }
    public double? OffsetY { get; init; }

    public ChartAnnotationLabelStyle? Style { get; init; }
}

public sealed class ChartAnnotationLabelStyle
{
    public string? Color { get; init; }
    public string? Background { get; init; }
}
