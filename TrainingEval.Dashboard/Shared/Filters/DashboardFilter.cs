using System.Globalization;

namespace TrainingEval.Dashboard.Shared.Filters;

/// <summary>Which filters a <see cref="FilterBar"/> shows.</summary>
[Flags]
public enum FilterFields
{
    None = 0,
    Program = 1,
    Cohort = 2,
    Department = 4,
    DateRange = 8,
    All = Program | Cohort | Department | DateRange,
}

/// <summary>
/// The dashboard-wide filter, held in the URL query so a link reproduces the view:
/// <c>?program=LEAN&amp;cohort=LEAN-2025-03&amp;department=OPS&amp;from=2025-01-01&amp;to=2025-12-31</c>.
/// Codes are the entities' codes; dates are ISO (yyyy-MM-dd) and bound cohorts by their start date,
/// both ends inclusive. A page reads the keys with <c>[SupplyParameterFromQuery(Name = DashboardFilter.ProgramKey)]</c>
/// and builds the filter with <see cref="FromQuery"/>.
/// </summary>
public sealed record DashboardFilter(string? ProgramCode, string? CohortCode, string? DepartmentCode, DateOnly? From, DateOnly? To)
{
    public const string ProgramKey = "program";
    public const string CohortKey = "cohort";
    public const string DepartmentKey = "department";
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string DateFormat = "yyyy-MM-dd";

    public static DashboardFilter Empty { get; } = new(null, null, null, null, null);

    public bool IsEmpty => this == Empty;

    /// <summary>Builds the filter from raw query values; blank values and dates that do not parse are ignored, and a reversed range is swapped.</summary>
    public static DashboardFilter FromQuery(string? program, string? cohort, string? department, string? from, string? to)
    {
        var start = ParseDate(from);
        var end = ParseDate(to);
        if (start is { } s && end is { } e && e < s)
            (start, end) = (end, start);
        return new DashboardFilter(Clean(program), Clean(cohort), Clean(department), start, end);
    }

    /// <summary>Whether a cohort that starts on <paramref name="startDate"/> falls in the date range.</summary>
    public bool CoversStart(DateOnly startDate) =>
        (From is not { } from || startDate >= from) && (To is not { } to || startDate <= to);

    /// <summary>The query parameters for this filter; null values remove the key from the URL.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        [ProgramKey] = ProgramCode,
        [CohortKey] = CohortCode,
        [DepartmentKey] = DepartmentCode,
        [FromKey] = From?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [ToKey] = To?.ToString(DateFormat, CultureInfo.InvariantCulture),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
