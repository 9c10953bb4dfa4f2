using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Surveys;

/// <summary>
/// The survey-items migration on a database that predates it: surveys and responses already there (imported ones) survive
/// as they were — no items, their ratings untouched, each response the learner's own — and one response per learner and
/// survey stays the rule for the learners' answers.
/// </summary>
public sealed class SurveyItemsMigrationTests : SqliteMigrationTest
{
    /// <summary>The last migration before survey items.</summary>
    private const string Before = "20261208000613_ApplicationCases";

    [Fact]
    public async Task Existing_surveys_and_responses_survive_as_the_learners_own_without_items()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before, Ct);
            // Only the survey rows matter here: the cohort and enrollment they name need not exist for this check.
            await db.Database.ExecuteSqlRawAsync("""
                PRAGMA foreign_keys = OFF;
                INSERT INTO "Surveys" ("Id", "CohortId", "Code", "CodeKey", "Kind", "Name", "OpenedOn", "ItemCount") VALUES (3, 1, 'end', 'END', 0, '满意度', '2026-04-24', 4);
                INSERT INTO "SurveyResponses" ("Id", "SurveyId", "EnrollmentId", "SubmittedAt", "ItemScores", "Comment") VALUES (9, 3, 1, '2026-04-25 08:00:00', '[5,4,null,3]', '好');
                PRAGMA foreign_keys = ON;
                """, Ct);
            await db.Database.MigrateAsync(Ct);
        }

        await using var check = Context();
        (await check.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        var survey = await check.Surveys.AsNoTracking().Include(s => s.Items).SingleAsync(Ct);
        survey.ShouldSatisfyAllConditions(
            s => s.ItemCount.ShouldBe(4),
            s => s.Items.ShouldBeEmpty());
        var response = await check.SurveyResponses.AsNoTracking().SingleAsync(Ct);
        response.ShouldSatisfyAllConditions(
            r => r.Id.ShouldBe(9),
            r => r.ItemScores.ShouldBe([5, 4, null, 3]),
            r => r.Comment.ShouldBe("好"),
            r => r.Respondent.ShouldBe(SurveyRespondent.Learner),
            r => r.Choices.ShouldBeNull(),
            r => r.Texts.ShouldBeNull());
        var unique = await check.Database.SqlQueryRaw<string>("""SELECT "name" AS "Value" FROM pragma_index_list('SurveyResponses') WHERE "unique" = 1""").ToListAsync(Ct);
        unique.ShouldContain("IX_SurveyResponses_SurveyId_EnrollmentId_Respondent");
    }
}
