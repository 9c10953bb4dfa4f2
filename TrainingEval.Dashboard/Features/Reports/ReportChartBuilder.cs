using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Dashboard.Shared.Localization;

using TrainingEval.Dashboard.Shared;

namespace TrainingEval.Dashboard.Features.Reports;

/// <summary>Options and series of one report chart, built together.</summary>
public sealed record ReportChart(ApexChartOptions Options, IReadOnlyList<ChartSeries> Series);

/// <summary>
/// The charts of the report pages. They are drawn as on paper — light palette on a white background, no
/// animation, no toolbar — in either UI theme, because the same pixels go into the PDF. Colours come from
/// <see cref="DashboardColors"/> in its light mode: the same hue for a tier or a measure as on screen, and dark
/// enough on white (at least 4.5:1 for the tiers) to print.
/// </summary>
public sealed class ReportChartBuilder(IStringLocalizer<ReportStrings> text, IStringLocalizer<EvaluationStrings> evaluation)
{
    /// <summary>The light theme every report chart uses (see the class remarks).</summary>
    public static ThemeState Paper => ThemeState.Light;

    private static readonly ChartFormatter OneDecimal = ChartFormatter.Number(1, "—");

    private static ChartSettings Settings(ApexChartType type) => new()
    {
        Type = type,
        Background = "#ffffff",
        Toolbar = new ChartToolbar { Show = false },
        Animations = new ChartAnimations { Enabled = false },
        Zoom = new ChartZoom { Enabled = false },
    };

    /// <summary>
    /// The four level means beside the program's history, as horizontal bars: the level names sit on the left and
    /// each value inside its own bar, so nothing overlaps on a phone (column labels collided at 390 px) or in the PDF.
    /// In a horizontal ApexCharts bar chart the x axis is the value axis and the y axis holds the categories.
    /// </summary>
    public ReportChart LevelsAgainstHistory(EffectivenessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        // This cohort against the program's history: the composite's colour and the reference grey (the bars are cohorts, not levels).
        string[] colors = [DashboardColors.Composite(Paper), DashboardColors.Faint(Paper)];
        var options = new ApexChartOptions
        {
            Chart = Settings(ApexChartType.Bar),
            XAxis = new ChartXAxis
            {
                Type = ChartAxisType.Category,
                Categories = [.. report.Levels.Select(l => evaluation.LevelName(l.Level))],
                Min = 0, Max = 100, TickAmount = 5,
                Labels = new ChartAxisLabels { Formatter = ChartFormatter.Number(0) },
            },
            PlotOptions = new ChartPlotOptions { Bar = new ChartBarOptions { Horizontal = true, BarHeight = "70%", BorderRadius = 3 } },
            DataLabels = new ChartDataLabels { Enabled = true, Formatter = OneDecimal, Style = new ChartTextStyle { FontSize = "11px", Colors = DashboardColors.OnFills(colors) } },
            Colors = colors,
            Legend = new ChartLegend { Position = ChartPosition.Top, HorizontalAlign = ChartAlign.Left },
            Tooltip = new ChartTooltip { Shared = true, Intersect = false, Y = new ChartTooltipY { Formatter = OneDecimal } },
        };
        return new(options,
        [
            // This cohort's bar opens its learners sorted by the level; the history's, the program's history of runs.
            new ChartSeries { Name = text["Col_Cohort"], Data = [.. report.Levels.Select(l => ChartPoint.Of(l.CohortMean) with { Href = RecordLinks.CohortSortedBy(report.Cohort.Code, CohortSortColumns.Level(l.Level)) })] },
            new ChartSeries { Name = text["Col_History"], Data = [.. report.Levels.Select(l => ChartPoint.Of(l.HistoryMean) with { Href = RecordLinks.Program(report.Cohort.ProgramCode) })] },
        ]);
    }

