using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using TrainingEval.Dashboard.Features.Admin;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Attendance;
using TrainingEval.Dashboard.Features.Cohorts.Manage;
using TrainingEval.Dashboard.Features.Programs.Manage;
using TrainingEval.Dashboard.Features.SavedViews;
using TrainingEval.Dashboard.Features.Enrolment;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Features.MyLearning;
using TrainingEval.Dashboard.Features.Notifications.Delivery;
using TrainingEval.Dashboard.Features.Scoring.Playground;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;
using TrainingEval.Tests.Support;
using CultureScope = TrainingEval.Tests.Support.CultureScope;

namespace TrainingEval.Tests.Shared;

/// <summary>
/// Issue 21 item 4 for the tables that had no export: admin users, API keys, outbox, a cohort's enrolments, a learner's
/// cohorts (learner page and /me), the sessions list, /me's exam results, the playground's explanation and level table, and the
/// setup panels' assessments, surveys, KPIs and costs.
/// Each is written as CSV and XLSX through the app's writer and parsed back: headers in the user's language, a value
/// (numbers rounded to 2 decimals, spec section 4) and text cells starting with = + - @ neutralised.
/// </summary>
public sealed class TableExportsEverywhereTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddLocalization().AddLogging().BuildServiceProvider();

    private static IStringLocalizer<T> Text<T>() => Services.GetRequiredService<IStringLocalizer<T>>();

    /// <summary>Writes the table in <paramref name="format"/> and reads every cell back as text (numbers in invariant form).</summary>
    private static List<List<string?>> RoundTrip(ExportTable table, ExportFormat format)
    {
        var bytes = new TableExport().Write(table, format);
        if (format == ExportFormat.Xlsx)
        {
            return new MemoryStream(bytes).Query(useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)).ToList()).ToList();
        }
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<List<string?>>();
        while (csv.Read())
            rows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => { var f = csv.GetField(i); return string.IsNullOrEmpty(f) ? null : f; })]);
        return rows;
    }

    public static TheoryData<string, ExportFormat> Cultures => new()
    {
        { "en", ExportFormat.Csv }, { "en", ExportFormat.Xlsx }, { "zh-CN", ExportFormat.Csv }, { "zh-CN", ExportFormat.Xlsx },
    };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Users_export_their_roles_and_status_but_nothing_of_a_password(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        UserRow[] users =
        [
            new("u1", "wang.fang", "=HYPERLINK(\"https://evil.example\")", [Roles.HrAnalyst, Roles.Mentor], null, "M007", IsLockedOut: true, FailedAttempts: 5),
            new("u2", "li.wei", "Li Wei", [Roles.Learner], "E1001", null, IsLockedOut: false, FailedAttempts: 0),
        ];

        var rows = RoundTrip(AdminExports.Users(users, Text<AccountStrings>()), format);

        rows[0].ShouldBe(culture == "en"
            ? ["User name", "Display name", "Roles", "Mentor", "Learner", "Status", "Failed sign-ins"]
            : ["用户名", "显示名称", "角色", "导师", "学员", "状态", "登录失败次数"]);
        rows[1][2].ShouldBe(culture == "en" ? "HR analyst, Mentor" : "HR 分析师, 导师");
        rows[1][1].ShouldBe("'=HYPERLINK(\"https://evil.example\")", "a formula in a name is text in the file");
        rows[1][5].ShouldBe(culture == "en" ? "Locked" : "已锁定");
        rows[1][6].ShouldBe("5");
        rows[2][4].ShouldBe("E1001");
        rows.Count.ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Api_keys_export_names_roles_and_dates_and_never_a_secret(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        ApiKeyInfo[] keys =
        [
            new(1, "+HR system", Roles.HrAnalyst, "admin", new DateTime(2026, 3, 1, 8, 5, 0, DateTimeKind.Utc), null),
            new(2, "Old BI", Roles.Executive, "admin", new DateTime(2025, 1, 2, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 2, 3, 0, 0, 0, DateTimeKind.Utc)),
        ];

        var table = AdminExports.ApiKeys(keys, Text<ApiKeysPage>(), Text<AccountStrings>());
        var rows = RoundTrip(table, format);

        rows[0].Count.ShouldBe(5, "name, role, creator, created, status: no key, no hash");
        rows[0][3].ShouldEndWith("(UTC)");
        rows[1][0].ShouldBe("'+HR system");
        rows[1][3].ShouldBe("2026-03-01 08:05");
        rows[1][1].ShouldBe(culture == "en" ? "HR analyst" : "HR 分析师", "the role's one wording, as the user menu and users page write it");
        rows[2][4].ShouldBe(culture == "en" ? "Revoked 2026-02-03" : Text<ApiKeysPage>()["Revoked", "2026-02-03"].Value);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Outbox_messages_export_as_listed_with_local_times(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        var time = new LocalTime(Options.Create(new TrainingEvalOptions { TimeZone = "Asia/Shanghai" }));
        OutboxRow[] rows =
        [
            new(7, DeliveryChannel.WeCom, MessageTopic.Alert, "qyapi.weixin.qq.com", "-1 point: Wang Fang", OutboxStatus.Failed, 5,
                new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), "@timeout after 10 s", new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc), null),
        ];

        var read = RoundTrip(AdminExports.Outbox(rows, OutboxStatus.Failed, Text<OutboxPage>(), time), format);

        read[0].Count.ShouldBe(7);
        read[1][0].ShouldBe("2026-03-01 00:00:00 (UTC+08:00)");
        read[1][2].ShouldBe("qyapi.weixin.qq.com", "a webhook is its host only");
        read[1][3].ShouldBe("'-1 point: Wang Fang");
        read[1][4].ShouldBe("5");
        read[1][5].ShouldBe(Text<OutboxPage>()["GivenUp"].Value);
        read[1][6].ShouldBe("'@timeout after 10 s");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void A_cohorts_enrolments_export_every_row_with_iso_dates(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        EnrolmentRow[] enrolments =
        [
            new(1, "E1001", "@Wang Fang", "Sales", "M007", "Zhao Min", EnrollmentStatus.Enrolled, new DateOnly(2026, 3, 2), null),
            new(2, "E1002", "Li Wei", "Finance", null, null, EnrollmentStatus.Withdrawn, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 20)),
        ];

        var rows = RoundTrip(EnrolmentTable.Export(enrolments, Text<EnrolmentTable>()), format);

        rows[0].ShouldBe(culture == "en"
            ? ["Employee no.", "Learner", "Department", "Mentor", "Status", "Enrolled on", "Withdrew on"]
            : ["工号", "学员", "部门", "导师", "状态", "报名日期", "退出日期"]);
        rows[1][1].ShouldBe("'@Wang Fang");
        rows[1][3].ShouldBe("Zhao Min (M007)");
        rows[2][4].ShouldBe(culture == "en" ? "Withdrawn" : "已退出");
        rows[2][6].ShouldBe("2026-03-20");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void A_learners_cohorts_export_their_scores_rounded_to_two_decimals(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        LearnerCohortRow[] cohorts =
        [
            new(1, "LEAN-2026-01", "精益 1 期", "=Lean 1", "精益", "Lean", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 27), true, EnrollmentStatus.Completed, true,
                80.126, 71.5, null, 66.666, 72.3349, 0.875, Tier.B, true, 3, 25, 1, CohortStatus.Closed),
        ];

        var rows = RoundTrip(LearnerCohortTable.Export(cohorts, Text<LearnerCohortTable>(), Text<EvaluationStrings>()), format);

        rows[0][0].ShouldBe(culture == "en" ? "Cohort" : "班期");
        rows[0][7].ShouldBe(culture == "en" ? "Reaction" : Text<EvaluationStrings>().LevelName(KirkpatrickLevel.Reaction));
        rows[0][12].ShouldEndWith("(%)");
        rows[1][0].ShouldBe("LEAN-2026-01");
        if (culture == "en")
            rows[1][1].ShouldBe("'=Lean 1", "the English name is the one shown, neutralised");
        rows[1][7].ShouldBe("80.13");
        rows[1][9].ShouldBeNull("no Behavior score is an empty cell, not 0");
        rows[1][11].ShouldBe("72.33");
        rows[1][12].ShouldBe("87.5");
        rows[1][13].ShouldBe(Text<EvaluationStrings>().TierLabel(Tier.B));
        (rows[1][14], rows[1][15]).ShouldBe(("3", "25"));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Sessions_export_their_roster_counts_against_the_enrolled(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        SessionRow[] sessions =
        [
            new(11, 1, new DateOnly(2026, 3, 2), new TimeOnly(9, 0), new TimeOnly(12, 0), "-Kick-off", null, "Room 3", 18, 1, 1, 0),
            new(12, 2, new DateOnly(2026, 3, 9), null, null, "Workshop", null, null, 0, 0, 0, 0),
        ];

        var rows = RoundTrip(SessionList.Export(sessions, 20, Text<AttendanceStrings>()), format);

        rows[0][0].ShouldBe(culture == "en" ? "No." : "序号");
        rows[0][7].ShouldBe(Text<AttendanceStrings>()["Status_Present"].Value);
        rows[1][1].ShouldBe("2026-03-02");
        (rows[1][2], rows[1][3]).ShouldBe(("09:00", "12:00"));
        rows[1][4].ShouldBe("'-Kick-off");
        rows[1][11].ShouldBe("0");
        rows[2][11].ShouldBe("20", "nobody marked yet: all 20 enrolled are unmarked");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void My_exam_results_export_with_the_result_in_words(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        ExamResultRow[] exams =
        [
            new("LEAN-2026-01", "期末考试", "+Final exam", AssessmentKind.FinalExam, new DateOnly(2026, 2, 26), 58.255, 71, 60),
        ];

        var rows = RoundTrip(MyLearningPage.ExamExport(exams, Text<MyLearningPage>()), format);

        rows[0].Count.ShouldBe(8);
        rows[0][1].ShouldBe(culture == "en" ? "Kind" : "类型");
        rows[1][0].ShouldBe(culture == "en" ? "'+Final exam" : "期末考试");
        rows[1][4].ShouldBe("58.26");
        rows[1][7].ShouldBe(Text<MyLearningPage>()["Below"].Value);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void The_playground_explanation_exports_line_by_line_and_its_formulas_stay_text(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        ExplanationSection[] sections =
        [
            new("Reaction", KirkpatrickLevel.Reaction, [new("satisfaction 4.2 of 5 → 80 points"), new("= 80 × 1.0 / 1.0 = 80", IsResult: true)]),
            new("Composite", null, [new("= (80 × 0.2 + 70 × 0.3) / 0.5 = 74", IsResult: true)]),
        ];

        var rows = RoundTrip(ScoreBreakdown.Export(sections, Text<ScoreBreakdown>()), format);

        rows[0].ShouldBe(culture == "en" ? ["Section", "Step", "Calculation", "Result line"] : ["部分", "步骤", "计算", "结果行"]);
        rows.Count.ShouldBe(4);
        rows[2][2].ShouldBe("'= 80 × 1.0 / 1.0 = 80");
        rows[3][0].ShouldBe("Composite");
        rows[3][1].ShouldBe("1");

        var card = new ScoreCard("E1", [new LevelScore(KirkpatrickLevel.Reaction, 0.2, 80.004, 1, []), new LevelScore(KirkpatrickLevel.Learning, 0.3, null, 0, [])], 74.125, 0.5, Tier.B, true);
        var levels = RoundTrip(ScoreSummary.Export(card, Text<ScoreSummary>(), Text<EvaluationStrings>()), format);
        levels[1][2].ShouldBe("80");
        levels[2][2].ShouldBeNull();
        levels[^1][2].ShouldBe("74.13");
        levels[^1][3].ShouldBe("50");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void A_cohorts_assessments_and_surveys_export_with_their_numbers_apart(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        AssessmentRow[] assessments = [new(1, "FINAL", AssessmentKind.FinalExam, "期末考试", "=Final", new DateOnly(2026, 2, 26), 100, 50.125, 60, AssessmentDifficulty.Advanced, 35)];
        var rows = RoundTrip(CohortAssessmentPanel.Export(assessments, Text<CohortAssessmentPanel>()), format);
        rows[0][0].ShouldBe(culture == "en" ? Text<CohortAssessmentPanel>()["Code"].Value : "代码");
        rows[0][4].ShouldBe(culture == "en" ? "Theory maximum" : "理论满分");
        (rows[1][4], rows[1][5], rows[1][6], rows[1][8]).ShouldBe(("100", "50.13", "60", "35"));
        rows[1][2].ShouldBe(culture == "en" ? "'=Final" : "期末考试");

        SurveyRow[] surveys = [new(2, "REACT", SurveyKind.Reaction, "-满意度", null, new DateOnly(2026, 2, 27), 12, 30)];
        var read = RoundTrip(CohortSurveyPanel.Export(surveys, Text<CohortSurveyPanel>()), format);
        read[0].Count.ShouldBe(6);
        read[1][2].ShouldBe("'-满意度");
        (read[1][3], read[1][4], read[1][5]).ShouldBe(("2026-02-27", "12", "30"));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void A_programs_kpis_and_costs_export_money_as_numbers(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        KpiRow[] kpis = [new(1, "SCRAP", "+Scrap rate", "%", KpiDirection.LowerIsBetter, 1234.565m, 4)];
        var rows = RoundTrip(ProgramKpiPanel.Export(kpis, Text<ProgramKpiPanel>(), "CNY"), format);
        rows[0][4].ShouldBe(Text<ProgramKpiPanel>()["ValuePerUnitIn", "CNY"].Value);
        rows[0][4]!.ShouldContain("CNY");
        rows[1][1].ShouldBe("'+Scrap rate");
        rows[1][3].ShouldBe(Text<ProgramKpiPanel>()["LowerIsBetter"].Value);
        rows[1][4].ShouldBe("1234.57");

        CostRow[] costs = [new(1, null, CostCategory.Trainer, "@external trainer", 8000.5m, new DateOnly(2026, 1, 10))];
        var read = RoundTrip(ProgramCostPanel.Export(costs, Text<ProgramCostPanel>(), "CNY"), format);
        read[1][0].ShouldBe("2026-01-10");
        read[1][1].ShouldBe(culture == "en" ? "Whole program" : Text<ProgramCostPanel>()["WholeProgram"].Value);
        read[1][3].ShouldBe("'@external trainer");
        read[1][4].ShouldBe("8000.5");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Saved_views_export_their_links_and_who_they_are_shared_with(string culture, ExportFormat format)
    {
        using var _ = new CultureScope(culture);
        SavedViewRow[] views =
        [
            new(1, "@D tier in ops", "/learners", "/learners?tier=D&program=OPS", Roles.Executive, "Wang Fang", IsMine: true,
                new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc)),
            new(2, "My pool", "/reports/high-potential", "/reports/high-potential", null, "Li Wei", IsMine: false,
                new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc)),
        ];

        var rows = RoundTrip(SavedViewExport.Table(views, Text<SavedViewStrings>(), Text<AccountStrings>()), format);

        rows[0].ShouldBe(culture == "en"
            ? ["Name", "Page", "Shared", "Saved by", "Saved on"]
            : ["名称", "页面", "共享", "保存人", "保存日期"]);
        rows[1][0].ShouldBe("'@D tier in ops", "a name starting with @ is text in the file");
        rows[1][1].ShouldBe("/learners?tier=D&program=OPS");
        rows[1][2].ShouldBe(culture == "en" ? "Executive" : Text<AccountStrings>()["Role_Executive"].Value);
        rows[2][2].ShouldBe(culture == "en" ? "private" : "仅自己可见");
        rows[2][3].ShouldBe("Li Wei");
        rows.Count.ShouldBe(3);
    }
}
