using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ExamQuestionConfiguration : IEntityTypeConfiguration<ExamQuestion>
{
    public void Configure(EntityTypeBuilder<ExamQuestion> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.QuestionPoints));
        b.Property(q => q.Text).HasMaxLength(Bilingual.TextMaxLength);
        b.Property(q => q.TextEn).HasMaxLength(Bilingual.TextMaxLength);
        b.Property(q => q.Revision).IsConcurrencyToken();
        b.HasIndex(q => q.ProgramId);
        b.HasOne(q => q.Program).WithMany().HasForeignKey(q => q.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamPaperConfiguration : IEntityTypeConfiguration<ExamPaper>
{
    public void Configure(EntityTypeBuilder<ExamPaper> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.PaperLimits));
        b.Property(p => p.Revision).IsConcurrencyToken();
        b.HasIndex(p => p.AssessmentId).IsUnique();
        b.HasOne(p => p.Assessment).WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamPaperQuestionConfiguration : IEntityTypeConfiguration<ExamPaperQuestion>
{
    public void Configure(EntityTypeBuilder<ExamPaperQuestion> b)
    {
        b.HasIndex(q => new { q.PaperId, q.QuestionId }).IsUnique();
        b.HasIndex(q => q.QuestionId);
        b.HasOne(q => q.Paper).WithMany(p => p.Questions).HasForeignKey(q => q.PaperId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(q => q.Question).WithMany().HasForeignKey(q => q.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamRubricCriterionConfiguration : IEntityTypeConfiguration<ExamRubricCriterion>
{
    public void Configure(EntityTypeBuilder<ExamRubricCriterion> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.CriterionPoints));
        b.Property(c => c.Name).HasMaxLength(Bilingual.NameMaxLength);
        b.Property(c => c.NameEn).HasMaxLength(Bilingual.NameMaxLength);
        b.HasIndex(c => new { c.PaperId, c.Sequence }).IsUnique();
        b.HasOne(c => c.Paper).WithMany(p => p.Criteria).HasForeignKey(c => c.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamRubricScoreConfiguration : IEntityTypeConfiguration<ExamRubricScore>
{
    public void Configure(EntityTypeBuilder<ExamRubricScore> b)
    {
        b.ToTable(t => t.HasCheck(DataChecks.RubricScorePoints));
        b.Property(s => s.GradedBy).HasMaxLength(ExamRubricScore.GradedByMaxLength);
        b.Property(s => s.Revision).IsConcurrencyToken();
        b.HasIndex(s => new { s.CriterionId, s.EnrollmentId }).IsUnique();
        b.HasIndex(s => s.EnrollmentId);
        b.HasOne(s => s.Criterion).WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Enrollment).WithMany().HasForeignKey(s => s.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamAttemptConfiguration : IEntityTypeConfiguration<ExamAttempt>
{
    public void Configure(EntityTypeBuilder<ExamAttempt> b)
    {
        b.Property(a => a.Revision).IsConcurrencyToken();
        // One row per attempt number: two starts racing for the same number cannot both land.
        b.HasIndex(a => new { a.AssessmentId, a.EnrollmentId, a.Number }).IsUnique();
        b.HasIndex(a => a.EnrollmentId);
        b.HasOne(a => a.Assessment).WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Enrollment).WithMany().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamAnswerConfiguration : IEntityTypeConfiguration<ExamAnswer>
{
    public void Configure(EntityTypeBuilder<ExamAnswer> b)
    {
        b.Property(a => a.Response).HasMaxLength(ExamAnswer.ResponseMaxLength);
        b.HasIndex(a => new { a.AttemptId, a.QuestionId }).IsUnique();
        b.HasIndex(a => a.QuestionId);
        b.HasOne(a => a.Attempt).WithMany(t => t.Answers).HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
        // A question answered in an attempt stays (the bank page says why it cannot be deleted); NO ACTION rather than
        // RESTRICT so that deleting a whole program, whose cohorts' attempts go in the same statement, still works.
        b.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.NoAction);
    }
}
