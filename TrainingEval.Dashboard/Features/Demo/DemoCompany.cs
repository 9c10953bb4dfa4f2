using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Demo;

/// <summary>
/// The generated demo company as an object graph (navigations set, ids not yet assigned), so its
/// invariants can be checked without a database and <see cref="DemoCompanySeeder"/> can write it in batches.
/// </summary>
public sealed class DemoCompany
{
    public required DemoCompanySpec Spec { get; init; }
    public List<Department> Departments { get; } = [];
    public List<Mentor> Mentors { get; } = [];
    public List<Learner> Learners { get; } = [];
    public List<TrainingProgram> Programs { get; } = [];
    public List<WeightProfileVersion> ProfileVersions { get; } = [];
    public List<Kpi> Kpis { get; } = [];
    public List<Cohort> Cohorts { get; } = [];
    public List<CohortMentor> CohortMentors { get; } = [];
    public List<Enrollment> Enrollments { get; } = [];
    public List<CohortSession> Sessions { get; } = [];
    public List<Assignment> Assignments { get; } = [];
    public List<Assessment> Assessments { get; } = [];
    public List<SatisfactionSurvey> Surveys { get; } = [];
    public List<ProgramCostItem> CostItems { get; } = [];

    public List<AttendanceRecord> Attendance { get; } = [];
    public List<Submission> Submissions { get; } = [];
    public List<AssessmentResult> Results { get; } = [];
    public List<SurveyResponse> SurveyResponses { get; } = [];
    public List<Interaction> Interactions { get; } = [];
    public List<MentorRating> MentorRatings { get; } = [];
    public List<ApplicationEvent> ApplicationEvents { get; } = [];
    public List<PerformanceReview> PerformanceReviews { get; } = [];
    public List<KpiMeasurement> KpiMeasurements { get; } = [];
    public List<StoredObservation> StoredObservations { get; } = [];

    public int RecordCount =>
        Attendance.Count + Submissions.Count + Results.Count + SurveyResponses.Count + Interactions.Count + MentorRatings.Count
        + ApplicationEvents.Count + PerformanceReviews.Count + KpiMeasurements.Count + StoredObservations.Count;
}
