using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts.Manage;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Plans;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;
using static TrainingEval.Tests.Features.Programs.ProgramManagementTests;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>
/// HR's cohort form writes through the cohorts import (dates in order, one code per cohort in any letter case, known
/// mentors), its status comes from the one status rule, closing freezes the profile version, and a cohort with
/// enrolments is never deleted. Today is 2026-07-15; LEAN-1 ran 2026-03-02 – 04-24 with three learners.
/// </summary>
public sealed class CohortManagementTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private CohortManagement _cohorts = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0)));
        _data = await TestData.CreateAsync(_database);
        var services = new Services(_database);
        _cohorts = new CohortManagement(ImportTestKit.Service(_database), services.Cohorts, _database.Factory, _database.Clock, services.Access);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static CohortInput New(string code = "LEAN-2", DateTime? start = null, DateTime? end = null) => new()
    {
        Code = code, ProgramCode = "lean", Name = "精益 2期", NameEn = "Lean 2",
        StartDate = start ?? new DateTime(2026, 9, 1), EndDate = end ?? new DateTime(2026, 10, 30),
        ExplicitPlan = true, Tracked = [RecordKind.Attendance, RecordKind.Assessments], Mentors = ["m001"],
    };

    [Fact]
    public async Task A_new_cohort_has_its_names_plan_and_mentors_and_is_planned_by_the_status_rule()
    {
        (await _cohorts.SaveAsync(New(), creating: true, Ct)).ShouldBeEmpty();

        var cohort = await _cohorts.FindAsync("lean-2", Ct);
        cohort.ShouldNotBeNull();
        (cohort.Input.Name, cohort.Input.NameEn, cohort.Input.ProgramCode, cohort.Status).ShouldBe(("精益 2期", "Lean 2", "LEAN", CohortStatus.Planned));
        cohort.Input.Tracked.ShouldBe([RecordKind.Attendance, RecordKind.Assessments], ignoreOrder: true);
        cohort.Input.Mentors.ShouldBe(["M001"]);
        await using var db = _database.CreateContext();
        (await db.Cohorts.SingleAsync(c => c.Code == "LEAN-2", Ct)).TrackedKinds.ShouldBe("attendance;assessments");
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(CohortMentor), Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Dates_in_the_wrong_order_are_refused_in_both_languages_and_nothing_is_written()
    {
        var errors = await _cohorts.SaveAsync(New(start: new DateTime(2026, 10, 30), end: new DateTime(2026, 9, 1)), creating: true, Ct);

        errors.Select(En).ShouldBe(["The cohort ends (2026-09-01) before it starts (2026-10-30)."]);
        errors.Select(Zh).ShouldBe(["班期结束日期（2026-09-01）早于开始日期（2026-10-30）。"]);
        await using var db = _database.CreateContext();
        (await db.Cohorts.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_code_in_use_in_another_letter_case_is_refused_on_the_create_form()
    {
        var errors = await _cohorts.SaveAsync(New("lean-1"), creating: true, Ct);

        errors.Select(En).ShouldBe(["A cohort with the code LEAN-1 exists already (codes ignore letter case); open it to edit it, or choose another code."]);
        await using var db = _database.CreateContext();
        (await db.Cohorts.SingleAsync(Ct)).Name.ShouldBe("精益 1期");
    }

    [Fact]
    public async Task An_unknown_mentor_is_named()
    {
        var input = New();
        input.Mentors = ["M404"];

        (await _cohorts.SaveAsync(input, creating: true, Ct)).Select(En).ShouldBe(["There is no mentor with employee number M404."]);
    }

    [Fact]
    public async Task Moving_the_dates_rescores_and_the_cohort_that_ended_can_be_closed_which_freezes_its_profile_version()
    {
        var cohort = (await _cohorts.FindAsync("LEAN-1", Ct))!;
        cohort.Status.ShouldBe(CohortStatus.Ended);
        cohort.Input.EndDate = new DateTime(2026, 4, 30);
        (await _cohorts.SaveAsync(cohort.Input, creating: false, Ct)).ShouldBeEmpty();

        cohort = (await _cohorts.FindAsync("LEAN-1", Ct))!;
        await _cohorts.CloseAsync(cohort.Id, cohort.Revision, Ct);

        (await _cohorts.FindAsync("LEAN-1", Ct))!.Status.ShouldBe(CohortStatus.Closed);
        await using var db = _database.CreateContext();
        var stored = await db.Cohorts.SingleAsync(Ct);
        (stored.EndDate, stored.ProfileVersionId).ShouldBe((new DateOnly(2026, 4, 30), _data.Version.Id));
        (await db.LearnerScores.CountAsync(Ct)).ShouldBe(3);
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(Cohort) && a.Property == nameof(Cohort.EndDate), Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_cohort_with_enrolments_is_not_deleted_and_an_empty_one_is()
    {
        var refused = await _cohorts.DeleteAsync("LEAN-1", Ct);
        refused.Select(En).ShouldBe(["Cohort LEAN-1 has 3 enrolments and their records, so it cannot be deleted; withdraw the learners or close the cohort instead."]);
        refused.Select(Zh).ShouldBe(["班期 LEAN-1 有 3 条报名及其记录，不能删除；请改为让学员退出或关闭班期。"]);

        (await _cohorts.SaveAsync(New(), creating: true, Ct)).ShouldBeEmpty();
        (await _cohorts.DeleteAsync("LEAN-2", Ct)).ShouldBeEmpty();
        await using var db = _database.CreateContext();
        (await db.Cohorts.Select(c => c.Code).ToListAsync(Ct)).ShouldBe(["LEAN-1"]);
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(Cohort) && a.Action == AuditAction.Deleted, Ct)).ShouldBe(1);
    }
}
