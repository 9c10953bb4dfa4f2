using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Compare;

/// <summary>
/// Cohort vs cohort (<c>/compare?cohorts=A,B[,C,D]</c>): two to four cohorts of the same or different
/// programs side by side — size, mean composite and level means, spread, tier mix, pass rate, coverage.
/// The picked cohorts live in the URL, in the order picked.
/// </summary>
public sealed partial class ComparePage
{
    /// <summary>The query key holding the comma-separated cohort codes.</summary>
    public const string CohortsKey = "cohorts";

    private IReadOnlyList<CohortChoice> _choices = [];
    private IReadOnlyList<ComparedCohort> _cohorts = [];
    private ApexChartOptions _levelOptions = new();
    private IReadOnlyList<ChartSeries> _levelSeries = [];
    private ApexChartOptions _spreadOptions = new();
    private IReadOnlyList<ChartSeries> _spreadSeries = [];
    private ApexChartOptions _tierOptions = new();
    private IReadOnlyList<ChartSeries> _tierSeries = [];
    private ApexChartOptions _outcomeOptions = new();
    private IReadOnlyList<ChartSeries> _outcomeSeries = [];

    [Inject] private CohortComparisonQueries Queries { get; set; } = default!;
    [Inject] private FilterOptionsQueries Choices { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<ComparePage> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;
    [Inject] private IStringLocalizer<EvaluationStrings> Evaluation { get; set; } = default!;

    [CascadingParameter] private ThemeState Theme { get; set; } = ThemeState.Light;

    /// <summary>Comma-separated cohort codes, e.g. <c>LEAN-TL-202501,QC-7-202401</c>.</summary>
    [SupplyParameterFromQuery(Name = CohortsKey)] public string? Cohorts { get; set; }

    /// <summary>The codes in the URL, de-duplicated, at most <see cref="CohortComparisonQueries.MaxCohorts"/>.</summary>
    internal IReadOnlyList<string> SelectedCodes => ParseCodes(Cohorts);

    private IReadOnlyList<string> UnknownCodes =>
        Loading ? [] : [.. SelectedCodes.Where(code => _cohorts.All(c => c.Cohort.Code != code))];

    public static IReadOnlyList<string> ParseCodes(string? value) =>
        [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Take(CohortComparisonQueries.MaxCohorts)];

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_choices.Count == 0)
            _choices = (await Choices.LoadAsync(cancellationToken)).Cohorts;
        var cohorts = await Queries.LoadAsync(SelectedCodes, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _cohorts = cohorts;
        BuildCharts();
    }

    protected override void OnParametersSet() => BuildCharts();

    protected override bool Shows(CohortScoresChanged change) => _cohorts.Any(c => c.Cohort.Id == change.CohortId);

