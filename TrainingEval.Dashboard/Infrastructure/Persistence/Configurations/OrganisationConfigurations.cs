using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Code).HasMaxLength(Department.CodeMaxLength);
        b.HasIndex(d => d.Code).IsUnique();
        b.Property(d => d.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(d => d.NameEn).HasMaxLength(Bilingual.NameMaxLength);
    }
}

internal sealed class MentorConfiguration : IEntityTypeConfiguration<Mentor>
{
    public void Configure(EntityTypeBuilder<Mentor> b)
    {
        b.Property(m => m.EmployeeNumber).HasMaxLength(Learner.EmployeeNumberMaxLength);
        b.Property(m => m.EmployeeNumberKey).HasMaxLength(Learner.EmployeeNumberMaxLength);
        b.HasIndex(m => m.EmployeeNumberKey).IsUnique();
        b.Property(m => m.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(m => m.NameEn).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(m => m.Title).HasMaxLength(Learner.PositionMaxLength);
        b.Property(m => m.TitleEn).HasMaxLength(Learner.PositionMaxLength);
        b.HasOne(m => m.Department).WithMany(d => d.Mentors).HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LearnerConfiguration : IEntityTypeConfiguration<Learner>
{
    public void Configure(EntityTypeBuilder<Learner> b)
    {
        b.Property(l => l.EmployeeNumber).HasMaxLength(Learner.EmployeeNumberMaxLength);
        // Spec section 9: employee numbers match ignoring case and surrounding spaces, so the key is what is unique.
        b.Property(l => l.EmployeeNumberKey).HasMaxLength(Learner.EmployeeNumberMaxLength);
        b.HasIndex(l => l.EmployeeNumberKey).IsUnique();
        b.Property(l => l.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(l => l.NameEn).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(l => l.Position).HasMaxLength(Learner.PositionMaxLength);
        b.Property(l => l.PositionEn).HasMaxLength(Learner.PositionMaxLength);
        b.Property(l => l.Email).HasMaxLength(Learner.EmailMaxLength);
        b.HasOne(l => l.Department).WithMany(d => d.Learners).HasForeignKey(l => l.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        // A mentor leaving does not delete their mentees; they just have no standing mentor.
        b.HasOne(l => l.Mentor).WithMany(m => m.Mentees).HasForeignKey(l => l.MentorId).OnDelete(DeleteBehavior.SetNull);
    }
}
