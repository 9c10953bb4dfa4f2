namespace TrainingEval.Dashboard.Features.Import;

/// <summary>What a file imports: each kind has its own columns and natural key (docs/import-formats.md).</summary>
public enum ImportKind
{
    Learners,
    Programs,
    Cohorts,
    Enrollments,
    Observations,
}

/// <summary>One column of an import format; header names match case-insensitively.</summary>
public sealed record ImportColumn(string Name, bool Required);

/// <summary>
/// The import formats, defined once: the reader maps headers with them, the validators read cells by them
/// and the downloadable templates are written from them, so the three never drift apart.
/// </summary>
public static class ImportSchema
{
    public const string EmployeeNo = "employee_no";
    public const string Name = "name";
    public const string Department = "department";
    public const string Position = "position";
    public const string MentorEmployeeNo = "mentor_employee_no";
    public const string Email = "email";
    public const string HireDate = "hire_date";
    public const string ProgramCode = "program_code";
    public const string Category = "category";
    public const string Description = "description";
    public const string CohortCode = "cohort_code";
    public const string StartDate = "start_date";
    public const string EndDate = "end_date";
    public const string Tracks = "tracks";
    public const string Status = "status";
    public const string Indicator = "indicator";
    public const string Value = "value";
    public const string Baseline = "baseline";
    public const string Target = "target";
    public const string Measure = "measure";
    public const string ObservedOn = "observed_on";

    /// <summary>The date format of every date cell.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>A date with a time of day (local to the organisation, stored as written), e.g. a due time or a submission.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly Dictionary<ImportKind, IReadOnlyList<ImportColumn>> ColumnsByKind = new()
    {
        [ImportKind.Learners] =
        [
            new(EmployeeNo, true), new(Name, true), new(Department, false), new(Position, false),
            new(MentorEmployeeNo, false), new(Email, false), new(HireDate, false),
        ],
        [ImportKind.Programs] = [new(ProgramCode, true), new(Name, true), new(Category, false), new(Description, false)],
        [ImportKind.Cohorts] = [new(CohortCode, true), new(ProgramCode, true), new(Name, true), new(StartDate, true), new(EndDate, true), new(Tracks, false)],
        [ImportKind.Enrollments] = [new(CohortCode, true), new(EmployeeNo, true), new(Status, false)],
        [ImportKind.Observations] =
        [
            new(CohortCode, true), new(EmployeeNo, true), new(Indicator, true), new(Value, true),
            new(Baseline, false), new(Target, false), new(Measure, false), new(ObservedOn, false),
        ],
    };

    public static IReadOnlyList<ImportKind> Kinds { get; } = Enum.GetValues<ImportKind>();

    public static IReadOnlyList<ImportColumn> Columns(ImportKind kind) => ColumnsByKind[kind];

    /// <summary>The kind's name in URLs, files and the API ("learners", "observations", …).</summary>
    public static string Slug(this ImportKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseKind(string? text, out ImportKind kind)
    {
        foreach (var k in Kinds)
        {
            if (string.Equals(k.Slug(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