    /// <summary>Learners per tier as horizontal bars, so the tier names read level on a phone instead of rotated and cut.</summary>
    public ReportChart Tiers(EffectivenessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tiers = report.Summary.TierCounts.OrderBy(t => t.Key).ToList();
        // One bar per tier (distributed), each in its tier's colour.
        var colors = tiers.Select(t => DashboardColors.Tier(Paper, t.Key)).ToList();
        var options = new ApexChartOptions
        {
            Chart = Settings(ApexChartType.Bar),
            XAxis = new ChartXAxis
            {
                Type = ChartAxisType.Category,
                Categories = [.. tiers.Select(t => evaluation.TierLabel(t.Key))],
                Min = 0,
                Labels = new ChartAxisLabels { Formatter = ChartFormatter.Number(0) },
            },
            PlotOptions = new ChartPlotOptions { Bar = new ChartBarOptions { Horizontal = true, BarHeight = "60%", BorderRadius = 3, Distributed = true } },
            DataLabels = new ChartDataLabels { Enabled = true, Style = new ChartTextStyle { Colors = DashboardColors.OnFills(colors) } },
            Colors = colors,
            Legend = new ChartLegend { Show = false },
        };
        // A tier's bar opens the cohort's learners of that tier (the cohort page's table, filtered in its URL).
        return new(options, [new ChartSeries { Name = text["Col_Learners"], Data = [.. tiers.Select(t => ChartPoint.Of(t.Value) with { Href = RecordLinks.CohortTier(report.Cohort.Code, t.Key) })] }]);
    }

    public ReportChart Sensitivity(RoiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var points = report.Calculation.Sensitivity;
        var options = new ApexChartOptions
        {
            Chart = Settings(ApexChartType.Line),
            XAxis = new ChartXAxis { Type = ChartAxisType.Category, Categories = [.. points.Select(p => ScoreFormat.Percent(p.Attribution, 0))], Title = new ChartAxisTitle { Text = text["Col_Attribution"] } },
            YAxis = [new ChartYAxis { Title = new ChartAxisTitle { Text = text["Roi_Roi"] + " (%)" }, Labels = new ChartAxisLabels { Formatter = ChartFormatter.Number(0, suffix: " %") } }],
            Stroke = new ChartStroke { Curve = ChartCurve.Straight, Width = [3] },
            Markers = new ChartMarkers { Size = 4 },
            Colors = [DashboardColors.Composite(Paper)],
            Annotations = new ChartAnnotations { YAxis = [new ChartYAnnotation { Y = 0, BorderColor = "#dc2626", StrokeDashArray = 4 }] },
            Tooltip = new ChartTooltip { Y = new ChartTooltipY { Formatter = ChartFormatter.Number(1, "—", " %") } },
        };
        // Every point is the same cohort's return under another attribution: each opens the cohort whose results it rests on.
        return new(options, [new ChartSeries { Name = text["Roi_Roi"], Data = [.. points.Select(p => ChartPoint.Of(p.RoiPercent))] }.LinkPoints(_ => RecordLinks.Cohort(report.Cohort.Code))]);
    }

    /// <param name="cohortLink">Where a cohort's point leads: the cohort page for those who may open it, else the report's own row.</param>
    public ReportChart Growth(LearnerVerticalView view, Func<string, string?>? cohortLink = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        cohortLink ??= RecordLinks.Cohort;
        var scored = view.Cohorts.Where(c => c.Composite is not null).OrderBy(c => c.EndDate).ToList();
        var options = new ApexChartOptions
        {
            Chart = Settings(ApexChartType.Line),
            // Points between the ticks, not on the plot's edges: the first cohort's slanted code was cut at the chart's left edge
            // and its data label sat on the y axis' ticks (issue 14, item 16; the PDF draws the same options).
            XAxis = new ChartXAxis { Type = ChartAxisType.Category, Categories = [.. scored.Select(c => c.CohortCode)], Labels = ChartAxisLabels.Slanted(), TickPlacement = "between" },
            YAxis = [new ChartYAxis { Min = 0, Max = 100, TickAmount = 5, Labels = new ChartAxisLabels { Formatter = ChartFormatter.Number(0) } }],
            Grid = new ChartGrid { Padding = new ChartPadding { Left = 16, Top = 12 } },
            Stroke = new ChartStroke { Curve = ChartCurve.Straight, Width = [3] },
            Markers = new ChartMarkers { Size = 6 },
            DataLabels = new ChartDataLabels { Enabled = true, Formatter = OneDecimal, OffsetY = -8 },
            Colors = [DashboardColors.Composite(Paper)],
        };
        return new(options, [new ChartSeries { Name = text["Col_Composite"], Data = [.. scored.Select(c => ChartPoint.Of(c.Composite) with { Href = cohortLink(c.CohortCode) })] }]);
    }
}
