using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class CohortSessionConfiguration : IEntityTypeConfiguration<CohortSession>
{
    public void Configure(EntityTypeBuilder<CohortSession> b)
    {
        b.ToTable(t =>
        {
            t.HasCheck(DataChecks.SessionDuration);
            t.HasCheck(DataChecks.SessionTimes);
        });
        b.Property(s => s.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(s => s.NameEn).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(s => s.Place).HasMaxLength(CohortSession.PlaceMaxLength);
        b.Property(s => s.CheckInCode).HasMaxLength(CohortSession.CheckInCodeLength);
        b.HasIndex(s => s.CheckInCode).IsUnique();
        b.HasIndex(s => new { s.CohortId, s.Sequence }).IsUnique();
        b.HasOne(s => s.Cohort).WithMany(c => c.Sessions).HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> b)
    {
        b.HasIndex(a => new { a.SessionId, a.EnrollmentId }).IsUnique();
        b.Property(a => a.MarkedBy).HasMaxLength(AttendanceRecord.MarkedByMaxLength);
        b.Property(a => a.Revision).IsConcurrencyToken();
        b.HasIndex(a => a.EnrollmentId);
        b.HasOne(a => a.Session).WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Enrollment).WithMany().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.AssignmentMax));
        b.Property(a => a.Code).HasMaxLength(Assignment.CodeMaxLength);
        b.Property(a => a.CodeKey).HasMaxLength(Assignment.CodeMaxLength);
        b.HasIndex(a => new { a.CohortId, a.CodeKey }).IsUnique();
        b.Property(a => a.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(a => a.NameEn).HasMaxLength(Bilingual.NameMaxLength);
        b.HasOne(a => a.Cohort).WithMany(c => c.Assignments).HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.SubmissionScore));
        b.HasIndex(s => new { s.AssignmentId, s.EnrollmentId }).IsUnique();
        b.HasIndex(s => s.EnrollmentId);
        b.HasOne(s => s.Assignment).WithMany().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Enrollment).WithMany().HasForeignKey(s => s.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.ToTable(t =>
        {
            t.HasCheck(DataChecks.AssessmentMax);
            t.HasCheck(DataChecks.AssessmentPassLine);
        });
        b.Property(a => a.Code).HasMaxLength(Assessment.CodeMaxLength);
        b.Property(a => a.CodeKey).HasMaxLength(Assessment.CodeMaxLength);
        b.HasIndex(a => new { a.CohortId, a.CodeKey }).IsUnique();
        b.Property(a => a.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(a => a.NameEn).HasMaxLength(Bilingual.NameMaxLength);
        b.HasOne(a => a.Cohort).WithMany(c => c.Assessments).HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.ResultScore));
        b.HasIndex(r => new { r.AssessmentId, r.EnrollmentId }).IsUnique();
        b.HasIndex(r => r.EnrollmentId);
        b.HasOne(r => r.Assessment).WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Enrollment).WithMany().HasForeignKey(r => r.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SatisfactionSurveyConfiguration : IEntityTypeConfiguration<SatisfactionSurvey>
{
    public void Configure(EntityTypeBuilder<SatisfactionSurvey> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.SurveyItems));
        b.Property(s => s.Code).HasMaxLength(SatisfactionSurvey.CodeMaxLength);
        b.Property(s => s.CodeKey).HasMaxLength(SatisfactionSurvey.CodeMaxLength);
        b.HasIndex(s => new { s.CohortId, s.CodeKey }).IsUnique();
        b.Property(s => s.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(s => s.NameEn).HasMaxLength(Bilingual.NameMaxLength);
        b.HasOne(s => s.Cohort).WithMany(c => c.Surveys).HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyItemConfiguration : IEntityTypeConfiguration<SurveyItem>
{
    public void Configure(EntityTypeBuilder<SurveyItem> b)
    {
        b.HasIndex(i => new { i.SurveyId, i.Position }).IsUnique();
        b.Property(i => i.Text).HasMaxLength(SurveyItem.TextMaxLength);
        b.Property(i => i.TextEn).HasMaxLength(SurveyItem.TextMaxLength);
        b.HasOne(i => i.Survey).WithMany(s => s.Items).HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.HasIndex(r => new { r.SurveyId, r.EnrollmentId, r.Respondent }).IsUnique();
        b.HasIndex(r => r.EnrollmentId);
        b.Property(r => r.Comment).HasMaxLength(Bilingual.TextMaxLength);
        b.HasOne(r => r.Survey).WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Enrollment).WithMany().HasForeignKey(r => r.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.InteractionCount));
        b.Property(i => i.Count).HasDefaultValue(1);
        b.HasIndex(i => new { i.EnrollmentId, i.OccurredAt });
        b.HasOne(i => i.Enrollment).WithMany().HasForeignKey(i => i.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
