using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Notifications;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Tests.Support;
using UglyToad.PdfPig;

namespace TrainingEval.Tests.Features.Notifications.Delivery;

/// <summary>
/// E-mail end to end: a running dashboard raises alerts, writes digests, closes a cohort and serves a report subscription;
/// its outbox sender delivers through MailKit to a real SMTP server (aiosmtpd) the test started, which saves every message.
/// </summary>
public sealed class EmailDeliveryTests : IAsyncLifetime
{
    private static readonly IsoWeek Week12 = new(2026, 12);
    private DeliveryDashboard _app = null!;

    public async ValueTask InitializeAsync() => _app = await DeliveryDashboard.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Text(MimeMessage m) => m.TextBody.ShouldNotBeNull();

    private static string Html(MimeMessage m) => m.HtmlBody.ShouldNotBeNull();

    /// <summary>MimeKit files the message's Content-* headers under its body.</summary>
    private static string? Language(MimeMessage m) => (m.Headers["Content-Language"] ?? m.Body?.Headers["Content-Language"])?.Trim();

    [Fact]
    public async Task A_mentor_receives_each_new_alert_in_their_language_with_a_link_to_the_learner_and_an_unsubscribe_link()
    {
        await _app.AddAccountAsync("mentor.en", Roles.Mentor, "wang@example.test", "en");
        await _app.AddMissedSessionsAsync();

        (await _app.Get<HealthSnapshotService>().ComputeWeekAsync(Week12, cancellationToken: TestContext.Current.CancellationToken)).AlertsRaised.ShouldBe(3);

        var messages = await _app.Smtp.WaitForAsync(3);
        messages.Count.ShouldBe(3);
        var first = messages.Single(m => Text(m).Contains("(E001)", StringComparison.Ordinal));
        first.To.Mailboxes.Single().Address.ShouldBe("wang@example.test");
        first.From.Mailboxes.Single().Address.ShouldBe("trainingeval@example.test");
        first.Subject.ShouldBe("[TrainingEval] Moved into at risk: 学员1");
        Language(first).ShouldBe("en");
        Text(first).ShouldContain("Learner: 学员1 (E001), cohort: 精益 1期");
        Text(first).ShouldContain($"Open the learner's page: {DeliveryDashboard.BaseUrl}/learners/E001");
        Html(first).ShouldContain($"<a href=\"{DeliveryDashboard.BaseUrl}/learners/E001\"");
        Html(first).ShouldContain("<html lang=\"en\">");
        var oneClick = first.Headers["List-Unsubscribe"].ShouldNotBeNull().Trim('<', '>');
        oneClick.ShouldStartWith($"{DeliveryDashboard.BaseUrl}/notifications/unsubscribe/one-click?token=");
        var page = oneClick.Replace("/unsubscribe/one-click?", "/unsubscribe?", StringComparison.Ordinal);
        Text(first).ShouldContain($"Unsubscribe: {page}");
        Html(first).ShouldContain($"<a href=\"{System.Net.WebUtility.HtmlEncode(page)}\">Unsubscribe</a>");
        first.Headers["List-Unsubscribe-Post"].ShouldNotBeNull().Trim().ShouldBe("List-Unsubscribe=One-Click");

        // The one-click unsubscribe (RFC 8058) turns alert e-mails off without a sign-in; the next alerts are not e-mailed.
        using var client = _app.Server.CreateClient();
        var path = new Uri(oneClick).PathAndQuery;
        using var response = await client.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue();
        await using var db = await _app.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var preference = await db.NotificationPreferences.SingleAsync(p => p.Topic == MessageTopic.Alert, TestContext.Current.CancellationToken);
        (preference.ByEmail, preference.ByWebhook, preference.Frequency).ShouldBe((false, true, DeliveryFrequency.Immediately));
        using var forged = await client.PostAsync(path + "x", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        ((int)forged.StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task The_weekly_digest_reaches_the_mentor_by_email_in_Chinese_with_every_mentee()
    {
        await _app.AddAccountAsync("mentor.zh", Roles.Mentor, "wang@example.test", "zh-CN");
        await _app.AddMissedSessionsAsync();
        await using (var db = await _app.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            // Alerts off: only the digest is e-mailed.
            var userId = await db.Users.Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Topic = MessageTopic.Alert, Frequency = DeliveryFrequency.Off, ByEmail = true });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await _app.Get<HealthSnapshotService>().ComputeWeekAsync(Week12, cancellationToken: TestContext.Current.CancellationToken);

        (await _app.Get<DigestWriter>().WriteAsync(Week12, TestContext.Current.CancellationToken)).ShouldBe(1);

        var digest = (await _app.Smtp.WaitForAsync(1)).ShouldHaveSingleItem();
        digest.Subject.ShouldBe("【培训评估】每周摘要 2026-W12：3 人有风险，3 条未处理预警");
        Language(digest).ShouldBe("zh-CN");
        Text(digest).ShouldContain("共 3 名学员：3 人有风险，0 人需关注，0 人健康；3 条未处理预警。");
        Text(digest).ShouldContain($"打开每周摘要: {DeliveryDashboard.BaseUrl}/mentor/digest?week=2026-W12");
        foreach (var learner in new[] { "学员1 (E001)", "学员2 (E002)", "学员3 (E003)" })
            Html(digest).ShouldContain($"<td style=\"border-bottom:1px solid #eee;padding:4px 8px\">{learner}</td>");
        Html(digest).ShouldContain("退订");
        // A rerun writes no second digest and no second message.
        (await _app.Get<DigestWriter>().WriteAsync(Week12, TestContext.Current.CancellationToken)).ShouldBe(0);
        await _app.WaitUntilSentAsync();
        (await _app.OutboxAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_executive_receives_the_subscribed_effectiveness_report_with_its_PDF_attached()
    {
        var executive = await _app.AddAccountAsync("exec", Roles.Executive, "ceo@example.test", "en");
        await using (var db = await _app.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.ReportSubscriptions.Add(new ReportSubscription
            {
                UserId = executive, CohortId = _app.Data.Cohort.Id, Frequency = DeliveryFrequency.Weekly,
                NextDueAt = DateTime.UtcNow.AddMinutes(-1), CreatedAt = DateTime.UtcNow.AddDays(-7),
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var report = (await _app.Smtp.WaitForAsync(1)).ShouldHaveSingleItem();

        report.Subject.ShouldStartWith("[TrainingEval] Training effectiveness report: 精益 1期 (");
        Text(report).ShouldContain($"Open the report: {DeliveryDashboard.BaseUrl}/reports/cohorts/LEAN-1");
        var pdf = report.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        pdf.FileName.ShouldBe("LEAN-1-effectiveness-en.pdf");
        pdf.ContentType.MimeType.ShouldBe("application/pdf");
        using var bytes = new MemoryStream();
        await pdf.Content.ShouldNotBeNull().DecodeToAsync(bytes, TestContext.Current.CancellationToken);
        using var document = PdfDocument.Open(bytes.ToArray());
        var text = string.Join(" ", document.GetPages().Select(p => p.Text));
        text.ShouldContain("Training effectiveness report");
        text.ShouldContain("LEAN-1");
        await using (var db = await _app.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
            (await db.ReportSubscriptions.SingleAsync(TestContext.Current.CancellationToken)).NextDueAt.ShouldBeGreaterThan(DateTime.UtcNow);
    }

    [Fact]
    public async Task Closing_a_cohort_sends_its_promotion_suggestions_to_HR()
    {
        await _app.AddAccountAsync("hr.li", Roles.HrAnalyst, "hr@example.test", "zh-CN");
        await using (var scope = _app.Server.Services.CreateAsyncScope())
        {
            var lifecycle = scope.ServiceProvider.GetRequiredService<CohortLifecycleService>();
            await using var db = await _app.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
            var revision = await db.Cohorts.Where(c => c.Id == _app.Data.Cohort.Id).Select(c => c.Revision).SingleAsync(TestContext.Current.CancellationToken);
            await lifecycle.CloseAsync(_app.Data.Cohort.Id, revision, TestContext.Current.CancellationToken);
        }

        var message = (await _app.Smtp.WaitForAsync(1)).ShouldHaveSingleItem();

        message.Subject.ShouldBe("【培训评估】班期 精益 1期 已结班：0 条晋升建议");
        Text(message).ShouldContain("本班期没有学员获得晋升建议。");
        Text(message).ShouldContain($"{DeliveryDashboard.BaseUrl}/reports/promotions");
    }

    [Fact]
    public async Task While_the_mail_server_is_down_nothing_is_lost_and_afterwards_every_alert_arrives_exactly_once()
    {
        await _app.AddAccountAsync("mentor.outage", Roles.Mentor, "wang@example.test", "zh-CN");
        await _app.AddMissedSessionsAsync();
        await _app.Smtp.StopAsync();

        await _app.Get<HealthSnapshotService>().ComputeWeekAsync(Week12, cancellationToken: TestContext.Current.CancellationToken);

        // The sender keeps trying and backs off; each failure is recorded for the admins' page.
        var until = DateTime.UtcNow.AddSeconds(15);
        List<OutboxMessage> rows;
        do
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            rows = await _app.OutboxAsync();
        }
        while (!(rows.Count == 3 && rows.All(m => m.Attempts >= 2)) && DateTime.UtcNow < until);
        rows.Count.ShouldBe(3);
        rows.ShouldAllBe(m => m.Status != OutboxStatus.Sent && m.Attempts >= 2 && m.LastError != null);
        _app.Smtp.Messages().ShouldBeEmpty();

        await _app.Smtp.StartAsync();
        await _app.Smtp.WaitForAsync(3);
        await _app.WaitUntilSentAsync();
        await Task.Delay(1000, TestContext.Current.CancellationToken); // long enough for a duplicate to show up

        var messages = _app.Smtp.Messages();
        messages.Count.ShouldBe(3);
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(3);
        messages.Select(m => Text(m).Contains("（E001）", StringComparison.Ordinal) ? 1 : Text(m).Contains("（E002）", StringComparison.Ordinal) ? 2 : 3)
            .ShouldBe([1, 2, 3], ignoreOrder: true);
        (await _app.OutboxAsync()).ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.LastError == null);
    }
}
