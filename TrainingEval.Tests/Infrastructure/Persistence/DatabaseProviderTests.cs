using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Search;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence.Postgres;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Infrastructure.Persistence;

/// <summary>
/// The same data behaviour on both providers (issue 18): each test runs on SQLite and on a real PostgreSQL
/// (<see cref="PostgresServer"/>), on a fresh database migrated with that provider's own migration set.
/// </summary>
public sealed class DatabaseProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_migration_is_applied_and_the_model_has_no_changes_without_a_migration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        db.GetType().ShouldBe(provider == DatabaseProvider.Postgres ? typeof(PostgresTrainingDbContext) : typeof(TrainingDbContext));
        (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(Ct)).ShouldNotBeEmpty();
        // An entity changed without a migration for this provider fails here (README: adding a migration for both providers).
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_date_and_time_reads_back_as_written_whatever_its_kind(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = await TestData.CreateAsync(database);
        var utc = new DateTime(2026, 3, 5, 8, 30, 15, DateTimeKind.Utc);
        await using (var db = database.CreateContext())
        {
            db.MentorRatings.Add(new MentorRating { EnrollmentId = data[0].Id, MentorId = data.Mentor.Id, Dimension = "attitude", Score = 4, RatedAt = utc, Sequence = 1 });
            db.MentorRatings.Add(new MentorRating { EnrollmentId = data[1].Id, MentorId = data.Mentor.Id, Dimension = "attitude", Score = 3, RatedAt = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), Sequence = 1 });
            await db.SaveChangesAsync(Ct);
        }

        await using var check = database.CreateContext();
        var stored = await check.MentorRatings.OrderBy(r => r.EnrollmentId).Select(r => r.RatedAt).ToListAsync(Ct);
        stored.ShouldBe([utc, utc]);
        stored.ShouldAllBe(d => d.Kind == DateTimeKind.Unspecified);
        // A UTC parameter compares with the stored wall-clock value.
        (await check.MentorRatings.CountAsync(r => r.RatedAt >= utc && r.RatedAt < utc.AddSeconds(1), Ct)).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_ignores_letter_case_in_names_employee_numbers_and_codes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = await TestData.CreateAsync(database);
        await using (var db = database.CreateContext())
        {
            db.Learners.Add(new Learner { EmployeeNumber = "HX0001", Name = "黄晓明", NameEn = "Huang Xiaoming", DepartmentId = data.Department.Id, Position = "技师" });
            db.Learners.Add(new Learner { EmployeeNumber = "HX0002", Name = "Anna Müller", NameEn = "Anna Mueller", DepartmentId = data.Department.Id, Position = "工程师" });
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        async Task<List<string>> Learners(string text) =>
            await SearchMatching.Learners(read.Learners, text).OrderBy(l => l.EmployeeNumberKey).Select(l => l.EmployeeNumber).ToListAsync(Ct);
        (await Learners("hx0001")).ShouldBe(["HX0001"]);
        (await Learners("huang xiaoming")).ShouldBe(["HX0001"]);
        (await Learners("HUANGXIAO")).ShouldBe(["HX0001"]);
        (await Learners("anna mueller")).ShouldBe(["HX0002"]);
        (await Learners("hx")).ShouldBe(["HX0001", "HX0002"]);
        // LIKE's wildcards in the text are taken literally.
        (await Learners("hx%")).ShouldBeEmpty();
        (await SearchMatching.Cohorts(read.Cohorts, "lean-1").Select(c => c.Code).ToListAsync(Ct)).ShouldBe(["LEAN-1"]);
        (await SearchMatching.Programs(read.Programs, "lean").Select(p => p.Code).ToListAsync(Ct)).ShouldBe(["LEAN"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Constraint_errors_read_the_same_on_both_providers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = await TestData.CreateAsync(database);

        await using (var db = database.CreateContext())
        {
            // The natural key matches ignoring case and spaces (spec section 9): " e001" is E001.
            db.Learners.Add(new Learner { EmployeeNumber = " e001", Name = "重复", DepartmentId = data.Department.Id, Position = "x" });
            var duplicate = await Should.ThrowAsync<DuplicateValueException>(() => db.SaveChangesAsync(Ct));
            duplicate.Message.ShouldBe("Another learner already has the employee number ' e001'.");
            duplicate.Field.ShouldBe("employee number");
        }
        await using (var db = database.CreateContext())
        {
            db.Cohorts.Remove(await db.Cohorts.SingleAsync(c => c.Id == data.Cohort.Id, Ct));
            var referenced = await Should.ThrowAsync<ReferenceConstraintException>(() => db.SaveChangesAsync(Ct));
            referenced.Message.ShouldBe("This cohort cannot be deleted because other records still refer to it.");
        }
        await using (var db = database.CreateContext())
        {
            db.Learners.Add(new Learner { EmployeeNumber = "E900", Name = "无部门", DepartmentId = 999_999, Position = "x" });
            var missing = await Should.ThrowAsync<ReferenceConstraintException>(() => db.SaveChangesAsync(Ct));
            missing.Message.ShouldBe("This learner refers to a record that does not exist (it may just have been deleted).");
        }
        await using (var db = database.CreateContext())
        {
            db.MentorRatings.Add(new MentorRating { EnrollmentId = data[0].Id, MentorId = data.Mentor.Id, Dimension = "initiative", Score = 6, RatedAt = DateTime.UtcNow, Sequence = 1 });
            var check = await Should.ThrowAsync<CheckConstraintException>(() => db.SaveChangesAsync(Ct));
            check.Message.ShouldBe("A mentor rating is a whole number from 1 to 5.");
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_imported_file_is_stored_and_its_cohort_rescored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0)));
        var data = await TestData.CreateAsync(database);
        var import = ImportTestKit.Service(database);

        var result = await import.ImportCsvAsync(ImportKind.Observations, """
            cohort_code,employee_no,indicator,value,baseline,target,measure,observed_on
            lean-1,e001,satisfaction,4.2,,,end survey,2026-04-24
            LEAN-1,E001,knowledge_gain,85,40,,,
            LEAN-1,E002,kpi,12,20,10,scrap rate,2026-06-30
            LEAN-1,E002,kpi,0.5,1,0,downtime,2026-06-30
            """);

        result.Errors.ShouldBeEmpty();
        (result.RowsRead, result.Created, result.Updated).ShouldBe((4, 4, 0));
        result.RecomputedCohorts.ShouldBe(["LEAN-1"]);
        await using var db = database.CreateContext();
        var scrap = await db.StoredObservations.SingleAsync(o => o.Measure == "scrap rate", Ct);
        (scrap.EnrollmentId, scrap.Value, scrap.Baseline, scrap.Target, scrap.ObservedOn).ShouldBe((data[1].Id, 12, 20, 10, new DateOnly(2026, 6, 30)));
        var score = await db.LearnerScores.SingleAsync(s => s.EnrollmentId == data[0].Id, Ct);
        score.Reaction!.Value.ShouldBe(80, 1e-9);
        score.Learning!.Value.ShouldBe(75, 1e-9);
        (await db.LearnerScores.SingleAsync(s => s.EnrollmentId == data[1].Id, Ct)).Results!.Value.ShouldBe(65, 1e-9);

        var again = await import.ImportCsvAsync(ImportKind.Observations, """
            cohort_code,employee_no,indicator,value,baseline,target,measure,observed_on
            LEAN-1,E002,kpi,11,20,10,scrap rate,2026-06-30
            """);
        (again.Created, again.Updated).ShouldBe((0, 1));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_write_probe_passes_on_a_writable_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        await DatabaseProviderSetup.ProbeWriteAsync(db.Database, Ct);
    }

    [Fact]
    public async Task On_a_read_only_PostgreSQL_session_the_write_probe_fails_as_storage_unwritable()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = database.CreateContext();
        // What a hot standby or default_transaction_read_only does to every session.
        await db.Database.OpenConnectionAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("SET SESSION default_transaction_read_only = on", Ct);

        var ex = await Should.ThrowAsync<Npgsql.PostgresException>(() => DatabaseProviderSetup.ProbeWriteAsync(db.Database, Ct));

        DatabaseProviderSetup.ErrorReaderFor(db.Database).IsStorageUnwritable(ex).ShouldBeTrue();
        DatabaseProviderSetup.ErrorReaderFor(DatabaseProvider.Postgres).ShouldBeOfType<PostgresErrorReader>();
    }
}
