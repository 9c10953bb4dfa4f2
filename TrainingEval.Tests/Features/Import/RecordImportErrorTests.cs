using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Import;

/// <summary>
/// Bad input of every sort for every record kind — values out of range, unknown references, duplicates inside the file,
/// dates in the wrong order, bad codes — each a row-level message naming row, column, value and reason (the learner
/// when it is about one), and nothing written.
/// </summary>
public sealed class RecordImportErrorTests : IAsyncLifetime
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

    /// <summary>Imports the bad file and checks its errors in row order, and that the file wrote nothing.</summary>
    private async Task RefusedAsync(ImportKind kind, string csv, Func<TrainingDbContext, Task<int>> count, params (int Row, string Column, string Message)[] expected)
    {
        await using var before = _database.CreateContext();
        var records = await count(before);
        var audit = await before.AuditTrail.CountAsync(Ct);

        var result = await _import.ImportCsvAsync(kind, csv);

        result.Errors.Select(e => (e.Row, e.Column, e.Message)).ShouldBe(expected);
        await using var after = _database.CreateContext();
        (await count(after)).ShouldBe(records, "a refused file writes nothing");
        (await after.AuditTrail.CountAsync(Ct)).ShouldBe(audit);
    }

    [Fact]
    public Task Sessions() => RefusedAsync(ImportKind.Sessions, """
        cohort_code,held_on,start_time,end_time,title
        LEAN-1,2026-03-02,09:00,12:00,第一课
        LEAN-1,2026-03-02,09:00,11:00,重复
        LEAN-1,2026-03-03,14:00,13:00,倒序
        LEAN-1,2026-05-01,,,课后
        LEAN-9,2026-03-04,,,未知
        LEAN-1,2026-03-05,9.30,,错时间
        LEAN-1,2026-03-06,,,
        """, db => db.Sessions.CountAsync(Ct),
        (3, "held_on", "Duplicate key inside the file: LEAN-1 / 2026-03-02 09:00 is already on row 2."),
        (4, "end_time", "end_time (13:00) is before start_time (14:00)."),
        (5, "held_on", "held_on 2026-05-01 is outside cohort LEAN-1, which runs 2026-03-02 – 2026-04-24."),
        (6, "cohort_code", "Unknown cohort LEAN-9."),
        (7, "start_time", "'9.30' is not a time of day; write it as HH:mm, e.g. 09:30."),
        (8, "title", "title is required."));

    [Fact]
    public async Task Attendance()
    {
        await RecordFiles.ImportThroughAsync(_import, ImportKind.Sessions);
        (await _import.ImportCsvAsync(ImportKind.Sessions, "cohort_code,held_on,start_time,title\nLEAN-1,2026-03-23,09:00,A\nLEAN-1,2026-03-23,14:00,B")).Errors.ShouldBeEmpty();
        (await _import.ImportCsvAsync(ImportKind.Learners, "employee_no,name\nE100,新人")).Errors.ShouldBeEmpty();

        await RefusedAsync(ImportKind.Attendance, """
            cohort_code,session_date,session_start,employee_no,status
            LEAN-1,2026-03-02,,E001,maybe
            LEAN-1,2026-03-03,,E001,present
            LEAN-1,2026-03-02,,E999,present
            LEAN-1,2026-03-02,,E001,present
            LEAN-1,2026-03-02,09:00,e001,absent
            LEAN-1,2026-03-23,,E001,present
            LEAN-1,2026-03-02,,E100,present
            """, db => db.Attendance.CountAsync(Ct),
            (2, "status", "status must be one of present, late, absent, excused, not 'maybe'."),
            (3, "session_date", "Cohort LEAN-1 has no session on 2026-03-03; import it in a sessions file first."),
            (4, "employee_no", "There is no learner with employee number E999."),
            (6, "employee_no", "Duplicate key inside the file: LEAN-1 / 2026-03-02 / e001 is already on row 5."),
            (7, "session_start", "Cohort LEAN-1 has 2 sessions on 2026-03-23; give session_start to say which one."),
            (8, "employee_no", "Employee E100 is not enrolled in cohort LEAN-1; import the enrollment first."));
    }

    [Fact]
    public Task Assignments() => RefusedAsync(ImportKind.Assignments, """
        cohort_code,assignment_code,title,due_at,assigned_on,max_score
        LEAN-1,HW1,作业一,2026-03-08,2026-03-09,
        LEAN-1,HW2,作业二,2026-03-15,,0
        LEAN-1,hw3,作业三,2026-03-20,,
        LEAN-1,HW3,重复,2026-03-21,,
        LEAN-1,HW4,x,next week,,
        """, db => db.Assignments.CountAsync(Ct),
        (2, "due_at", "due_at (2026-03-08) is before assigned_on (2026-03-09)."),
        (3, "max_score", "max_score 0 is outside the allowed range > 0."),
        (5, "assignment_code", "Duplicate key inside the file: LEAN-1 / HW3 is already on row 4."),
        (6, "due_at", "'next week' is not a date or a date and time; write yyyy-MM-dd or yyyy-MM-dd HH:mm, e.g. 2025-03-01 18:00."));

    [Fact]
    public async Task Submissions()
    {
        await RecordFiles.ImportThroughAsync(_import, ImportKind.Assignments);

        await RefusedAsync(ImportKind.Submissions, """
            cohort_code,assignment_code,employee_no,submitted_at,score
            LEAN-1,HW1,E001,2026-03-05,120
            LEAN-1,HW9,E001,2026-03-05,
            LEAN-1,HW2,E001,2026-03-01,
            LEAN-1,HW1,E002,2026-03-05,-1
            LEAN-1,HW1,E003,2026-03-05,
            LEAN-1,HW1,E003,2026-03-06,
            """, db => db.Submissions.CountAsync(Ct),
            (2, "score", "Employee E001: score 120 is above the maximum 100 of HW1."),
            (3, "assignment_code", "Cohort LEAN-1 has no assignment HW9; import it in an assignments file first."),
            (4, "submitted_at", "Employee E001: the submission (2026-03-01) is before assignment HW2 was set (2026-03-09)."),
            (5, "score", "Employee E002: score -1 is outside the allowed range ≥ 0."),
            (7, "employee_no", "Duplicate key inside the file: LEAN-1 / HW1 / E003 is already on row 6."));
    }

    [Fact]
    public Task Assessments() => RefusedAsync(ImportKind.Assessments, """
        cohort_code,assessment_code,title,kind,part,max_score,pass_line,difficulty,held_on
        LEAN-1,QZ,测验,quiz,,10,120,,2026-03-10
        LEAN-1,EX,考试,exam,,,,,2026-04-24
        LEAN-1,PRAC,实操,final,practical,50,,,2026-04-24
        LEAN-1,FIN,结业,final,theory,100,,,2026-04-24
        LEAN-1,FIN,结业考试,final,practical,50,,,2026-04-24
        LEAN-1,Q2,测验二,quiz,,,,,2026-05-10
        LEAN-1,FIN,x,final,theory,100,,,2026-04-24
        """, db => db.Assessments.CountAsync(Ct),
        (2, "pass_line", "pass_line 120 is outside the allowed range 0–100."),
        (3, "kind", "kind must be one of pre_test, quiz, post_test, final, not 'exam'."),
        (4, "part", "Assessment PRAC has no theory part: every assessment has one (part theory, its only part when there is no practical one)."),
        (6, "title", "Assessment FIN is already on row 5 with another title; the parts of one assessment share title, kind, date, pass line and difficulty."),
        (7, "held_on", "held_on 2026-05-10 is outside cohort LEAN-1, which runs 2026-03-02 – 2026-04-24."),
        (8, "assessment_code", "Duplicate key inside the file: LEAN-1 / FIN / theory is already on row 5."));

    [Fact]
    public async Task Assessment_results()
    {
        await RecordFiles.ImportThroughAsync(_import, ImportKind.Assessments);

        await RefusedAsync(ImportKind.AssessmentResults, """
            cohort_code,assessment_code,part,employee_no,score
            LEAN-1,FINAL,theory,E001,120
            LEAN-1,PRE,practical,E001,10
            LEAN-1,NOPE,,E001,10
            LEAN-1,FINAL,practical,E002,30
            LEAN-1,FINAL,,E003,-5
            LEAN-1,PRE,,E003,50
            LEAN-1,pre,theory,E003,55
            """, db => db.AssessmentResults.CountAsync(Ct),
            (2, "score", "Employee E001: score 120 is above the maximum 100 of FINAL."),
            (3, "part", "Assessment PRE of cohort LEAN-1 has no practical part; import the part in an assessments file first."),
            (4, "assessment_code", "Cohort LEAN-1 has no assessment NOPE; import it in an assessments file first."),
            (5, "part", "Employee E002 has a practical score for FINAL but no theory score; import the theory score too."),
            (6, "score", "Employee E003: score -5 is outside the allowed range ≥ 0."),
            (8, "employee_no", "Duplicate key inside the file: LEAN-1 / pre / theory / E003 is already on row 7."));
    }

    [Fact]
    public Task Surveys() => RefusedAsync(ImportKind.Surveys, """
        cohort_code,survey_code,title,kind,items,opened_on
        LEAN-1,S1,满意度,reaction,0,2026-04-24
        LEAN-1,S2,满意度,reaction,4,2026-02-01
        LEAN-1,S3,跟进,follow_up,4,2026-04-01
        LEAN-1,S4,x,opinion,4,2026-04-24
        LEAN-1,S5,x,,2.5,2026-04-24
        """, db => db.Surveys.CountAsync(Ct),
        (2, "items", "items 0 is outside the allowed range 1–100."),
        (3, "opened_on", "A reaction survey opened on 2026-02-01 does not fit cohort LEAN-1 (2026-03-02 – 2026-04-24): reaction surveys open once it has started, needs surveys before it ends, follow-ups after it ended."),
        (4, "opened_on", "A follow_up survey opened on 2026-04-01 does not fit cohort LEAN-1 (2026-03-02 – 2026-04-24): reaction surveys open once it has started, needs surveys before it ends, follow-ups after it ended."),
        (5, "kind", "kind must be one of reaction, needs, follow_up, not 'opinion'."),
        (6, "items", "'2.5' is not a whole number."));

    [Fact]
    public async Task Survey_responses()
    {
        await RecordFiles.ImportThroughAsync(_import, ImportKind.Surveys);

        await RefusedAsync(ImportKind.SurveyResponses, """
            cohort_code,survey_code,employee_no,item,rating,submitted_at,comment
            LEAN-1,END,E001,1,6,,
            LEAN-1,END,E001,5,4,,
            LEAN-1,END,E001,0,4,,
            LEAN-1,NONE,E001,1,4,,
            LEAN-1,END,E002,1,4,2026-04-20,
            LEAN-1,END,E003,2,4,,
            LEAN-1,END,E003,2,5,,
            """, db => db.SurveyResponses.CountAsync(Ct),
            (2, "rating", "Employee E001: rating 6 is outside the allowed range 1–5."),
            (3, "item", "Survey END has 4 items; there is no item 5."),
            (4, "item", "item 0 is outside the allowed range ≥ 1."),
            (5, "survey_code", "Cohort LEAN-1 has no survey NONE; import it in a surveys file first."),
            (6, "submitted_at", "submitted_at (2026-04-20) is before opened_on (2026-04-24)."),
            (8, "item", "Duplicate key inside the file: LEAN-1 / END / E003 / item 2 is already on row 7."));
    }

    [Fact]
    public Task Interactions() => RefusedAsync(ImportKind.Interactions, """
        cohort_code,employee_no,occurred_at,kind,count
        LEAN-1,E001,2026-03-03,like,
        LEAN-1,E001,2026-03-03,post,0
        LEAN-1,E001,2026-06-01,post,
        LEAN-1,E001,2026-03-05 10:00,post,
        LEAN-1,e001,2026-03-05 10:00,post,2
        """, db => db.Interactions.CountAsync(Ct),
        (2, "kind", "kind must be one of post, question, poll_answer, not 'like'."),
        (3, "count", "Employee E001: count 0 is outside the allowed range ≥ 1."),
        (4, "occurred_at", "occurred_at 2026-06-01 is outside cohort LEAN-1, which runs 2026-03-02 – 2026-04-24."),
        (6, "occurred_at", "Duplicate key inside the file: LEAN-1 / e001 / 2026-03-05 10:00 / post is already on row 5."));

    [Fact]
    public Task Application_events() => RefusedAsync(ImportKind.ApplicationEvents, """
        cohort_code,employee_no,occurred_on,description,key_event
        LEAN-1,E001,2026-02-01,早于开班,
        LEAN-1,E001,2026-05-01,应用,maybe
        LEAN-1,E001,2026-05-02,应用,
        LEAN-1,E001,2026-05-02, 应用 ,yes
        LEAN-1,E009,2026-05-03,x,
        """, db => db.ApplicationEvents.CountAsync(Ct),
        (2, "occurred_on", "occurred_on (2026-02-01) is before LEAN-1 start_date (2026-03-02)."),
        (3, "key_event", "'maybe' is not yes or no; write true or false."),
        (5, "description", "Duplicate key inside the file: LEAN-1 / E001 / 2026-05-02 / '应用' is already on row 4."),
        (6, "employee_no", "There is no learner with employee number E009."));

    [Fact]
    public async Task Mentor_ratings()
    {
        await RecordFiles.ImportThroughAsync(_import, ImportKind.MentorRatings);

        await RefusedAsync(ImportKind.MentorRatings, """
            cohort_code,employee_no,mentor_employee_no,dimension,rating,comment,rated_at
            LEAN-1,E001,M001,initiative,6,,2026-05-01
            LEAN-1,E001,M001,charm,4,,2026-05-01
            LEAN-1,E001,M999,attitude,4,,2026-05-01
            LEAN-1,E001,M001,initiative,2,,2026-04-01
            LEAN-1,E001,M001,initiative,5,,2026-03-20
            LEAN-1,E002,M001,attitude,4,,2026-02-01
            """, db => db.MentorRatings.CountAsync(Ct),
            (2, "rating", "Employee E001: rating 6 is outside the allowed range 1–5."),
            (3, "dimension", "charm is not a mentor dimension; use initiative, attitude, innovation, collaboration, application."),
            (4, "mentor_employee_no", "There is no mentor with employee number M999."),
            (5, "rated_at", "Employee E001: the rating on initiative at 2026-04-01 is earlier than the latest stored one (2026-04-30 10:00); ratings are history and can only be appended."),
            (6, "rating", "Employee E001 already has a rating on initiative at 2026-03-20 (score 3); a rating is history and is never overwritten."),
            (7, "rated_at", "Employee E002: rated at 2026-02-01, before cohort LEAN-1 started (2026-03-02)."));
    }

    [Fact]
    public Task Performance_reviews() => RefusedAsync(ImportKind.PerformanceReviews, """
        employee_no,period,reviewed_on,behavior_rating,overall_rating,cohort_code,timing,reviewer,comment
        E001,2026-H1,2026-06-30,6,4,,,,
        E009,2026-H1,2026-06-30,3,3,,,,
        E001,2026-Q2,2026-06-30,3,3,LEAN-1,,,
        E001,2026-Q3,2026-06-30,3,3,LEAN-1,before,,
        E002,2026-H1,2026-06-30,3,3,,,,
        E002,2026-h1,2026-07-01,3,3,,,,
        """, db => db.PerformanceReviews.CountAsync(Ct),
        (2, "behavior_rating", "Employee E001: behavior_rating 6 is outside the allowed range 1–5."),
        (3, "employee_no", "There is no learner with employee number E009; import them in a learners file first."),
        (4, "timing", "timing and cohort_code go together: the cohort the review is before or after."),
        (5, "reviewed_on", "The review of E001 on 2026-06-30 is marked before cohort LEAN-1, which runs 2026-03-02 – 2026-04-24."),
        (7, "period", "Duplicate key inside the file: E002 / 2026-h1 is already on row 6."));

    [Fact]
    public Task Kpis() => RefusedAsync(ImportKind.Kpis, """
        program_code,kpi_code,name,unit,direction,value_per_unit,currency
        LEAN,scrap,废品率,%,down,,
        LEAN,oee,OEE,%,higher_is_better,-5,
        LEAN,cost,成本,元,lower_is_better,1,USD
        NOPE,x,x,x,higher_is_better,,
        LEAN,oee2,x,%,higher_is_better,,
        LEAN,OEE2,x,%,higher_is_better,,
        """, db => db.Kpis.CountAsync(Ct),
        (2, "direction", "direction must be one of higher_is_better, lower_is_better, not 'down'."),
        (3, "value_per_unit", "value_per_unit -5 is outside the allowed range ≥ 0."),
        (4, "currency", "Amounts are kept in CNY (setting TrainingEval:Currency); convert USD amounts to CNY before importing."),
        (5, "program_code", "There is no program NOPE; import it in a programs file first."),
        (7, "kpi_code", "Duplicate key inside the file: LEAN / OEE2 is already on row 6."));

    [Fact]
    public async Task Kpi_measurements()
    {
        await RecordFiles.ImportThroughAsync(_import, ImportKind.Kpis);

        await RefusedAsync(ImportKind.KpiMeasurements, """
            cohort_code,kpi_code,employee_no,team,baseline,target,actual,measured_on
            LEAN-1,scrap_rate,E001,PRD,5,3,,
            LEAN-1,scrap_rate,,,5,3,,
            LEAN-1,scrap_rate,E001,,5,5,,
            LEAN-1,nope,E001,,5,3,,
            LEAN-1,scrap_rate,,QA,5,3,,
            LEAN-1,scrap_rate,E002,,5,3,4,2026-01-01
            LEAN-1,scrap_rate,E003,,5,3,,
            LEAN-1,scrap_rate,E003,,6,3,,
            """, db => db.KpiMeasurements.CountAsync(Ct),
            (2, "employee_no", "Give employee_no or team: one of them, not both."),
            (3, "employee_no", "Give employee_no or team: one of them, not both."),
            (4, "target", "target must differ from baseline (5)."),
            (5, "kpi_code", "Program LEAN of cohort LEAN-1 has no KPI nope; import it in a KPIs file first."),
            (6, "team", "There is no department QA (code or name)."),
            (7, "measured_on", "measured_on (2026-01-01) is before LEAN-1 start_date (2026-03-02)."),
            (9, "kpi_code", "Duplicate key inside the file: LEAN-1 / scrap_rate / E003 is already on row 8."));
    }

    [Fact]
    public async Task Cost_items()
    {
        (await _import.ImportCsvAsync(ImportKind.Programs, "program_code,name\nQC,质量")).Errors.ShouldBeEmpty();

        await RefusedAsync(ImportKind.CostItems, """
            program_code,cohort_code,category,description,amount,currency,incurred_on
            ,,trainer,讲师,100,,2026-03-02
            LEAN,,food,餐费,100,,2026-03-02
            LEAN,,venue,场地,-1,,2026-03-02
            QC,LEAN-1,venue,场地,1,,2026-03-02
            LEAN,LEAN-1,other,x,1,EUR,2026-03-02
            LEAN,,materials,教材,1,,2026-03-02
            LEAN,,materials,教材,2,,2026-03-02
            """, db => db.CostItems.CountAsync(Ct),
            (2, "program_code", "Give program_code or cohort_code (both when the cohort belongs to the program)."),
            (3, "category", "category must be one of trainer, materials, venue, learner_time, other, not 'food'."),
            (4, "amount", "amount -1 is outside the allowed range ≥ 0."),
            (5, "cohort_code", "Cohort LEAN-1 belongs to program LEAN, not QC."),
            (6, "currency", "Amounts are kept in CNY (setting TrainingEval:Currency); convert EUR amounts to CNY before importing."),
            (8, "description", "Duplicate key inside the file: LEAN / - / materials / '教材' / 2026-03-02 is already on row 7."));
    }
}
