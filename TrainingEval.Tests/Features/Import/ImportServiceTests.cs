using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Tests.Features.Import;

/// <summary>
/// The import path end to end on a real database: a three-learner cohort LEAN-1 (E001–E003) of program LEAN
/// with the default profile, the mentor M001.
/// </summary>
public class ImportServiceTests : IAsyncLifetime
{
    /// <summary>SQLite here; <see cref="PostgresImportServiceTests"/> runs every test again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private TestDatabase _database = null!;
    private TestData _data = null!;
    private ImportService _import = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0)));
        _data = await TestData.CreateAsync(_database);
        _import = ImportTestKit.Service(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private const string GoodObservations = """
        cohort_code,employee_no,indicator,value,baseline,target,measure,observed_on
        LEAN-1,E001,satisfaction,4.2,,,end survey,2026-04-24
        LEAN-1,E001,knowledge_gain,85,40,,,
        LEAN-1,E002,kpi,12,20,10,scrap rate,2026-06-30
        LEAN-1,E002,kpi,0.5,1,0,downtime,2026-06-30
        """;

    [Fact]
    public async Task Observations_are_stored_with_their_key_and_the_cohort_is_rescored()
    {
        var result = await _import.ImportCsvAsync(ImportKind.Observations, GoodObservations);

        result.Errors.ShouldBeEmpty();
        (result.RowsRead, result.Created, result.Updated).ShouldBe((4, 4, 0));
        result.RecomputedCohorts.ShouldBe(["LEAN-1"]);
        await using var db = _database.CreateContext();
        var scrap = await db.StoredObservations.SingleAsync(o => o.Measure == "scrap rate", Ct);
        (scrap.EnrollmentId, scrap.IndicatorCode, scrap.Value, scrap.Baseline, scrap.Target, scrap.ObservedOn)
            .ShouldBe((_data[1].Id, "kpi", 12, 20, 10, new DateOnly(2026, 6, 30)));
        scrap.Source.ShouldBe("import: test.csv");
        // E001: satisfaction 4.2 → 80 alone (the cohort tracks no interactions, so there is no derived 0 beside it, spec
        // section 9); gain 40 → 85 is 75 points.
        var score = await db.LearnerScores.SingleAsync(s => s.EnrollmentId == _data[0].Id, Ct);
        score.Reaction!.Value.ShouldBe(80, 1e-9);
        score.Learning!.Value.ShouldBe(75, 1e-9);
        // E002: scrap rate 20 → 12 of target 10 is 80 %, downtime 1 → 0.5 of target 0 is 50 %; the kpi is their mean.
        (await db.LearnerScores.SingleAsync(s => s.EnrollmentId == _data[1].Id, Ct)).Results!.Value.ShouldBe(65, 1e-9);
    }

    [Fact]
    public async Task New_observations_are_audited_as_one_line_for_the_file_and_a_changed_value_by_itself()
    {
        await _import.ImportCsvAsync(ImportKind.Observations, GoodObservations);
        await _import.ImportCsvAsync(ImportKind.Observations, GoodObservations.Replace("4.2", "3.8", StringComparison.Ordinal));

        await using var db = _database.CreateContext();
        var lines = await db.AuditTrail.Where(a => a.EntityType == nameof(TrainingEval.Dashboard.Infrastructure.Persistence.Entities.StoredObservation)).ToListAsync(Ct);
        var added = lines.Where(a => a.Action == TrainingEval.Dashboard.Infrastructure.Persistence.Entities.AuditAction.Added).ShouldHaveSingleItem();
        (added.EntityKey, added.NewValue, added.Actor).ShouldBe(("import: test.csv", "4 observations imported", "analyst"));
        lines.Where(a => a.Action != TrainingEval.Dashboard.Infrastructure.Persistence.Entities.AuditAction.Added && a.Property == "Value")
            .Select(a => (a.OldValue, a.NewValue)).ShouldHaveSingleItem().ShouldBe(("4.2", "3.8"));
    }

    [Fact]
    public async Task Re_importing_the_same_file_changes_nothing_and_a_changed_value_updates_in_place()
    {
        await _import.ImportCsvAsync(ImportKind.Observations, GoodObservations);

        var again = await _import.ImportCsvAsync(ImportKind.Observations, GoodObservations);
        (again.Created, again.Updated, again.Unchanged).ShouldBe((0, 0, 4));
        again.RecomputedCohorts.ShouldBeEmpty();

        var changed = await _import.ImportCsvAsync(ImportKind.Observations, GoodObservations.Replace("4.2,,,end survey", "5,,,END SURVEY", StringComparison.Ordinal));
        (changed.Created, changed.Updated, changed.Unchanged).ShouldBe((0, 1, 3));
        await using var db = _database.CreateContext();
        (await db.StoredObservations.CountAsync(Ct)).ShouldBe(4);
        (await db.StoredObservations.SingleAsync(o => o.IndicatorCode == "satisfaction", Ct)).Value.ShouldBe(5);
        (await db.LearnerScores.SingleAsync(s => s.EnrollmentId == _data[0].Id, Ct)).Reaction!.Value.ShouldBe(100, 1e-9);
    }

    [Fact]
    public async Task A_file_with_any_error_writes_nothing_and_reports_every_error_with_row_column_value_and_reason()
    {
        var result = await _import.ImportCsvAsync(ImportKind.Observations, """
            cohort_code,employee_no,indicator,value,baseline,target,measure,observed_on,comment
            LEAN-1,E001,satisfaction,4.2,,,,,fine
            LEAN-9,E001,satisfaction,4,,,,,unknown cohort
            LEAN-1,E001,satisfaction,6,,,,,out of range
            LEAN-1,E002,knowledge_gain,80,,,,,missing baseline
            LEAN-1,E001,satisfaction,3,,,,,duplicate of row 2
            LEAN-1,E003,satisfaction,4,,,,2026-13-01,bad date
            LEAN-1,E003,attendance,"0,9",,,,,comma decimal
            LEAN-1,E999,attendance,0.9,,,,,unknown learner
            LEAN-1,E003,no_such_thing,1,,,,,unknown indicator
            LEAN-1,E003,kpi,12,20,,,,missing target
            LEAN-1,,attendance,0.9,,,,,missing employee
            """);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => (e.Row, e.Column, e.Value, e.Message)).ShouldBe(
        [
            (3, "cohort_code", "LEAN-9", "Unknown cohort LEAN-9."),
            (4, "value", "6", "Learner E001, indicator satisfaction (likert5): value 6 is outside the allowed range 1–5."),
            (5, "baseline", null, "Learner E002, indicator knowledge_gain (gain): baseline is required for gain (0–100)."),
            (6, "indicator", "satisfaction", "Duplicate key inside the file: LEAN-1 / E001 / satisfaction / measure '' / no date is already on row 2."),
            (7, "observed_on", "2026-13-01", "'2026-13-01' is not a date; write it as yyyy-MM-dd, e.g. 2025-03-01."),
            (8, "value", "0,9", "'0,9' is not a number. Use . as the decimal separator and no thousands separator."),
            (9, "employee_no", "E999", "There is no learner with employee number E999."),
            (10, "indicator", "no_such_thing", "Cohort LEAN-1's weight profile has no indicator no_such_thing (built-in or custom)."),
            (11, "target", null, "Learner E003, indicator kpi (target_achievement): target is required for target_achievement (a finite number other than the baseline)."),
            (12, "employee_no", null, "employee_no is required."),
        ]);
        await using var db = _database.CreateContext();
        (await db.StoredObservations.CountAsync(Ct)).ShouldBe(0);
        (await db.LearnerScores.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_refused_file_leaves_no_audit_line_and_no_score()
    {
        var result = await _import.ImportCsvAsync(ImportKind.Observations, """
            cohort_code,employee_no,indicator,value
            LEAN-1,E001,satisfaction,4.5
            LEAN-1,E002,satisfaction,6
            """);

        result.Errors.ShouldHaveSingleItem().Row.ShouldBe(3);
        await using var db = _database.CreateContext();
        (await db.StoredObservations.CountAsync(Ct)).ShouldBe(0);
        (await db.AuditTrail.CountAsync(Ct)).ShouldBe(0);
        (await db.LearnerScores.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_learner_not_enrolled_in_the_cohort_is_named()
    {
        await _import.ImportCsvAsync(ImportKind.Learners, "employee_no,name\nE100,新人");

        var result = await _import.ImportCsvAsync(ImportKind.Observations, "cohort_code,employee_no,indicator,value\nLEAN-1,E100,attendance,1");

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Employee E100 is not enrolled in cohort LEAN-1; import the enrollment first.");
    }

    [Fact]
    public async Task A_missing_required_column_is_reported_on_the_header_row()
    {
        var result = await _import.ImportCsvAsync(ImportKind.Observations, "Cohort_Code,EMPLOYEE_NO,value\nLEAN-1,E001,1");

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column, error.Value, error.Message).ShouldBe((1, "indicator", (string?)null, "The required column indicator is missing from the header row."));
    }

    [Fact]
    public async Task Learners_programs_cohorts_and_enrollments_chain_and_update_by_natural_key()
    {
        (await _import.ImportCsvAsync(ImportKind.Learners, """
            EMPLOYEE_NO,Name,Department,position,mentor_employee_no,email,hire_date,extra
            E001,学员一（改）,,,,e001@example.com,,x
            E200,张三,Quality,Inspector,M001,zhang.san@example.com,2024-05-06,y
            E201,李四,,,,,,
            """)).ShouldSatisfyAllConditions(r => r.Errors.ShouldBeEmpty(), r => (r.Created, r.Updated).ShouldBe((2, 1)));
        (await _import.ImportCsvAsync(ImportKind.Programs, "program_code,name,category,description\nQC,质量管理,Quality,\nLEAN,精益,Operations,")).Created.ShouldBe(1);
        (await _import.ImportCsvAsync(ImportKind.Cohorts, "cohort_code,program_code,name,start_date,end_date\nQC-1,QC,质量 1期,2026-05-04,2026-06-26")).Created.ShouldBe(1);
        var enrollments = await _import.ImportCsvAsync(ImportKind.Enrollments, "cohort_code,employee_no,status\nQC-1,E200,\nQC-1,E201,withdrawn\nLEAN-1,E001,completed");
        (enrollments.Created, enrollments.Updated, enrollments.Unchanged).ShouldBe((2, 0, 1));
        enrollments.RecomputedCohorts.ShouldBe(["QC-1"]);

        await using var db = _database.CreateContext();
        var zhang = await db.Learners.Include(l => l.Department).SingleAsync(l => l.EmployeeNumber == "E200", Ct);
        (zhang.Department!.Code, zhang.Position, zhang.MentorId, zhang.Email, zhang.HireDate)
            .ShouldBe(("Quality", "Inspector", _data.Mentor.Id, "zhang.san@example.com", new DateOnly(2024, 5, 6)));
        (await db.Learners.Include(l => l.Department).SingleAsync(l => l.EmployeeNumber == "E201", Ct)).Department!.Code.ShouldBe("UNASSIGNED");
        var e001 = await db.Learners.SingleAsync(l => l.EmployeeNumber == "E001", Ct);
        (e001.Name, e001.Position, e001.Email).ShouldBe(("学员一（改）", "装配工", "e001@example.com"));
        var qc = await db.Programs.SingleAsync(p => p.Code == "QC", Ct);
        (qc.Category, qc.CurrentProfileVersion).ShouldBe(("Quality", 1));
        (await db.ProfileVersions.CountAsync(v => v.ProgramId == qc.Id, Ct)).ShouldBe(1);
        (await db.Programs.SingleAsync(p => p.Code == "LEAN", Ct)).Category.ShouldBe("Operations");
        var withdrawn = await db.Enrollments.SingleAsync(e => e.Learner!.EmployeeNumber == "E201", Ct);
        (withdrawn.Status, withdrawn.EnrolledOn, withdrawn.WithdrawnOn).ShouldBe((EnrollmentStatus.Withdrawn, new DateOnly(2026, 5, 4), new DateOnly(2026, 6, 26)));
        (await db.LearnerScores.CountAsync(s => s.Cohort!.Code == "QC-1", Ct)).ShouldBe(1, "withdrawn learners are not scored");
    }

    [Fact]
    public async Task Enrollment_dates_are_kept_and_a_withdrawal_date_means_withdrawn_on_that_day()
    {
        (await _import.ImportCsvAsync(ImportKind.Learners, "employee_no,name\nE200,A\nE201,B")).Errors.ShouldBeEmpty();
        var bad = await _import.ImportCsvAsync(ImportKind.Enrollments, """
            cohort_code,employee_no,status,enrolled_on,withdrawn_on
            LEAN-1,E200,completed,,2026-03-10
            LEAN-1,E201,,2026-03-01,2026-02-20
            LEAN-1,E001,,2026-13-01,
            """);
        bad.Errors.Select(e => (e.Row, e.Column, e.Message)).ShouldBe(
        [
            (2, "withdrawn_on", "withdrawn_on (2026-03-10) is for a withdrawn enrollment; leave status empty or write withdrawn."),
            (3, "withdrawn_on", "withdrawn_on (2026-02-20) is before enrolled_on (2026-03-01)."),
            (4, "enrolled_on", "'2026-13-01' is not a date; write it as yyyy-MM-dd, e.g. 2025-03-01."),
        ]);

        var good = await _import.ImportCsvAsync(ImportKind.Enrollments, """
            cohort_code,employee_no,status,enrolled_on,withdrawn_on
            LEAN-1,E200,,2026-02-20,2026-03-10
            LEAN-1,E201,completed,2026-02-25,
            """);

        good.Errors.ShouldBeEmpty();
        await using var db = _database.CreateContext();
        (await db.Enrollments.SingleAsync(e => e.Learner!.EmployeeNumber == "E200", Ct)).ShouldSatisfyAllConditions(
            e => e.Status.ShouldBe(EnrollmentStatus.Withdrawn), e => e.EnrolledOn.ShouldBe(new DateOnly(2026, 2, 20)), e => e.WithdrawnOn.ShouldBe(new DateOnly(2026, 3, 10)));
        (await db.Enrollments.SingleAsync(e => e.Learner!.EmployeeNumber == "E201", Ct)).EnrolledOn.ShouldBe(new DateOnly(2026, 2, 25));
    }

    [Fact]
    public async Task Reference_and_format_errors_of_the_other_kinds_name_their_cell()
    {
        var learners = await _import.ImportCsvAsync(ImportKind.Learners, "employee_no,name,mentor_employee_no,email,hire_date\nE300,A,M999,not-an-email,2024/01/01\nE300,B,,,");
        learners.Errors.Select(e => (e.Row, e.Column, e.Message)).ShouldBe(
        [
            (2, "email", "'not-an-email' is not an e-mail address."),
            (2, "hire_date", "'2024/01/01' is not a date; write it as yyyy-MM-dd, e.g. 2025-03-01."),
            (2, "mentor_employee_no", "There is no mentor with employee number M999."),
            (3, "employee_no", "Duplicate key inside the file: employee E300 is already on row 2."),
        ]);
        var cohorts = await _import.ImportCsvAsync(ImportKind.Cohorts, "cohort_code,program_code,name,start_date,end_date\nX-1,NOPE,X,2026-01-01,2026-02-01\nX-2,LEAN,X,2026-03-01,2026-02-01");
        cohorts.Errors.Select(e => (e.Row, e.Column, e.Message)).ShouldBe(
        [
            (2, "program_code", "There is no program NOPE; import it in a programs file first."),
            (3, "end_date", "The cohort ends (2026-02-01) before it starts (2026-03-01)."),
        ]);
        var enrollments = await _import.ImportCsvAsync(ImportKind.Enrollments, "cohort_code,employee_no,status\nLEAN-1,E001,passed\nNOPE,E001,");
        enrollments.Errors.Select(e => (e.Row, e.Column, e.Message)).ShouldBe(
        [
            (2, "status", "status must be enrolled, completed or withdrawn."),
            (3, "cohort_code", "Unknown cohort NOPE."),
        ]);
        await using var db = _database.CreateContext();
        (await db.Learners.CountAsync(Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task Csv_with_a_bom_and_xlsx_give_the_same_result()
    {
        await using var other = await TestDatabase.CreateAsync(Provider, _database.Clock);
        var otherData = await TestData.CreateAsync(other);
        var fromCsv = await _import.ImportAsync(ImportKind.Observations, ImportTestKit.Csv(GoodObservations, bom: true), ImportFormat.Csv, "f", Ct);
        var fromXlsx = await ImportTestKit.Service(other).ImportAsync(ImportKind.Observations, ImportTestKit.Xlsx(GoodObservations), ImportFormat.Xlsx, "f", Ct);

        fromXlsx.ShouldBeEquivalentTo(fromCsv);
        fromCsv.Created.ShouldBe(4);
        await using var a = _database.CreateContext();
        await using var b = other.CreateContext();
        var left = await a.StoredObservations.OrderBy(o => o.Id).Select(o => new { o.IndicatorCode, o.Value, o.Baseline, o.Target, o.Measure, o.ObservedOn }).ToListAsync(Ct);
        var right = await b.StoredObservations.OrderBy(o => o.Id).Select(o => new { o.IndicatorCode, o.Value, o.Baseline, o.Target, o.Measure, o.ObservedOn }).ToListAsync(Ct);
        right.ShouldBe(left);
        var leftScores = await a.LearnerScores.OrderBy(s => s.EnrollmentId).Select(s => s.Composite).ToListAsync(Ct);
        var rightScores = await b.LearnerScores.OrderBy(s => s.EnrollmentId).Select(s => s.Composite).ToListAsync(Ct);
        rightScores.ShouldBe(leftScores);
        otherData.Cohort.Code.ShouldBe(_data.Cohort.Code);
    }

    [Fact]
    public async Task Xlsx_numbers_and_dates_typed_by_excel_are_read_as_their_text()
    {
        var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[]
        {
            new Dictionary<string, object?> { ["cohort_code"] = "LEAN-1", ["employee_no"] = "E001", ["indicator"] = "attendance", ["value"] = 0.75, ["observed_on"] = new DateTime(2026, 4, 1) },
        }, excelType: MiniExcelLibs.ExcelType.XLSX);
        stream.Position = 0;

        var result = await _import.ImportAsync(ImportKind.Observations, stream, ImportFormat.Xlsx, "x.xlsx", Ct);

        result.Errors.ShouldBeEmpty();
        await using var db = _database.CreateContext();
        var stored = await db.StoredObservations.SingleAsync(Ct);
        (stored.Value, stored.ObservedOn).ShouldBe((0.75, new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_one_error_for_the_whole_file()
    {
        var result = await _import.ImportAsync(ImportKind.Learners, ImportTestKit.Csv("not a zip"), ImportFormat.Xlsx, "x.xlsx", Ct);

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column, error.Value, error.Message).ShouldBe((0, "", (string?)null, "The file is not a readable Excel workbook (.xlsx)."));
    }

    [Theory]
    [InlineData(ImportFormat.Csv)]
    [InlineData(ImportFormat.Xlsx)]
    public async Task Every_template_has_the_kinds_columns_and_imports_as_an_empty_file(ImportFormat format)
    {
        foreach (var kind in ImportSchema.Kinds)
        {
            var template = ImportTemplates.Create(kind, format);
            var preview = await _import.PreviewAsync(kind, new MemoryStream(template), format, Ct);
            preview.Mapping.Missing.ShouldBeEmpty();
            preview.Mapping.Ignored.ShouldBeEmpty();
            preview.Headers.ShouldBe(ImportSchema.Columns(kind).Select(c => c.Name));
            var result = await _import.ImportAsync(kind, new MemoryStream(template), format, "template", Ct);
            (result.Succeeded, result.RowsRead).ShouldBe((true, 0));
        }
    }

    [Fact]
    public async Task Preview_maps_headers_and_shows_the_first_rows()
    {
        var preview = await _import.PreviewAsync(ImportKind.Enrollments, ImportTestKit.Csv("Employee_No,cohort_code,notes\nE001,LEAN-1,a\nE002,LEAN-1,b"), ImportFormat.Csv, Ct);

        preview.Mapping.Found.ShouldBe(new Dictionary<string, int> { ["employee_no"] = 0, ["cohort_code"] = 1 }, ignoreOrder: true);
        preview.Mapping.Missing.Select(c => c.Name).ShouldBe(["status", "enrolled_on", "withdrawn_on", "mentor_employee_no"]);
        preview.Mapping.Ignored.ShouldBe(["notes"]);
        preview.RowsRead.ShouldBe(2);
        preview.FirstRows[1].ShouldSatisfyAllConditions(r => r.Number.ShouldBe(3), r => r.Cells.ShouldBe(["E002", "LEAN-1", "b"]));
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Learner)]
    public async Task Only_staff_may_import(string role)
    {
        var service = ImportTestKit.Service(_database, role);

        await Should.ThrowAsync<AccessDeniedException>(() => service.ImportCsvAsync(ImportKind.Learners, "employee_no,name\nE9,X"));
    }
}

/// <summary>The same tests on PostgreSQL (issue 18).</summary>
public sealed class PostgresImportServiceTests : ImportServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
