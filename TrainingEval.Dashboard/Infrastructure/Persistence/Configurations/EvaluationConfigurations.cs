using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class StoredObservationConfiguration : IEntityTypeConfiguration<StoredObservation>
{
    public void Configure(EntityTypeBuilder<StoredObservation> b)
    {
        b.Property(o => o.IndicatorCode).HasMaxLength(IndicatorDefinition.CodeMaxLength);
        b.Property(o => o.Source).HasMaxLength(StoredObservation.SourceMaxLength);
        b.Property(o => o.Measure).HasMaxLength(StoredObservation.MeasureMaxLength).HasDefaultValue("");
        // The import's natural key. SQLite treats NULL dates as distinct, so the importer also matches them itself.
        b.HasIndex(o => new { o.EnrollmentId, o.IndicatorCode, o.Measure, o.ObservedOn }).IsUnique();
        b.HasOne(o => o.Enrollment).WithMany().HasForeignKey(o => o.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LearnerScoreRecordConfiguration : IEntityTypeConfiguration<LearnerScoreRecord>
{
    public void Configure(EntityTypeBuilder<LearnerScoreRecord> b)
    {
        b.ToTable("LearnerScores", t => t.HasCheck(DataChecks.ScoreCoverage));
        b.Property(s => s.Problem).HasMaxLength(LearnerScoreRecord.ProblemMaxLength);
        b.Ignore(s => s.IsProvisional);
        b.HasIndex(s => s.EnrollmentId).IsUnique();
        b.HasIndex(s => new { s.CohortId, s.Rank });
        b.HasIndex(s => s.LearnerId);
        b.HasOne(s => s.Cohort).WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Enrollment).WithMany().HasForeignKey(s => s.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Learner).WithMany().HasForeignKey(s => s.LearnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.ProfileVersion).WithMany().HasForeignKey(s => s.ProfileVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LearningHealthSnapshotConfiguration : IEntityTypeConfiguration<LearningHealthSnapshot>
{
    public void Configure(EntityTypeBuilder<LearningHealthSnapshot> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.HealthIndex));
        b.HasIndex(s => new { s.LearnerId, s.IsoYear, s.IsoWeek }).IsUnique();
        b.HasOne(s => s.Learner).WithMany().HasForeignKey(s => s.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.Property(a => a.Detail).HasMaxLength(Alert.DetailMaxLength);
        b.Property(a => a.Suggestion).HasMaxLength(Alert.SuggestionMaxLength);
        b.Property(a => a.AcknowledgedBy).HasMaxLength(AuditEntry.ActorMaxLength);
        b.Property(a => a.ResolvedBy).HasMaxLength(AuditEntry.ActorMaxLength);
        b.Property(a => a.AcknowledgeNote).HasMaxLength(Alert.NoteMaxLength);
        b.Property(a => a.ResolutionNote).HasMaxLength(Alert.NoteMaxLength);
        b.Property(a => a.Revision).IsConcurrencyToken();
        b.Ignore(a => a.IsOpen);
        b.HasIndex(a => new { a.LearnerId, a.Type, a.Status });
        // "Not raised again while one is open", held by the database so two app instances cannot both raise it.
        b.HasIndex(a => new { a.LearnerId, a.Type }).IsUnique()
            .HasDatabaseName("IX_Alerts_OneOpenPerLearnerAndType")
            .HasFilter($"\"Status\" <> {(int)AlertStatus.Resolved}");
        b.HasIndex(a => new { a.LearnerId, a.Type, a.IsoYear, a.IsoWeek }).IsUnique()
            .HasDatabaseName("IX_Alerts_OnePerLearnerTypeAndWeek")
            .HasFilter("\"IsoYear\" IS NOT NULL");
        b.HasIndex(a => new { a.Status, a.RaisedAt });
        b.HasIndex(a => new { a.MentorId, a.Status });
        // Alerts are never deleted; they go only when the learner's whole history does.
        b.HasOne(a => a.Learner).WithMany().HasForeignKey(a => a.LearnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Enrollment).WithMany().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(a => a.Mentor).WithMany().HasForeignKey(a => a.MentorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasIndex(n => new { n.MentorId, n.ReadAt });
        b.HasIndex(n => n.AlertId);
        b.HasIndex(n => new { n.LearnerId, n.ReadAt });
        b.HasIndex(n => new { n.SurveyId, n.CreatedAt });
        b.HasIndex(n => new { n.MentorId, n.Kind, n.IsoYear, n.IsoWeek }).IsUnique()
            .HasDatabaseName("IX_Notifications_OneDigestPerMentorAndWeek")
            .HasFilter($"\"Kind\" = {(int)NotificationKind.WeeklyDigest}");
        b.HasOne(n => n.Mentor).WithMany().HasForeignKey(n => n.MentorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(n => n.Alert).WithMany().HasForeignKey(n => n.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditTrail");
        b.Property(a => a.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
        b.Property(a => a.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength);
        b.Property(a => a.EntityKey).HasMaxLength(AuditEntry.EntityKeyMaxLength);
        b.Property(a => a.Property).HasMaxLength(AuditEntry.PropertyMaxLength);
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
        b.HasIndex(a => a.At);
    }
}

internal sealed class PendingRecomputeConfiguration : IEntityTypeConfiguration<PendingRecompute>
{
    public void Configure(EntityTypeBuilder<PendingRecompute> b)
    {
        b.HasKey(p => p.CohortId);
        b.Property(p => p.CohortId).ValueGeneratedNever();
        b.HasOne(p => p.Cohort).WithMany().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
