using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.Recipient).HasMaxLength(OutboxMessage.RecipientMaxLength);
        b.Property(m => m.Culture).HasMaxLength(OutboxMessage.CultureMaxLength);
        b.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        b.Property(m => m.Link).HasMaxLength(OutboxMessage.LinkMaxLength);
        b.Property(m => m.UnsubscribeLink).HasMaxLength(OutboxMessage.LinkMaxLength * 2);
        b.Property(m => m.Attachment).HasMaxLength(OutboxMessage.AttachmentMaxLength);
        b.Property(m => m.BatchKey).HasMaxLength(OutboxMessage.BatchKeyMaxLength);
        b.Property(m => m.DedupeKey).HasMaxLength(OutboxMessage.DedupeKeyMaxLength);
        b.Property(m => m.LeaseToken).HasMaxLength(40);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        b.HasIndex(m => m.DedupeKey).IsUnique();
        // The sender's claim: due pending messages and expired leases, oldest first.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.LeaseToken);
        b.HasIndex(m => m.BatchKey);
        b.HasIndex(m => m.AlertId);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NotificationProfileConfiguration : IEntityTypeConfiguration<NotificationProfile>
{
    public void Configure(EntityTypeBuilder<NotificationProfile> b)
    {
        b.HasKey(p => p.UserId);
        b.Property(p => p.Culture).HasMaxLength(OutboxMessage.CultureMaxLength);
        b.Property(p => p.Email).HasMaxLength(Learner.EmailMaxLength);
        b.Property(p => p.WebhookProtected).HasMaxLength(NotificationProfile.WebhookMaxLength);
        b.HasOne<UserAccount>().WithOne().HasForeignKey<NotificationProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasIndex(p => new { p.UserId, p.Topic }).IsUnique();
        b.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportSubscriptionConfiguration : IEntityTypeConfiguration<ReportSubscription>
{
    public void Configure(EntityTypeBuilder<ReportSubscription> b)
    {
        b.HasIndex(s => new { s.UserId, s.CohortId }).IsUnique();
        b.HasIndex(s => s.NextDueAt);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Cohort).WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
