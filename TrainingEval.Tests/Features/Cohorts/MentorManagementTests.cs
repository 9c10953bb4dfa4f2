using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts.Manage;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;
using static TrainingEval.Tests.Features.Programs.ProgramManagementTests;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>HR adds a mentor from the cohort page: found by the cohort form afterwards, a department by code or name (else new), a number in use refused, audited.</summary>
public sealed class MentorManagementTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private MentorManagement _mentors = null!;
    private CohortManagement _cohorts = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0)));
        await TestData.CreateAsync(_database);
        var services = new Services(_database);
        _mentors = new MentorManagement(_database.Factory, services.Access);
        _cohorts = new CohortManagement(Import.ImportTestKit.Service(_database), services.Cohorts, _database.Factory, _database.Clock, services.Access);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_mentor_added_in_an_existing_department_by_its_english_name_can_be_chosen_and_is_audited()
    {
        (await _mentors.AddAsync(new MentorInput { EmployeeNo = " M002 ", Name = "李老师", NameEn = "Ms Li", Department = "production" }, Ct)).ShouldBeEmpty();

        (await _cohorts.MentorsAsync(Ct)).Select(m => m.Code).ShouldBe(["M001", "M002"]);
        await using var db = _database.CreateContext();
        var mentor = await db.Mentors.Include(m => m.Department).SingleAsync(m => m.EmployeeNumber == "M002", Ct);
        (mentor.Name, mentor.NameEn, mentor.Department!.Code).ShouldBe(("李老师", "Ms Li", "PRD"));
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(Mentor) && a.Action == AuditAction.Added, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_new_department_name_adds_the_department()
    {
        (await _mentors.AddAsync(new MentorInput { EmployeeNo = "M003", Name = "赵工", Department = "质量部" }, Ct)).ShouldBeEmpty();

        await using var db = _database.CreateContext();
        (await db.Departments.OrderBy(d => d.Id).Select(d => d.Name).ToListAsync(Ct)).ShouldBe(["生产部", "质量部"]);
    }

    [Fact]
    public async Task A_number_a_mentor_has_in_another_letter_case_is_refused_and_nothing_is_added()
    {
        var errors = await _mentors.AddAsync(new MentorInput { EmployeeNo = "m001", Name = "别人", Department = "PRD" }, Ct);

        errors.Select(En).ShouldHaveSingleItem().ShouldStartWith("A mentor with the employee number M001 exists already: ");
        errors.Select(Zh).ShouldHaveSingleItem().ShouldStartWith("工号为 M001 的导师已存在：");
        await using var db = _database.CreateContext();
        (await db.Mentors.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        var errors = await _mentors.AddAsync(new MentorInput { EmployeeNo = " ", Name = "", Department = "" }, Ct);

        errors.Select(En).ShouldBe(["employee_no is required.", "name is required.", "department is required."]);
    }
}
