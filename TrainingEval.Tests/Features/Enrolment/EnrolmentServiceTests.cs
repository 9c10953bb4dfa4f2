using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Enrolment;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;
using static TrainingEval.Tests.Features.Programs.ProgramManagementTests;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Tests.Features.Enrolment;

/// <summary>
/// Enrolment writes through the enrollments import: pasted numbers all or nothing (each unknown one named), nobody
/// twice in a cohort, a learner in several cohorts, a mentor per enrolment, a withdrawal with a date the import's rules
/// accept; each write rescores the cohort. LEAN-1 has E001–E003; E004 and E005 exist but are not enrolled.
/// </summary>
public class EnrolmentServiceTests : IAsyncLifetime
{
    /// <summary>SQLite here; <see cref="PostgresEnrolmentServiceTests"/> runs every test again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private TestDatabase _database = null!;
    private TestData _data = null!;
    private EnrolmentService _enrolment = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, new FixedClock(new DateTime(2026, 3, 16, 12, 0, 0)));
        _data = await TestData.CreateAsync(_database);
        await using (var db = _database.CreateContext())
        {
            db.Learners.AddRange(
                new Learner { EmployeeNumber = "E004", Name = "学员4", NameEn = "Learner Four", DepartmentId = _data.Department.Id, Position = "" },
                new Learner { EmployeeNumber = "E005", Name = "学员5", DepartmentId = _data.Department.Id, Position = "" });
            db.Mentors.Add(new Mentor { EmployeeNumber = "M002", Name = "李师傅", DepartmentId = _data.Department.Id });
            db.Cohorts.Add(new Cohort { ProgramId = _data.Program.Id, Code = "LEAN-2", Name = "精益 2期", StartDate = new DateOnly(2026, 3, 9), EndDate = new DateOnly(2026, 5, 1) });
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }
        _enrolment = new EnrolmentService(ImportTestKit.Service(_database), _database.Factory, new Services(_database).Access);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Pasted_numbers_are_split_on_lines_commas_and_spaces_and_each_kept_once()
    {
        EnrolmentService.ParseNumbers("E004\r\ne005, E006;E007\tE008  e004，E009").ShouldBe(["E004", "e005", "E006", "E007", "E008", "E009"]);
    }

    [Fact]
    public async Task Pasted_numbers_are_enrolled_with_the_chosen_mentor_and_the_cohort_is_rescored()
    {
        (await _enrolment.EnrolAsync("lean-2", EnrolmentService.ParseNumbers("e001\nE004"), "m002", Ct)).ShouldBeEmpty();

        var rows = await _enrolment.ListAsync("LEAN-2", Ct);
        rows.Select(r => (r.EmployeeNo, r.MentorNo, r.Status, r.EnrolledOn)).ShouldBe(
            [("E001", "M002", EnrollmentStatus.Enrolled, new DateOnly(2026, 3, 9)), ("E004", "M002", EnrollmentStatus.Enrolled, new DateOnly(2026, 3, 9))]);
        await using var db = _database.CreateContext();
        // E001 is in LEAN-1 and LEAN-2: one person, two enrolments.
        (await db.Enrollments.CountAsync(e => e.Learner!.EmployeeNumber == "E001", Ct)).ShouldBe(2);
        (await db.LearnerScores.CountAsync(s => s.Enrollment!.Cohort!.Code == "LEAN-2", Ct)).ShouldBe(2);
        // New enrolments are one audit line per batch, as in the import they go through.
        (await db.AuditTrail.Where(a => a.EntityType == nameof(Enrollment) && a.Action == AuditAction.Added).Select(a => a.NewValue).ToListAsync(Ct)).ShouldBe(["2 enrollments imported"]);
    }

    [Fact]
    public async Task Unknown_numbers_are_each_named_and_nobody_is_enrolled()
    {
        var errors = await _enrolment.EnrolAsync("LEAN-2", ["E004", "X1", "X2"], cancellationToken: Ct);

        errors.Select(En).ShouldBe([
            "There is no learner with employee number X1; import them in a learners file first.",
            "There is no learner with employee number X2; import them in a learners file first."]);
        errors.Select(Zh).ShouldBe(["没有工号为 X1 的学员；请先用学员文件导入。", "没有工号为 X2 的学员；请先用学员文件导入。"]);
        (await _enrolment.ListAsync("LEAN-2", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Enrolling_someone_twice_is_refused_by_name_and_nothing_is_written()
    {
        var errors = await _enrolment.EnrolAsync("LEAN-1", ["E004", "e002"], cancellationToken: Ct);

        errors.Select(En).ShouldBe(["学员2 (E002) is already enrolled in cohort LEAN-1; a learner is enrolled once per cohort."]);
        errors.Select(Zh).ShouldBe(["学员2（E002）已报名班期 LEAN-1；同一学员在一个班期只能报名一次。"]);
        await using var db = _database.CreateContext();
        (await db.Enrollments.CountAsync(e => e.Cohort!.Code == "LEAN-1", Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task A_mentor_is_assigned_to_one_enrolment_and_an_unknown_one_is_named()
    {
        (await _enrolment.AssignMentorAsync("LEAN-1", "E002", "M002", Ct)).ShouldBeEmpty();
        (await _enrolment.AssignMentorAsync("LEAN-1", "E003", "M404", Ct)).Select(En).ShouldBe(["There is no mentor with employee number M404."]);

        var rows = await _enrolment.ListAsync("LEAN-1", Ct);
        rows.Select(r => (r.EmployeeNo, r.MentorNo, r.Status)).ShouldBe(
            [("E001", "M001", EnrollmentStatus.Completed), ("E002", "M002", EnrollmentStatus.Completed), ("E003", "M001", EnrollmentStatus.Completed)]);
    }

    [Fact]
    public async Task A_withdrawal_keeps_its_date_is_refused_before_the_enrolment_and_a_second_time()
    {
        (await _enrolment.EnrolAsync("LEAN-2", ["E004"], cancellationToken: Ct)).ShouldBeEmpty();

        (await _enrolment.WithdrawAsync("LEAN-2", "E004", new DateOnly(2026, 3, 1), Ct)).Select(En)
            .ShouldBe(["withdrawn_on (2026-03-01) is before enrolled_on (2026-03-09)."]);
        (await _enrolment.WithdrawAsync("LEAN-2", "e004", new DateOnly(2026, 3, 20), Ct)).ShouldBeEmpty();
        (await _enrolment.WithdrawAsync("LEAN-2", "E004", new DateOnly(2026, 3, 21), Ct)).Select(En)
            .ShouldBe(["Learner Four (E004) withdrew from cohort LEAN-2 on 2026-03-20 already."]);
        (await _enrolment.WithdrawAsync("LEAN-2", "E005", new DateOnly(2026, 3, 21), Ct)).Select(En).ShouldBe(["E005 is not enrolled in cohort LEAN-2."]);

        var row = (await _enrolment.ListAsync("LEAN-2", Ct)).Single();
        (row.Status, row.WithdrawnOn).ShouldBe((EnrollmentStatus.Withdrawn, new DateOnly(2026, 3, 20)));
        await using var db = _database.CreateContext();
        // Withdrawn learners are not scored.
        (await db.LearnerScores.CountAsync(s => s.Enrollment!.Cohort!.Code == "LEAN-2", Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task The_search_finds_learners_by_name_number_or_department_in_any_letter_case()
    {
        (await _enrolment.SearchAsync("e00", Ct)).Select(m => m.EmployeeNo).ShouldBe(["E001", "E002", "E003", "E004", "E005"]);
        (await _enrolment.SearchAsync("four", Ct)).Select(m => m.EmployeeNo).ShouldBe(["E004"]);
        (await _enrolment.SearchAsync("学员5", Ct)).Select(m => m.EmployeeNo).ShouldBe(["E005"]);
        (await _enrolment.SearchAsync("produc", Ct)).Count.ShouldBe(5);
        (await _enrolment.SearchAsync("%", Ct)).ShouldBeEmpty();
    }
}

/// <summary>The same tests on PostgreSQL (issue 18).</summary>
public sealed class PostgresEnrolmentServiceTests : EnrolmentServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
