using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>
/// The training data. Create one per operation from <see cref="IDbContextFactory{TContext}"/>; never
/// keep one in a component. Saving does four things beyond EF's own: refuses updates and deletes of
/// append-only history, increments the concurrency token of <see cref="IConcurrencyVersioned"/> rows,
/// writes the audit trail for <see cref="IAudited"/> rows in the same transaction, and turns database
/// constraint errors into <see cref="DataWriteException"/>s with domain messages.
/// </summary>
/// <remarks>
/// <para>The Identity tables (user accounts, roles) live here too, so an account and the learner or mentor it
/// links to are in one database and one transaction.</para>
/// <para>Every audit line of a save names the <paramref name="actor"/> and the <paramref name="clock"/>'s time at the
/// start of that save. The factory supplies both (the app's <see cref="CurrentActor"/> and <see cref="TimeProvider"/>),
/// so a context cannot exist without them and no service names anyone.</para>
/// </remarks>
public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options, ICurrentActor actor, TimeProvider clock)
    : IdentityDbContext<UserAccount, IdentityRole, string>(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Mentor> Mentors => Set<Mentor>();
    public DbSet<Learner> Learners => Set<Learner>();
    public DbSet<TrainingProgram> Programs => Set<TrainingProgram>();
    public DbSet<WeightProfileVersion> ProfileVersions => Set<WeightProfileVersion>();
    public DbSet<ProgramCostItem> CostItems => Set<ProgramCostItem>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<CohortMentor> CohortMentors => Set<CohortMentor>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<CohortSession> Sessions => Set<CohortSession>();
    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentResult> AssessmentResults => Set<AssessmentResult>();
    public DbSet<SatisfactionSurvey> Surveys => Set<SatisfactionSurvey>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<MentorRating> MentorRatings => Set<MentorRating>();
    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();
    public DbSet<PerformanceReview> PerformanceReviews => Set<PerformanceReview>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<KpiMeasurement> KpiMeasurements => Set<KpiMeasurement>();
    public DbSet<StoredObservation> StoredObservations => Set<StoredObservation>();
    public DbSet<LearnerScoreRecord> LearnerScores => Set<LearnerScoreRecord>();
    public DbSet<LearningHealthSnapshot> HealthSnapshots => Set<LearningHealthSnapshot>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<RoiAssumption> RoiAssumptions => Set<RoiAssumption>();
    public DbSet<PromotionDecision> PromotionDecisions => Set<PromotionDecision>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditTrail => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>Off only for bulk loads that write their own summary entry (the demo generator).</summary>
    public bool AuditingEnabled { get; set; } = true;

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
        if (ChangeTracker.AutoDetectChangesEnabled)
            ChangeTracker.DetectChanges();
        var entries = ChangeTracker.Entries().ToList();
        GuardAppendOnly(entries);
        BumpRevisions(entries);
        var pending = AuditingEnabled ? CaptureAudit(entries) : [];
        var added = entries.Where(e => e is { State: EntityState.Added, Entity: AuditEntry }).Select(e => (AuditEntry)e.Entity).ToList();
        // One actor and one instant for every line of the save; asked only when there is something to audit.
        var by = CurrentActor.System;
        var at = default(DateTime);
        if (pending.Count > 0 || added.Count > 0)
        {
            by = CurrentActor.Normalize(await actor.GetNameAsync());
            at = clock.GetUtcNow().UtcDateTime;
        }
        foreach (var line in added)
        {
            line.Actor = by;
            line.At = at;
        }

        try
        {
            if (pending.Count == 0)
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

            // Generated keys exist only after the first save; both saves share one transaction so the
            // change and its audit lines are written together or not at all.
            var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            await using (own)
            {
                var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                AuditTrail.AddRange(pending.SelectMany(p => p.Complete(by, at)));
                await base.SaveChangesAsync(true, cancellationToken);
                if (own is not null)
                    await own.CommitAsync(cancellationToken);
                return written;
            }
        }
        catch (DbUpdateException ex)
        {
            var reader = DatabaseProviderSetup.ErrorReaderFor(Database);
            throw DataErrorTranslator.Translate(ex, reader, Model);
        }
    }

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

    private static void GuardAppendOnly(List<EntityEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Entity is IAppendOnly && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new DataValidationException($"A {DataErrorTranslator.Words(entry.Metadata.ClrType.Name)} is history: it cannot be changed or deleted, only followed by a new one.");
        }
    }

    private static void BumpRevisions(List<EntityEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry is { State: EntityState.Modified, Entity: IConcurrencyVersioned versioned })
            {
                var original = (int)entry.Property(nameof(IConcurrencyVersioned.Revision)).OriginalValue!;
                versioned.Revision = original + 1;
            }
        }
    }

    private static List<PendingAudit> CaptureAudit(List<EntityEntry> entries)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in entries)
        {
            if (entry.Entity is not IAudited || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var lines = new List<(string? Property, string? Old, string? New)>();
            switch (entry.State)
            {
                case EntityState.Added:
                    lines.Add((null, null, Snapshot(entry, current: true)));
                    break;
                case EntityState.Deleted:
                    lines.Add((null, Snapshot(entry, current: false), null));
                    break;
                default:
                    foreach (var property in entry.Properties)
                    {
                        if (!property.IsModified || property.Metadata.Name == nameof(IConcurrencyVersioned.Revision))
                            continue;
                        var old = Format(property.OriginalValue);
                        var now = Format(property.CurrentValue);
                        if (old != now)
                            lines.Add((property.Metadata.Name, old, now));
                    }
                    break;
            }
            if (lines.Count > 0)
                pending.Add(new PendingAudit(entry, entry.State switch
                {
                    EntityState.Added => AuditAction.Added,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Modified,
                }, lines));
        }
        return pending;
    }

    private static string Snapshot(EntityEntry entry, bool current)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey())
                continue;
            values[property.Metadata.Name] = Format(current ? property.CurrentValue : property.OriginalValue);
        }
        return JsonSerializer.Serialize(values, AuditJson.Options);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        System.Collections.IEnumerable items => JsonSerializer.Serialize(items, AuditJson.Options),
        _ => value.ToString(),
    };

    private sealed record PendingAudit(EntityEntry Entry, AuditAction Action, List<(string? Property, string? Old, string? New)> Lines)
    {
        public IEnumerable<AuditEntry> Complete(string actor, DateTime at)
        {
            var key = string.Join(",", Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(Entry.Property(p.Name).CurrentValue)));
            return Lines.Select(l => new AuditEntry
            {
                At = at,
                Actor = actor,
                EntityType = Entry.Metadata.ClrType.Name,
                EntityKey = key,
                Action = Action,
                Property = l.Property,
                OldValue = l.Old,
                NewValue = l.New,
            });
        }
    }
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
