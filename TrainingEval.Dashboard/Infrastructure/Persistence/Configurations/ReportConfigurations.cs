using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class RoiAssumptionConfiguration : IEntityTypeConfiguration<RoiAssumption>
{
    public void Configure(EntityTypeBuilder<RoiAssumption> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.RoiAssumptionRanges));
        b.Property(a => a.ValuePerUnit).HasPrecision(18, 2);
        b.Property(a => a.Note).HasMaxLength(RoiAssumption.NoteMaxLength);
        b.Property(a => a.UpdatedBy).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(a => a.Revision).IsConcurrencyToken();
        b.HasIndex(a => new { a.CohortId, a.KpiId }).IsUnique();
        b.HasOne(a => a.Cohort).WithMany().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Kpi).WithMany().HasForeignKey(a => a.KpiId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PromotionDecisionConfiguration : IEntityTypeConfiguration<PromotionDecision>
{
    public void Configure(EntityTypeBuilder<PromotionDecision> b)
    {
        b.Property(d => d.Note).HasMaxLength(PromotionDecision.NoteMaxLength);
        b.Property(d => d.DecidedBy).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(d => d.Revision).IsConcurrencyToken();
        b.HasIndex(d => new { d.LearnerId, d.CohortId }).IsUnique();
        b.HasOne(d => d.Learner).WithMany().HasForeignKey(d => d.LearnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Cohort).WithMany().HasForeignKey(d => d.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        b.Property(v => v.Name).HasMaxLength(SavedView.NameMaxLength);
        b.Property(v => v.Path).HasMaxLength(SavedView.PathMaxLength);
        b.Property(v => v.Query).HasMaxLength(SavedView.QueryMaxLength);
        b.Property(v => v.OwnerName).HasMaxLength(256);
        b.Property(v => v.SharedWithRole).HasMaxLength(32);
        b.Ignore(v => v.Url);
        b.HasIndex(v => new { v.Path, v.OwnerUserId });
        b.HasIndex(v => new { v.Path, v.SharedWithRole });
        b.HasOne<UserAccount>().WithMany().HasForeignKey(v => v.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
