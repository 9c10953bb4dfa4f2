using TrainingEval.Domain.Exams;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>
/// A question of a program's question bank (题库), usable by every exam of the program's cohorts. The text and options
/// are bilingual like names: <see cref="Text"/> and <see cref="Options"/> as the organisation writes them, the English
/// ones when somebody supplied them. Grading reads <see cref="ToAnswerKey"/> (<see cref="ExamGrading"/>).
/// </summary>
public sealed class ExamQuestion : IAudited, IConcurrencyVersioned
{
    public const int MaxOptions = 10;
    public const int OptionMaxLength = 500;
    public const int MaxTags = 10;
    public const int TagMaxLength = 60;
    public const double DefaultPoints = 5;

    public int Id { get; set; }
    public int ProgramId { get; set; }
    public TrainingProgram? Program { get; set; }
    public ExamQuestionKind Kind { get; set; }
    public required string Text { get; set; }
    public string? TextEn { get; set; }

    /// <summary>The options of a choice question, in order (option 0 first); stored as JSON. True/false questions have none (the page shows true and false).</summary>
    public List<string> Options { get; set; } = [];

    /// <summary>The English options, as many as <see cref="Options"/>, or empty when nobody supplied them.</summary>
    public List<string> OptionsEn { get; set; } = [];

    /// <summary>The right option numbers (0-based) of a choice question; for true/false [0] is true and [1] is false.</summary>
    public List<int> CorrectOptions { get; set; } = [];

    /// <summary>The right value of a numeric question.</summary>
    public double? CorrectNumber { get; set; }

    /// <summary>How far from <see cref="CorrectNumber"/> an answer may be and still be right; 0 for an exact answer.</summary>
    public double Tolerance { get; set; }

    public double Points { get; set; } = DefaultPoints;
    public AssessmentDifficulty Difficulty { get; set; }

    /// <summary>The knowledge points (知识点) the question tests, as written; the knowledge-point view groups by them.</summary>
    public List<string> Tags { get; set; } = [];
    public int Revision { get; set; }

    public ExamAnswerKey ToAnswerKey() => new(Kind, Points, CorrectOptions, CorrectNumber, Tolerance);
}

/// <summary>How a paper's theory questions are chosen.</summary>
public enum ExamSelection
{
    /// <summary>Every attempt gets the same questions (<see cref="ExamPaper.Questions"/>), in their order.</summary>
    Fixed,

    /// <summary>Each attempt draws its own questions from the program's bank: so many of each difficulty.</summary>
    RandomByDifficulty,
}

/// <summary>
/// The paper of an assessment taken in the app (试卷): its theory questions (a fixed list, or drawn at random per attempt
/// by difficulty), its practical rubric, the time limit and how many attempts a learner has. The pass line and the two
/// maxima stay the assessment's; an assessment without a paper is one whose results are entered or imported.
/// </summary>
public sealed class ExamPaper : IAudited, IConcurrencyVersioned
{
    public const int DefaultTimeLimitMinutes = 60;
    public const int MaxTimeLimitMinutes = 24 * 60;
    public const int DefaultAttemptsAllowed = 1;
    public const int MaxAttemptsAllowed = 10;

    public int Id { get; set; }

    /// <summary>One paper per assessment.</summary>
    public int AssessmentId { get; set; }
    public Assessment? Assessment { get; set; }

    /// <summary>From start to deadline, by the server's clock.</summary>
    public int TimeLimitMinutes { get; set; } = DefaultTimeLimitMinutes;

    /// <summary>Attempts a learner may start; 1 unless HR allows more.</summary>
    public int AttemptsAllowed { get; set; } = DefaultAttemptsAllowed;
    public ExamSelection Selection { get; set; }

    /// <summary>With <see cref="ExamSelection.RandomByDifficulty"/>: how many basic questions each attempt draws.</summary>
    public int BasicCount { get; set; }
    public int IntermediateCount { get; set; }
    public int AdvancedCount { get; set; }

