using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor.Utilities;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;
using TrainingEval.Domain.Indicators;
using Palette = MudBlazor.Palette;

using TrainingEval.Dashboard.Shared;

namespace TrainingEval.Dashboard.Features.Learners;

/// <summary>Options and series of one chart, built together so they always describe the same data.</summary>
public sealed record ChartModel(ApexChartOptions Options, IReadOnlyList<ChartSeries> Series)
{
    public bool IsEmpty => Series.All(s => s.Data.All(p => p.Value is null && p.Values is null));
}

/// <summary>
/// Builds the four charts of the learner page from a <see cref="LearnerVerticalView"/>. Missing values
/// are null points (gaps), never zeros; all text comes localized from <see cref="LearnerCharts"/>'s resx.
/// </summary>
public sealed class LearnerCharts(IStringLocalizer<LearnerCharts> text, IStringLocalizer<EvaluationStrings> vocabulary)
{
    // "—" for a gap; one decimal otherwise. A JS string: formatters cannot be .NET callbacks on Blazor Server.
    private static readonly ChartFormatter OneDecimal = ChartFormatter.Number(1, "—");

    /// <summary>The composite of each finished cohort in end-date order; provisional ones are repeated in a marker-only series.</summary>
    /// <param name="cohortLink">Where a cohort's point leads; the cohort page when null (a learner's own page passes what they may open).</param>
    public ChartModel Composite(IReadOnlyList<CompositePoint> trajectory, ThemeState theme, Func<string, string?>? cohortLink = null)
    {
        cohortLink ??= RecordLinks.Cohort;
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(theme);
        var options = new ApexChartOptions
        {
            Chart = new ChartSettings { Type = ApexChartType.Line, Toolbar = Toolbar(), Animations = NoAnimation(), Zoom = new ChartZoom { Enabled = false } },
            XAxis = new ChartXAxis
            {
                Type = ChartAxisType.Category,
                Categories = [.. trajectory.Select(p => p.CohortCode)],
                Labels = new ChartAxisLabels { Rotate = -35, Trim = false, MaxWidth = 160 },
            },
            YAxis = [new ChartYAxis { Min = 0, Max = 100, TickAmount = 5, Title = new ChartAxisTitle { Text = text["CompositeAxis"] }, Labels = new ChartAxisLabels { Formatter = ChartFormatter.Number(0) } }],
            Stroke = new ChartStroke { Curve = ChartCurve.Straight, Width = [3, 0] },
            Markers = new ChartMarkers { Size = 6, StrokeWidth = 2, Hover = new ChartMarkerHover { Size = 8 } },
            DataLabels = new ChartDataLabels
            {
                Enabled = true, EnabledOnSeries = [0], Formatter = OneDecimal, OffsetY = -8,
                Background = new ChartDataLabelsBackground { ForeColor = DashboardColors.OnFill(DashboardColors.Composite(theme)) },
            },
            Colors = [DashboardColors.Composite(theme), DashboardColors.Warning(theme)],
            Legend = new ChartLegend { Show = true, Position = ChartPosition.Top, HorizontalAlign = ChartAlign.Left },
            Tooltip = new ChartTooltip { Shared = true, Intersect = false, Y = new ChartTooltipY { Formatter = OneDecimal } },
            NoData = new ChartNoData { Text = text["NoComposite"] },
        };
        ChartSeries[] series =
        [
            new() { Name = text["CompositeSeries"], Type = ApexChartType.Line, Data = [.. trajectory.Select(p => ChartPoint.Of(p.Composite) with { Href = cohortLink(p.CohortCode) })] },
            new() { Name = text["ProvisionalSeries"], Type = ApexChartType.Scatter, Data = [.. trajectory.Select(p => ChartPoint.Of(p.IsProvisional ? p.Composite : null) with { Href = cohortLink(p.CohortCode) })] },
        ];
        return new ChartModel(options, series);
    }

