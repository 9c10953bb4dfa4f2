using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Compare;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.WhatIf;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Programs;

/// <summary>
/// A program's historical comparison (历史对比, <c>/programs/{code}</c>): per cohort in start order the
/// mean composite and level means with the trend line, markers where the weight profile version
/// changed, pass rate and coverage, a warning on small cohorts, and the numbers in a table.
/// </summary>
public sealed partial class ProgramHistoryPage
{
    /// <summary>Pixels above the history chart's plot for the profile-version labels, and how far up they are moved into them.</summary>
    internal const int VersionLabelRoom = 22;

    internal const int VersionLabelOffsetY = -20;

    private ProgramHistoryView? _view;
    private ProgramHistory? _draft;
    private WhatIfSession? _whatIf;
    private IDisposable? _draftSubscription;
    private IReadOnlyList<CohortObservations>? _observations;
    private ApexChartOptions _historyOptions = new();
    private IReadOnlyList<ChartSeries> _historySeries = [];
    private ApexChartOptions _outcomeOptions = new();
    private IReadOnlyList<ChartSeries> _outcomeSeries = [];

    [Inject] private ProgramQueries Queries { get; set; } = default!;
    [Inject] private IStringLocalizer<ProgramHistoryPage> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;
    [Inject] private IStringLocalizer<EvaluationStrings> Evaluation { get; set; } = default!;

    [CascadingParameter] private ThemeState Theme { get; set; } = ThemeState.Light;

    /// <summary>The program's code, from the route.</summary>
    [Parameter] public string ProgramCode { get; set; } = "";

    /// <summary>The run the reader picked for the headline (<c>?run=CODE</c>); the latest ended run when absent.</summary>
    [SupplyParameterFromQuery(Name = RunKey)] public string? Run { get; set; }

