using Microsoft.Extensions.Logging.Abstractions;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Import;

/// <summary>
/// A good file of every record kind for <see cref="TestData"/>'s cohort LEAN-1 (2026-03-02 – 2026-04-24, program LEAN,
/// learners E001–E003 of department PRD, mentor M001), in the order they are imported.
/// </summary>
public static class RecordFiles
{
    public static readonly IReadOnlyList<(ImportKind Kind, string Csv)> InOrder =
    [
        (ImportKind.Sessions, """
            cohort_code,held_on,start_time,end_time,title
            LEAN-1,2026-03-02,09:00,12:00,第一课
            LEAN-1,2026-03-09,09:00,12:00,第二课
            LEAN-1,2026-03-16,,,第三课
            """),
        (ImportKind.Attendance, """
            cohort_code,session_date,session_start,employee_no,status
            LEAN-1,2026-03-02,09:00,E001,present
            LEAN-1,2026-03-09,,E001,present
            LEAN-1,2026-03-16,,E001,Present
            LEAN-1,2026-03-02,09:00,E002,late
            LEAN-1,2026-03-09,09:00,E002,absent
            LEAN-1,2026-03-16,,E002,excused
            LEAN-1,2026-03-02,,E003,present
            """),
        (ImportKind.Assignments, """
            cohort_code,assignment_code,title,due_at,assigned_on,max_score
            LEAN-1,HW1,作业一,2026-03-08,2026-03-02,
            LEAN-1,HW2,作业二,2026-03-15 18:00,2026-03-09,50
            """),
        (ImportKind.Submissions, """
            cohort_code,assignment_code,employee_no,submitted_at,score
            LEAN-1,HW1,E001,2026-03-08,90
            LEAN-1,HW2,E001,2026-03-16 09:00,40
            LEAN-1,hw1,E002,2026-03-07 20:00,80
            """),
        (ImportKind.Assessments, """
            cohort_code,assessment_code,title,kind,part,max_score,pass_line,difficulty,held_on,title_en
            LEAN-1,PRE,训前测试,pre_test,,,,basic,2026-03-02,
            LEAN-1,FINAL,结业考试,final,theory,100,60,advanced,2026-04-24,Final exam
            LEAN-1,FINAL,结业考试,final,practical,50,,,2026-04-24,
            """),
        (ImportKind.AssessmentResults, """
            cohort_code,assessment_code,part,employee_no,score
            LEAN-1,PRE,,E001,40
            LEAN-1,FINAL,theory,E001,85
            LEAN-1,FINAL,practical,E001,40
            LEAN-1,FINAL,theory,E002,50
            """),
        (ImportKind.Surveys, """
            cohort_code,survey_code,title,kind,items,opened_on,title_en
            LEAN-1,END,课程满意度,reaction,4,2026-04-24,Course satisfaction
            LEAN-1,NEEDS,需求调查,needs,3,2026-02-20,
            """),
        (ImportKind.SurveyResponses, """
            cohort_code,survey_code,employee_no,item,rating,submitted_at,comment
            LEAN-1,END,E001,1,4,2026-04-25,
            LEAN-1,END,E001,2,5,2026-04-25,很实用
            LEAN-1,END,E001,3,4,2026-04-25,
            LEAN-1,END,E001,4,3,2026-04-25,
            LEAN-1,NEEDS,E001,1,2,2026-02-21,
            """),
        (ImportKind.Interactions, """
            cohort_code,employee_no,occurred_at,kind,count
            LEAN-1,E001,2026-03-03,post,3
            LEAN-1,E002,2026-03-04 10:30,question,
            """),
        (ImportKind.ApplicationEvents, """
            cohort_code,employee_no,occurred_on,description,key_event
            LEAN-1,E001,2026-05-01,5S in the cell,yes
            LEAN-1,E002,2026-07-01,SMED on line 2,
            """),
        (ImportKind.MentorRatings, """
            cohort_code,employee_no,mentor_employee_no,dimension,rating,comment,rated_at
            LEAN-1,E001,M001,initiative,3,,2026-03-20
            LEAN-1,E001,M001,Initiative,4,进步明显,2026-04-30 10:00
            LEAN-1,E002,m001,attitude,5,,2026-04-30
            """),
        (ImportKind.PerformanceReviews, """
            employee_no,period,reviewed_on,behavior_rating,overall_rating,cohort_code,timing,reviewer,comment
            E001,2025-H2,2025-12-31,3,3.5,,,王经理,
            E001,2026-H1,2026-06-30,4,4,,,王经理,
            E002,2026-H1,2026-06-30,3,3,,,,
            E002,2026-Q1,2026-03-31,2,2.5,LEAN-1,before,,
            """),
        (ImportKind.Kpis, """
            program_code,kpi_code,name,unit,direction,value_per_unit,currency
            LEAN,scrap_rate,废品率,%,lower_is_better,120,CNY
            """),
        (ImportKind.KpiMeasurements, """
            cohort_code,kpi_code,employee_no,team,baseline,target,actual,measured_on
            LEAN-1,scrap_rate,E001,,5,3,4,2026-06-30
            LEAN-1,SCRAP_RATE,,PRD,6,4,5.5,2026-06-30
            """),
        (ImportKind.CostItems, """
            program_code,cohort_code,category,description,amount,currency,incurred_on
            LEAN,,trainer,讲师课酬,12000,,2026-03-02
            ,LEAN-1,venue,场地,3000.5,cny,2026-03-02
            """),
    ];

    public static string Csv(ImportKind kind) => InOrder.Single(f => f.Kind == kind).Csv;

    /// <summary>Rows of each good file (the header excluded).</summary>
    public static int Rows(ImportKind kind) => Csv(kind).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

    /// <summary>Imports every good file up to and including <paramref name="last"/>.</summary>
    public static async Task ImportThroughAsync(ImportService import, ImportKind last)
    {
        foreach (var (kind, csv) in InOrder)
        {
            var result = await import.ImportCsvAsync(kind, csv);
            result.Errors.ShouldBeEmpty($"{kind}: {string.Join(" | ", result.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}"))}");
            if (kind == last)
                return;
        }
    }

    public static ImportReadBack ReadBack(TestDatabase database) =>
        new(database.Factory, new RecordAccess(new FixedUser(FixedUser.InRole(Roles.HrAnalyst)), database.Factory, NullLogger<RecordAccess>.Instance));
}