    private Task SelectAsync(IReadOnlyList<string> codes)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(CohortsKey, codes.Count == 0 ? null : string.Join(',', codes)));
        return Task.CompletedTask;
    }

    internal void BuildCharts()
    {
        var names = _cohorts.Select(c => c.Cohort.Code).ToList();

        var levelCategories = new List<string> { Text["Composite"] };
        levelCategories.AddRange(KirkpatrickLevels.All.Select(l => Evaluation.LevelName(l)));
        // A cohort keeps one colour on the page: its card, its picker chip, its bars and its box.
        _levelSeries = [.. _cohorts.Select((c, i) => new ChartSeries
        {
            Name = c.Cohort.Code,
            Color = DashboardColors.Categorical(Theme, i),
            Data = [ChartPoint.Of(ScoreFormat.ChartValue(c.Summary.MeanComposite)), .. KirkpatrickLevels.All.Select(l => ChartPoint.Of(ScoreFormat.ChartValue(c.Summary.LevelMean(l))))],
        }.LinkPoints(_ => RecordLinks.Cohort(c.Cohort.Code)))];
        _levelOptions = new ApexChartOptions
        {
            Chart = new() { Type = ApexChartType.Bar },
            XAxis = new() { Categories = levelCategories },
            YAxis = [new() { Min = 0, Max = 100, TickAmount = 5, Labels = new() { Formatter = ChartFormatter.Number(0) } }],
            PlotOptions = new() { Bar = new() { ColumnWidth = "72%", BorderRadius = 3 } },
            DataLabels = new() { Enabled = false },
            Legend = new() { Position = ChartPosition.Top, HorizontalAlign = ChartAlign.Left },
            Tooltip = new() { Shared = true, Intersect = false, Y = new() { Formatter = ChartFormatter.Number(1, "—") } },
            NoData = new() { Text = Text["NoData"] },
        };

        var withSpread = _cohorts.Select((c, i) => (Cohort: c, Color: DashboardColors.Categorical(Theme, i))).Where(x => x.Cohort.Spread is not null).ToList();
        var ink = DashboardColors.Ink(Theme);
        _spreadSeries = withSpread.Count == 0 ? [] :
        [
            new ChartSeries
            {
                Name = Text["Spread_Box"],
                Type = ApexChartType.BoxPlot,
                Data = [.. withSpread.Select(x => ChartPoint.Box(x.Cohort.Cohort.Code,
                    ScoreFormat.ChartValue(x.Cohort.Spread!.Min), ScoreFormat.ChartValue(x.Cohort.Spread.Q1), ScoreFormat.ChartValue(x.Cohort.Spread.Median),
                    ScoreFormat.ChartValue(x.Cohort.Spread.Q3), ScoreFormat.ChartValue(x.Cohort.Spread.Max)) with { FillColor = x.Color, Href = RecordLinks.Cohort(x.Cohort.Cohort.Code) })],
            },
            new ChartSeries
            {
                Name = Text["Spread_Mean"],
                Type = ApexChartType.Scatter,
                Color = ink,
                Data = [.. withSpread.Select(x => ChartPoint.Of(x.Cohort.Cohort.Code, ScoreFormat.ChartValue(x.Cohort.Spread!.Mean)) with { Href = RecordLinks.Cohort(x.Cohort.Cohort.Code) })],
            },
        ];
        _spreadOptions = new ApexChartOptions
        {
            // A handful of boxes needs no zoom or pan: only the download menu stays in the toolbar.
            Chart = new()
            {
                Type = ApexChartType.BoxPlot,
                Zoom = new() { Enabled = false },
                Toolbar = new() { Tools = new() { Download = true, Selection = false, Zoom = false, ZoomIn = false, ZoomOut = false, Pan = false, Reset = false } },
            },
            XAxis = new() { Type = ChartAxisType.Category, Labels = ChartAxisLabels.Slanted() },
            YAxis = [new() { Min = 0, Max = 100, TickAmount = 5, Labels = new() { Formatter = ChartFormatter.Number(0) } }],
            PlotOptions = new() { BoxPlot = new() { Colors = new() { Upper = DashboardColors.Composite(Theme), Lower = DashboardColors.Composite(Theme) } } },
            Stroke = new() { Colors = [ink], Width = [1.5] },
            Markers = new() { Size = 6, Shape = ChartMarkerShape.Diamond, StrokeWidth = 2 },
            Legend = new() { Show = false },
            NoData = new() { Text = Text["NoData"] },
        };

        // Running cohorts are provisional as a whole (spec section 9): their tier mix and pass rate are marked in the category.
        var marked = _cohorts.Select(c => c.Cohort.ResultsAreProvisional ? Text["RunningCategory", c.Cohort.Code].Value : c.Cohort.Code).ToList();
        var tierNames = Enum.GetValues<Tier>().Select(t => Evaluation.TierLabel(t)).Append(Text["Unscored"].Value).ToList();
        _tierSeries = _cohorts.Count == 0 ? [] :
        [
            .. Enum.GetValues<Tier>().Select((tier, i) => new ChartSeries
            {
                Name = tierNames[i],
                Color = DashboardColors.Tier(Theme, tier),
                // A tier's part of a cohort's bar opens that cohort's learners of that tier.
                Data = [.. _cohorts.Select(c => ChartPoint.Of(c.Summary.TierCounts[tier]) with { Href = RecordLinks.CohortTier(c.Cohort.Code, tier) })],
            }),
            new ChartSeries { Name = tierNames[^1], Color = DashboardColors.NoScore(Theme), Data = [.. _cohorts.Select(c => ChartPoint.Of(c.Summary.UnscoredCount))] }
                .LinkPoints(i => RecordLinks.Cohort(_cohorts[i].Cohort.Code)),
        ];
        _tierOptions = new ApexChartOptions
        {
            Chart = new() { Type = ApexChartType.Bar, Stacked = true, StackType = ChartStackType.Percent100 },
            PlotOptions = new() { Bar = new() { Horizontal = true, BarHeight = "62%" } },
            XAxis = new() { Categories = marked },
            DataLabels = new() { Enabled = true, Formatter = ChartFormatter.Number(0, suffix: "%", hideBelow: 6), Style = new() { Colors = DashboardColors.OnFills(_tierSeries.Select(s => s.Color!)) } },
            Legend = new() { Position = ChartPosition.Top, HorizontalAlign = ChartAlign.Left },
            Tooltip = new() { Y = new() { Formatter = ChartFormatter.AsIs } },
            NoData = new() { Text = Text["NoData"] },
        };

        _outcomeSeries = _cohorts.Count == 0 ? [] :
        [
            new ChartSeries { Name = Text["PassRate"], Color = DashboardColors.PassRate(Theme), Data = [.. _cohorts.Select(c => ChartPoint.Of(ScoreFormat.ChartPercent(c.Summary.PassRate)))] },
            new ChartSeries { Name = Text["Coverage"], Color = DashboardColors.Coverage(Theme), Data = [.. _cohorts.Select(c => ChartPoint.Of(ScoreFormat.ChartPercent(c.Summary.MeanCoverage)))] },
        ];
        _outcomeOptions = new ApexChartOptions
        {
            Chart = new() { Type = ApexChartType.Bar },
            PlotOptions = new() { Bar = new() { Horizontal = true, BarHeight = "70%", BorderRadius = 3 } },
            XAxis = new() { Categories = marked, Min = 0, Max = 100, TickAmount = 5 },
            DataLabels = new() { Enabled = true, Formatter = ChartFormatter.Number(1, "—", "%"), Style = new() { Colors = DashboardColors.OnFills(_outcomeSeries.Select(s => s.Color!)) } },
            Legend = new() { Position = ChartPosition.Top, HorizontalAlign = ChartAlign.Left },
            Tooltip = new() { Y = new() { Formatter = ChartFormatter.Number(1, "—", "%") } },
            NoData = new() { Text = Text["NoData"] },
        };
    }

    /// <summary>The compared cohorts as rows (one per cohort card), from the data the page loaded (already limited by access).</summary>
    private Task<ExportTable> ExportAsync()
    {
        var headers = new List<string> { Text["Cohort"], Text["Code"], Text["Program"], Text["Start"], Text["Status"], Text["Learners"], Text["MeanComposite"] };
        headers.AddRange(KirkpatrickLevels.All.Select(l => Evaluation.LevelName(l)));
        headers.AddRange([Text["Median"], $"{Text["PassRate"]} (%)", $"{Text["Coverage"]} (%)"]);
        var rows = _cohorts.Select(c =>
        {
            var cells = new List<object?>
            {
                c.Cohort.DisplayName(), c.Cohort.Code, c.ProgramDisplayName(), c.Cohort.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Evaluation.CohortStatusName(c.Cohort.Status), c.Summary.EnrollmentCount, c.Summary.MeanComposite,
            };
            cells.AddRange(KirkpatrickLevels.All.Select(l => (object?)c.Summary.LevelMean(l)));
            cells.AddRange([c.Spread?.Median, c.Summary.PassRate * 100, c.Summary.MeanCoverage * 100]);
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return Task.FromResult(new ExportTable(headers, rows));
    }
}
