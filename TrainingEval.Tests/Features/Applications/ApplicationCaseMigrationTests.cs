using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Applications;

/// <summary>
/// The application-cases migration on a database that predates it: the application events already there are records of a
/// system of record, so they come out confirmed (and keep counting); the reviewer column gets its foreign key in place.
/// </summary>
public sealed class ApplicationCaseMigrationTests : SqliteMigrationTest
{
    /// <summary>The last migration before application cases.</summary>
    private const string Before = "20261207145905_SavedViews";

    [Fact]
    public async Task Existing_application_events_are_confirmed_and_the_reviewer_is_a_mentor_reference()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before, Ct);
            // Only the application events matter here: the enrollment they name need not exist for this check.
            await db.Database.ExecuteSqlRawAsync("""
                PRAGMA foreign_keys = OFF;
                INSERT INTO "ApplicationEvents" ("Id", "EnrollmentId", "OccurredOn", "Description", "IsKeyEvent") VALUES (7, 1, '2026-05-01', '导入的应用', 1);
                PRAGMA foreign_keys = ON;
                """, Ct);
            await db.Database.MigrateAsync(Ct);
        }

        await using var check = Context();
        (await check.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        var row = await check.ApplicationEvents.AsNoTracking().SingleAsync(Ct);
        row.ShouldSatisfyAllConditions(
            r => r.Id.ShouldBe(7),
            r => r.Description.ShouldBe("导入的应用"),
            r => r.Status.ShouldBe(ApplicationCaseStatus.Confirmed),
            r => r.SubmittedAt.ShouldBeNull(),
            r => r.ReviewedByMentorId.ShouldBeNull(),
            r => r.Revision.ShouldBe(0));
        var keys = await check.Database.SqlQueryRaw<string>("""SELECT "table" || ':' || "from" || ':' || "on_delete" AS "Value" FROM pragma_foreign_key_list('ApplicationEvents')""").ToListAsync(Ct);
        keys.ShouldContain("Mentors:ReviewedByMentorId:SET NULL");
        keys.ShouldContain("Enrollments:EnrollmentId:CASCADE");
    }
}
