using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.WhatIf;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>
/// Horizontal comparison (横向对比) of one cohort: headline numbers, learners ranked by composite with
/// stacked level contributions, the distribution box plot, one learner's radar against the cohort mean
/// and the server-paged learner table. What-if weights rescore everything live from the cohort's raw
/// observations (loaded once per page). Page state lives in the URL query; stored scores reload when
/// the score notifier reports a change to this cohort — unless a what-if draft is open, which is never swapped
/// under the user: the page then says the stored scores changed and offers to refresh.
/// </summary>
public sealed partial class CohortPage
{
    private IDisposable? _draftSubscription;
    private string? _loadedCode;
    private bool _notFound;
    private string? _loadError;
    private CohortInfo? _cohort;
    private StoredCohortScores? _stored;
    private ObservationTable? _observations;
    private WhatIfSession? _whatIf;
    private CohortScoreSet? _view;
    private CohortChartSet? _charts;
    private RadarChartData? _radar;
    private IReadOnlyList<string> _radarMissing = [];
    private IReadOnlyList<FilterChoice> _departments = [];
    private bool _baseChanged;
    private string _chartCulture = "";

    [Inject] private IRecordAccess Access { get; set; } = default!;
    [Inject] private CohortQueries Queries { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    // Mentors see their own mentees of the cohort; the what-if panel needs the whole cohort.
    private bool _readsEverything;
    private bool _trainsCohort;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<EvaluationStrings> Terms { get; set; } = default!;

    /// <summary>The cohort's code (route).</summary>
    [Parameter] public string CohortCode { get; set; } = "";

    /// <summary>Employee number of the learner on the radar.</summary>
    [SupplyParameterFromQuery(Name = "learner")] public string? Learner { get; set; }

    /// <summary>Show every ranked learner instead of the top ones.</summary>
    [SupplyParameterFromQuery(Name = "all")] public bool All { get; set; }

    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "dept")] public string? Department { get; set; }

    [SupplyParameterFromQuery(Name = "tier")] public string? TierFilter { get; set; }

    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }

    /// <summary>"desc" for descending.</summary>
    [SupplyParameterFromQuery(Name = "dir")] public string? Direction { get; set; }

    /// <summary>One-based page of the learner table.</summary>
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    [SupplyParameterFromQuery(Name = "size")] public int? PageSize { get; set; }

    private double PassMark => _whatIf?.Draft.PassMark ?? _stored?.Profile?.Profile.PassMark ?? 60;

    private CohortLearnerQuery TableQuery { get; set; } = new();

    /// <summary>The learner on the radar: the one in the URL, else the top-ranked one.</summary>
    private CohortLearner? SelectedLearner => SelectedIndex() is var i and >= 0 ? _view!.Learners[i] : null;

    // Another cohort loads; the learner on the radar, "show all" and the table's filter, sort and page only rebuild.
    protected override object LoadKey => CohortCode.ToUpperInvariant();

    protected override void OnParametersSet()
    {
        TableQuery = new CohortLearnerQuery
        {
            Search = string.IsNullOrWhiteSpace(Search) ? null : Search,
            Department = string.IsNullOrWhiteSpace(Department) ? null : Department,
            Tier = Enum.TryParse<Tier>(TierFilter, ignoreCase: true, out var tier) ? tier : null,
            Sort = CohortSortColumns.IsKnown(Sort) ? Sort! : CohortSortColumns.Rank,
            Descending = string.Equals(Direction, "desc", StringComparison.OrdinalIgnoreCase),
            Page = Math.Max(0, (PageNumber ?? 1) - 1),
            PageSize = PageSize is { } size && CohortLearnerQuery.PageSizes.Contains(size) ? size : CohortLearnerQuery.DefaultPageSize,
        };
        if (string.Equals(_loadedCode, CohortCode, StringComparison.OrdinalIgnoreCase))
            Rebuild();
    }

    /// <summary>The cohort of the route with its stored scores and a fresh what-if session; nothing of a previous cohort (its draft included) survives.</summary>
    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        _loadedCode = CohortCode;
        _notFound = false;
        _loadError = null;
        _cohort = null;
        _stored = null;
        _charts = null;
        _view = null;
        _observations = null;
        _baseChanged = false;
        _draftSubscription?.Dispose();
        _draftSubscription = null;
        _whatIf = null;
        var readsEverything = (await CurrentUser.GetAsync()).ReadsEverything;
        var cohort = await Queries.FindCohortAsync(CohortCode, cancellationToken);
        var stored = cohort is null ? null : await Queries.LoadStoredScoresAsync(cohort.Id, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _readsEverything = readsEverything;
        // A trainer of the cohort sees all its learners (IRecordAccess); the page says so instead of the mentor's note.
        _trainsCohort = !readsEverything && cohort is not null && await Access.SeesWholeCohortAsync(cohort.Id, cancellationToken);
        _notFound = cohort is null;
        if (cohort is null || stored is null)
            return;
        _cohort = cohort;
        _stored = stored;
        _departments = [.. _stored.Scores.Learners
            .GroupBy(l => l.DepartmentCode)
            .Select(g => new FilterChoice(g.Key, g.First().DepartmentName, g.First().DepartmentNameEn))
            .OrderBy(d => d.Code, StringComparer.Ordinal)];
        if (_stored.Profile is { } profile)
        {
            _whatIf = new WhatIfSession(_cohort.ProgramId, profile.Profile, profile.Version, profile.ProgramCurrentVersion);
            _draftSubscription = _whatIf.NotifyOnChange(() => InvokeAsync(OnDraftChangedAsync));
        }
        _view = _stored.Scores;
        Rebuild(force: true);
    }

    /// <summary>Rebuilds every chart's series from the scores on show (cheap: it also runs on every what-if move).</summary>
    private void Rebuild(bool force = false)
    {
        if (_view is null)
            return;
        var culture = CultureInfo.CurrentUICulture.Name;
        var limit = All ? CohortChartBuilder.MaxBars : CohortChartBuilder.DefaultTopCount;
        if (force || _charts is null || _chartCulture != culture || _charts.Ranking.Shown != Math.Min(limit, _charts.Ranking.Ranked))
        {
            _charts = CohortChartBuilder.Build(_view, Labels(), limit, l => l.DisplayName());
            _chartCulture = culture;
        }
        BuildRadar();
    }

    private void BuildRadar()
    {
        if (_view is null || _charts is null)
            return;
        var index = SelectedIndex();
        if (index < 0)
        {
            _radar = null;
            _radarMissing = [];
            return;
        }
        var learner = _view.Learners[index];
        _radar = CohortChartBuilder.Radar(_view, index, _charts.Distributions, Labels(), learner.DisplayName());
        _radarMissing = [.. KirkpatrickLevels.All.Where(l => _view.Scores[index].LevelScore(l) is null).Select(l => Terms.LevelName(l))];
    }

    /// <summary>The learner in the URL, else the top-ranked one.</summary>
    private int SelectedIndex()
    {
        if (_view is null || _view.Count == 0)
            return -1;
        if (Learner is { Length: > 0 })
        {
            for (var i = 0; i < _view.Count; i++)
            {
                if (string.Equals(_view.Learners[i].EmployeeNumber, Learner, StringComparison.OrdinalIgnoreCase))
                    return i;
            }
        }
        var order = CohortChartBuilder.OrderByRank(_view);
        return order.Length > 0 ? order[0] : 0;
    }

    private CohortChartLabels Labels() => new(
        [.. KirkpatrickLevels.All.Select(l => Terms.LevelName(l))],
        Text["Composite"], Text["Distribution"], Text["Mean"], Text["CohortMean"]);

    private async Task OnDraftChangedAsync()
    {
        if (_whatIf is null || _cohort is null || _stored is null)
            return;
        if (!_whatIf.IsDraft)
        {
            _view = _stored.Scores;
        }
        else if (_whatIf.PreviewEngine is { } engine)
        {
            try
            {
                _observations ??= await Queries.LoadObservationsAsync(_cohort, _stored.Profile!.Profile, _stored.Scores.Learners);
                _view = CohortDraftScoring.Score(engine, _observations, _stored.Scores.Learners);
                _loadError = null;
            }
            catch (Infrastructure.Persistence.DataValidationException ex)
            {
                _loadError = string.Join(" ", ex.Errors);
            }
        }
        // A draft that cannot be scored keeps the last valid view; the panel says why.
        Rebuild(force: true);
        StateHasChanged();
    }

    protected override bool Shows(CohortScoresChanged change) => _cohort is not null && change.CohortId == _cohort.Id;

    protected override Task OnShownScoresChangedAsync(CohortScoresChanged change)
    {
        if (_whatIf?.IsDraft == true)
        {
            // Never swap the data under a draft the user is working on: say so and let them refresh.
            _baseChanged = true;
            return Task.CompletedTask;
        }
        return ReloadAsync(cancellationToken => ReloadStoredAsync(keepDraft: false, cancellationToken));
    }

    private Task RefreshBaseAsync() => ReloadAsync(async cancellationToken =>
    {
        await ReloadStoredAsync(keepDraft: true, cancellationToken);
        _baseChanged = false;
        await OnDraftChangedAsync();
    });

    /// <summary>The stored scores again (the what-if session rebased on their profile), keeping the cohort, its session and, if asked, the draft.</summary>
    private async Task ReloadStoredAsync(bool keepDraft, CancellationToken cancellationToken)
    {
        if (_cohort is null)
            return;
        var stored = await Queries.LoadStoredScoresAsync(_cohort.Id, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _stored = stored;
        _observations = null;
        if (_whatIf is not null && _stored.Profile is { } profile)
        {
            // Rebase without notifying twice: the caller recomputes the view afterwards.
            _draftSubscription?.Dispose();
            await _whatIf.RebaseAsync(profile.Profile, profile.Version, profile.ProgramCurrentVersion, keepDraft);
            _draftSubscription = _whatIf.NotifyOnChange(() => InvokeAsync(OnDraftChangedAsync));
        }
        if (_whatIf?.IsDraft != true)
            _view = _stored.Scores;
        Rebuild(force: true);
    }

    // Open cohorts were rescored with the new version; a closed cohort keeps its stored scores.
    private Task OnProfileSavedAsync(ProfileVersionInfo saved) =>
        ReloadAsync(cancellationToken => ReloadStoredAsync(keepDraft: false, cancellationToken));

    private Task ShowAllChangedAsync(bool all)
    {
        NavigateWith(new Dictionary<string, object?> { ["all"] = all ? true : null });
        return Task.CompletedTask;
    }

    private Task SelectLearnerAsync(CohortLearner? learner)
    {
        NavigateWith(new Dictionary<string, object?> { ["learner"] = learner?.EmployeeNumber });
        return Task.CompletedTask;
    }

    private Task TableQueryChangedAsync(CohortLearnerQuery query)
    {
        TableQuery = query;
        NavigateWith(new Dictionary<string, object?>
        {
            ["q"] = query.Search,
            ["dept"] = query.Department,
            ["tier"] = query.Tier?.ToString(),
            ["sort"] = query.Sort == CohortSortColumns.Rank && !query.Descending ? null : query.Sort,
            ["dir"] = query.Descending ? "desc" : null,
            ["page"] = query.Page > 0 ? query.Page + 1 : null,
            ["size"] = query.PageSize != CohortLearnerQuery.DefaultPageSize ? query.PageSize : null,
        });
        return Task.CompletedTask;
    }

    private void NavigateWith(IReadOnlyDictionary<string, object?> changes)
    {
        var uri = Navigation.GetUriWithQueryParameters(changes);
        if (uri != Navigation.Uri)
            Navigation.NavigateTo(uri, replace: true);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _draftSubscription?.Dispose();
            _draftSubscription = null;
        }
        base.Dispose(disposing);
    }
}
