using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>
/// What a file imports: each kind has its own columns and natural key (docs/import-formats.md). The order is the order
/// to import a company in the first time: each kind refers only to kinds before it.
/// </summary>
public enum ImportKind
{
    Programs,
    Cohorts,
    Learners,
    Enrollments,
    Sessions,
    Attendance,
    Assignments,
    Submissions,
    Assessments,
    AssessmentResults,
    Surveys,
    SurveyResponses,
    Interactions,
    ApplicationEvents,
    MentorRatings,
    PerformanceReviews,
    Kpis,
    KpiMeasurements,
    CostItems,
    Observations,
}

/// <summary>One column of an import format; header names match case-insensitively.</summary>
public sealed record ImportColumn(string Name, bool Required);

/// <summary>
/// The import formats, defined once: the reader maps headers with them, the validators read cells by them, the
/// downloadable templates are written from them and the API's read-back uses them, so the four never drift apart.
/// </summary>
public static class ImportSchema
{
    public const string EmployeeNo = "employee_no";
    public const string Name = "name";
    public const string NameEn = "name_en";
    public const string Mentors = "mentors";
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
    public const string EnrolledOn = "enrolled_on";
    public const string WithdrawnOn = "withdrawn_on";
    public const string Status = "status";
    public const string Indicator = "indicator";
    public const string Value = "value";
    public const string Baseline = "baseline";
    public const string Target = "target";
    public const string Measure = "measure";
    public const string ObservedOn = "observed_on";
    public const string HeldOn = "held_on";
    public const string StartTime = "start_time";
    public const string EndTime = "end_time";
    public const string Title = "title";
    public const string TitleEn = "title_en";
    public const string SessionDate = "session_date";
    public const string SessionStart = "session_start";
    public const string AssignmentCode = "assignment_code";
    public const string DueAt = "due_at";
    public const string AssignedOn = "assigned_on";
    public const string MaxScore = "max_score";
    public const string SubmittedAt = "submitted_at";
    public const string Score = "score";
    public const string AssessmentCode = "assessment_code";
    public const string Kind = "kind";
    public const string Part = "part";
    public const string PassLine = "pass_line";
    public const string Difficulty = "difficulty";
    public const string SurveyCode = "survey_code";
    public const string Items = "items";
    public const string OpenedOn = "opened_on";
    public const string Item = "item";
    public const string Rating = "rating";
    public const string Comment = "comment";
    public const string OccurredAt = "occurred_at";
    public const string Count = "count";
    public const string OccurredOn = "occurred_on";
    public const string KeyEvent = "key_event";
    public const string Dimension = "dimension";
    public const string RatedAt = "rated_at";
    public const string Period = "period";
    public const string ReviewedOn = "reviewed_on";
    public const string BehaviorRating = "behavior_rating";
    public const string OverallRating = "overall_rating";
    public const string Timing = "timing";
    public const string Reviewer = "reviewer";
    public const string KpiCode = "kpi_code";
    public const string Unit = "unit";
    public const string Direction = "direction";
    public const string ValuePerUnit = "value_per_unit";
    public const string Currency = "currency";
    public const string Team = "team";
    public const string Actual = "actual";
    public const string MeasuredOn = "measured_on";
    public const string Amount = "amount";
    public const string IncurredOn = "incurred_on";

    /// <summary>The date format of every date cell.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>A date with a time of day (local to the organisation, stored as written), e.g. a due time or a submission.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>A time of day.</summary>
    public const string TimeFormat = "HH:mm";

    public static readonly ImportChoices<AttendanceStatus> AttendanceStatuses = new(
        ("present", AttendanceStatus.Present), ("late", AttendanceStatus.Late), ("absent", AttendanceStatus.Absent), ("excused", AttendanceStatus.Excused));

    public static readonly ImportChoices<AssessmentKind> AssessmentKinds = new(
        ("pre_test", AssessmentKind.PreTest), ("quiz", AssessmentKind.Quiz), ("post_test", AssessmentKind.PostTest), ("final", AssessmentKind.FinalExam));

    public static readonly ImportChoices<AssessmentPart> AssessmentParts = new(("theory", AssessmentPart.Theory), ("practical", AssessmentPart.Practical));

    public static readonly ImportChoices<AssessmentDifficulty> Difficulties = new(
        ("basic", AssessmentDifficulty.Basic), ("intermediate", AssessmentDifficulty.Intermediate), ("advanced", AssessmentDifficulty.Advanced));

    public static readonly ImportChoices<SurveyKind> SurveyKinds = new(("reaction", SurveyKind.Reaction), ("needs", SurveyKind.Needs), ("follow_up", SurveyKind.FollowUp));

    public static readonly ImportChoices<InteractionKind> InteractionKinds = new(
        ("post", InteractionKind.Post), ("question", InteractionKind.Question), ("poll_answer", InteractionKind.PollAnswer));

    public static readonly ImportChoices<ReviewSide> ReviewTimings = new(("before", ReviewSide.Before), ("after", ReviewSide.After));

    public static readonly ImportChoices<KpiDirection> KpiDirections = new(("higher_is_better", KpiDirection.HigherIsBetter), ("lower_is_better", KpiDirection.LowerIsBetter));

    public static readonly ImportChoices<CostCategory> CostCategories = new(
        ("trainer", CostCategory.Trainer), ("materials", CostCategory.Materials), ("venue", CostCategory.Venue), ("learner_time", CostCategory.LearnerTime), ("other", CostCategory.Other));

