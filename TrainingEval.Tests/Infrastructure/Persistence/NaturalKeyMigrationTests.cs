using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Infrastructure.Persistence;

/// <summary>
/// Spec section 9 on a database that predates it: the natural-key migration merges nothing silently. A database holding
/// the same code in two letter cases is refused before anything changes, with the records named; one without is
/// migrated with every key computed by .NET's rule (also for letters SQLite's UPPER does not fold).
/// </summary>
public sealed class NaturalKeyMigrationTests : IAsyncLifetime
{
    /// <summary>The last migration before the natural keys.</summary>
    private const string Before = "20261129221039_ReportAssumptionsAndPromotionDecisions";

    private SqliteConnection _connection = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _connection = new SqliteConnection(DatabaseProviderSetup.SqliteConnectionString(":memory:"));
        await _connection.OpenAsync(Ct);
        await using var db = Context();
        await db.GetService<IMigrator>().MigrateAsync(Before, Ct);
        await Execute(db, """
            INSERT INTO "Departments" ("Id", "Code", "Name") VALUES (1, 'PRD', '生产部');
            INSERT INTO "Programs" ("Id", "Code", "Name", "CurrentProfileVersion", "Revision") VALUES (1, 'LEAN', '精益', 1, 0);
            INSERT INTO "Learners" ("Id", "EmployeeNumber", "Name", "DepartmentId", "Position") VALUES (1, 'HX0001', '甲', 1, 'x');
            INSERT INTO "Learners" ("Id", "EmployeeNumber", "Name", "DepartmentId", "Position") VALUES (2, 'é002', '乙', 1, 'x');
            """);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private TrainingDbContext Context() =>
        new(new DbContextOptionsBuilder<TrainingDbContext>().UseSqlite(_connection).Options, new CurrentActor(), TimeProvider.System);

    private static Task<int> Execute(TrainingDbContext db, string sql) => db.Database.ExecuteSqlRawAsync(sql, Ct);

    [Fact]
    public async Task Case_duplicates_stop_the_migration_and_are_named_with_nothing_changed()
    {
        await using var db = Context();
        await Execute(db, """
            INSERT INTO "Learners" ("Id", "EmployeeNumber", "Name", "DepartmentId", "Position") VALUES (3, ' hx0001', '丙', 1, 'x');
            INSERT INTO "Programs" ("Id", "Code", "Name", "CurrentProfileVersion", "Revision") VALUES (2, 'lean', '精益（重复）', 1, 0);
            """);

        var ex = await Should.ThrowAsync<CaseDuplicatesException>(() => TrainingDataHosting.MigrateAsync(db, Ct));

        ex.Duplicates.Select(d => (d.Table, d.Key, string.Join(" | ", d.Records.Select(r => $"{r.Id}:{r.Written}")))).ShouldBe(
        [
            ("Programs", "LEAN", "1:LEAN | 2:lean"),
            ("Learners", "HX0001", "1:HX0001 | 3: hx0001"),
        ]);
        ex.Message.ShouldContain("Learners.EmployeeNumber HX0001: 'HX0001' (Id 1), ' hx0001' (Id 3)");
        ex.Message.ShouldContain("Nothing was changed");
        (await db.Database.GetAppliedMigrationsAsync(Ct)).Last().ShouldBe(Before);
        (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"Learners\"").SingleAsync(Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task Without_duplicates_the_keys_are_filled_and_lookups_ignore_case()
    {
        await using (var db = Context())
            await TrainingDataHosting.MigrateAsync(db, Ct);

        await using var check = Context();
        (await check.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        var learners = await check.Learners.OrderBy(l => l.Id).Select(l => new { l.EmployeeNumber, l.EmployeeNumberKey }).ToListAsync(Ct);
        // The spelling stays as stored; the key folds é as .NET does, which SQLite's UPPER would not.
        learners.Select(l => (l.EmployeeNumber, l.EmployeeNumberKey)).ShouldBe([("HX0001", "HX0001"), ("é002", "É002")]);
        (await check.Programs.SingleAsync(p => p.CodeKey == "LEAN", Ct)).Code.ShouldBe("LEAN");
        check.Learners.Add(new Learner { EmployeeNumber = "hx0001 ", Name = "丁", DepartmentId = 1, Position = "x" });
        var refused = await Should.ThrowAsync<DuplicateValueException>(() => check.SaveChangesAsync(Ct));
        refused.Message.ShouldBe("Another learner already has the employee number 'hx0001 '.");
    }
}
