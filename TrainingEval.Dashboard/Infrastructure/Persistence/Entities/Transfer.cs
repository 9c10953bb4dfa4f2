using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>
/// A mentor's rating of a learner on one mentor dimension. Append-only history: a new rating is a new
/// row with the next <see cref="Sequence"/> for (enrollment, dimension); the latest sequence is current.
/// The unique (enrollment, dimension, sequence) index makes two concurrent raters collide instead of
/// both "winning".
/// </summary>
/// <remarks>Scores are on the <see cref="Domain.Indicators.RatingScale"/> (1–5).</remarks>
public sealed class MentorRating : IAudited, IAppendOnly
{
    public const int DimensionMaxLength = 40;
    public const int CommentMaxLength = 1000;

    public int Id { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public int MentorId { get; set; }
    public Mentor? Mentor { get; set; }

    /// <summary>A code of <c>BuiltInIndicators.MentorDimensions</c>.</summary>
    public required string Dimension { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTime RatedAt { get; set; }
    public int Sequence { get; set; }
}

/// <summary>Where an application case (训后应用案例) stands: only confirmed cases count for the <c>application</c> indicator.</summary>
public enum ApplicationCaseStatus
{
    /// <summary>Logged by the learner, waiting for their mentor.</summary>
    Pending,

    /// <summary>Confirmed by a mentor, or recorded by a system of record (import, demo, API).</summary>
    Confirmed,

    /// <summary>The mentor asked the learner for more (see <see cref="ApplicationEvent.ReviewNote"/>); the learner edits it and it is pending again.</summary>
    NeedsMore,
}

/// <summary>
/// An on-the-job application of what was learned (训后应用), reported after the cohort. A learner logs one as a case
/// (<see cref="ApplicationCaseStatus.Pending"/>) and their mentor confirms it or asks for more; rows of a system of record
/// (imports, the demo, the API) are confirmed records from the start, which is why <see cref="Status"/> starts as
/// <see cref="ApplicationCaseStatus.Confirmed"/>. <see cref="Revision"/> tells a reviewer the learner edited the case meanwhile.
/// </summary>
public sealed class ApplicationEvent : IAudited, IConcurrencyVersioned
{
    public int Id { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Description { get; set; }
    public string? DescriptionEn { get; set; }

    /// <summary>What came of it, in the learner's words (optional).</summary>
    public string? Result { get; set; }

    /// <summary>A key event (关键事件): a notable application worth showing on the learner's timeline.</summary>
    public bool IsKeyEvent { get; set; }

    public ApplicationCaseStatus Status { get; set; } = ApplicationCaseStatus.Confirmed;

    /// <summary>When the learner last submitted the case; null for rows of a system of record.</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>When a mentor last confirmed the case or asked for more.</summary>
    public DateTime? ReviewedAt { get; set; }
    public int? ReviewedByMentorId { get; set; }
    public Mentor? ReviewedByMentor { get; set; }

    /// <summary>The mentor's note: what more they need, or a word with the confirmation.</summary>
    public string? ReviewNote { get; set; }
    public int Revision { get; set; }
}

/// <summary>
/// A periodic performance review of an employee. Reviews belong to the learner, not to a cohort: the
/// collectors pair the latest review on or before a cohort's start with the first one after its end.
/// </summary>
public sealed class PerformanceReview : IAudited
{
    public const double MinRating = 1;
    public const double MaxRating = 5;
    public const int PeriodMaxLength = 20;

    public int Id { get; set; }
    public int LearnerId { get; set; }
    public Learner? Learner { get; set; }

    /// <summary>The review period as the HR system names it (e.g. <c>2025-H2</c>); with the learner the natural key of an import.</summary>
    public string? Period { get; set; }
    public DateOnly ReviewedOn { get; set; }

    /// <summary>The cohort this review is the before or after of, when the source says so (otherwise pairing goes by date).</summary>
    public int? CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public Domain.Indicators.ReviewSide? Timing { get; set; }

    /// <summary>Behaviour rating 1–5.</summary>
    public double BehaviorRating { get; set; }

    /// <summary>Overall performance rating 1–5.</summary>
    public double OverallRating { get; set; }
    public string? Reviewer { get; set; }
    public string? Comment { get; set; }
}

public enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>A business KPI linked to a program (e.g. error rate), with its money value per unit for ROI.</summary>
public sealed class Kpi : IBilingualName, IAudited
{
    public const int CodeMaxLength = 40;
    public const int UnitMaxLength = 40;

    private string _code = "";

    public int Id { get; set; }
    public int ProgramId { get; set; }
    public TrainingProgram? Program { get; set; }

    /// <summary>As first written; <see cref="CodeKey"/> is what matches (spec section 9).</summary>
    public required string Code
    {
        get => _code;
        set
        {
            _code = value;
            CodeKey = NaturalKey.Of(value);
        }
    }

    /// <summary>The code trimmed and upper-cased (<see cref="NaturalKey"/>); unique within the program.</summary>
    public string CodeKey { get; private set; } = "";
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public required string Unit { get; set; }
    public string? UnitEn { get; set; }
    public KpiDirection Direction { get; set; }

    /// <summary>Money value of one unit of improvement (Phillips ROI); non-negative.</summary>
    public decimal ValuePerUnit { get; set; }
}

/// <summary>
/// Baseline, target and actual of a KPI for one cohort, measured either for one learner
/// (<see cref="EnrollmentId"/>) or for a team (<see cref="DepartmentId"/>) — exactly one of the two.
/// <see cref="Actual"/> stays null until measured.
/// </summary>
public sealed class KpiMeasurement : IAudited, IConcurrencyVersioned
{
    public int Id { get; set; }
    public int KpiId { get; set; }
    public Kpi? Kpi { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public int? EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public double Baseline { get; set; }
    public double Target { get; set; }
    public double? Actual { get; set; }
    public DateOnly? MeasuredOn { get; set; }
    public int Revision { get; set; }
}
