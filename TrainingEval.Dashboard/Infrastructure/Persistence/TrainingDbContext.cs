using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>
/// The training data. Create one per operation from <see cref="IDbContextFactory{TContext}"/>; never
/// keep one in a component. Saving does four things beyond EF's own: <see cref="AuditTrailInterceptor"/>
/// refuses updates and deletes of append-only history, increments the concurrency token of
/// <see cref="IConcurrencyVersioned"/> rows and writes the audit trail for <see cref="IAudited"/> rows in the
/// same transaction; the context turns database constraint errors into <see cref="DataWriteException"/>s
/// with domain messages.
/// </summary>
/// <remarks>
/// <para>The Identity tables (user accounts, roles) live here too, so an account and the learner or mentor it
/// links to are in one database and one transaction.</para>
/// <para>Every audit line of a save names the <paramref name="actor"/> and the <paramref name="clock"/>'s time at the
/// start of that save. The factory supplies both (the app's <see cref="CurrentActor"/> and <see cref="TimeProvider"/>),
/// so a context cannot exist without them and no service names anyone.</para>
/// </remarks>
public class TrainingDbContext(DbContextOptions<TrainingDbContext> options, ICurrentActor actor, TimeProvider clock)
    : IdentityDbContext<UserAccount, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The data-protection key ring (cookies, antiforgery tokens): in the product's own database, so every instance of one
    /// installation shares it and no other installation on the host can read its cookies (see SecurityHosting).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Mentor> Mentors => Set<Mentor>();
    public DbSet<Learner> Learners => Set<Learner>();
    public DbSet<TrainingProgram> Programs => Set<TrainingProgram>();
    public DbSet<WeightProfileVersion> ProfileVersions => Set<WeightProfileVersion>();
    public DbSet<ProgramCostItem> CostItems => Set<ProgramCostItem>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<CohortMentor> CohortMentors => Set<CohortMentor>();
    public DbSet<CohortTrainer> CohortTrainers => Set<CohortTrainer>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<CohortSession> Sessions => Set<CohortSession>();
    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentResult> AssessmentResults => Set<AssessmentResult>();
    public DbSet<SatisfactionSurvey> Surveys => Set<SatisfactionSurvey>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyItem> SurveyItems => Set<SurveyItem>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<MentorRating> MentorRatings => Set<MentorRating>();
    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();
    public DbSet<PerformanceReview> PerformanceReviews => Set<PerformanceReview>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<KpiMeasurement> KpiMeasurements => Set<KpiMeasurement>();
    public DbSet<StoredObservation> StoredObservations => Set<StoredObservation>();
    public DbSet<LearnerScoreRecord> LearnerScores => Set<LearnerScoreRecord>();
    public DbSet<PendingRecompute> PendingRecomputes => Set<PendingRecompute>();
    public DbSet<LearningHealthSnapshot> HealthSnapshots => Set<LearningHealthSnapshot>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<RoiAssumption> RoiAssumptions => Set<RoiAssumption>();
    public DbSet<PromotionDecision> PromotionDecisions => Set<PromotionDecision>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<NotificationProfile> NotificationProfiles => Set<NotificationProfile>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<ReportSubscription> ReportSubscriptions => Set<ReportSubscription>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<ExamQuestion> ExamQuestions => Set<ExamQuestion>();
    public DbSet<ExamPaper> ExamPapers => Set<ExamPaper>();
    public DbSet<ExamAttempt> ExamAttempts => Set<ExamAttempt>();
    public DbSet<ExamAnswer> ExamAnswers => Set<ExamAnswer>();
    public DbSet<ExamRubricScore> ExamRubricScores => Set<ExamRubricScore>();
    public DbSet<AuditEntry> AuditTrail => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>Off only for bulk loads that write their own summary entry (the demo generator).</summary>
    public bool AuditingEnabled { get; set; } = true;

    // The audit trail, revision counters and append-only guard are written by one interceptor, fed by the
    // actor and clock this context was created with (the factory supplies both).
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(new AuditTrailInterceptor(actor, clock));
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrainingDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.DataChecks).Namespace);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            var reader = DatabaseProviderSetup.ErrorReaderFor(Database);
            throw DataErrorTranslator.Translate(ex, reader, Model);
        }
        catch (System.Data.Common.DbException ex) when (DatabaseProviderSetup.ErrorReaderFor(Database).IsStorageUnwritable(ex))
        {
            // Beginning the save's transaction already needs a writable database, and fails before EF wraps anything.
            throw new DatabaseReadOnlyException(ex);
        }
    }

    /// <summary>The interceptor's bookkeeping of the save under way (its own transaction and the audit lines it completes).</summary>
    internal AuditTrailInterceptor.SaveInProgress? AuditInProgress { get; set; }

    /// <summary>
    /// Adds an audit line written with the next save (for changes that are not row edits, e.g. a profile diff);
    /// that save names its actor and time, like those of the row edits saved with it.
    /// </summary>
    public void AddAudit(string entityType, string entityKey, AuditAction action, string? property, string? oldValue, string? newValue) =>
        AuditTrail.Add(new AuditEntry
        {
            Actor = "",
            EntityType = entityType,
            EntityKey = entityKey,
            Action = action,
            Property = property,
            OldValue = oldValue,
            NewValue = newValue,
        });
}
