using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>A class meeting of a cohort (课次). A file names it by cohort, day and start time (the day alone when the cohort meets once that day).</summary>
public sealed class CohortSession : IBilingualName
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }

    /// <summary>The session's number in the cohort (1, 2, …); an import appends after the last.</summary>
    public int Sequence { get; set; }
    public DateOnly HeldOn { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }

    /// <summary>Length in minutes; null when the source gives no times.</summary>
    public int? DurationMinutes { get; set; }

    /// <summary>Where it is held: a room, an address or a meeting link; null when nobody said.</summary>
    public string? Place { get; set; }

    /// <summary>
    /// The short code learners type (or scan) to check in (<c>Features.Attendance.CheckInCodes</c>); unique; null until
    /// the session is scheduled in the app or its roster is first opened.
    /// </summary>
    public string? CheckInCode { get; set; }

    public const int PlaceMaxLength = 300;
    public const int CheckInCodeLength = 6;
}

public enum AttendanceStatus
{
    Present,
    Late,
    Absent,
    Excused,
}

/// <summary>One learner's attendance at one session.</summary>
public sealed class AttendanceRecord : IAudited, IConcurrencyVersioned
{
    public const int MarkedByMaxLength = 256;

    public int Id { get; set; }
    public int SessionId { get; set; }
    public CohortSession? Session { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public AttendanceStatus Status { get; set; }

    /// <summary>Who set the status last (a user name, or the learner checking in); null for imported and demo rows.</summary>
    public string? MarkedBy { get; set; }

    /// <summary>When the status was set last (UTC); null for imported and demo rows.</summary>
    public DateTime? MarkedAt { get; set; }

    /// <summary>True when the learner checked in themselves with the session's code.</summary>
    public bool SelfCheckIn { get; set; }

    public int Revision { get; set; }
}

/// <summary>Homework set for a cohort (作业).</summary>
public sealed class Assignment : IBilingualName
{
    public const int CodeMaxLength = 40;
    public const double DefaultMaxScore = 100;

    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    private string _code = "";

    /// <summary>The code a file names it by (unique in the cohort), as first written; <see cref="CodeKey"/> is what matches (spec section 9).</summary>
    public required string Code
    {
        get => _code;
        set
        {
            _code = value;
            CodeKey = NaturalKey.Of(value);
        }
    }

    /// <summary>The code trimmed and upper-cased (<see cref="NaturalKey"/>); unique within the cohort.</summary>
    public string CodeKey { get; private set; } = "";
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public DateOnly AssignedOn { get; set; }

    /// <summary>Submissions at or before this instant are on time.</summary>
    public DateTime DueAt { get; set; }
    public double MaxScore { get; set; } = DefaultMaxScore;
}

/// <summary>A learner's submission of an assignment; no row means not submitted.</summary>
public sealed class Submission : IAudited
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public Assignment? Assignment { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public DateTime SubmittedAt { get; set; }

    /// <summary>Null until marked; 0 to the assignment's max score.</summary>
    public double? Score { get; set; }
}

public enum AssessmentKind
{
    PreTest,
    Quiz,
    PostTest,
    FinalExam,
}

public enum AssessmentDifficulty
{
    Basic,
    Intermediate,
    Advanced,
}

/// <summary>A test of a cohort: pre-test, weekly quiz, post-test or final exam (theory and optional practical part).</summary>
public sealed class Assessment : IBilingualName, IAudited
{
    public const double DefaultPassLine = 60;
    public const double DefaultMaxScore = 100;

    /// <summary>Pass lines are points out of 100.</summary>
    public const double MaxPassLine = 100;
    public const int CodeMaxLength = 40;

    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    private string _code = "";

    /// <summary>The code a file names it by (unique in the cohort), as first written; <see cref="CodeKey"/> is what matches (spec section 9).</summary>
    public required string Code
    {
        get => _code;
        set
        {
            _code = value;
            CodeKey = NaturalKey.Of(value);
        }
    }

    /// <summary>The code trimmed and upper-cased (<see cref="NaturalKey"/>); unique within the cohort.</summary>
    public string CodeKey { get; private set; } = "";
    public AssessmentKind Kind { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public DateOnly HeldOn { get; set; }

    /// <summary>Maximum of the theory part (or of the only part).</summary>
    public double MaxScore { get; set; } = DefaultMaxScore;

    /// <summary>Maximum of the practical part; null when the assessment has none.</summary>
    public double? PracticalMaxScore { get; set; }

    /// <summary>Pass line of each part, in points out of 100.</summary>
    public double PassLine { get; set; } = DefaultPassLine;
    public AssessmentDifficulty Difficulty { get; set; }
}

/// <summary>A learner's result in an assessment.</summary>
public sealed class AssessmentResult : IAudited
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public Assessment? Assessment { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }

    /// <summary>Theory (or only) part, 0 to the assessment's max score.</summary>
    public double Score { get; set; }

    /// <summary>Practical part, 0 to the practical max; null when not taken or not part of the assessment.</summary>
    public double? PracticalScore { get; set; }
}

public enum SurveyKind
{
    /// <summary>Course satisfaction (满意度): the source of the <c>satisfaction</c> indicator.</summary>
    Reaction,

