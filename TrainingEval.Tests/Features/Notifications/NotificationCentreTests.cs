using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Features.Notifications;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Notifications;

/// <summary>The bell with its unread badge, the notification centre (mark read) and the weekly digest page.</summary>
public sealed class NotificationCentreTests : MentoringTestContext
{
    /// <summary>The last week finished on <see cref="MentoringTestContext.Now"/> (Wednesday 2026-04-01).</summary>
    private static readonly IsoWeek Week13 = new(2026, 13);

    private async Task SeedInboxAsync()
    {
        await AddAlertAsync(1, AlertType.AtRisk, "index 52.0", "engagement");
        await AddAlertAsync(3, AlertType.CompetencyDrop, "initiative: 4 → 2", "dimension:initiative", Now.AddDays(-1));
        await using var db = Database.CreateContext();
        db.Notifications.Add(new Notification { Kind = NotificationKind.WeeklyDigest, MentorId = Data.Mentor.Id, IsoYear = 2026, IsoWeek = 13, CreatedAt = Now.AddHours(-3) });
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task The_bell_counts_unread_entries_and_recounts_when_they_are_read()
    {
        await SeedInboxAsync();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notifications: 3 unread"));
        bell.Find("[data-testid=notification-badge]").TextContent.ShouldContain("3");

        var page = Render<NotificationsPage>();
        page.WaitForElement("[data-testid=notification-list]");
        page.FindAll("[data-testid=notification]").Select(n => n.GetAttribute("data-kind")).ShouldBe(["WeeklyDigest", "Alert", "Alert"]);
        page.FindAll("[data-testid=mark-read]")[0].Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=notification]")[0].GetAttribute("data-read").ShouldBe("true"));
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notifications: 2 unread"));
        page.Find("[data-testid=unread-count]").TextContent.ShouldBe("2 unread of 3");

        page.Find("[data-testid=mark-all-read]").Click();
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notifications"));
        page.FindAll("[data-testid=notification][data-read=false]").ShouldBeEmpty();
        // The mentor's reads leave HR's shared inbox unread.
        (await QueryAsync(db => db.Notifications.CountAsync(n => n.MentorId == null && n.ReadAt == null, Ct))).ShouldBe(2);
    }

    [Fact]
    public async Task HR_reads_the_shared_inbox_of_alerts()
    {
        await SeedInboxAsync();
        User = Analyst;

        var page = Render<NotificationsPage>();

        page.WaitForElement("[data-testid=notification-list]");
        var rows = page.FindAll("[data-testid=notification]");
        rows.Select(n => n.GetAttribute("data-kind")).ShouldBe(["Alert", "Alert"]);
        rows[0].TextContent.ShouldContain("Competency dropped");
        rows[0].TextContent.ShouldContain("学员4");
        rows[0].TextContent.ShouldContain("Initiative: 4 → 2", Case.Sensitive);
    }

    [Fact]
    public void A_learner_has_no_bell_and_no_inbox()
    {
        User = LearnerUser(0);

        Render<NotificationBell>().FindAll("[data-testid=notification-bell]").ShouldBeEmpty();
        Render<NotificationsPage>().WaitForElement("[data-testid=no-inbox]");
    }

    [Fact]
    public async Task The_digest_lists_the_mentees_bands_of_the_week_riskiest_first_with_open_alerts()
    {
        await AddSnapshotAsync(0, Week13, 80);
        await AddSnapshotAsync(1, Week13, 50);
        await AddSnapshotAsync(2, Week13, 70);
        await AddSnapshotAsync(3, new IsoWeek(2026, 12), 40);
        await AddAlertAsync(1, AlertType.AtRisk, "index 52.0", "engagement");

        var page = Render<WeeklyDigestPage>();

        page.WaitForElement("[data-testid=digest-table]");
        page.Find("[data-testid=digest-week]").TextContent.ShouldBe("2026-W13");
        page.FindAll("[data-testid=digest-line]").Select(l => l.GetAttribute("data-employee")).ShouldBe(["E002", "E003", "E001", "E004", "E005"]);
        Stat(page, "AtRisk").ShouldBe("1");
        Stat(page, "Watch").ShouldBe("1");
        Stat(page, "Healthy").ShouldBe("1");
        Stat(page, "None").ShouldBe("2");
        page.Find("[data-testid=digest-open-alerts]").TextContent.ShouldBe("1");
        page.Find("[data-testid=digest-next]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task An_earlier_week_is_read_from_the_url_and_HR_names_the_mentor()
    {
        await AddSnapshotAsync(3, new IsoWeek(2026, 12), 40);
        User = Analyst;

        Services.GetRequiredService<NavigationManager>().NavigateTo("mentor/digest?week=2026-W12&mentor=M001");

        var page = Render<WeeklyDigestPage>();

        page.WaitForElement("[data-testid=digest-table]");
        page.Find("[data-testid=digest-week]").TextContent.ShouldBe("2026-W12");
        page.Find("[data-testid=digest-subtitle]").TextContent.ShouldContain("Master Wang");
        Stat(page, "AtRisk").ShouldBe("1");
        page.FindAll("[data-testid=digest-line]")[0].GetAttribute("data-employee").ShouldBe("E004");
    }

    [Fact]
    public void Someone_who_is_no_mentor_is_told_whose_the_digest_is()
    {
        User = Analyst;

        Render<WeeklyDigestPage>().WaitForElement("[data-testid=digest-not-mentor]");
    }

    private static string Stat(IRenderedComponent<WeeklyDigestPage> page, string band) =>
        page.Find($"[data-testid=digest-stats] [data-band={band}] .stat-value").TextContent.Trim();
}
