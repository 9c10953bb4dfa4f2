using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Mentoring;

/// <summary>The mentor workspace: mentees ordered by risk, and the alerts inbox acknowledging and resolving with notes.</summary>
public sealed class MentorWorkspaceTests : MentoringTestContext
{
    private static readonly IsoWeek LastWeek = IsoWeek.Of(new DateOnly(2026, 3, 29));

    [Fact]
    public async Task Mentees_are_listed_at_risk_first_then_watch_then_healthy_then_without_an_index()
    {
        await AddSnapshotAsync(0, LastWeek, 80);
        await AddSnapshotAsync(1, LastWeek, 50);
        await AddSnapshotAsync(2, LastWeek, 70);
        await AddSnapshotAsync(4, LastWeek, 40);
        // E004's only snapshot is older and has no index: it sorts last.
        await AddSnapshotAsync(3, IsoWeek.Of(new DateOnly(2026, 3, 22)), null);

        var page = Render<MentorWorkspace>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=mentee-row]").Select(r => r.GetAttribute("data-employee"))
            .ShouldBe(["E005", "E002", "E003", "E001", "E004"]));
        page.FindAll("[data-testid=mentee-row] [data-testid=band-chip]").Select(c => c.GetAttribute("data-band"))
            .ShouldBe(["AtRisk", "AtRisk", "Watch", "Healthy", "None"]);
        page.Find("[data-testid=mentor-subtitle]").TextContent.ShouldContain("5 mentees");
    }

    [Fact]
    public async Task An_alert_is_acknowledged_then_resolved_with_notes_and_never_deleted()
    {
        var alert = await AddAlertAsync(1, AlertType.AtRisk, "index 52.0 → 48.0", "attendance");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<MentorWorkspace>();
        page.WaitForElement("[data-testid=alert-item]").TextContent.ShouldContain("Agree a class schedule with the learner");

        page.Find("[data-testid=alert-ack]").Click();
        dialogs.WaitForElement("[data-testid=alert-note]").Input("谈过了，下周起按时上课");
        dialogs.Find("[data-testid=alert-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=alert-item] .alert-status").TextContent.ShouldBe("Acknowledged"));
        page.Find("[data-testid=alert-item]").TextContent.ShouldContain("谈过了，下周起按时上课");
        page.FindAll("[data-testid=alert-ack]").ShouldBeEmpty();
        var acknowledged = await ReloadAlertAsync(alert.Id);
        acknowledged.Status.ShouldBe(AlertStatus.Acknowledged);
        acknowledged.AcknowledgedBy.ShouldBe("wang");

        page.Find("[data-testid=alert-resolve]").Click();
        dialogs.WaitForElement("[data-testid=alert-save]").HasAttribute("disabled").ShouldBeTrue();
        dialogs.Find("[data-testid=alert-note]").Input("连续三周出勤");
        dialogs.Find("[data-testid=alert-save]").Click();

        page.WaitForElement("[data-testid=no-alerts]");
        var resolved = await ReloadAlertAsync(alert.Id);
        resolved.Status.ShouldBe(AlertStatus.Resolved);
        resolved.ResolutionNote.ShouldBe("连续三周出勤");
        resolved.AcknowledgeNote.ShouldBe("谈过了，下周起按时上课");
        (await QueryAsync(db => db.Alerts.CountAsync(Ct))).ShouldBe(1);

        // Resolved alerts stay readable behind the switch.
        page.Find("input[data-testid=show-resolved], [data-testid=show-resolved] input").Change(true);
        page.WaitForAssertion(() => page.Find("[data-testid=alert-item] .alert-status").TextContent.ShouldBe("Resolved"));
    }

    [Theory]
    [InlineData("zh-CN", "学习主动性：4 → 2")]
    [InlineData("en", "Initiative: 4 → 2")]
    public async Task A_competency_drop_names_the_dimension_in_the_reader_s_language(string culture, string detail)
    {
        await AddAlertAsync(2, AlertType.CompetencyDrop, AlertRules.ForRating("initiative", 4, 2)!.Detail, "dimension:initiative");
        UseCulture(culture);

        var page = Render<MentorWorkspace>();

        page.WaitForAssertion(() => page.Find("[data-testid=alert-item] .alert-detail").TextContent.Trim().ShouldBe(detail));
    }

    /// <summary>A cohort of the same program with one more learner mentored by M001, and optionally that learner's last index.</summary>
    private async Task<string> AddMenteeInCohortAsync(string code, DateOnly start, DateOnly end, bool closed, IsoWeek? week = null, double? index = null)
    {
        await using var db = Database.CreateContext();
        var cohort = new Cohort { ProgramId = Data.Program.Id, Code = code, Name = code, StartDate = start, EndDate = end,
            ClosedAt = closed ? end.AddDays(120).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc) : null, ProfileVersionId = closed ? Data.Version.Id : null };
        var learner = new Learner { EmployeeNumber = "E9" + code[^2..], Name = "老学员" + code[^2..], DepartmentId = Data.Department.Id, Position = "装配工", MentorId = Data.Mentor.Id };
        db.AddRange(cohort, learner);
        db.Enrollments.Add(new Enrollment { Cohort = cohort, Learner = learner, MentorId = Data.Mentor.Id, Status = EnrollmentStatus.Completed, EnrolledOn = start });
        if (week is { } w)
            db.HealthSnapshots.Add(new LearningHealthSnapshot { Learner = learner, IsoYear = w.Year, IsoWeek = w.Week, WeekEnd = w.End, Index = index, Band = index is { } v ? LearningHealthBands.Classify(v) : null, ComputedAt = Now });
        db.AuditingEnabled = false;
        await db.SaveChangesAsync(Ct);
        return learner.EmployeeNumber;
    }

    [Fact]
    public async Task Mentees_of_cohorts_that_ended_long_ago_wait_behind_all_while_recently_ended_ones_stay()
    {
        // Issue 14, item 8. "Now" is 2026-04-01: LEAN-1 runs; LEAN-0 ended 40 days ago (inside the 60-day tracking window);
        // LEAN-OLD ended two years ago with an at-risk index from then — it must not head the list as "at risk".
        UseCulture("en");
        await AddSnapshotAsync(0, LastWeek, 80);
        var recent = await AddMenteeInCohortAsync("LEAN-01", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 20), closed: false);
        var old = await AddMenteeInCohortAsync("LEAN-02", new DateOnly(2024, 1, 8), new DateOnly(2024, 2, 29), closed: true, IsoWeek.Of(new DateOnly(2024, 2, 25)), 40);

        var page = Render<MentorWorkspace>();
        page.WaitForElement("[data-testid=mentee-row]");

        var shown = page.FindAll("[data-testid=mentee-row]").Select(r => r.GetAttribute("data-employee")).ToList();
        shown.ShouldContain(recent);
        shown.ShouldNotContain(old);
        shown.Count.ShouldBe(6);
        page.Find("[data-testid=mentor-subtitle]").TextContent.ShouldContain("6 mentees in running or recently ended cohorts");
        page.Markup.ShouldContain("All mentees (7)");

        Services.GetRequiredService<NavigationManager>().NavigateTo("/mentor?show=all");
        var all = Render<MentorWorkspace>();
        all.WaitForAssertion(() => all.FindAll("[data-testid=mentee-row]").Count.ShouldBe(7));
        var rows = all.FindAll("[data-testid=mentee-row]");
        rows[^1].GetAttribute("data-employee").ShouldBe(old);
        rows[^1].QuerySelector("[data-testid=cohort-status]")!.TextContent.Trim().ShouldBe("Closed");
        rows[^1].QuerySelector("[data-testid=mentee-index-date]")!.TextContent.ShouldContain(new DateOnly(2024, 2, 25).ToString("d", System.Globalization.CultureInfo.GetCultureInfo("en")));
        all.Find("[data-testid=mentor-subtitle]").TextContent.ShouldContain("all 7 mentees");
    }

    [Fact]
    public async Task Each_index_shows_its_week_and_the_sparkline_is_the_8_calendar_weeks_to_the_last_finished_one()
    {
        UseCulture("en");
        await AddSnapshotAsync(0, LastWeek.Previous().Previous(), 70);
        await AddSnapshotAsync(0, LastWeek, 64);

        var page = Render<MentorWorkspace>();
        page.WaitForElement("[data-testid=mentee-row]");

        var row = page.Find("[data-testid=mentee-row][data-employee=E001]");
        row.QuerySelector("[data-testid=mentee-index]")!.TextContent.ShouldContain("64.0");
        row.QuerySelector("[data-testid=mentee-index-date]")!.TextContent.ShouldContain(LastWeek.End.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("en")));
        // Weeks 6 … 13 of 2026, oldest first: a gap where there is no snapshot.
        row.QuerySelector("[data-testid=sparkline]")!.GetAttribute("aria-label").ShouldBe("–, –, –, –, –, 70, –, 64");
        page.Find("[data-testid=mentee-table] thead").TextContent.ShouldContain("8 weeks to " + LastWeek.End.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("en")));
    }

    [Theory]
    [InlineData("en", "Quiz: Safety rules: 60.0 after an earlier mean of 85.0")]
    [InlineData("zh-CN", "随堂测验：安全规范：60.0，此前平均 85.0")]
    public async Task A_score_drop_names_the_assessment_in_the_reader_s_language(string culture, string detail)
    {
        int assessmentId;
        await using (var db = Database.CreateContext())
        {
            var quiz = new Assessment { Code = "QUIZ-SAFETY", CohortId = Data.Cohort.Id, Kind = AssessmentKind.Quiz, Name = "随堂测验：安全规范", NameEn = "Quiz: Safety rules", HeldOn = new DateOnly(2026, 3, 25) };
            db.Assessments.Add(quiz);
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
            assessmentId = quiz.Id;
        }
        await AddAlertAsync(2, AlertType.ScoreDrop, AlertRules.ForAssessment(assessmentId, [80, 90], 60)!.Detail, "performance");
        UseCulture(culture);

        var page = Render<MentorWorkspace>();

        page.WaitForAssertion(() => page.Find("[data-testid=alert-item] .alert-detail").TextContent.Trim().ShouldBe(detail));
    }

    [Theory]
    [InlineData("en", "Health index fell into at risk", "Index 78.5 → 55.0 (-23.5)")]
    [InlineData("zh-CN", "健康指数下降并进入高风险", "指数 78.5 → 55.0（-23.5）")]
    public async Task A_fall_into_at_risk_is_one_card_that_names_both_causes(string culture, string title, string detail)
    {
        await AddAlertAsync(1, AlertType.AtRisk, AlertDetail.Index(78.5, 55, bothCauses: true).ToString(), "attendance");
        UseCulture(culture);

        var page = Render<MentorWorkspace>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=alert-item]").ShouldHaveSingleItem());
        page.Find("[data-testid=alert-item] .mud-chip").TextContent.Trim().ShouldBe(title);
        page.Find("[data-testid=alert-item] .alert-detail").TextContent.Trim().ShouldBe(detail);
    }

    [Fact]
    public void A_user_who_is_no_mentor_is_told_so()
    {
        User = LearnerUser(0);

        var page = Render<MentorWorkspace>();

        page.WaitForElement("[data-testid=not-mentor]");
    }
}
