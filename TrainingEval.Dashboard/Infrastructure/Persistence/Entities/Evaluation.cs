using TrainingEval.Domain.Health;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>
/// A raw indicator value stored directly (migrated from another system) rather than derived from records.
/// Where one exists for an enrollment and indicator it wins over the derived value; see
/// <c>Collection.ObservationCollector</c>.
/// </summary>
public sealed class StoredObservation : IAudited
{
    public const int SourceMaxLength = 200;
    public const int MeasureMaxLength = 100;

    public int Id { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public required string IndicatorCode { get; set; }
    public double Value { get; set; }
    public double? Baseline { get; set; }
    public double? Target { get; set; }

    /// <summary>
    /// The KPI, survey or assessment the value belongs to ("" when the source names none). With the
    /// enrollment, indicator and <see cref="ObservedOn"/> it is the observation's natural key, so a
    /// re-import updates the value instead of adding a second one.
    /// </summary>
    public string Measure { get; set; } = "";

    /// <summary>The day the value was observed, when the source says.</summary>
    public DateOnly? ObservedOn { get; set; }

    /// <summary>Where the value came from, e.g. the file or system it was imported from.</summary>
    public required string Source { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>
/// A learner's stored score in a cohort, written by <c>Scoring.CohortScoreService</c> so pages read
/// scores without recomputing. One row per scored enrollment (withdrawn learners are not scored).
/// </summary>
public sealed class LearnerScoreRecord
{
    public const int ProblemMaxLength = 2000;

    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public int EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public int LearnerId { get; set; }
    public Learner? Learner { get; set; }
    public double? Reaction { get; set; }
    public double? Learning { get; set; }
    public double? Behavior { get; set; }
    public double? Results { get; set; }
    public double ReactionCoverage { get; set; }
    public double LearningCoverage { get; set; }
    public double BehaviorCoverage { get; set; }
    public double ResultsCoverage { get; set; }
    public double? Composite { get; set; }
    public double Coverage { get; set; }
    public Tier? Tier { get; set; }
    public bool? Passed { get; set; }
    public int? Rank { get; set; }
    public int ProfileVersionId { get; set; }
    public WeightProfileVersion? ProfileVersion { get; set; }

    /// <summary>The profile's version number, denormalised for display.</summary>
    public int ProfileVersionNumber { get; set; }
    public DateTime ComputedAt { get; set; }

    /// <summary>Why the learner has no score: the rejected raw values, in the engine's words.</summary>
    public string? Problem { get; set; }

    public bool IsProvisional => Provisional.Applies(Composite, Coverage);

    /// <summary>The stored score as the Domain's batch result: the one mapping from a stored row (every read path uses it).</summary>
    public LearnerScore ToScore() => new()
    {
        Reaction = Reaction,
        Learning = Learning,
        Behavior = Behavior,
        Results = Results,
        ReactionCoverage = ReactionCoverage,
        LearningCoverage = LearningCoverage,
        BehaviorCoverage = BehaviorCoverage,
        ResultsCoverage = ResultsCoverage,
        Composite = Composite,
        Coverage = Coverage,
        Tier = Tier,
        Passed = Passed,
    };

    /// <summary>A row for a computed score: the one mapping to a stored row (the score service writes only through it).</summary>
    public static LearnerScoreRecord From(in LearnerScore score, int cohortId, int enrollmentId, int learnerId, WeightProfileVersion version, DateTime computedAt, string? problem)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new LearnerScoreRecord
        {
            CohortId = cohortId,
            EnrollmentId = enrollmentId,
            LearnerId = learnerId,
            Reaction = score.Reaction,
            Learning = score.Learning,
            Behavior = score.Behavior,
            Results = score.Results,
            ReactionCoverage = score.ReactionCoverage,
            LearningCoverage = score.LearningCoverage,
            BehaviorCoverage = score.BehaviorCoverage,
            ResultsCoverage = score.ResultsCoverage,
            Composite = score.Composite,
            Coverage = score.Coverage,
            Tier = score.Tier,
            Passed = score.Passed,
            ProfileVersionId = version.Id,
            ProfileVersionNumber = version.Version,
            ComputedAt = computedAt,
            Problem = problem is null ? null : problem[..Math.Min(problem.Length, ProblemMaxLength)],
        };
    }
}

/// <summary>A learner's learning health index for one ISO week (spec section 5). Computed by a later service.</summary>
public sealed class LearningHealthSnapshot
{
    public int Id { get; set; }
    public int LearnerId { get; set; }
    public Learner? Learner { get; set; }
    public int IsoYear { get; set; }
    public int IsoWeek { get; set; }

    /// <summary>The Sunday the snapshot is taken at.</summary>
    public DateOnly WeekEnd { get; set; }
    public double? Index { get; set; }
    public double? Attendance { get; set; }
    public double? Punctuality { get; set; }
    public double? Performance { get; set; }
    public double? Engagement { get; set; }
    public LearningHealthBand? Band { get; set; }
    public DateTime ComputedAt { get; set; }
}

public enum AlertStatus
{
    Open,
    Acknowledged,
    Resolved,
}

/// <summary>An alert (预警) for a learner's mentor and HR; acknowledged and resolved, never deleted.</summary>
public sealed class Alert : IAudited, IConcurrencyVersioned
{
    public const int DetailMaxLength = 1000;
    public const int SuggestionMaxLength = 100;
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int LearnerId { get; set; }
    public Learner? Learner { get; set; }
    public int? EnrollmentId { get; set; }
    public Enrollment? Enrollment { get; set; }
    public int? MentorId { get; set; }
    public Mentor? Mentor { get; set; }
    public AlertType Type { get; set; }
    public AlertStatus Status { get; set; }
    public DateTime RaisedAt { get; set; }

    /// <summary>What triggered the alert, e.g. "index 78 → 61" or the dimension that dropped.</summary>
    public required string Detail { get; set; }

    /// <summary>Code of the coaching suggestion (e.g. <c>attendance</c>, <c>dimension:initiative</c>); the UI localises it.</summary>
    public required string Suggestion { get; set; }
    /// <summary>
    /// The ISO week of the snapshot run that raised an index or score alert (null for a rating's alert). A rerun of
    /// the week never raises the same type for the learner and week again, even after the first was resolved.
    /// </summary>
    public int? IsoYear { get; set; }
    public int? IsoWeek { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgeNote { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolutionNote { get; set; }
    public int Revision { get; set; }

    /// <summary>Open and acknowledged alerts are still open: a new alert of the type waits until this one is resolved.</summary>
    public bool IsOpen => Status != AlertStatus.Resolved;
}

public enum NotificationKind
{
    /// <summary>An alert was raised for one of the recipient's learners.</summary>
    Alert,

    /// <summary>A mentor's weekly digest of their mentees' bands and open alerts is ready.</summary>
    WeeklyDigest,

    /// <summary>HR reminds a learner (or, for a follow-up's other view, a mentor) to answer an open survey.</summary>
    SurveyReminder,
}

/// <summary>
/// An entry of the in-app notification centre. A mentor's entries carry <see cref="MentorId"/>, a learner's own
/// <see cref="LearnerId"/>; entries with neither are for HR (admins and HR analysts), who share one read state as they
/// share one inbox.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public NotificationKind Kind { get; set; }
    public int? MentorId { get; set; }
    public Mentor? Mentor { get; set; }
    public int? AlertId { get; set; }
    public Alert? Alert { get; set; }

    /// <summary>
    /// The learner whose own inbox holds the entry (a survey reminder); null for mentors' and HR's entries. A plain column,
    /// as <see cref="SurveyId"/>: a foreign key added to this table later would rebuild it on SQLite.
    /// </summary>
    public int? LearnerId { get; set; }

    /// <summary>The survey a <see cref="NotificationKind.SurveyReminder"/> asks to answer.</summary>
    public int? SurveyId { get; set; }

    /// <summary>The digest's week (and, for an alert, the week it was raised in).</summary>
    public int IsoYear { get; set; }
    public int IsoWeek { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

public enum AuditAction
{
    Added,
    Modified,
    Deleted,

    /// <summary>A REST API call (which may have changed nothing): entity "api", key = endpoint, new value = outcome.</summary>
    ApiCall,
}

/// <summary>One line of the audit trail: who changed what, when, from which value to which.</summary>
public sealed class AuditEntry : IAppendOnly
{
    public const int ActorMaxLength = 100;
    public const int EntityTypeMaxLength = 100;
    public const int EntityKeyMaxLength = 100;
    public const int PropertyMaxLength = 100;

    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>The changed property of an update; null for a whole-row insert or delete.</summary>
    public string? Property { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

/// <summary>
/// A cohort whose stored scores or learning health snapshots lag behind its records (issue 19 item 8). A write marks the
/// cohort in the transaction of its records, so a crash between the commit and the recompute leaves the mark behind;
/// see <c>PendingRecomputes</c> for who clears it.
/// </summary>
public sealed class PendingRecompute
{
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }

    /// <summary>The stored scores need the whole cohort recomputed.</summary>
    public bool Scores { get; set; }

    /// <summary>The weekly learning health snapshots of the cohort's weeks need computing again.</summary>
    public bool Health { get; set; }

    /// <summary>Raised by every mark: a recompute clears only the generation it read before it started.</summary>
    public int Generation { get; set; }
}