    /// <summary>Grouped bars: one group per scored cohort (end-date order), one bar per Kirkpatrick level; a level without a score is a gap.</summary>
    /// <param name="cohortLink">Where a cohort's bars lead; the cohort page when null.</param>
    public ChartModel Levels(IReadOnlyList<LearnerCohortRow> scoredCohorts, ThemeState theme, Func<string, string?>? cohortLink = null)
    {
        cohortLink ??= RecordLinks.Cohort;
        ArgumentNullException.ThrowIfNull(scoredCohorts);
        ArgumentNullException.ThrowIfNull(theme);
        var perLevel = LearnerTrajectory.LevelSeries([.. scoredCohorts.Select(c => c.ToOutcome())]);
        var options = new ApexChartOptions
        {
            Chart = new ChartSettings { Type = ApexChartType.Bar, Toolbar = Toolbar() },
            XAxis = new ChartXAxis
            {
                Type = ChartAxisType.Category,
                Categories = [.. scoredCohorts.Select(c => c.CohortCode)],
                Labels = new ChartAxisLabels { Rotate = -35, Trim = false, MaxWidth = 160 },
            },
            YAxis = [new ChartYAxis { Min = 0, Max = 100, TickAmount = 5, Title = new ChartAxisTitle { Text = text["LevelAxis"] }, Labels = new ChartAxisLabels { Formatter = ChartFormatter.Number(0) } }],
            PlotOptions = new ChartPlotOptions { Bar = new ChartBarOptions { ColumnWidth = "70%", BorderRadius = 3 } },
            DataLabels = new ChartDataLabels { Enabled = false },
            Stroke = new ChartStroke { Show = true, Width = [2], Colors = ["transparent"] },
            Legend = new ChartLegend { Show = true, Position = ChartPosition.Top, HorizontalAlign = ChartAlign.Left },
            Tooltip = new ChartTooltip { Shared = true, Intersect = false, Y = new ChartTooltipY { Formatter = OneDecimal } },
            NoData = new ChartNoData { Text = text["NoLevels"] },
        };
        var series = KirkpatrickLevels.All
            .Select(level => new ChartSeries
            {
                Name = vocabulary.LevelName(level),
                Data = [.. perLevel[(int)level].Select(ChartPoint.Of)],
                Color = DashboardColors.Level(theme, level),
            }.LinkPoints(cohort => cohortLink(scoredCohorts[cohort].CohortCode)))
            .ToList();
        return new ChartModel(options, series);
    }

    /// <summary>One line per mentor dimension over the rating dates, on the 1–5 scale; a rating opens the cohort it was given in.</summary>
    public ChartModel Ratings(IReadOnlyList<DimensionHistory> history, ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(theme);
        var options = new ApexChartOptions
        {
            Chart = new ChartSettings { Type = ApexChartType.Line, Toolbar = Toolbar(), Animations = NoAnimation(), Zoom = new ChartZoom { Enabled = false } },
            XAxis = new ChartXAxis { Type = ChartAxisType.Datetime, Labels = new ChartAxisLabels { Format = text["DateFormatShort"] } },
            YAxis = [new ChartYAxis { Min = MentorRatingScale.Min, Max = MentorRatingScale.Max, TickAmount = 4, Title = new ChartAxisTitle { Text = text["RatingAxis"] }, Labels = new ChartAxisLabels { Formatter = ChartFormatter.Number(0) } }],
            // A rating holds until the next one (the latest is current), so the line steps rather than slopes.
            Stroke = new ChartStroke { Curve = ChartCurve.Stepline, Width = [2.5] },
            Markers = new ChartMarkers { Size = 4, StrokeWidth = 1, Hover = new ChartMarkerHover { Size = 6 } },
            // Dimensions are not levels: the categorical colours, which no level uses.
            Colors = [.. history.Select((_, i) => DashboardColors.Categorical(theme, i))],
            Legend = new ChartLegend { Show = true, Position = ChartPosition.Top, HorizontalAlign = ChartAlign.Left },
            Tooltip = new ChartTooltip { Shared = false, Intersect = true, X = new ChartTooltipX { Format = text["DateFormatLong"] } },
            NoData = new ChartNoData { Text = text["NoRatings"] },
        };
        var series = history
            .Select(h => new ChartSeries
            {
                Name = DimensionName(h.Dimension),
                Data = [.. h.Ratings.Select(r => ChartPoint.Of(ChartX.FromTime(new DateTimeOffset(DateTime.SpecifyKind(r.RatedAt, DateTimeKind.Utc))), r.Score)
                    with { Href = r.CohortCode is { } code ? RecordLinks.Cohort(code) : null })],
            })
            .ToList();
        return new ChartModel(options, series);
    }

