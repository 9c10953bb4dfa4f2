namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>A class meeting of a cohort (课次).</summary>
public sealed class CohortSession : IBilingualName
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public int Sequence { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int DurationMinutes { get; set; }
}

public enum AttendanceStatus
{
    Present,
    Late,
    Absent,
    Excused,
}

/// <summary>One learner's attendance at one session.</summary>
public sealed class AttendanceRecord : IAudited
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CohortSession? Session { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public AttendanceStatus Status { get; set; }
}

/// <summary>Homework set for a cohort (作业).</summary>
public sealed class Assignment : IBilingualName
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public DateOnly AssignedOn { get; set; }

    /// <summary>Submissions at or before this instant are on time.</summary>
    public DateTime DueAt { get; set; }
    public double MaxScore { get; set; } = 100;
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
public sealed class Assessment : IBilingualName
{
    public const double DefaultPassLine = 60;

    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public AssessmentKind Kind { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public DateOnly HeldOn { get; set; }

    /// <summary>Maximum of the theory part (or of the only part).</summary>
    public double MaxScore { get; set; } = 100;

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

/// <summary>A course satisfaction survey (满意度调查) of a cohort.</summary>
public sealed class SatisfactionSurvey : IBilingualName
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public DateOnly OpenedOn { get; set; }
    public int ItemCount { get; set; }
}

/// <summary>A learner's answers to a survey: one 1–5 rating per item.</summary>
public sealed class SurveyResponse : IAudited
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public SatisfactionSurvey? Survey { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public DateTime SubmittedAt { get; set; }

    /// <summary>Item ratings 1–5, in item order; stored as JSON.</summary>
    public List<int> ItemScores { get; set; } = [];
    public string? Comment { get; set; }
}

public enum InteractionKind
{
    Post,
    Question,
    PollAnswer,
}

/// <summary>A post, question or poll answer by a learner in the cohort.</summary>
public sealed class Interaction
{
    public int Id { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public DateTime OccurredAt { get; set; }
    public InteractionKind Kind { get; set; }
}
