using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>
/// All cohorts, newest first, server-paged, searchable by code or name and filtered by program and start
/// date range; each opens the cohort page. Search, filters and page live in the URL.
/// </summary>
public sealed partial class CohortsList
{
    public const string SearchKey = "q";
    public const string PageKey = "page";

    private PagedResult<CohortListRow>? _result;
    private CohortListQuery? _loaded;

    [Inject] private CohortListQueries Queries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<CohortsList> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;
    [Inject] private IStringLocalizer<EvaluationStrings> Evaluation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = SearchKey)] public string? Search { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.ProgramKey)] public string? Program { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.FromKey)] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.ToKey)] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = PageKey)] public int? PageNumber { get; set; }

    /// <summary>"Cohorts measuring this level" (a drill from the overview's coverage funnel), shown as a chip.</summary>
    [SupplyParameterFromQuery(Name = RecordLinks.MeasuresKey)] public string? MeasuresFilter { get; set; }

    /// <summary>Only cohorts with scores (a drill from the funnel's first bar), shown as a chip.</summary>
    [SupplyParameterFromQuery(Name = RecordLinks.ScoredKey)] public bool? ScoredOnly { get; set; }

    private KirkpatrickLevel? Measures =>
        Enum.TryParse<KirkpatrickLevel>(MeasuresFilter, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(MeasuresFilter, out _) ? level : null;

    private DashboardFilter Filter => DashboardFilter.FromQuery(Program, null, null, From, To);

    private int FirstShown => _result is { TotalCount: > 0 } r ? ((r.Page - 1) * r.PageSize) + 1 : 0;

    private int LastShown => _result is { } r ? FirstShown + r.Items.Count - 1 : 0;

    private CohortListQuery Query
    {
        get
        {
            var filter = Filter;
            return new CohortListQuery(Search, filter.ProgramCode, filter.From, filter.To, PageNumber ?? 1, Measures: Measures, ScoredOnly: ScoredOnly == true);
        }
    }

    protected override object LoadKey => Query;

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = Query;
        var result = await Queries.SearchAsync(query, cancellationToken);
        // A page past the end (e.g. after narrowing the search) shows the last page instead of nothing.
        if (result.Items.Count == 0 && result.TotalCount > 0)
            result = await Queries.SearchAsync(query with { Page = result.PageCount }, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _loaded = query;
        _result = result;
    }

    // Means and coverage are stored scores: reload the visible page when scores change (the rows carry no cohort id to filter by).
    protected override bool Shows(CohortScoresChanged change) => _result is not null;

    private void SearchChanged(string? search) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [SearchKey] = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            [PageKey] = null,
        }), replace: true);

    // The chip clears the level only: the program and dates of the drill stay, in the filter bar, which clears them itself.
    private void ClearMeasures() =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [RecordLinks.MeasuresKey] = null,
            [RecordLinks.ScoredKey] = null,
            [PageKey] = null,
        }));

    private void PageChanged(int page) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(PageKey, page <= 1 ? null : page));

    private void OpenCohort(TableRowClickEventArgs<CohortListRow> args)
    {
        if (args.Item is { } row)
            Navigation.NavigateTo(CohortHref(row.Code));
    }

    private static string CohortHref(string code) => "cohorts/" + Uri.EscapeDataString(code);

    private static string Period(CohortListRow row) =>
        string.Create(CultureInfo.CurrentCulture, $"{row.StartDate:yyyy-MM-dd} – {row.EndDate:yyyy-MM-dd}");

    /// <summary>Every cohort of the current search and filters, through the same query (and access rules) as the list.</summary>
    private async Task<ExportTable> ExportAsync()
    {
        if (_loaded is not { } query)
            return new ExportTable([], []);
        var rows = await ExportPaging.AllAsync(page => Queries.SearchAsync(query with { Page = page, PageSize = Paging.MaxPageSize }));
        return new ExportTable(
            [Text["Cohort"], Text["Name"], Text["Program"], Text["Start"], Text["End"], Text["Status"], Text["Learners"], Text["MeanComposite"], $"{Text["MeanCoverage"]} (%)"],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.Code, Bilingual.Pick(r.Name, r.NameEn), Bilingual.Pick(r.ProgramName, r.ProgramNameEn),
                r.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Evaluation.CohortStatusName(r.Status), r.Learners, r.MeanComposite, r.MeanCoverage * 100])]);
    }
}
