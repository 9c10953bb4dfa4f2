using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Infrastructure.Persistence;

public class SchemaConstraintTests : IAsyncLifetime
{
    /// <summary>SQLite here; <see cref="PostgresSchemaConstraintTests"/> runs every test again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private TestDatabase _database = null!;
    private TestData _data = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _data = await TestData.CreateAsync(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_second_learner_with_the_same_employee_number_is_refused_with_a_domain_message()
    {
        await using var db = _database.CreateContext();
        db.Learners.Add(new Learner { EmployeeNumber = "E001", Name = "重复", DepartmentId = _data.Department.Id, Position = "x" });

        var ex = await Should.ThrowAsync<DuplicateValueException>(() => db.SaveChangesAsync(Ct));

        ex.Message.ShouldBe("Another learner already has the employee number 'E001'.");
        ex.Field.ShouldBe("employee number");
    }

    [Fact]
    public async Task A_failed_multi_row_write_leaves_nothing_written()
    {
        await using (var db = _database.CreateContext())
        {
            db.Learners.AddRange(
                new Learner { EmployeeNumber = "N100", Name = "新一", DepartmentId = _data.Department.Id, Position = "x" },
                new Learner { EmployeeNumber = "N101", Name = "新二", DepartmentId = _data.Department.Id, Position = "x" },
                new Learner { EmployeeNumber = "E002", Name = "重复", DepartmentId = _data.Department.Id, Position = "x" });
            await Should.ThrowAsync<DuplicateValueException>(() => db.SaveChangesAsync(Ct));
        }
        await using var check = _database.CreateContext();
        (await check.Learners.CountAsync(l => l.EmployeeNumber.StartsWith("N1"), Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_cohort_with_enrollments_cannot_be_deleted()
    {
        await using var db = _database.CreateContext();
        db.Cohorts.Remove(await db.Cohorts.SingleAsync(c => c.Id == _data.Cohort.Id, Ct));

        var ex = await Should.ThrowAsync<ReferenceConstraintException>(() => db.SaveChangesAsync(Ct));

        ex.Message.ShouldBe("This cohort cannot be deleted because other records still refer to it.");
    }

    [Fact]
    public async Task Deleting_an_enrollment_deletes_its_records_and_keeps_the_learner()
    {
        await using (var db = _database.CreateContext())
        {
            var session = new CohortSession { CohortId = _data.Cohort.Id, Sequence = 1, HeldOn = TestData.Start, Name = "第一课", DurationMinutes = 60 };
            db.Sessions.Add(session);
            await db.SaveChangesAsync(Ct);
            db.Attendance.Add(new AttendanceRecord { SessionId = session.Id, EnrollmentId = _data[0].Id, Status = AttendanceStatus.Present });
            db.Interactions.Add(new Interaction { EnrollmentId = _data[0].Id, OccurredAt = DateTime.UtcNow, Kind = InteractionKind.Post });
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = _database.CreateContext())
        {
            db.Enrollments.Remove(await db.Enrollments.SingleAsync(e => e.Id == _data[0].Id, Ct));
            await db.SaveChangesAsync(Ct);
        }
        await using var check = _database.CreateContext();
        (await check.Attendance.CountAsync(Ct)).ShouldBe(0);
        (await check.Interactions.CountAsync(Ct)).ShouldBe(0);
        (await check.Learners.CountAsync(l => l.Id == _data[0].LearnerId, Ct)).ShouldBe(1);
        (await check.Sessions.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_learner_with_enrollments_cannot_be_deleted()
    {
        await using var db = _database.CreateContext();
        db.Learners.Remove(await db.Learners.SingleAsync(l => l.Id == _data[0].LearnerId, Ct));
        await Should.ThrowAsync<ReferenceConstraintException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Deleting_a_mentor_clears_their_mentees_standing_mentor_but_not_if_they_rated()
    {
        await using (var db = _database.CreateContext())
        {
            var other = new Mentor { EmployeeNumber = "M002", Name = "李师傅", DepartmentId = _data.Department.Id };
            db.Mentors.Add(other);
            await db.SaveChangesAsync(Ct);
            var learner = await db.Learners.SingleAsync(l => l.Id == _data[1].LearnerId, Ct);
            learner.MentorId = other.Id;
            await db.SaveChangesAsync(Ct);
            db.Mentors.Remove(other);
            await db.SaveChangesAsync(Ct);
        }
        await using var check = _database.CreateContext();
        (await check.Learners.SingleAsync(l => l.Id == _data[1].LearnerId, Ct)).MentorId.ShouldBeNull();
    }

    [Fact]
    public async Task A_rating_outside_1_to_5_breaks_the_check_and_says_so()
    {
        await using var db = _database.CreateContext();
        db.MentorRatings.Add(new MentorRating { EnrollmentId = _data[0].Id, MentorId = _data.Mentor.Id, Dimension = "initiative", Score = 6, RatedAt = DateTime.UtcNow, Sequence = 1 });

        var ex = await Should.ThrowAsync<CheckConstraintException>(() => db.SaveChangesAsync(Ct));

        ex.CheckName.ShouldBe("CK_MentorRatings_Score");
        ex.Message.ShouldBe("A mentor rating is a whole number from 1 to 5.");
    }

    [Fact]
    public async Task A_kpi_measurement_belongs_to_a_learner_or_a_team_not_both()
    {
        await using var db = _database.CreateContext();
        var kpi = new Kpi { ProgramId = _data.Program.Id, Code = "scrap", Name = "报废率", Unit = "%", Direction = KpiDirection.LowerIsBetter };
        db.Kpis.Add(kpi);
        await db.SaveChangesAsync(Ct);
        db.KpiMeasurements.Add(new KpiMeasurement { KpiId = kpi.Id, CohortId = _data.Cohort.Id, EnrollmentId = _data[0].Id, DepartmentId = _data.Department.Id, Baseline = 3, Target = 2 });

        var ex = await Should.ThrowAsync<CheckConstraintException>(() => db.SaveChangesAsync(Ct));

        ex.CheckName.ShouldBe("CK_KpiMeasurements_Owner");
    }

    [Fact]
    public async Task Append_only_history_cannot_be_edited()
    {
        await using var db = _database.CreateContext();
        var rating = new MentorRating { EnrollmentId = _data[0].Id, MentorId = _data.Mentor.Id, Dimension = "initiative", Score = 3, RatedAt = DateTime.UtcNow, Sequence = 1 };
        db.MentorRatings.Add(rating);
        await db.SaveChangesAsync(Ct);
        rating.Score = 5;

        var ex = await Should.ThrowAsync<DataValidationException>(() => db.SaveChangesAsync(Ct));

        ex.Message.ShouldContain("mentor rating is history");
    }

    [Fact]
    public async Task A_second_rating_with_the_same_sequence_is_refused()
    {
        await using var db = _database.CreateContext();
        db.MentorRatings.Add(new MentorRating { EnrollmentId = _data[0].Id, MentorId = _data.Mentor.Id, Dimension = "attitude", Score = 3, RatedAt = DateTime.UtcNow, Sequence = 1 });
        await db.SaveChangesAsync(Ct);
        db.MentorRatings.Add(new MentorRating { EnrollmentId = _data[0].Id, MentorId = _data.Mentor.Id, Dimension = "attitude", Score = 4, RatedAt = DateTime.UtcNow, Sequence = 1 });

        await Should.ThrowAsync<DuplicateValueException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task A_stale_edit_of_a_versioned_row_is_detected()
    {
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var kpi = new Kpi { ProgramId = _data.Program.Id, Code = "oee", Name = "OEE", Unit = "%", Direction = KpiDirection.HigherIsBetter };
        first.Kpis.Add(kpi);
        await first.SaveChangesAsync(Ct);
        var m = new KpiMeasurement { KpiId = kpi.Id, CohortId = _data.Cohort.Id, DepartmentId = _data.Department.Id, Baseline = 70, Target = 75 };
        first.KpiMeasurements.Add(m);
        await first.SaveChangesAsync(Ct);

        var theirs = await second.KpiMeasurements.SingleAsync(x => x.Id == m.Id, Ct);
        m.Actual = 73;
        await first.SaveChangesAsync(Ct);
        m.Revision.ShouldBe(1);
        theirs.Actual = 71;

        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync(Ct));
        ex.Message.ShouldContain("kpi measurement was changed by someone else");
    }
}

/// <summary>The same tests on PostgreSQL (issue 18).</summary>
public sealed class PostgresSchemaConstraintTests : SchemaConstraintTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