    /// <summary>The weekly index as a line over ISO weeks with the healthy, watch and at-risk bands shaded behind it.</summary>
    /// <param name="weekLink">Where a week's point leads (the cohort the learner was in that week); nowhere when null.</param>
    public ChartModel Health(IReadOnlyList<WeeklyHealthPoint> weeks, ThemeState theme, Func<IsoWeek, string?>? weekLink = null)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(theme);
        var palette = Palette(theme);
        var options = new ApexChartOptions
        {
            Chart = new ChartSettings { Type = ApexChartType.Line, Toolbar = Toolbar(), Animations = NoAnimation(), Zoom = new ChartZoom { Enabled = false } },
            XAxis = new ChartXAxis
            {
                Type = ChartAxisType.Category,
                Categories = [.. weeks.Select(w => w.Week.ToString())],
                Labels = new ChartAxisLabels { Rotate = -45, Trim = false },
                TickAmount = Math.Min(12, Math.Max(1, weeks.Count - 1)),
            },
            YAxis = [new ChartYAxis { Min = LearningHealthBands.IndexMin, Max = LearningHealthBands.IndexMax, TickAmount = 5, Title = new ChartAxisTitle { Text = text["HealthAxis"] }, Labels = new ChartAxisLabels { Formatter = ChartFormatter.Number(0) } }],
            Stroke = new ChartStroke { Curve = ChartCurve.Straight, Width = [3] },
            Markers = new ChartMarkers { Size = 4, StrokeWidth = 1, Hover = new ChartMarkerHover { Size = 6 } },
            Colors = [DashboardColors.Composite(theme)],
            Legend = new ChartLegend { Show = false },
            Tooltip = new ChartTooltip { Shared = true, Intersect = false, Y = new ChartTooltipY { Formatter = OneDecimal } },
            Grid = new ChartGrid { Padding = new ChartPadding { Right = BandLabelRoom } },
            Annotations = new ChartAnnotations
            {
                YAxis =
                [
                    Band(LearningHealthBands.HealthyFrom, LearningHealthBands.IndexMax, Hex(palette.Success), text["BandHealthy", LearningHealthBands.HealthyFrom]),
                    // The theme's warning amber is too close to its error red at a band's low opacity: a clearer yellow.
                    Band(LearningHealthBands.WatchFrom, LearningHealthBands.HealthyFrom, theme.IsDarkMode ? "#FACC15" : "#CA8A04",
                        text["BandWatch", LearningHealthBands.WatchFrom, LearningHealthBands.HealthyFrom]),
                    Band(LearningHealthBands.IndexMin, LearningHealthBands.WatchFrom, Hex(palette.Error), text["BandAtRisk", LearningHealthBands.WatchFrom]),
                ],
            },
            NoData = new ChartNoData { Text = text["NoHealth"] },
        };
        ChartSeries[] series =
        [
            new() { Name = text["HealthSeries"], Data = [.. weeks.Select(w => ChartPoint.Of(w.Index) with { Href = w.Index is null ? null : weekLink?.Invoke(w.Week) })] },
        ];
        return new ChartModel(options, series);
    }

    /// <summary>The localized name of a mentor dimension; a custom dimension is shown by its code.</summary>
    public string DimensionName(string dimension)
    {
        var name = text[$"Dimension_{dimension}"];
        return name.ResourceNotFound ? dimension : name.Value;
    }

    /// <summary>Pixels right of the health chart's plot for the band labels ("Healthy ≥ 75"), where they start, and how far below a band's top edge.</summary>
    internal const int BandLabelRoom = 92;

    internal const double BandLabelOffsetX = 6;

    internal const double BandLabelOffsetY = 14;

    private static ChartYAnnotation Band(double from, double to, string color, string label) => new()
    {
        Y = from,
        Y2 = to,
        FillColor = color,
        BorderColor = color,
        Opacity = 0.11,
        // In the gutter right of the plot (the grid's right padding), under the band's top edge: inside the plot the labels
        // sat on the index line, whose latest weeks are at the right (issue 14, item 16).
        Label = new ChartAnnotationLabel
        {
            Text = label,
            Position = "right",
            TextAnchor = "start",
            OffsetX = BandLabelOffsetX,
            OffsetY = BandLabelOffsetY,
            BorderColor = "transparent",
            Style = new ChartAnnotationLabelStyle { Color = color, Background = "transparent" },
        },
    };

    // A handful of points per chart: animating them only delays the page and redraws on every resize.
    private static ChartAnimations NoAnimation() => new() { Enabled = false };

    private static ChartToolbar Toolbar() => new()
    {
        Show = true,
        Tools = new ChartToolbarTools { Download = true, Selection = false, Zoom = false, ZoomIn = false, ZoomOut = false, Pan = false, Reset = false },
    };

    private static Palette Palette(ThemeState theme) => theme.IsDarkMode ? theme.Theme.PaletteDark : theme.Theme.PaletteLight;

    private static string Hex(MudColor color) => color.ToString(MudColorOutputFormats.Hex);
}

/// <summary>The mentor rating scale (1–5), as the rating entity defines it.</summary>
internal static class MentorRatingScale
{
    public const double Min = RatingScale.Min;
    public const double Max = RatingScale.Max;
}

/// <summary>Formats shared by the learner components.</summary>
internal static class LearnerFormat
{
    /// <summary>Rank among the ranked learners, e.g. "3 / 42"; "—" when unranked.</summary>
    public static string RankOf(int? rank, int ranked) =>
        rank is { } r ? string.Create(CultureInfo.CurrentCulture, $"{r} / {ranked}") : ScoreFormat.Missing;
}