    /// <summary>Learners may start attempts only while open (HR opens the paper when it is ready).</summary>
    public bool IsOpen { get; set; }

    /// <summary>With <see cref="ExamSelection.Fixed"/>: the questions, in order.</summary>
    public List<ExamPaperQuestion> Questions { get; set; } = [];

    /// <summary>The practical part's rubric (criteria × points); empty when the assessment has no practical part.</summary>
    public List<ExamRubricCriterion> Criteria { get; set; } = [];
    public int Revision { get; set; }
}

/// <summary>A question on a fixed paper, at its place.</summary>
public sealed class ExamPaperQuestion
{
    public int Id { get; set; }
    public int PaperId { get; set; }
    public ExamPaper? Paper { get; set; }
    public int QuestionId { get; set; }
    public ExamQuestion? Question { get; set; }

    /// <summary>1, 2, … on the paper.</summary>
    public int Sequence { get; set; }
}

/// <summary>A criterion of a practical part's rubric (评分细则) and the points it is worth.</summary>
public sealed class ExamRubricCriterion : IBilingualName, IAudited
{
    public int Id { get; set; }
    public int PaperId { get; set; }
    public ExamPaper? Paper { get; set; }
    public int Sequence { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public double Points { get; set; }
}

/// <summary>The points a trainer gave one learner for one criterion of the rubric.</summary>
public sealed class ExamRubricScore : IAudited, IConcurrencyVersioned
{
    public const int GradedByMaxLength = 256;

    public int Id { get; set; }
    public int CriterionId { get; set; }
    public ExamRubricCriterion? Criterion { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public double Points { get; set; }
    public required string GradedBy { get; set; }
    public DateTime GradedAt { get; set; }
    public int Revision { get; set; }
}

public enum ExamAttemptStatus
{
    /// <summary>Started, before its deadline and not yet submitted.</summary>
    InProgress,

    /// <summary>Submitted by the learner and graded.</summary>
    Submitted,

    /// <summary>Closed at its deadline and graded on the answers saved by then.</summary>
    TimedOut,
}

/// <summary>
/// A learner's attempt at an exam paper: the server records when it started and its deadline (start + the paper's limit,
/// by the server's clock), the questions it drew, the answers as they are saved, and the auto-graded score once
/// submitted (or closed at the deadline). Its graded theory score becomes the enrollment's <see cref="AssessmentResult"/>.
/// </summary>
public sealed class ExamAttempt : IAudited, IConcurrencyVersioned
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public Assessment? Assessment { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }

    /// <summary>1 for the learner's first attempt at the assessment, 2 for the second (when allowed), …</summary>
    public int Number { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>Answers and the submit are refused after this instant (UTC, server clock).</summary>
    public DateTime Deadline { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public ExamAttemptStatus Status { get; set; }

    /// <summary>The questions this attempt shows, in order (drawn at start for a random paper); stored as JSON.</summary>
    public List<int> QuestionIds { get; set; } = [];

    /// <summary>The theory score on the assessment's scale once graded; null while in progress.</summary>
    public double? TheoryScore { get; set; }
    public List<ExamAnswer> Answers { get; set; } = [];
    public int Revision { get; set; }
}

/// <summary>
/// A learner's answer to one question of an attempt, saved as it is given (so a dropped connection loses nothing). The
/// answer itself is JSON (<see cref="ExamResponse"/>: options ticked, number or text); <see cref="Points"/> is set at
/// grading — by the rule, or by the trainer for a short answer.
/// </summary>
public sealed class ExamAnswer : IAudited
{
    public const int ResponseMaxLength = 8000;

    public int Id { get; set; }
    public int AttemptId { get; set; }
    public ExamAttempt? Attempt { get; set; }
    public int QuestionId { get; set; }
    public ExamQuestion? Question { get; set; }
    public required string Response { get; set; }
    public DateTime SavedAt { get; set; }

    /// <summary>Points given; null until graded (a short answer until the trainer grades it).</summary>
    public double? Points { get; set; }
}
