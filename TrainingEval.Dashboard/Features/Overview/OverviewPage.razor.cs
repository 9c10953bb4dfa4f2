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
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Overview;

/// <summary>
/// The executive overview (<c>/</c>): KPIs, composite by program, tier mix (学员分层), the level-coverage
/// funnel and the most recent cohorts, for the program, department and date range in the URL.
/// </summary>
public sealed partial class OverviewPage
{
    private OverviewData? _data;
    private ApexChartOptions _byProgramOptions = new();
    private IReadOnlyList<ChartSeries> _byProgram = [];
    private ApexChartOptions _tierOptions = new();
    private IReadOnlyList<double> _tierValues = [];
    private IReadOnlyList<string?> _tierLinks = [];
    private ApexChartOptions _funnelOptions = new();
    private IReadOnlyList<ChartSeries> _funnel = [];

    [Inject] private OverviewQueries Queries { get; set; } = default!;
    [Inject] private IStringLocalizer<OverviewPage> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;
    [Inject] private IStringLocalizer<EvaluationStrings> Evaluation { get; set; } = default!;

    [CascadingParameter] private ThemeState Theme { get; set; } = ThemeState.Light;

    [SupplyParameterFromQuery(Name = DashboardFilter.ProgramKey)] public string? Program { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.DepartmentKey)] public string? Department { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.FromKey)] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.ToKey)] public string? To { get; set; }

    // The overview has no cohort filter; a cohort in the URL is ignored rather than half-applied.
    private DashboardFilter Filter => DashboardFilter.FromQuery(Program, null, Department, From, To);

    private CohortSummary Summary => _data?.Summary ?? CohortSummary.Empty;

    private int ByProgramHeight => Math.Max(260, 56 + (_data?.Programs.Count ?? 0) * 44);

    // The funnel's bars: all scored cohorts (grey), then one per level in its level's colour (the categories' order).
    private IReadOnlyList<string> FunnelPalette => [DashboardColors.Muted(Theme), .. KirkpatrickLevels.All.Select(l => DashboardColors.Level(Theme, l))];

    // The donut's slices: the tiers in Tier order, then "no score" (the labels' order).
    private IReadOnlyList<string> TierPalette => [.. Enum.GetValues<Tier>().Select(t => DashboardColors.Tier(Theme, t)), DashboardColors.NoScore(Theme)];

    // People and enrolments are counted apart (spec section 9): the learners KPI counts people, everything else enrolments.
    private string? LearnersHint => _data is null ? null
        : Text["Kpi_LearnersHint", _data.CohortsWithScores, Summary.EnrollmentCount.ToString("N0", CultureInfo.CurrentCulture)].Value;

    private string? ProvisionalHint => Summary.ProvisionalCount > 0
        ? Text["Kpi_ProvisionalHint", Summary.ProvisionalCount.ToString("N0", CultureInfo.CurrentCulture), Summary.EnrollmentCount.ToString("N0", CultureInfo.CurrentCulture)].Value
        : null;

    private string? PassRateHint => _data is null || Summary.CompositeCount == 0 ? null
        : _data.IncludesRunning
            ? Text["Kpi_PassRateRunningHint", N(Summary.PassedCount), N(Summary.CompositeCount), N(_data.RunningEnrollments), _data.RunningCohorts].Value
            : Text["Kpi_PassRateHint", N(Summary.PassedCount), N(Summary.CompositeCount)].Value;

    private string? TiersFootnote => _data is { IncludesRunning: true } && _data.HasScores
        ? Text["Tiers_RunningNote", N(_data.RunningEnrollments), _data.RunningCohorts].Value
        : null;

    private static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var data = await Queries.LoadAsync(Filter, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _data = data;
        BuildCharts(data);
    }

    protected override bool Shows(CohortScoresChanged change) =>
        _data is null || _data.CohortIds.Contains(change.CohortId);

    internal void BuildCharts(OverviewData data)
    {
        var programNames = data.Programs.Select(p => p.DisplayName()).ToList();
        _byProgramOptions = new ApexChartOptions
        {
            Chart = new() { Type = ApexChartType.Bar, Toolbar = new() { Show = true } },
            PlotOptions = new() { Bar = new() { Horizontal = true, BorderRadius = 4, BarHeight = "62%", Distributed = false } },
            XAxis = new() { Categories = programNames, Min = 0, Max = 100, TickAmount = 5 },
            YAxis = [new() { Labels = ChartAxisLabels.Names() }],
            DataLabels = new() { Enabled = true, Formatter = ChartFormatter.Number(1, "—"), Style = new() { Colors = [DashboardColors.OnFill(DashboardColors.Composite(Theme))] } },
            Tooltip = new() { Y = new() { Formatter = ChartFormatter.Number(1, "—") } },
            Legend = new() { Show = false },
            NoData = new() { Text = Text["NoData"] },
        };
        _byProgram = data.Programs.Count == 0 ? [] :
        [
            new ChartSeries
            {
                Name = Text["ByProgram_Series"],
                Color = DashboardColors.Composite(Theme),
                // A bar opens the program's cohorts (the list filtered to it, with the overview's date range).
                Data = [.. data.Programs.Select(p => ChartPoint.Of(ScoreFormat.ChartValue(p.Summary.MeanComposite)) with { Href = RecordLinks.CohortsOfProgram(p.Code, Filter) })],
            },
        ];

        var tierLabels = Enum.GetValues<Tier>().Select(t => Evaluation.TierLabel(t)).Append(Text["Tiers_Unscored"].Value).ToList();
        _tierOptions = new ApexChartOptions
        {
            Chart = new() { Type = ApexChartType.Donut },
            Labels = tierLabels,
            Legend = new() { Position = ChartPosition.Bottom },
            // Each slice's percentage in the text colour of its fill, without the shadow that smears dark text.
            DataLabels = new() { Enabled = true, Style = new() { Colors = DashboardColors.OnFills(TierPalette) }, DropShadow = new() { Enabled = false } },
            PlotOptions = new()
            {
                Pie = new()
                {
                    Donut = new()
                    {
                        Size = "62%",
                        Labels = new() { Show = true, Total = new() { Show = true, Label = Text["Tiers_Total"], Formatter = ChartFormatter.SeriesTotal } },
                    },
                },
            },
            NoData = new() { Text = Text["NoData"] },
        };
        _tierValues = data.HasScores
            ? [.. Enum.GetValues<Tier>().Select(t => (double)data.Summary.TierCounts[t]), data.Summary.UnscoredCount]
            : [];
        // A tier's slice opens the learners with that tier in the filtered cohorts; "no score" has no list to open.
        _tierLinks = data.HasScores ? [.. Enum.GetValues<Tier>().Select(t => RecordLinks.LearnersOfTier(t, Filter)), null] : [];

        var funnelCategories = new List<string> { Text["Funnel_AllCohorts"] };
        funnelCategories.AddRange(KirkpatrickLevels.All.Select(l => Evaluation.LevelName(l)));
        _funnelOptions = new ApexChartOptions
        {
            Chart = new() { Type = ApexChartType.Bar },
            PlotOptions = new() { Bar = new() { Horizontal = true, Distributed = true, BorderRadius = 4, BarHeight = "70%" } },
            XAxis = new() { Categories = funnelCategories, DecimalsInFloat = 0 },
            DataLabels = new() { Enabled = true, Style = new() { Colors = DashboardColors.OnFills(FunnelPalette) } },
            Legend = new() { Show = false },
            Tooltip = new() { Y = new() { Formatter = ChartFormatter.AsIs } },
            NoData = new() { Text = Text["NoData"] },
        };
        _funnel = data.CohortsWithScores == 0 ? [] :
        [
            new ChartSeries
            {
                Name = Text["Funnel_Series"],
                // A level's bar opens the cohorts measuring it (a chip on the list says so); the first, the cohorts with scores.
                // The list has no department: under a department filter it counts cohorts by all their learners.
                Data =
                [
                    ChartPoint.Of(data.CohortsWithScores) with { Href = RecordLinks.ScoredCohorts(Filter) },
                    .. data.Funnel.Select(step => ChartPoint.Of(step.CohortsMeasuring) with { Href = RecordLinks.CohortsMeasuring(step.Level, Filter) }),
                ],
            },
        ];
    }

    /// <summary>The recent cohorts table as shown, from the data the page loaded (already limited by access).</summary>
    private Task<ExportTable> ExportRecentAsync() => Task.FromResult(new ExportTable(
        [Text["Col_Cohort"], Text["Col_Code"], Text["Col_Program"], Text["Col_Start"], Text["Col_Status"], Text["Col_Learners"], Text["Col_MeanComposite"], $"{Text["Col_PassRate"]} (%)", $"{Text["Col_Coverage"]} (%)"],
        [.. (_data?.RecentCohorts ?? []).Select(r => (IReadOnlyList<object?>)[r.Cohort.DisplayName(), r.Cohort.Code, r.ProgramDisplayName(),
            r.Cohort.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Evaluation.CohortStatusName(r.Cohort.Status), r.Summary.EnrollmentCount, r.Summary.MeanComposite,
            r.Summary.PassRate * 100, r.Summary.MeanCoverage * 100])]));
}
