using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;

namespace TrainingEval.Dashboard.Features.MyLearning;

/// <summary>
/// 我的学习: the signed-in learner's own trajectory (composite over time, level scores, health index), exam results
/// against their pass lines, mentor comments and the development suggestions of their alerts. Only learners have the
/// page; any other signed-in user is sent to their own start page (<see cref="SecurityHosting.HomeFor"/>). Reloads live when one of the learner's cohorts is rescored.
/// </summary>
public sealed partial class MyLearningPage
{
    private static readonly ChartModel NoChart = new(new Infrastructure.Charts.ApexChartOptions(), []);

    private MyLearningView? _view;
    private LearnerHistory _history = LearnerHistory.Empty;
    private ChartModel _composite = NoChart;
    private ChartModel _levels = NoChart;
    private ChartModel _health = NoChart;
    private ThemeState? _chartsBuiltFor;
    private int? _learnerId;

    // Counts the page's loads: a rescore reloads the page, and the application cases card with it (a mentor confirmed a case).
    private int _loads;

    [Inject] private MyLearningQueries Queries { get; set; } = default!;
    [Inject] private LearnerCharts Charts { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<MyLearningPage> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<LearnerPage> LearnerText { get; set; } = default!;

    // The learner page's subtitle with its band limits filled in (it was shown with its {0}…{3} placeholders).
    private string HealthSubtitle => LearnerText["HealthSubtitle", LearningHealthBands.IndexMin, LearningHealthBands.IndexMax,
        LearningHealthBands.HealthyFrom, LearningHealthBands.WatchFrom];
    [Inject] private IStringLocalizer<MentorStrings> Coaching { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    /// <summary>Colours for the charts, cascaded by the layout.</summary>
    [CascadingParameter] public ThemeState Theme { get; set; } = ThemeState.Light;

    private LearningHealthBand? LatestBand => _history.LatestHealth?.Band;

    private int ResolvedCount => _view is null ? 0 : _view.Alerts.Count - _view.OpenSuggestions.Count;

    // The page has no parameters of its own (the cascaded theme only recolours): it loads once, then on changes.
    protected override object LoadKey => nameof(MyLearningPage);

    protected override void OnParametersSet()
    {
        if (_view is not null && !ReferenceEquals(_chartsBuiltFor, Theme))
            BuildCharts();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_learnerId is null)
        {
            var user = await CurrentUser.GetAsync();
            if (user.LearnerId is not { } learnerId)
            {
                // The page is the learner's own; everyone else has a start page of their own.
                Navigation.NavigateTo(SecurityHosting.HomeFor(user), replace: true);
                return;
            }
            _learnerId = learnerId;
        }
        var view = await Queries.GetAsync(_learnerId.Value, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _view = view;
        _loads++;
        if (view is null)
            return;
        _history = LearnerHistory.Of(view.Vertical, DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        BuildCharts();
    }

    /// <summary>The learner's exam results as a file: assessment, kind, cohort, ISO date, score, practical, pass line and result.</summary>
    public static TrainingEval.Dashboard.Infrastructure.Files.ExportTable ExamExport(IReadOnlyList<ExamResultRow> exams, IStringLocalizer<MyLearningPage> text)
    {
        ArgumentNullException.ThrowIfNull(exams);
        ArgumentNullException.ThrowIfNull(text);
        return new(
            [text["Col_Assessment"], text["Col_Kind"], text["Col_Cohort"], text["Col_HeldOn"], text["Col_Score"], text["Col_Practical"], text["Col_PassLine"], text["Col_Result"]],
            [.. exams.Select(e => (IReadOnlyList<object?>)[Bilingual.Pick(e.AssessmentName, e.AssessmentNameEn), text[$"Kind_{e.Kind}"].Value, e.CohortCode,
                e.HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Score, e.Practical, e.PassLine,
                e.Passed ? text["Passed"].Value : text["Below"].Value])]);
    }

    private void BuildCharts()
    {
        if (_view is null)
            return;
        _chartsBuiltFor = Theme;
        // A learner may not open cohort pages: a cohort's point opens its row on their growth report, a week's the row of
        // the cohort they were in that week in "my cohorts" below.
        var employeeNumber = _view.Vertical.Learner.EmployeeNumber;
        var cohorts = _view.Vertical.Cohorts;
        _composite = Charts.Composite(_history.Trajectory, Theme, code => RecordLinks.LearnerGrowth(employeeNumber, code));
        _levels = Charts.Levels(_history.ScoredCohorts, Theme, code => RecordLinks.LearnerGrowth(employeeNumber, code));
        _health = Charts.Health(_history.Weeks, Theme, week => LearnerHistory.CohortOfWeek(cohorts, week) is { } code ? RecordLinks.MyCohort(code) : null);
    }

    // A rescore of one of the learner's cohorts.
    protected override bool Shows(CohortScoresChanged change) =>
        _view is { } view && _learnerId is not null && view.Vertical.CohortIds.Contains(change.CohortId);

    private static string When(AlertRow alert) => alert.IsoYear is { } year
        ? new IsoWeek(year, alert.IsoWeek ?? 1).ToString()
        : alert.RaisedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
