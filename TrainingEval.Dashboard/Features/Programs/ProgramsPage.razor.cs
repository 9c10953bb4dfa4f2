using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Dashboard.Shared;

namespace TrainingEval.Dashboard.Features.Programs;

/// <summary>The programs list (<c>/programs</c>): every program with its runs, pooled results and trend; each opens its history.</summary>
public sealed partial class ProgramsPage
{
    private IReadOnlyList<ProgramListItem> _programs = [];

    [Inject] private ProgramQueries Queries { get; set; } = default!;
    [Inject] private IStringLocalizer<ProgramsPage> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    [SupplyParameterFromQuery(Name = DashboardFilter.DepartmentKey)] public string? Department { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.FromKey)] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = DashboardFilter.ToKey)] public string? To { get; set; }

    private DashboardFilter Filter => DashboardFilter.FromQuery(null, null, Department, From, To);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var programs = await Queries.ListAsync(Filter, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _programs = programs;
    }

    // Any cohort may belong to a listed program, and the list is cheap to reload.
    protected override bool Shows(CohortScoresChanged change) => true;

    /// <summary>The program's page, carrying the department and date filters along.</summary>
    private string ProgramHref(string code)
    {
        var query = Filter with { ProgramCode = null };
        var parts = query.ToQuery().Where(kv => kv.Value is not null)
            .Select(kv => $"{kv.Key}={Uri.EscapeDataString((string)kv.Value!)}");
        var suffix = string.Join("&", parts);
        return $"programs/{Uri.EscapeDataString(code)}{(suffix.Length > 0 ? "?" + suffix : "")}";
    }

    private static string Percent(double? fraction) => fraction is { } f ? ScoreFormat.Percent(f) : ScoreFormat.Missing;
}
