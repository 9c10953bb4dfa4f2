using System.Text.Json.Serialization;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

// Enum members serialize camelCase (BoxPlot -> "boxPlot"); the names are ApexCharts' own.

public enum ApexChartType { Bar, Line, Area, Radar, BoxPlot, Pie, Donut, RangeArea, Scatter }

public enum ChartStackType
{
    Normal,
    [JsonStringEnumMemberName("100%")] Percent100,
}

public enum ChartAlign { Left, Center, Right }

public enum ChartPosition { Top, Right, Bottom, Left }

public enum ChartAxisType { Category, Numeric, Datetime }

public enum ChartCurve { Smooth, Straight, Stepline, MonotoneCubic }

public enum ChartFillType { Solid, Gradient, Pattern }

public enum ChartThemeMode { Light, Dark }

public enum ChartMarkerShape { Circle, Square, Rect, Line, Cross, Plus, Star, Triangle, Diamond }

/// <summary>Where bar data labels sit, relative to the bar.</summary>
public enum ChartBarLabelPosition { Top, Center, Bottom }
