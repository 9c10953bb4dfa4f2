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
        page.Find("[data-testid=unread-count]").TextContent.ShouldBe("2 unread of 3 in this inbox");

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
    public async Task A_large_inbox_is_paged_and_counts_every_entry_like_the_bell()
    {
        for (var i = 0; i < 30; i++)
        {
            // One open alert per learner and type: the older ones of the history are resolved.
            var alert = await AddAlertAsync(i % 5, AlertType.LhiDrop, $"{80 + i} → {60 + i}", "attendance", Now.AddDays(-1 - 7 * i));
            await using var db = Database.CreateContext();
            (await db.Alerts.SingleAsync(a => a.Id == alert.Id, Ct)).Status = AlertStatus.Resolved;
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }
        User = Analyst;
        var bell = Render<NotificationBell>();

        var page = Render<NotificationsPage>();

        page.WaitForElement("[data-testid=notification-list]");
        page.FindAll("[data-testid=notification]").Count.ShouldBe(25);
        page.Find("[data-testid=unread-count]").TextContent.ShouldBe("30 unread of 30 in this inbox");
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notifications: 30 unread"));
        Services.GetRequiredService<NavigationManager>().NavigateTo("notifications?page=2");
        page.WaitForAssertion(() => page.FindAll("[data-testid=notification]").Count.ShouldBe(5));
    }

    [Fact]
    public async Task The_inbox_filters_by_type_status_program_mentor_week_unread_and_name_from_the_url()
    {
        await SeedInboxAsync();
        var resolved = await AddAlertAsync(2, AlertType.ScoreDrop, "Quiz: 80 → 60", "performance", Now.AddDays(-9));
        await using (var db = Database.CreateContext())
        {
            var alert = await db.Alerts.SingleAsync(a => a.Id == resolved.Id, Ct);
            alert.Status = AlertStatus.Resolved;
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }
        User = Analyst;
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Render<NotificationsPage>();
        page.WaitForElement("[data-testid=notification-list]");
        IReadOnlyList<string?> Shown() => [.. page.FindAll("[data-testid=notification] .title b").Select(b => b.TextContent)];

        navigation.NavigateTo("notifications?type=CompetencyDrop");
        page.WaitForAssertion(() => Shown().ShouldBe(["Competency dropped"]));
        navigation.NavigateTo("notifications?status=Resolved");
        page.WaitForAssertion(() => page.FindAll("[data-testid=notification]").Count.ShouldBe(1));
        page.Find("[data-testid=notification]").TextContent.ShouldContain("学员3");
        navigation.NavigateTo("notifications?q=E004");
        page.WaitForAssertion(() => page.Find("[data-testid=notification]").TextContent.ShouldContain("学员4"));
        navigation.NavigateTo($"notifications?program=LEAN&mentor=M001&week={IsoWeek.Of(DateOnly.FromDateTime(Now.AddDays(-9)))}");
        page.WaitForAssertion(() => page.FindAll("[data-testid=notification]").Count.ShouldBe(1));
        navigation.NavigateTo("notifications?program=NOPE");
        page.WaitForAssertion(() => page.Find("[data-testid=no-notifications]").TextContent.ShouldContain("Nothing matches these filters."));
        navigation.NavigateTo("notifications?unread=true");
        page.WaitForAssertion(() => page.Find("[data-testid=matching-count]").TextContent.ShouldBe("3 match the filters"));
    }

    [Fact]
    public async Task A_learner_has_a_bell_and_an_inbox_of_their_own_holding_only_their_survey_reminders()
    {
        // An alert about the learner is for the mentor and HR, not in the learner's inbox.
        await AddAlertAsync(0, AlertType.AtRisk, "index 52.0", "engagement");
        await using (var db = Database.CreateContext())
        {
            var survey = new SatisfactionSurvey { CohortId = Data.Cohort.Id, Code = "PULSE", Kind = SurveyKind.Reaction, Name = "课中反馈", NameEn = "Mid-course pulse", OpenedOn = new DateOnly(2026, 3, 20), ItemCount = 1 };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync(Ct);
            db.Notifications.AddRange(
                new Notification { Kind = NotificationKind.SurveyReminder, LearnerId = Data[0].LearnerId, SurveyId = survey.Id, IsoYear = 2026, IsoWeek = 14, CreatedAt = Now },
                new Notification { Kind = NotificationKind.SurveyReminder, LearnerId = Data[1].LearnerId, SurveyId = survey.Id, IsoYear = 2026, IsoWeek = 14, CreatedAt = Now });
            await db.SaveChangesAsync(Ct);
        }
        User = LearnerUser(0);

        Render<NotificationBell>().FindAll("[data-testid=notification-bell]").ShouldNotBeEmpty();
        var page = Render<NotificationsPage>();
        page.WaitForElement("[data-testid=notification]");
        var entry = page.FindAll("[data-testid=notification]").ShouldHaveSingleItem();
        entry.GetAttribute("data-kind").ShouldBe(nameof(NotificationKind.SurveyReminder));
        entry.QuerySelector("[data-testid=reminder-link]")!.TextContent.Trim().ShouldBe("Please answer “Mid-course pulse” (LEAN-1)");
        entry.QuerySelector("[data-testid=reminder-link]")!.GetAttribute("href").ShouldBe("me");
        entry.TextContent.ShouldContain("Open since 2026-03-20: answer it on My learning.");
        page.FindAll("[data-testid=no-inbox]").ShouldBeEmpty();
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
