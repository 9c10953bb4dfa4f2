using TrainingEval.Domain.Indicators;

namespace TrainingEval.Domain.Plans;

/// <summary>The kinds of record a cohort's evaluation can track (spec section 9, "Derived counts need a source").</summary>
public enum RecordKind
{
    Attendance,
    Assignments,
    Assessments,
    Surveys,
    Interactions,
    ApplicationEvents,
    MentorRatings,
    PerformanceReviews,
    KpiMeasurements,
}

/// <summary>
/// Which kinds of record a cohort tracks. Spec section 9: an indicator derived by counting records
/// (<c>attendance</c>, <c>assignments</c>, <c>interaction</c>, <c>application</c>) is <i>missing</i>, not 0, for a cohort
/// that does not track that kind of record; a learner of a tracking cohort with no record of the kind gets the derived
/// value (0 interactions). A cohort tracks a kind when its plan says so (<see cref="IsExplicit"/>), and by default when
/// at least one record of the kind exists for any of its learners.
/// </summary>
public sealed record EvaluationPlan(IReadOnlySet<RecordKind> Tracked, bool IsExplicit)
{
    /// <summary>A plan that tracks nothing (a cohort without any record yet).</summary>
    public static EvaluationPlan Empty { get; } = new(new HashSet<RecordKind>(), false);

    /// <summary>Every kind, in the order the UI lists them.</summary>
    public static IReadOnlyList<RecordKind> Kinds { get; } = Enum.GetValues<RecordKind>();

    public bool Tracks(RecordKind kind) => Tracked.Contains(kind);

    /// <summary>The record kind a built-in indicator is derived by counting, or null for indicators read as measured values.</summary>
    public static RecordKind? CountedFrom(string indicatorCode) => indicatorCode switch
    {
        BuiltInIndicators.Attendance => RecordKind.Attendance,
        BuiltInIndicators.Assignments => RecordKind.Assignments,
        BuiltInIndicators.Interaction => RecordKind.Interactions,
        BuiltInIndicators.Application => RecordKind.ApplicationEvents,
        _ => null,
    };

    /// <summary>True when the plan lets the indicator be derived: measured indicators always, counted ones only from a tracked kind.</summary>
    public bool Derives(string indicatorCode) => CountedFrom(indicatorCode) is not { } kind || Tracks(kind);

    /// <summary>The kind's code in files and the API: <c>attendance</c>, <c>application_events</c>, …</summary>
    public static string Code(RecordKind kind) => kind switch
    {
        RecordKind.ApplicationEvents => "application_events",
        RecordKind.MentorRatings => "mentor_ratings",
        RecordKind.PerformanceReviews => "performance_reviews",
        RecordKind.KpiMeasurements => "kpi_measurements",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? code, out RecordKind kind)
    {
        foreach (var k in Kinds)
        {
            if (string.Equals(Code(k), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>The stored form of an explicit plan: the codes, in kind order, separated by ';' ("" tracks nothing).</summary>
    public string Format() => string.Join(";", Kinds.Where(Tracks).Select(Code));
}
