using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class TrainingProgramConfiguration : IEntityTypeConfiguration<TrainingProgram>
{
    public void Configure(EntityTypeBuilder<TrainingProgram> b)
    {
        b.ToTable("Programs");
        b.Property(p => p.Code).HasMaxLength(TrainingProgram.CodeMaxLength);
        b.Property(p => p.CodeKey).HasMaxLength(TrainingProgram.CodeMaxLength);
        b.HasIndex(p => p.CodeKey).IsUnique();
        b.Property(p => p.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(p => p.NameEn).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(p => p.Category).HasMaxLength(TrainingProgram.CategoryMaxLength);
        b.Property(p => p.Description).HasMaxLength(Bilingual.TextMaxLength);
        b.Property(p => p.DescriptionEn).HasMaxLength(Bilingual.TextMaxLength);
        b.Property(p => p.Revision).IsConcurrencyToken();
    }
}

internal sealed class WeightProfileVersionConfiguration : IEntityTypeConfiguration<WeightProfileVersion>
{
    public void Configure(EntityTypeBuilder<WeightProfileVersion> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.ProfileVersion));
        b.Property(v => v.Name).HasMaxLength(WeightProfile.NameMaxLength);
        b.Property(v => v.CreatedBy).HasMaxLength(AuditEntry.ActorMaxLength);
        b.Property(v => v.ChangeNote).HasMaxLength(WeightProfileVersion.ChangeNoteMaxLength);
        // Two writers basing a change on the same version both try version n + 1; this index refuses the second.
        b.HasIndex(v => new { v.ProgramId, v.Version }).IsUnique();
        b.HasOne(v => v.Program).WithMany(p => p.ProfileVersions).HasForeignKey(v => v.ProgramId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(v => v.Indicators, i =>
        {
            i.ToJson();
            i.Property(x => x.Code).HasMaxLength(IndicatorDefinition.CodeMaxLength);
        });
    }
}

internal sealed class ProgramCostItemConfiguration : IEntityTypeConfiguration<ProgramCostItem>
{
    public void Configure(EntityTypeBuilder<ProgramCostItem> b)
    {
        b.Property(c => c.Description).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(c => c.DescriptionEn).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(c => c.Amount).HasPrecision(18, 2);
        b.HasOne(c => c.Program).WithMany(p => p.CostItems).HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Cohort).WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> b)
    {
        b.Property(k => k.Code).HasMaxLength(Kpi.CodeMaxLength);
        b.Property(k => k.CodeKey).HasMaxLength(Kpi.CodeMaxLength);
        b.HasIndex(k => new { k.ProgramId, k.CodeKey }).IsUnique();
        b.Property(k => k.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(k => k.NameEn).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(k => k.Unit).HasMaxLength(Kpi.UnitMaxLength);
        b.Property(k => k.UnitEn).HasMaxLength(Kpi.UnitMaxLength);
        b.Property(k => k.ValuePerUnit).HasPrecision(18, 4);
        b.HasOne(k => k.Program).WithMany(p => p.Kpis).HasForeignKey(k => k.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KpiMeasurementConfiguration : IEntityTypeConfiguration<KpiMeasurement>
{
    public void Configure(EntityTypeBuilder<KpiMeasurement> b)
    {
        b.ToTable(t =>
        {
            t.HasCheck(DataChecks.KpiOwner);
            t.HasCheck(DataChecks.KpiTarget);
        });
        b.Property(m => m.Revision).IsConcurrencyToken();
        b.HasIndex(m => new { m.CohortId, m.KpiId });
        b.HasOne(m => m.Kpi).WithMany().HasForeignKey(m => m.KpiId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Cohort).WithMany().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Enrollment).WithMany().HasForeignKey(m => m.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Department).WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
