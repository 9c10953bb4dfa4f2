using Bunit;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public void A_user_who_is_no_mentor_is_told_so()
    {
        User = LearnerUser(0);

        var page = Render<MentorWorkspace>();

        page.WaitForElement("[data-testid=not-mentor]");
    }
}
