using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Shared.Filters;

/// <summary>
/// The shared filter row (program, cohort, department, start-date range). It owns no state: the
/// page passes the filter it read from the URL, and every change navigates to the same page with
/// the new query (<see cref="NavigationManager.GetUriWithQueryParameters(IReadOnlyDictionary{string, object?})"/>),
/// so the page's <c>[SupplyParameterFromQuery]</c> parameters change and it reloads; the URL always
/// reproduces the view.
/// </summary>
public sealed partial class FilterBar
{
    private FilterChoices? _choices;

    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private FilterOptionsQueries Queries { get; set; } = default!;
    [Inject] private IStringLocalizer<FilterBar> Text { get; set; } = default!;

    /// <summary>The filter currently in the URL.</summary>
    [Parameter, EditorRequired] public required DashboardFilter Value { get; set; }

    /// <summary>Which filters to offer; all four by default.</summary>
    [Parameter] public FilterFields Fields { get; set; } = FilterFields.All;

    private DateRange? DateRange => Value.From is null && Value.To is null
        ? null
        : new DateRange(Value.From?.ToDateTime(TimeOnly.MinValue), Value.To?.ToDateTime(TimeOnly.MinValue));

    // The cohort list follows the program and date filters, but always keeps the chosen cohort so it stays visible.
    private IEnumerable<CohortChoice> CohortsOffered => (_choices ?? FilterChoices.None).Cohorts.Where(c =>
        NaturalKey.Same(c.Code, Value.CohortCode)
        || ((Value.ProgramCode is null || NaturalKey.Same(c.ProgramCode, Value.ProgramCode)) && Value.CoversStart(c.StartDate)));

    protected override async Task OnInitializedAsync() => _choices = await Queries.LoadAsync();

    private bool Shows(FilterFields field) => (Fields & field) == field;

    private Task SetProgramAsync(string? code)
    {
        // A cohort of another program no longer fits the new program: drop it rather than show an empty page.
        var cohort = Value.CohortCode;
        if (code is not null && cohort is not null
            && _choices?.Cohorts.FirstOrDefault(c => NaturalKey.Same(c.Code, cohort)) is { } chosen && !NaturalKey.Same(chosen.ProgramCode, code))
            cohort = null;
        return GoAsync(Value with { ProgramCode = code, CohortCode = cohort });
    }

    private Task SetCohortAsync(string? code) => GoAsync(Value with { CohortCode = code });

    private Task SetDepartmentAsync(string? code) => GoAsync(Value with { DepartmentCode = code });

    private Task SetDateRangeAsync(DateRange? range) => GoAsync(Value with
    {
        From = range?.Start is { } start ? DateOnly.FromDateTime(start) : null,
        To = range?.End is { } end ? DateOnly.FromDateTime(end) : null,
    });

    private Task ClearAsync() => GoAsync(DashboardFilter.Empty);

    private Task GoAsync(DashboardFilter filter)
    {
        if (filter != Value)
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(filter.ToQuery()));
        return Task.CompletedTask;
    }
}
