using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Learners;

/// <summary>
/// All learners, server-paged, searchable by name (either language) or employee number and filtered by
/// department; people never enrolled in a cohort only on request. Search, department, that switch and page live in the URL
/// (<c>?q=…&amp;department=…&amp;all=true&amp;page=…</c>). A drill from the overview's tier donut adds
/// <c>tier=D</c> (with the overview's <c>program</c>, <c>from</c>, <c>to</c>): the learners with a score of that tier in those
/// cohorts, said by a chip that clears it.
/// </summary>
public sealed partial class LearnersList
{
    public const string SearchKey = "q";
    public const string PageKey = "page";
    public const string AllKey = "all";
    public const string TierKey = "tier";

    private PagedResult<LearnerListRow>? _result;
    private LearnerListQuery? _loaded;

    [Inject] private LearnerQueries Queries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<LearnersList> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;
    [Inject] private IStringLocalizer<EvaluationStrings> Evaluation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = SearchKey)] public string? Search { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.DepartmentKey)] public string? Department { get; set; }
    [SupplyParameterFromQuery(Name = PageKey)] public int? PageNumber { get; set; }

    /// <summary><c>?tier=D</c>: learners with a score of that tier (in the cohorts of <see cref="Program"/>, <see cref="From"/>, <see cref="To"/>).</summary>
    [SupplyParameterFromQuery(Name = TierKey)] public string? TierFilter { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.ProgramKey)] public string? Program { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.FromKey)] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.ToKey)] public string? To { get; set; }

    /// <summary><c>?all=true</c>: also the employees who were never enrolled in a cohort (off by default).</summary>
    [SupplyParameterFromQuery(Name = AllKey)] public bool? IncludeNeverEnrolled { get; set; }

    private DashboardFilter Filter => DashboardFilter.FromQuery(null, null, Department, null, null);

    private int FirstShown => _result is { TotalCount: > 0 } r ? ((r.Page - 1) * r.PageSize) + 1 : 0;

    private int LastShown => _result is { } r ? FirstShown + r.Items.Count - 1 : 0;

    private Tier? Tier => Enum.TryParse<Tier>(TierFilter, ignoreCase: true, out var tier) && Enum.IsDefined(tier) ? tier : null;

    // The program and dates only say where the tier counts; without a tier they are not a filter of this list.
    private DashboardFilter? TierCohorts => Tier is null ? null : DashboardFilter.FromQuery(Program, null, null, From, To);

    private LearnerListQuery Query => new(Search, Filter.DepartmentCode, PageNumber ?? 1, IncludeNeverEnrolled: IncludeNeverEnrolled == true,
        Tier: Tier, TierCohorts: TierCohorts);

    /// <summary>The chip's words: the tier, and the program and start dates of the cohorts it counts in when the drill had them.</summary>
    private string? TierChipText
    {
        get
        {
            if (Tier is not { } tier || TierCohorts is not { } cohorts)
                return null;
            var text = Text["TierChip", Evaluation.TierLabel(tier)].Value;
            if (cohorts.ProgramCode is { } program)
                text += Text["TierChipProgram", program].Value;
            if (cohorts.From is not null || cohorts.To is not null)
                text += Text["TierChipDates", cohorts.From?.ToString(DashboardFilter.DateFormat, CultureInfo.InvariantCulture) ?? "…",
                    cohorts.To?.ToString(DashboardFilter.DateFormat, CultureInfo.InvariantCulture) ?? "…"].Value;
            return text;
        }
    }

    private void ClearTier() =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [TierKey] = null,
            [DashboardFilter.ProgramKey] = null,
            [DashboardFilter.FromKey] = null,
            [DashboardFilter.ToKey] = null,
            [PageKey] = null,
        }));

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

    // The latest composite in the list is a stored score, and any cohort may hold a listed learner: reload the visible page.
    protected override bool Shows(CohortScoresChanged change) => _result is not null;

    private void SearchChanged(string? search) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [SearchKey] = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            [PageKey] = null,
        }), replace: true);

    private void IncludeNeverEnrolledChanged(bool include) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [AllKey] = include ? true : null,
            [PageKey] = null,
        }), replace: true);

    private void PageChanged(int page) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(PageKey, page <= 1 ? null : page));

    private void OpenLearner(TableRowClickEventArgs<LearnerListRow> args)
    {
        if (args.Item is { } row)
            Navigation.NavigateTo(LearnerHref(row.EmployeeNumber));
    }

    internal static string LearnerHref(string employeeNumber) => "learners/" + Uri.EscapeDataString(employeeNumber);

    /// <summary>Every learner of the current search and department filter, through the same query (and access rules) as the list.</summary>
    private async Task<ExportTable> ExportAsync()
    {
        var query = _loaded ?? Query with { Page = 1 };
        var rows = await ExportPaging.AllAsync(page => Queries.SearchAsync(query with { Page = page, PageSize = Paging.MaxPageSize }));
        return new ExportTable(
            [Text["EmployeeNo"], Text["Name"], Text["Department"], Text["Position"], Text["Cohorts"], Text["LatestComposite"]],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.EmployeeNumber, Bilingual.Pick(r.Name, r.NameEn), Bilingual.Pick(r.DepartmentName, r.DepartmentNameEn),
                Bilingual.Pick(r.Position, r.PositionEn), r.CohortCount, r.LatestComposite])]);
    }
}
