using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.CohortDates));
        b.Property(c => c.Code).HasMaxLength(Cohort.CodeMaxLength);
        b.Property(c => c.CodeKey).HasMaxLength(Cohort.CodeMaxLength);
        b.Property(c => c.TrackedKinds).HasMaxLength(Cohort.TrackedKindsMaxLength);
        b.HasIndex(c => c.CodeKey).IsUnique();
        b.Property(c => c.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(c => c.NameEn).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.Ignore(c => c.IsClosed);
        b.HasIndex(c => new { c.ProgramId, c.StartDate });
        // A program with history cannot be deleted by accident.
        b.HasOne(c => c.Program).WithMany(p => p.Cohorts).HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.ProfileVersion).WithMany().HasForeignKey(c => c.ProfileVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CohortMentorConfiguration : IEntityTypeConfiguration<CohortMentor>
{
    public void Configure(EntityTypeBuilder<CohortMentor> b)
    {
        b.HasKey(cm => new { cm.CohortId, cm.MentorId });
        b.HasOne(cm => cm.Cohort).WithMany(c => c.Mentors).HasForeignKey(cm => cm.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(cm => cm.Mentor).WithMany().HasForeignKey(cm => cm.MentorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CohortTrainerConfiguration : IEntityTypeConfiguration<CohortTrainer>
{
    public void Configure(EntityTypeBuilder<CohortTrainer> b)
    {
        b.HasKey(ct => new { ct.CohortId, ct.UserId });
        b.HasIndex(ct => ct.UserId);
        b.HasOne(ct => ct.Cohort).WithMany(c => c.Trainers).HasForeignKey(ct => ct.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Security.UserAccount>().WithMany().HasForeignKey(ct => ct.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> b)
    {
        b.HasIndex(e => new { e.CohortId, e.LearnerId }).IsUnique();
        b.HasIndex(e => e.LearnerId);
        // Enrollments carry a learner's history: neither a cohort nor a learner that still has them can be deleted.
        b.HasOne(e => e.Cohort).WithMany(c => c.Enrollments).HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Learner).WithMany(l => l.Enrollments).HasForeignKey(e => e.LearnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Mentor).WithMany().HasForeignKey(e => e.MentorId).OnDelete(DeleteBehavior.SetNull);
    }
}
