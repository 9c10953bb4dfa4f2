using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>One run of a program (班期), with its dates and mentors.</summary>
public sealed class Cohort : IBilingualName, IAudited, IConcurrencyVersioned
{
    public const int CodeMaxLength = 40;
    public const int TrackedKindsMaxLength = 200;

    private string _code = "";

    public int Id { get; set; }
    public int ProgramId { get; set; }
    public TrainingProgram? Program { get; set; }

    /// <summary>As first written; <see cref="CodeKey"/> is what matches (spec section 9), in URLs too (<c>/cohorts/lean-1</c>).</summary>
    public required string Code
    {
        get => _code;
        set
        {
            _code = value;
            CodeKey = NaturalKey.Of(value);
        }
    }

    /// <summary>The code trimmed and upper-cased (<see cref="NaturalKey"/>); unique.</summary>
    public string CodeKey { get; private set; } = "";
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    /// <summary>Set when the cohort is closed; from then on its official scores use <see cref="ProfileVersionId"/>.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>The weight profile version current when the cohort closed; null while open.</summary>
    public int? ProfileVersionId { get; set; }
    public WeightProfileVersion? ProfileVersion { get; set; }

    public int Revision { get; set; }

    /// <summary>
    /// The evaluation plan when someone set it: the record kinds the cohort tracks (codes separated by ';', "" for none;
    /// <c>Domain.Plans.EvaluationPlan</c>). Null means the default — the kinds that have at least one record in the
    /// cohort (<c>Scoring.EvaluationPlans</c>).
    /// </summary>
    public string? TrackedKinds { get; set; }

    public bool IsClosed => ClosedAt is not null;

    public List<CohortMentor> Mentors { get; } = [];
    public List<CohortTrainer> Trainers { get; } = [];
    public List<Enrollment> Enrollments { get; } = [];
    public List<CohortSession> Sessions { get; } = [];
    public List<Assignment> Assignments { get; } = [];
    public List<Assessment> Assessments { get; } = [];
    public List<SatisfactionSurvey> Surveys { get; } = [];
}

/// <summary>A mentor serving a cohort.</summary>
public sealed class CohortMentor : IAudited
{
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public int MentorId { get; set; }
    public Mentor? Mentor { get; set; }

    /// <summary>The cohort's lead mentor (one per cohort by convention, not enforced).</summary>
    public bool IsLead { get; set; }
}

/// <summary>
/// A trainer (讲师) running a cohort's sessions: a sign-in account in the Trainer role. What the trainer may see and
/// change is decided on this link (<c>IRecordAccess</c>).
/// </summary>
public sealed class CohortTrainer
{
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }

    /// <summary>The trainer's account (<c>AspNetUsers.Id</c>).</summary>
    public required string UserId { get; set; }
}

public enum EnrollmentStatus
{
    Enrolled,
    Completed,
    Withdrawn,
}

/// <summary>A learner in a cohort. Every per-learner record of the cohort hangs off the enrollment.</summary>
public sealed class Enrollment : IAudited
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public int LearnerId { get; set; }
    public Learner? Learner { get; set; }

    /// <summary>The mentor who rates this learner in this cohort (defaults to the learner's own mentor).</summary>
    public int? MentorId { get; set; }
    public Mentor? Mentor { get; set; }
    public EnrollmentStatus Status { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
}
