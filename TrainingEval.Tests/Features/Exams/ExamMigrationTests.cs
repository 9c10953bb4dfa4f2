using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Exams;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Exams;

/// <summary>
/// The exams migration on a database that predates it: it only adds tables, so the assessment results already there are
/// untouched; the new tables keep a question that was answered (NO ACTION) and go with their enrollment (CASCADE); a
/// question's options, right answers and knowledge points come back as written.
/// </summary>
public sealed class ExamMigrationTests : SqliteMigrationTest
{
    /// <summary>The last migration before exams.</summary>
    private const string Before = "20261208000613_ApplicationCases";

    [Fact]
    public async Task Existing_results_stay_and_the_exam_tables_keep_answered_questions_and_follow_their_enrollment()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before, Ct);
            // Only the result row matters here: the assessment and enrollment it names need not exist for this check.
            await db.Database.ExecuteSqlRawAsync("""
                PRAGMA foreign_keys = OFF;
                INSERT INTO "AssessmentResults" ("Id", "AssessmentId", "EnrollmentId", "Score", "PracticalScore") VALUES (3, 1, 1, 82.5, 40);
                """, Ct);
            await db.Database.MigrateAsync(Ct);
            db.ExamQuestions.Add(new ExamQuestion
            {
                ProgramId = 1,
                Kind = ExamQuestionKind.MultipleChoice,
                Text = "哪些做法有助于客户沟通？",
                TextEn = "Which help in talking with customers?",
                Options = ["倾听", "打断", "复述"],
                OptionsEn = ["Listening", "Interrupting", "Restating"],
                CorrectOptions = [0, 2],
                Difficulty = AssessmentDifficulty.Intermediate,
                Tags = ["沟通", "客户服务"],
            });
            await db.SaveChangesAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON;", Ct);
        }

        await using var check = Context();
        (await check.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        var result = await check.AssessmentResults.AsNoTracking().SingleAsync(Ct);
        result.ShouldSatisfyAllConditions(r => r.Score.ShouldBe(82.5), r => r.PracticalScore.ShouldBe(40));

        var question = await check.ExamQuestions.AsNoTracking().SingleAsync(Ct);
        question.ShouldSatisfyAllConditions(
            q => q.Options.ShouldBe(["倾听", "打断", "复述"]),
            q => q.OptionsEn.ShouldBe(["Listening", "Interrupting", "Restating"]),
            q => q.CorrectOptions.ShouldBe([0, 2]),
            q => q.Tags.ShouldBe(["沟通", "客户服务"]),
            q => q.Points.ShouldBe(ExamQuestion.DefaultPoints),
            q => q.Tolerance.ShouldBe(0));

        var answerKeys = await ForeignKeys(check, "ExamAnswers");
        answerKeys.ShouldContain("ExamQuestions:QuestionId:NO ACTION");
        answerKeys.ShouldContain("ExamAttempts:AttemptId:CASCADE");
        (await ForeignKeys(check, "ExamAttempts")).ShouldContain("Enrollments:EnrollmentId:CASCADE");
        (await ForeignKeys(check, "ExamRubricScores")).ShouldContain("Enrollments:EnrollmentId:CASCADE");
        (await ForeignKeys(check, "ExamPapers")).ShouldContain("Assessments:AssessmentId:CASCADE");
        (await ForeignKeys(check, "ExamQuestions")).ShouldContain("Programs:ProgramId:CASCADE");
    }

    [Fact]
    public async Task A_paper_with_no_time_or_no_attempt_and_a_question_worth_nothing_are_refused_by_the_database()
    {
        await using var db = Context();
        await db.Database.MigrateAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;", Ct);
        db.ExamPapers.Add(new ExamPaper { AssessmentId = 1, TimeLimitMinutes = 0 });
        (await Should.ThrowAsync<CheckConstraintException>(() => db.SaveChangesAsync(Ct))).Message.ShouldContain("at least one minute");
        db.ChangeTracker.Clear();
        db.ExamQuestions.Add(new ExamQuestion { ProgramId = 1, Text = "?", Points = 0 });
        (await Should.ThrowAsync<CheckConstraintException>(() => db.SaveChangesAsync(Ct))).Message.ShouldContain("more than 0 points");
    }

    private static Task<List<string>> ForeignKeys(TrainingDbContext db, string table) =>
        db.Database.SqlQueryRaw<string>("""SELECT "table" || ':' || "from" || ':' || "on_delete" AS "Value" FROM pragma_foreign_key_list({0})""", table).ToListAsync(Ct);
}