    private static readonly Dictionary<ImportKind, IReadOnlyList<ImportColumn>> ColumnsByKind = new()
    {
        [ImportKind.Learners] =
        [
            new(EmployeeNo, true), new(Name, true), new(Department, false), new(Position, false),
            new(MentorEmployeeNo, false), new(Email, false), new(HireDate, false),
        ],
        [ImportKind.Programs] = [new(ProgramCode, true), new(Name, true), new(Category, false), new(Description, false), new(NameEn, false)],
        [ImportKind.Cohorts] = [new(CohortCode, true), new(ProgramCode, true), new(Name, true), new(StartDate, true), new(EndDate, true), new(Tracks, false),
            new(NameEn, false), new(Mentors, false)],
        [ImportKind.Enrollments] = [new(CohortCode, true), new(EmployeeNo, true), new(Status, false), new(EnrolledOn, false), new(WithdrawnOn, false),
            new(MentorEmployeeNo, false)],
        [ImportKind.Observations] =
        [
            new(CohortCode, true), new(EmployeeNo, true), new(Indicator, true), new(Value, true),
            new(Baseline, false), new(Target, false), new(Measure, false), new(ObservedOn, false),
        ],
        [ImportKind.Sessions] = [new(CohortCode, true), new(HeldOn, true), new(StartTime, false), new(EndTime, false), new(Title, true)],
        [ImportKind.Attendance] = [new(CohortCode, true), new(SessionDate, true), new(SessionStart, false), new(EmployeeNo, true), new(Status, true)],
        [ImportKind.Assignments] = [new(CohortCode, true), new(AssignmentCode, true), new(Title, true), new(DueAt, true), new(AssignedOn, false), new(MaxScore, false)],
        [ImportKind.Submissions] = [new(CohortCode, true), new(AssignmentCode, true), new(EmployeeNo, true), new(SubmittedAt, true), new(Score, false)],
        [ImportKind.Assessments] =
        [
            new(CohortCode, true), new(AssessmentCode, true), new(Title, true), new(Kind, true), new(Part, false),
            new(MaxScore, false), new(PassLine, false), new(Difficulty, false), new(HeldOn, true), new(TitleEn, false),
        ],
        [ImportKind.AssessmentResults] = [new(CohortCode, true), new(AssessmentCode, true), new(Part, false), new(EmployeeNo, true), new(Score, true)],
        [ImportKind.Surveys] = [new(CohortCode, true), new(SurveyCode, true), new(Title, true), new(Kind, false), new(Items, true), new(OpenedOn, true), new(TitleEn, false)],
        [ImportKind.SurveyResponses] =
        [
            new(CohortCode, true), new(SurveyCode, true), new(EmployeeNo, true), new(Item, true), new(Rating, true), new(SubmittedAt, false), new(Comment, false),
        ],
        [ImportKind.Interactions] = [new(CohortCode, true), new(EmployeeNo, true), new(OccurredAt, true), new(Kind, true), new(Count, false)],
        [ImportKind.ApplicationEvents] = [new(CohortCode, true), new(EmployeeNo, true), new(OccurredOn, true), new(Description, true), new(KeyEvent, false)],
        [ImportKind.MentorRatings] =
        [
            new(CohortCode, true), new(EmployeeNo, true), new(MentorEmployeeNo, true), new(Dimension, true), new(Rating, true), new(Comment, false), new(RatedAt, true),
        ],
        [ImportKind.PerformanceReviews] =
        [
            new(EmployeeNo, true), new(Period, true), new(ReviewedOn, true), new(BehaviorRating, true), new(OverallRating, true),
            new(CohortCode, false), new(Timing, false), new(Reviewer, false), new(Comment, false),
        ],
        [ImportKind.Kpis] =
        [
            new(ProgramCode, true), new(KpiCode, true), new(Name, true), new(Unit, true), new(Direction, true), new(ValuePerUnit, false), new(Currency, false),
        ],
        [ImportKind.KpiMeasurements] =
        [
            new(CohortCode, true), new(KpiCode, true), new(EmployeeNo, false), new(Team, false), new(Baseline, true), new(Target, true), new(Actual, false), new(MeasuredOn, false),
        ],
        [ImportKind.CostItems] =
        [
            new(ProgramCode, false), new(CohortCode, false), new(Category, true), new(Description, true), new(Amount, true), new(Currency, false), new(IncurredOn, true),
        ],
    };

    public static IReadOnlyList<ImportKind> Kinds { get; } = Enum.GetValues<ImportKind>();

    public static IReadOnlyList<ImportColumn> Columns(ImportKind kind) => ColumnsByKind[kind];

    /// <summary>The kind's name in URLs, files and the API ("learners", "assessment_results", …).</summary>
    public static string Slug(this ImportKind kind) => kind switch
    {
        ImportKind.AssessmentResults => "assessment_results",
        ImportKind.SurveyResponses => "survey_responses",
        ImportKind.ApplicationEvents => "application_events",
        ImportKind.MentorRatings => "mentor_ratings",
        ImportKind.PerformanceReviews => "performance_reviews",
        ImportKind.KpiMeasurements => "kpi_measurements",
        ImportKind.CostItems => "cost_items",
        _ => kind.ToString().ToLowerInvariant(),
    };

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

/// <summary>The part of an assessment a row is about: the theory part (or the only part) or the practical part.</summary>
public enum AssessmentPart
{
    Theory,
    Practical,
}
