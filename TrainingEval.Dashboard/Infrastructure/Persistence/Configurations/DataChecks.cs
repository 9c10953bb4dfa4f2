using TrainingEval.Domain.Indicators;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

/// <summary>A named CHECK constraint in portable SQL, with the message a user sees when a write breaks it.</summary>
public sealed record DataCheck(string Name, string Sql, string Message);

/// <summary>
/// Every CHECK constraint of the schema, defined once: the entity configurations create them and
/// <see cref="DataErrorTranslator"/> turns a violation into the check's message. The SQL is plain
/// standard SQL (double-quoted identifiers) so another provider can run the same model. Limits that are
/// rules of the evaluation model (the 1–5 rating scale) are read from the Domain, so the database and the
/// validators cannot disagree; the generated SQL is the same text the migrations created.
/// </summary>
public static class DataChecks
{
    public static readonly DataCheck CohortDates = new("CK_Cohorts_Dates", "\"EndDate\" >= \"StartDate\"", "A cohort cannot end before it starts.");
    public static readonly DataCheck SessionDuration = new("CK_CohortSessions_Duration", "\"DurationMinutes\" IS NULL OR \"DurationMinutes\" > 0", "A session lasts at least one minute.");
    public static readonly DataCheck SessionTimes = new("CK_CohortSessions_Times", "\"StartTime\" IS NULL OR \"EndTime\" IS NULL OR \"EndTime\" > \"StartTime\"", "A session ends after it starts.");
    public static readonly DataCheck InteractionCount = new("CK_Interactions_Count", "\"Count\" >= 1", "An interaction row stands for at least one interaction.");
    public static readonly DataCheck AssignmentMax = new("CK_Assignments_MaxScore", "\"MaxScore\" > 0", "An assignment's maximum score must be above 0.");
    public static readonly DataCheck SubmissionScore = new("CK_Submissions_Score", "\"Score\" IS NULL OR \"Score\" >= 0", "A submission's score cannot be negative.");
    public static readonly DataCheck AssessmentMax = new("CK_Assessments_MaxScore", "\"MaxScore\" > 0 AND (\"PracticalMaxScore\" IS NULL OR \"PracticalMaxScore\" > 0)", "An assessment's maximum scores must be above 0.");
    public static readonly DataCheck AssessmentPassLine = new("CK_Assessments_PassLine", "\"PassLine\" >= 0 AND \"PassLine\" <= 100", "A pass line is between 0 and 100 points.");
    public static readonly DataCheck ResultScore = new("CK_AssessmentResults_Score", "\"Score\" >= 0 AND (\"PracticalScore\" IS NULL OR \"PracticalScore\" >= 0)", "An assessment score cannot be negative.");
    public static readonly DataCheck SurveyItems = new("CK_SatisfactionSurveys_ItemCount", "\"ItemCount\" > 0", "A survey has at least one item.");
    public static readonly DataCheck RatingScore = new("CK_MentorRatings_Score", $"\"Score\" >= {RatingScale.Min} AND \"Score\" <= {RatingScale.Max}", $"A mentor rating is a whole number from {RatingScale.Min} to {RatingScale.Max}.");
    public static readonly DataCheck RatingSequence = new("CK_MentorRatings_Sequence", "\"Sequence\" >= 1", "A rating's sequence number starts at 1.");
    public static readonly DataCheck ReviewRatings = new("CK_PerformanceReviews_Ratings",
        $"\"BehaviorRating\" >= {RatingScale.Min} AND \"BehaviorRating\" <= {RatingScale.Max} AND \"OverallRating\" >= {RatingScale.Min} AND \"OverallRating\" <= {RatingScale.Max}",
        $"Performance review ratings are from {RatingScale.Min} to {RatingScale.Max}.");
    public static readonly DataCheck KpiOwner = new("CK_KpiMeasurements_Owner", "(\"EnrollmentId\" IS NOT NULL AND \"DepartmentId\" IS NULL) OR (\"EnrollmentId\" IS NULL AND \"DepartmentId\" IS NOT NULL)", "A KPI measurement belongs either to one learner or to one team, not both and not neither.");
    public static readonly DataCheck KpiTarget = new("CK_KpiMeasurements_Target", "\"Target\" <> \"Baseline\"", "A KPI's target must differ from its baseline.");
    public static readonly DataCheck ProfileVersion = new("CK_WeightProfileVersions_Version", "\"Version\" >= 1 AND \"ApplicationWindowDays\" >= 0", "Profile versions start at 1 and the application window cannot be negative.");
    public static readonly DataCheck HealthIndex = new("CK_LearningHealthSnapshots_Index", "\"Index\" IS NULL OR (\"Index\" >= 0 AND \"Index\" <= 100)", "A learning health index is between 0 and 100.");
    public static readonly DataCheck RoiAssumptionRanges = new("CK_RoiAssumptions_Ranges", "\"Attribution\" >= 0 AND \"Attribution\" <= 1 AND \"Confidence\" >= 0 AND \"Confidence\" <= 1 AND \"ValuePerUnit\" >= 0 AND \"PeriodMonths\" >= 1 AND \"PeriodMonths\" <= 60", "Attribution and confidence are between 0 and 1, the value per unit is not negative and the period is 1 to 60 months.");
    public static readonly DataCheck QuestionPoints = new("CK_ExamQuestions_Points", "\"Points\" > 0 AND \"Tolerance\" >= 0", "A question is worth more than 0 points and its tolerance cannot be negative.");
    public static readonly DataCheck PaperLimits = new("CK_ExamPapers_Limits", "\"TimeLimitMinutes\" >= 1 AND \"AttemptsAllowed\" >= 1 AND \"BasicCount\" >= 0 AND \"IntermediateCount\" >= 0 AND \"AdvancedCount\" >= 0", "An exam lasts at least one minute, allows at least one attempt and draws no negative number of questions.");
    public static readonly DataCheck CriterionPoints = new("CK_ExamRubricCriteria_Points", "\"Points\" > 0", "A rubric criterion is worth more than 0 points.");
    public static readonly DataCheck RubricScorePoints = new("CK_ExamRubricScores_Points", "\"Points\" >= 0", "A criterion's points given cannot be negative.");
    public static readonly DataCheck ScoreCoverage = new("CK_LearnerScores_Coverage", "\"Coverage\" >= 0 AND \"Coverage\" <= 1", "Coverage is between 0 and 1.");

    public static IReadOnlyList<DataCheck> All { get; } =
    [
        CohortDates, SessionDuration, SessionTimes, InteractionCount, AssignmentMax, SubmissionScore, AssessmentMax, AssessmentPassLine, ResultScore,
        SurveyItems, RatingScore, RatingSequence, ReviewRatings, KpiOwner, KpiTarget, ProfileVersion, HealthIndex, ScoreCoverage, RoiAssumptionRanges,
        QuestionPoints, PaperLimits, CriterionPoints, RubricScorePoints,
    ];

    public static DataCheck? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static void HasCheck(this TableBuilder table, DataCheck check) => table.HasCheckConstraint(check.Name, check.Sql);

    public static void HasCheck<T>(this TableBuilder<T> table, DataCheck check) where T : class => table.HasCheckConstraint(check.Name, check.Sql);
}
