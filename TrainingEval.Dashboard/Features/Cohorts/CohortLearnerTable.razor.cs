using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>
/// The cohort's learners, server-paged: MudTable asks for one page at a time (<see cref="LoadPageAsync"/>),
/// filtered, sorted and paged in the circuit over the scores on show (stored or draft), so only that
/// page reaches the browser. The filter, sort and page go back to the page through <see cref="QueryChanged"/>
/// (which keeps them in the URL); a row opens the learner's page.
/// </summary>
public sealed partial class CohortLearnerTable
{
    private readonly int[] _pageSizes = [.. CohortLearnerQuery.PageSizes];
    private MudTable<CohortTableRow>? _table;
    private CohortScoreSet? _shownScores;
    private bool _reload;
    private bool _toFirstPage;
    private int _initialPage;
    private int _initialPageSize = CohortLearnerQuery.DefaultPageSize;
    private bool _initialised;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The scores on show; a new set (e.g. a draft move) reloads the current page.</summary>
    [Parameter, EditorRequired] public required CohortScoreSet Scores { get; set; }

    /// <summary>Filter, sort and page (from the URL).</summary>
    [Parameter, EditorRequired] public required CohortLearnerQuery Query { get; set; }

    /// <summary>Raised when the user changes the filter, sort or page.</summary>
    [Parameter] public EventCallback<CohortLearnerQuery> QueryChanged { get; set; }

    /// <summary>The cohort's departments for the filter.</summary>
    [Parameter] public IReadOnlyList<FilterChoice> Departments { get; set; } = [];

    /// <summary>The learner the radar shows (highlighted).</summary>
    [Parameter] public string? SelectedEmployeeNumber { get; set; }

    /// <summary>Raised by a row's compare button: show this learner on the radar.</summary>
    [Parameter] public EventCallback<CohortLearner> OnCompare { get; set; }

    /// <summary>The exported file's name (without extension), e.g. the cohort code.</summary>
    [Parameter] public string ExportName { get; set; } = "learners";

    /// <summary>The cohort has not ended: ranks are provisional as a whole (spec section 9).</summary>
    [Parameter] public bool Running { get; set; }

    /// <summary>
    /// Every learner of the current filter in the current sort — not only the page on screen — from the
    /// scores on show (stored or the what-if draft), with the headers in the user's language.
    /// </summary>
    public ExportTable ExportRows()
    {
        var culture = CultureInfo.CurrentCulture;
        var headers = new List<string> { Text["Rank"], Text["EmployeeNo"], Text["Learner"], Text["Department"], Text["Composite"] };
        headers.AddRange(KirkpatrickLevels.All.Select(l => Terms.LevelName(l)));
        headers.Add(Text["CoveragePercent"]);
        headers.Add(Text["Tier"]);
        headers.Add(Text["Provisional"]);
        var rows = Query.All(Scores, culture).Select(r =>
        {
            var cells = new List<object?> { r.Rank, r.Learner.EmployeeNumber, r.Learner.DisplayName(culture), r.Learner.DepartmentDisplayName(culture), r.Score.Composite };
            cells.AddRange(KirkpatrickLevels.All.Select(l => (object?)r.Score.LevelScore(l)));
            cells.Add(r.Score.Coverage * 100);
            cells.Add(r.Score.Tier is { } tier ? Terms.TierLabel(tier) : null);
            cells.Add(r.Score.IsProvisional ? Text["Provisional"].Value : null);
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return new ExportTable(headers, rows);
    }

    private Task<ExportTable> ExportAsync() => Task.FromResult(ExportRows());

    // The sort the table last loaded with. A sort arriving in the URL from elsewhere (a chart's drill onto this page) differs
    // from it: the table is created anew so its headers start from the URL's sort, since MudTable reads a sort label's
    // initial direction only once.
    private (string Sort, bool Descending)? _tableSort;
    private int _tableKey;

    protected override void OnParametersSet()
    {
        if (_tableSort is { } shown && shown != (Query.Sort, Query.Descending))
        {
            _tableSort = null;
            _tableKey++;
            _initialPage = Math.Max(0, Query.Page);
        }
        if (!_initialised)
        {
            _initialPage = Math.Max(0, Query.Page);
            _initialPageSize = CohortLearnerQuery.PageSizes.Contains(Query.PageSize) ? Query.PageSize : CohortLearnerQuery.DefaultPageSize;
            _initialised = true;
        }
        if (_shownScores is not null && !ReferenceEquals(_shownScores, Scores))
            _reload = true;
        _shownScores = Scores;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_reload && _table is not null)
        {
            _reload = false;
            if (_toFirstPage)
            {
                _toFirstPage = false;
                _table.NavigateTo(0);
            }
            await _table.ReloadServerData();
        }
    }

    private SortDirection Initial(string column) =>
        Query.Sort == column ? (Query.Descending ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    private async Task<TableData<CohortTableRow>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        var query = Query with
        {
            Sort = state.SortDirection == SortDirection.None || string.IsNullOrEmpty(state.SortLabel) ? CohortSortColumns.Rank : state.SortLabel,
            Descending = state.SortDirection == SortDirection.Descending,
            Page = state.Page,
            PageSize = state.PageSize,
        };
        _tableSort = (query.Sort, query.Descending);
        var rows = query.Apply(Scores, CultureInfo.CurrentCulture, out var total);
        if (query != Query)
            await QueryChanged.InvokeAsync(query);
        return new TableData<CohortTableRow> { Items = rows, TotalItems = total };
    }

    private Task SearchChanged(string? search) => FilterChangedAsync(Query with { Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(), Page = 0 });

    private Task DepartmentChanged(string? department) => FilterChangedAsync(Query with { Department = department, Page = 0 });

    private Task TierChanged(Tier? tier) => FilterChangedAsync(Query with { Tier = tier, Page = 0 });

    private async Task FilterChangedAsync(CohortLearnerQuery query)
    {
        await QueryChanged.InvokeAsync(query);
        // The page hands the new query back as a parameter; reload once it is in place.
        _reload = true;
        _toFirstPage = true;
    }

    private void OpenLearner(TableRowClickEventArgs<CohortTableRow> click)
    {
        if (click.Item is { } row)
            Navigation.NavigateTo(LearnerHref(row.Learner));
    }

    /// <summary>The learner page (vertical comparison) of a learner.</summary>
    public static string LearnerHref(CohortLearner learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return $"learners/{Uri.EscapeDataString(learner.EmployeeNumber)}";
    }
}