    /// <summary>A training-needs survey before the course; not a reaction to it.</summary>
    Needs,

    /// <summary>A follow-up some time after the course.</summary>
    FollowUp,
}

/// <summary>A survey of a cohort; only reaction surveys (满意度调查) give <c>satisfaction</c>.</summary>
public sealed class SatisfactionSurvey : IBilingualName, IAudited
{
    public const int CodeMaxLength = 40;
    public const int MaxItems = 100;

    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    private string _code = "";

    /// <summary>The code a file names it by (unique in the cohort), as first written; <see cref="CodeKey"/> is what matches (spec section 9).</summary>
    public required string Code
    {
        get => _code;
        set
        {
            _code = value;
            CodeKey = NaturalKey.Of(value);
        }
    }

    /// <summary>The code trimmed and upper-cased (<see cref="NaturalKey"/>); unique within the cohort.</summary>
    public string CodeKey { get; private set; } = "";
    public SurveyKind Kind { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public DateOnly OpenedOn { get; set; }

    /// <summary>
    /// How many 1–5 ratings a response has. An imported survey has only this count (no item texts); a survey built in the
    /// app has <see cref="Items"/> and this is the number of its <see cref="SurveyItemKind.Likert"/> items.
    /// </summary>
    public int ItemCount { get; set; }

    /// <summary>The items as HR wrote them, by <see cref="SurveyItem.Position"/>; none for an imported survey.</summary>
    public List<SurveyItem> Items { get; set; } = [];
}

public enum SurveyItemKind
{
    /// <summary>A statement rated 1 (strongly disagree) to 5 (strongly agree); only these feed the survey's mean.</summary>
    Likert,

    /// <summary>One of a few options.</summary>
    SingleChoice,

    /// <summary>The learner's own words.</summary>
    FreeText,
}

/// <summary>One item (题目) of a survey built in the app, in both languages as other names are.</summary>
public sealed class SurveyItem : IAudited
{
    public const int TextMaxLength = 500;
    public const int OptionMaxLength = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 10;

    public int Id { get; set; }
    public int SurveyId { get; set; }
    public SatisfactionSurvey? Survey { get; set; }

    /// <summary>The item's place in the survey, 1 first; unique in the survey.</summary>
    public int Position { get; set; }
    public SurveyItemKind Kind { get; set; }
    public required string Text { get; set; }
    public string? TextEn { get; set; }

    /// <summary>A single-choice item's options in order (the answer is an index into them); empty for the other kinds. JSON.</summary>
    public List<string> Options { get; set; } = [];

    /// <summary>The options in English, same order; empty or shorter where no translation was given (the Chinese shows). JSON.</summary>
    public List<string> OptionsEn { get; set; } = [];
    public bool Required { get; set; }
}

/// <summary>Who answered a response: the learner about themselves, or their mentor about them (a follow-up's other view).</summary>
public enum SurveyRespondent
{
    Learner,
    Mentor,
}

/// <summary>
/// A learner's answers to a survey — or, for a follow-up, their mentor's answers about them (<see cref="Respondent"/>). The 1–5 ratings are <see cref="ItemScores"/> in Likert-item order — the k-th rating
/// answers the survey's k-th <see cref="SurveyItemKind.Likert"/> item by <see cref="SurveyItem.Position"/> (for an
/// imported survey, its k-th item) — so <c>satisfaction</c> and the imports read every response the same way. The other
/// answers of a survey built in the app are by item position: <see cref="Choices"/>[p − 1] is the option index chosen at
/// single-choice item p and <see cref="Texts"/>[p − 1] the text written at free-text item p; null elsewhere, and both
/// lists are null for an imported response.
/// </summary>
public sealed class SurveyResponse : IAudited
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public SatisfactionSurvey? Survey { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }

    /// <summary>
    /// The learner (self; every imported response) or their mentor (other); one response of each per learner and survey.
    /// Which mentor answered is the audit trail's (its actor), not a column: a foreign key added to this table would rebuild it.
    /// </summary>
    public SurveyRespondent Respondent { get; set; }
    public DateTime SubmittedAt { get; set; }

    /// <summary>Ratings 1–5 in Likert-item order (see the class); null for an item not answered; stored as JSON.</summary>
    public List<int?> ItemScores { get; set; } = [];

    /// <summary>By item position: the option index chosen at a single-choice item, else null (JSON); null for an imported response.</summary>
    public List<int?>? Choices { get; set; }

    /// <summary>By item position: the text written at a free-text item, else null (JSON); null for an imported response.</summary>
    public List<string?>? Texts { get; set; }
    public string? Comment { get; set; }
}

public enum InteractionKind
{
    Post,
    Question,
    PollAnswer,
}

/// <summary>
/// A post, question or poll answer by a learner in the cohort — or, from a system that exports daily totals, several of
/// one kind at one time (<see cref="Count"/>).
/// </summary>
public sealed class Interaction
{
    public int Id { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public DateTime OccurredAt { get; set; }
    public InteractionKind Kind { get; set; }

    /// <summary>How many interactions the row stands for (at least 1).</summary>
    public int Count { get; set; } = 1;
}
