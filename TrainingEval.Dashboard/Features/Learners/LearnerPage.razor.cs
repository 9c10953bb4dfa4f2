using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;

namespace TrainingEval.Dashboard.Features.Learners;

/// <summary>
/// The vertical comparison (纵向对比) of one learner: composite per finished cohort over time, level
/// scores per cohort, mentor rating history, weekly learning health index and the cohorts table.
/// Reloads live when the scores of one of the learner's cohorts change.
/// </summary>
public sealed partial class LearnerPage
{
    private static readonly ChartModel NoChart = new(new Infrastructure.Charts.ApexChartOptions(), []);

    private LearnerVerticalView? _view;
    private bool _notFound;
    private string? _loadedFor;
    private LearnerHistory _history = LearnerHistory.Empty;
    private ChartModel _composite = NoChart;
    private ChartModel _levels = NoChart;
    private ChartModel _ratings = NoChart;
    private ChartModel _health = NoChart;
    private ThemeState? _chartsBuiltFor;

    [Inject] private LearnerQueries Queries { get; set; } = default!;
    [Inject] private LearnerCharts Charts { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<LearnerPage> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    /// <summary>The learner's employee number (工号), from the route.</summary>
    [Parameter] public string EmployeeNo { get; set; } = "";

    /// <summary>Colours for the charts, cascaded by the layout.</summary>
    [CascadingParameter] public ThemeState Theme { get; set; } = ThemeState.Light;

    private string PageTitleText => _view is { } view
        ? Text["PageTitle", Bilingual.Pick(view.Learner.Name, view.Learner.NameEn)]
        : Text["PageTitleGeneric"];

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(Text["Learners"], href: "learners", icon: Icons.Material.Outlined.People),
        new(_view is { } view ? Bilingual.Pick(view.Learner.Name, view.Learner.NameEn) : EmployeeNo, href: null, disabled: true),
    ];

    private double? Change => LearnerTrajectory.LatestChange(_history.Trajectory);

    private string ChangeText => Change is { } change
        ? (change > 0 ? "+" : "") + ScoreFormat.Score(change)
        : ScoreFormat.Missing;

    private string? ChangeClass => Change switch
    {
        > 0 => "change-up",
        < 0 => "change-down",
        _ => null,
    };

    // Another learner loads; the theme only recolours the charts.
    protected override object LoadKey => EmployeeNo;

    protected override void OnParametersSet()
    {
        if (_view is not null && !ReferenceEquals(_chartsBuiltFor, Theme))
            BuildCharts();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loadedFor != EmployeeNo)
        {
            // Another learner: skeletons until their data is in, never the previous learner's.
            _loadedFor = EmployeeNo;
            _view = null;
            _notFound = false;
        }
        var view = await Queries.GetVerticalViewAsync(EmployeeNo, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _notFound = view is null;
        _view = view;
        if (view is null)
            return;

        _history = LearnerHistory.Of(view, DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        BuildCharts();
    }

    private void BuildCharts()
    {
        if (_view is not { } view)
            return;
        _chartsBuiltFor = Theme;
        _composite = Charts.Composite(_history.Trajectory, Theme);
        _levels = Charts.Levels(_history.ScoredCohorts, Theme);
        _ratings = Charts.Ratings(LearnerTrajectory.RatingHistory(view.Ratings), Theme);
        _health = Charts.Health(_history.Weeks, Theme, week => LearnerHistory.CohortOfWeek(view.Cohorts, week) is { } code ? RecordLinks.Cohort(code) : null);
    }

    // A rescore of one of the learner's cohorts.
    protected override bool Shows(CohortScoresChanged change) =>
        _view is { } view && view.CohortIds.Contains(change.CohortId);

    private string BandName(LearningHealthBand band) => Text[$"Band_{band}"];

    private string HealthSubtitle => Text["HealthSubtitle", LearningHealthBands.IndexMin, LearningHealthBands.IndexMax,
        LearningHealthBands.HealthyFrom, LearningHealthBands.WatchFrom];

    private static string CohortHref(string code) => "cohorts/" + Uri.EscapeDataString(code);

    private static string Initials(LearnerHeader learner)
    {
        var name = learner.Name.Trim();
        if (name.Length == 0)
            return "?";
        // Chinese names: the given name's last character reads naturally on an avatar; Latin: first letters.
        return char.IsAsciiLetter(name[0])
            ? string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(p => char.ToUpperInvariant(p[0])))
            : name[^Math.Min(2, name.Length)..];
    }

    private static string? AlternateName(LearnerHeader learner)
    {
        var shown = Bilingual.Pick(learner.Name, learner.NameEn);
        var other = shown == learner.Name ? learner.NameEn : learner.Name;
        return string.IsNullOrWhiteSpace(other) || other == shown ? null : other;
    }
}
