using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Programs;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Import;

/// <summary>
/// Spec section 9, "Identity": codes and employee numbers match without regard to letter case and surrounding spaces —
/// in imports, in the page queries behind URLs and in search — and a record keeps the spelling it was first stored with.
/// </summary>
public sealed class IdentityImportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ImportService _import = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0)));
        await TestData.CreateAsync(_database);
        _import = ImportTestKit.Service(_database);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Codes_in_another_letter_case_update_the_stored_records_instead_of_adding_new_ones()
    {
        var learners = await _import.ImportCsvAsync(ImportKind.Learners, "employee_no,name\ne001,学员一（改）\n\" E002 \",学员2");
        var programs = await _import.ImportCsvAsync(ImportKind.Programs, "program_code,name,category\nlean,精益,Ops");
        var cohorts = await _import.ImportCsvAsync(ImportKind.Cohorts, "cohort_code,program_code,name,start_date,end_date\nlean-1,Lean,精益 1期,2026-03-02,2026-04-24");
        var enrollments = await _import.ImportCsvAsync(ImportKind.Enrollments, "cohort_code,employee_no,status\nLean-1,e003,completed");

        (learners.Created, learners.Updated, learners.Unchanged).ShouldBe((0, 1, 1));
        (programs.Created, programs.Updated).ShouldBe((0, 1));
        (cohorts.Created, cohorts.Unchanged).ShouldBe((0, 1));
        (enrollments.Created, enrollments.Unchanged).ShouldBe((0, 1));
        await using var db = _database.CreateContext();
        (await db.Learners.CountAsync(Ct)).ShouldBe(3);
        (await db.Programs.CountAsync(Ct)).ShouldBe(1);
        (await db.Cohorts.CountAsync(Ct)).ShouldBe(1);
        var e001 = await db.Learners.SingleAsync(l => l.EmployeeNumberKey == "E001", Ct);
        (e001.EmployeeNumber, e001.Name).ShouldBe(("E001", "学员一（改）"), "the spelling first stored stays");
        (await db.Programs.SingleAsync(Ct)).ShouldSatisfyAllConditions(p => p.Code.ShouldBe("LEAN"), p => p.Category.ShouldBe("Ops"));
    }

    [Fact]
    public async Task Two_rows_that_differ_only_in_case_are_a_duplicate_inside_the_file()
    {
        var result = await _import.ImportCsvAsync(ImportKind.Learners, "employee_no,name\nHX0001,甲\nhx0001,乙");

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Duplicate key inside the file: employee hx0001 is already on row 2.");
    }

    [Fact]
    public async Task Observations_find_the_cohort_and_the_learner_in_any_case()
    {
        var result = await _import.ImportCsvAsync(ImportKind.Observations, "cohort_code,employee_no,indicator,value\nlean-1, e002 ,SATISFACTION,4");

        result.Errors.ShouldBeEmpty();
        result.Created.ShouldBe(1);
        await using var db = _database.CreateContext();
        (await db.StoredObservations.SingleAsync(Ct)).IndicatorCode.ShouldBe("satisfaction");
    }

    [Fact]
    public async Task Urls_and_search_find_records_ignoring_case_and_spaces()
    {
        var access = TestUsers.AccessFor(_database.Factory, TestUsers.In("analyst", Roles.HrAnalyst));
        var cohorts = new CohortQueries(_database.Factory, TrainingEval.Dashboard.Features.Scoring.ScorePipeline.CreateDefault(_database.Clock), access, _database.Clock);
        (await cohorts.FindCohortAsync(" lean-1 ", Ct))!.Code.ShouldBe("LEAN-1");

        var learners = new TrainingEval.Dashboard.Features.Learners.LearnerQueries(_database.Factory, access, _database.Clock);
        (await learners.GetVerticalViewAsync("e001", Ct))!.Learner.EmployeeNumber.ShouldBe("E001");

        var programs = new ProgramQueries(_database.Factory, TrainingEval.Dashboard.Features.Scoring.ScorePipeline.CreateDefault(_database.Clock), access, _database.Clock);
        (await programs.HistoryAsync("lean", DashboardFilter.Empty, Ct))!.Program.Code.ShouldBe("LEAN");

        var list = new CohortListQueries(_database.Factory, access, _database.Clock);
        (await list.SearchAsync(new CohortListQuery("lean-", "lean", null, null), Ct)).Items.Select(c => c.Code).ShouldBe(["LEAN-1"]);
        (await learners.SearchAsync(new TrainingEval.Dashboard.Features.Learners.LearnerListQuery(" e00", null), Ct)).TotalCount.ShouldBe(3);
    }
}
