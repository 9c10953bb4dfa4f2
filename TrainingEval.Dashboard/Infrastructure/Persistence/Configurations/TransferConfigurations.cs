using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class MentorRatingConfiguration : IEntityTypeConfiguration<MentorRating>
{
    public void Configure(EntityTypeBuilder<MentorRating> b)
    {
        b.ToTable(t =>
        {
            t.HasCheck(DataChecks.RatingScore);
            t.HasCheck(DataChecks.RatingSequence);
        });
        b.Property(r => r.Dimension).HasMaxLength(MentorRating.DimensionMaxLength);
        b.Property(r => r.Comment).HasMaxLength(MentorRating.CommentMaxLength);
        // The optimistic-concurrency guard of the append-only history: see MentorRating.
        b.HasIndex(r => new { r.EnrollmentId, r.Dimension, r.Sequence }).IsUnique();
        b.HasOne(r => r.Enrollment).WithMany().HasForeignKey(r => r.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Mentor).WithMany().HasForeignKey(r => r.MentorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        b.Property(a => a.Description).HasMaxLength(Bilingual.TextMaxLength);
        b.Property(a => a.DescriptionEn).HasMaxLength(Bilingual.TextMaxLength);
        b.Property(a => a.Result).HasMaxLength(Bilingual.TextMaxLength);
        b.Property(a => a.ReviewNote).HasMaxLength(Bilingual.TextMaxLength);
        b.Property(a => a.Revision).IsConcurrencyToken();
        b.HasIndex(a => new { a.EnrollmentId, a.OccurredOn });
        // The mentor workspace's "cases waiting" list.
        b.HasIndex(a => a.Status);
        b.HasOne(a => a.Enrollment).WithMany().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        // A mentor who leaves takes nothing with them: the confirmation stays (and its audit lines name them).
        b.HasOne(a => a.ReviewedByMentor).WithMany().HasForeignKey(a => a.ReviewedByMentorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PerformanceReviewConfiguration : IEntityTypeConfiguration<PerformanceReview>
{
    public void Configure(EntityTypeBuilder<PerformanceReview> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.ReviewRatings));
        b.Property(r => r.Reviewer).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(r => r.Comment).HasMaxLength(Bilingual.TextMaxLength);
        b.HasIndex(r => new { r.LearnerId, r.ReviewedOn });
        b.Property(r => r.Period).HasMaxLength(PerformanceReview.PeriodMaxLength);
        // The import's natural key; reviews written before periods existed have none (NULLs never collide).
        b.HasIndex(r => new { r.LearnerId, r.Period }).IsUnique();
        b.HasOne(r => r.Cohort).WithMany().HasForeignKey(r => r.CohortId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(r => r.Learner).WithMany(l => l.PerformanceReviews).HasForeignKey(r => r.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