    public const string RunKey = "run";

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = DashboardFilter.DepartmentKey)] public string? Department { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.FromKey)] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.ToKey)] public string? To { get; set; }

    private DashboardFilter Filter => DashboardFilter.FromQuery(null, null, Department, From, To);

    /// <summary>The history on screen: the draft's while a what-if draft is active, else the stored one.</summary>
    private ProgramHistory Shown => _draft ?? _view?.History ?? ProgramHistory.Empty;

    private int ScoredRuns => Shown.Cohorts.Count(c => c.Summary.EnrollmentCount > 0);

    /// <summary>The run the reader picked, when the history has it with a mean composite.</summary>
    private CohortHistoryPoint? HeadlinePicked => Shown.Run(Run) is { Summary.MeanComposite: not null } picked ? picked : null;

    /// <summary>The "latest run" headline (spec section 9): the picked run, else the latest ended run.</summary>
    private CohortHistoryPoint? Latest => HeadlinePicked ?? Shown.LatestEnded;

    private void PickHeadline(string code) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(RunKey, string.IsNullOrEmpty(code) ? null : code));

    private int ProfileChangeCount => _view?.History.ProfileChanges.Count() ?? 0;

    private string TrendValue => Shown.Trend is { } trend
        ? trend.Slope.ToString("+0.0;−0.0;0.0", CultureInfo.CurrentCulture)
        : ScoreFormat.Missing;

    private string HistoryFootnote => Shown.Trend is null ? Text["History_NoTrend"] : Text["History_Footnote"];

    /// <summary>The side-by-side page for the last (up to four) scored runs.</summary>
    private string? CompareHref
    {
        get
        {
            var codes = Shown.Cohorts.Where(c => c.Summary.EnrollmentCount > 0).TakeLast(CohortComparisonQueries.MaxCohorts).Select(c => c.CohortCode).ToList();
            return codes.Count >= CohortComparisonQueries.MinCohorts
                ? $"compare?cohorts={Uri.EscapeDataString(string.Join(',', codes))}"
                : null;
        }
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var view = await Queries.HistoryAsync(ProgramCode, Filter, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _view = view;
        _observations = null;
        if (view is not null)
        {
            await EnsureWhatIfAsync(view, cancellationToken);
            // A reload (new filter, or stored scores changed) keeps an active draft, applied to the new data.
            await RecomputeDraftAsync(cancellationToken);
        }
        BuildCharts();
    }

    /// <summary>The page's what-if draft; null until the program's profile is loaded (or when it has none).</summary>
    internal WhatIfSession? WhatIf => _whatIf;

    private async Task EnsureWhatIfAsync(ProgramHistoryView view, CancellationToken cancellationToken)
    {
        if (_whatIf is not null && _whatIf.ProgramId == view.Program.Id)
            return;
        _draftSubscription?.Dispose();
        _whatIf = null;
        if (await Queries.CurrentProfileAsync(view.Program.Id, cancellationToken) is not { } profile)
            return;
        _whatIf = new WhatIfSession(view.Program.Id, profile.Profile, profile.Version, view.Program.CurrentProfileVersion);
        _draftSubscription = _whatIf.NotifyOnChange(() => InvokeAsync(async () =>
        {
            await RecomputeDraftAsync(CancellationToken.None);
            BuildCharts();
            StateHasChanged();
        }));
    }

    /// <summary>
    /// Rescores every run from the draft (observations are collected once per view, then only
    /// ScoreBatch runs); no draft, or one that cannot be scored, shows the stored history.
    /// </summary>
    private async Task RecomputeDraftAsync(CancellationToken cancellationToken)
    {
        if (_whatIf is not { IsDraft: true } session || _view is null)
        {
            _draft = null;
            return;
        }
        // A draft that cannot be scored (e.g. every level weight 0) keeps the last valid picture; the panel says why.
        if (session.PreviewEngine is not { } engine)
            return;
        _observations ??= await Queries.LoadObservationsAsync(_view, session.Base, cancellationToken);
        _draft = ProgramDraftScoring.Score(engine, _observations);
    }

    private async Task OnProfileSavedAsync(ProfileVersionInfo saved)
    {
        // Open cohorts were rescored with the new version; closed cohorts keep theirs. Show the stored result.
        await ReloadAsync();
        StateHasChanged();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _draftSubscription?.Dispose();
        base.Dispose(disposing);
    }

    protected override bool Shows(CohortScoresChanged change) =>
        _view is null || _view.CohortIds.Contains(change.CohortId);

    protected override void OnParametersSet() => BuildCharts();

    /// <summary>Builds both charts' options and series from <see cref="Shown"/>; called after every load and draft change.</summary>
    internal void BuildCharts()
    {
        var history = Shown;
        var categories = history.Cohorts.Select(c => c.CohortCode).ToList();
        var composite = DashboardColors.Composite(Theme);
        var muted = DashboardColors.Muted(Theme);
        var warning = DashboardColors.Warning(Theme);

        var series = new List<ChartSeries>
        {
            new()
            {
                Name = _draft is null ? Text["Series_Composite"] : Text["Series_DraftComposite"],
                Data = [.. history.Cohorts.Select(c => ChartPoint.Of(ScoreFormat.ChartValue(c.Summary.MeanComposite)))],
                Color = composite,
            },
        };
        if (history.Trend is not null)
        {
            series.Add(new ChartSeries
            {
                Name = Text["Series_Trend"],
                Data = [.. history.Cohorts.Select(c => ChartPoint.Of(ScoreFormat.ChartValue(c.Trend)))],
                Color = muted,
            });
        }
        if (_draft is not null && _view is not null)
        {
            series.Add(new ChartSeries
            {
                Name = Text["Series_StoredComposite"],
                Data = [.. _view.History.Cohorts.Select(c => ChartPoint.Of(ScoreFormat.ChartValue(c.Summary.MeanComposite)))],
                Color = DashboardColors.Faint(Theme),
            });
        }
        foreach (var level in KirkpatrickLevels.All)
        {
            series.Add(new ChartSeries
            {
                Name = Evaluation.LevelName(level),
                Data = [.. history.Cohorts.Select(c => ChartPoint.Of(ScoreFormat.ChartValue(c.Summary.LevelMean(level))))],
                Color = DashboardColors.Level(Theme, level),
            });
        }

        // Widths and dashes follow the series order above: composite bold, trend and stored dashed, levels thin.
        var widths = new List<double> { 4 };
        var dashes = new List<double> { 0 };
        if (history.Trend is not null)
        {
            widths.Add(2);
            dashes.Add(6);
        }
        if (_draft is not null)
        {
            widths.Add(2);
            dashes.Add(3);
        }
        widths.AddRange(Enumerable.Repeat(2.0, KirkpatrickLevels.Count));
        dashes.AddRange(Enumerable.Repeat(0.0, KirkpatrickLevels.Count));

        var versionMarkers = _draft is null
            ? history.ProfileChanges.Select(c => new ChartXAnnotation
            {
                X = c.CohortCode,
                BorderColor = warning,
                StrokeDashArray = 4,
                Label = new ChartAnnotationLabel
                {
                    Text = Text["Marker_Version", c.ProfileVersion ?? 0],
                    BorderColor = warning,
                    Position = "top",
                    // Level, above the plot (in the grid's top padding): written down the line it crossed the score lines (issue 14, item 16).
                    Orientation = "horizontal",
                    OffsetY = VersionLabelOffsetY,
                    Style = new ChartAnnotationLabelStyle { Color = DashboardColors.OnFill(warning), Background = warning },
                },
            }).ToList()
            : [];
        // Running runs are provisional as a whole (spec section 9): their points are marked, and the trend leaves them out.
        ChartPointAnnotation RunningMarker(CohortHistoryPoint run, double value) => new()
        {
            X = run.CohortCode,
            Y = value,
            Marker = new ChartPointAnnotationMarker { Size = 6, FillColor = muted, StrokeColor = muted },
            Label = new ChartAnnotationLabel
            {
                Text = Text["Marker_Running"],
                BorderColor = muted,
                // The running run is the newest, at the chart's right edge: its label runs to the left so it is not cut off.
                TextAnchor = "end",
                Style = new ChartAnnotationLabelStyle { Color = DashboardColors.OnFill(muted), Background = muted },
            },
        };
        var runningMarkers = history.Cohorts
            .Where(c => c.IsProvisional && c.Summary.MeanComposite is not null)
            .Select(c => RunningMarker(c, ScoreFormat.ChartValue(c.Summary.MeanComposite)!.Value))
            .ToList();
        var runningPassMarkers = history.Cohorts
            .Where(c => c.IsProvisional && c.Summary.PassRate is not null)
            .Select(c => RunningMarker(c, ScoreFormat.ChartPercent(c.Summary.PassRate)!.Value))
            .ToList();
        var smallMarkers = history.Cohorts
            .Where(c => c.Summary.IsSmall && c.Summary.MeanComposite is not null)
            .Select(c => new ChartPointAnnotation
            {
                X = c.CohortCode,
                Y = ScoreFormat.ChartValue(c.Summary.MeanComposite)!.Value,
                Marker = new ChartPointAnnotationMarker { Size = 7, FillColor = warning, StrokeColor = warning },
                Label = new ChartAnnotationLabel
                {
                    Text = Text["Marker_Small", c.Summary.EnrollmentCount],
                    BorderColor = warning,
                    Style = new ChartAnnotationLabelStyle { Color = DashboardColors.OnFill(warning), Background = warning },
                },
            })
            .ToList();

        // Every point of a run (its composite, trend, levels) opens that cohort's page.
        string CohortHref(int run) => RecordLinks.Cohort(history.Cohorts[run].CohortCode);
        _historySeries = history.Cohorts.Count == 0 ? [] : [.. series.Select(s => s.LinkPoints(CohortHref))];
        _historyOptions = new ApexChartOptions
        {
            Chart = new() { Type = ApexChartType.Line, Zoom = new() { Enabled = false } },
            XAxis = new() { Categories = categories, Labels = new() { Rotate = -35, Trim = false } },
            YAxis = [new() { Min = 0, Max = 100, TickAmount = 5, Title = new() { Text = Text["Axis_Score"] }, Labels = new() { Formatter = ChartFormatter.Number(0) } }],
            Stroke = new() { Curve = ChartCurve.Straight, Width = widths, DashArray = dashes },
            Markers = new() { Size = 4 },
            DataLabels = new() { Enabled = false },
            Legend = new() { Position = ChartPosition.Top, HorizontalAlign = ChartAlign.Left },
            Tooltip = new() { Shared = true, Intersect = false, Y = new() { Formatter = ChartFormatter.Number(1, "—") } },
            Annotations = new() { XAxis = versionMarkers, Points = [.. smallMarkers, .. runningMarkers] },
            Grid = versionMarkers.Count == 0 ? null : new() { Padding = new() { Top = VersionLabelRoom } },
            NoData = new() { Text = Text["NoData"] },
        };

        var passName = Text["Series_PassRate"].Value;
        var learnersName = Text["Series_Learners"].Value;
        _outcomeSeries = history.Cohorts.Count == 0 ? [] :
        [
            new ChartSeries { Name = passName, Type = ApexChartType.Bar, Color = DashboardColors.PassRate(Theme), Data = [.. history.Cohorts.Select(c => ChartPoint.Of(ScoreFormat.ChartPercent(c.Summary.PassRate)))] }.LinkPoints(CohortHref),
            new ChartSeries { Name = Text["Series_Coverage"], Type = ApexChartType.Bar, Color = DashboardColors.Coverage(Theme), Data = [.. history.Cohorts.Select(c => ChartPoint.Of(ScoreFormat.ChartPercent(c.Summary.MeanCoverage)))] }.LinkPoints(CohortHref),
            new ChartSeries { Name = learnersName, Type = ApexChartType.Line, Color = DashboardColors.Ink(Theme), Data = [.. history.Cohorts.Select(c => ChartPoint.Of(c.Summary.EnrollmentCount))] }.LinkPoints(CohortHref),
        ];
        _outcomeOptions = new ApexChartOptions
        {
            Chart = new() { Type = ApexChartType.Bar, Zoom = new() { Enabled = false } },
            XAxis = new() { Categories = categories, Labels = new() { Rotate = -35, Trim = false } },
            YAxis =
            [
                new() { SeriesName = passName, Min = 0, Max = 100, TickAmount = 5, Title = new() { Text = "%" }, Labels = new() { Formatter = ChartFormatter.Number(0) } },
                new() { SeriesName = passName, Show = false, Min = 0, Max = 100 },
                new() { SeriesName = learnersName, Opposite = true, Min = 0, Title = new() { Text = learnersName }, Labels = new() { Formatter = ChartFormatter.Number(0) } },
            ],
            PlotOptions = new() { Bar = new() { ColumnWidth = "58%", BorderRadius = 3 } },
            Stroke = new() { Width = [0, 0, 3], Curve = ChartCurve.Straight },
            Markers = new() { Size = 4 },
            DataLabels = new() { Enabled = false },
            Legend = new() { Position = ChartPosition.Top, HorizontalAlign = ChartAlign.Left },
            Tooltip = new() { Shared = true, Intersect = false },
            Annotations = new() { Points = runningPassMarkers },
            NoData = new() { Text = Text["NoData"] },
        };
    }

    private static string Percent(double? fraction) => fraction is { } f ? ScoreFormat.Percent(f) : ScoreFormat.Missing;

    /// <summary>The history table as shown (stored scores or the draft), one row per run.</summary>
    private Task<ExportTable> ExportHistoryAsync()
    {
        var headers = new List<string> { "#", Text["Col_Cohort"], Text["Col_Code"], Text["Col_Start"], Text["Col_Status"], Text["Col_Profile"], "n", Text["Col_MeanComposite"] };
        headers.AddRange(KirkpatrickLevels.All.Select(l => Evaluation.LevelName(l)));
        headers.Add($"{Text["Col_PassRate"]} (%)");
        headers.Add($"{Text["Col_Coverage"]} (%)");
        var rows = Shown.Cohorts.Select(run =>
        {
            var cells = new List<object?>
            {
                run.RunOrder,
                _view?.Cohorts.GetValueOrDefault(run.CohortCode)?.DisplayName() ?? run.CohortCode,
                run.CohortCode,
                run.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Evaluation.CohortStatusName(run.Status),
                _draft is not null ? Text["DraftVersion"].Value : run.ProfileVersion is { } version ? $"v{version}" : null,
                run.Summary.EnrollmentCount,
                run.Summary.MeanComposite,
            };
            cells.AddRange(KirkpatrickLevels.All.Select(l => (object?)run.Summary.LevelMean(l)));
            cells.Add(run.Summary.PassRate * 100);
            cells.Add(run.Summary.MeanCoverage * 100);
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return Task.FromResult(new ExportTable(headers, rows));
    }
}
