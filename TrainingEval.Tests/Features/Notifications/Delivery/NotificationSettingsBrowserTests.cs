using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Features.Notifications.Delivery;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Notifications.Delivery;

/// <summary>
/// The notification settings page and the unsubscribe page in headless Chromium on the shared demo dashboard. They change only
/// the demo accounts' own delivery settings and subscriptions, which no other test reads.
/// </summary>
public sealed class NotificationSettingsBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDbContextFactory<TrainingDbContext> Factory => browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();

    private async Task<string> UserIdAsync(string userName)
    {
        await browser.EnsureStartedAsync();
        await using var db = await Factory.CreateDbContextAsync(Ct);
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task A_mentor_on_a_phone_sets_an_address_a_WeCom_robot_and_hourly_alerts_and_is_told_what_is_wrong_first()
    {
        var userId = await UserIdAsync("mentor");
        await using (var db0 = await Factory.CreateDbContextAsync(Ct))
        {
            // From the defaults, whatever the unsubscribe test left.
            await db0.NotificationPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(Ct);
            await db0.NotificationProfiles.Where(p => p.UserId == userId).ExecuteDeleteAsync(Ct);
        }
        await using var session = await browser.OpenAsync("account/notifications", "zh-CN", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight, user: "mentor");
        await session.WaitForCircuitAsync();
        var page = session.Page;
        await Expect(page.GetByTestId("kind-Alert")).ToContainTextAsync("学员新预警");
        await Expect(page.GetByTestId("kind-WeeklyDigest")).ToContainTextAsync("每周摘要");
        await Expect(page.GetByTestId("kind-PromotionSuggestions")).ToHaveCountAsync(0);

        await page.GetByTestId("settings-email").FillAsync("not an address");
        await page.GetByTestId("settings-webhook-service").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "企业微信" }).ClickAsync();
        await page.GetByTestId("settings-webhook-url").FillAsync("https://intranet.example.local/hook");
        await page.GetByTestId("settings-save").ClickAsync();
        var problems = page.GetByTestId("settings-problems");
        await Expect(problems).ToContainTextAsync("“not an address”不是有效的邮箱地址");
        await Expect(problems).ToContainTextAsync("“https://intranet.example.local/hook”不是本服务器允许调用的工作群服务；允许的有：qyapi.weixin.qq.com");

        await page.GetByTestId("settings-email").FillAsync("zhang.mentor@example.com");
        await page.GetByTestId("settings-webhook-url").FillAsync("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo-key");
        await page.GetByTestId("kind-Alert-frequency").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "每小时汇总" }).ClickAsync();
        await page.GetByTestId("settings-save").ClickAsync();

        await Expect(page.GetByTestId("settings-saved")).ToContainTextAsync("已保存");
        await Expect(page.GetByText("已设置 qyapi.weixin.qq.com 的机器人；仅在更换时填写新地址。")).ToBeVisibleAsync();
        await session.ScreenshotAsync("notification-settings-mentor-zh-CN-390");
        await using var db = await Factory.CreateDbContextAsync(Ct);
        var profile = await db.NotificationProfiles.AsNoTracking().SingleAsync(p => p.UserId == userId, Ct);
        (profile.Email, profile.WebhookService, profile.Culture).ShouldBe(("zhang.mentor@example.com", DeliveryChannel.WeCom, "zh-CN"));
        profile.WebhookProtected.ShouldNotBeNull().ShouldNotContain("demo-key");
        browser.Services.GetRequiredService<DeliverySecrets>().Open(profile.WebhookProtected).Url.ShouldBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo-key");
        var alert = await db.NotificationPreferences.AsNoTracking().SingleAsync(p => p.UserId == userId && p.Topic == MessageTopic.Alert, Ct);
        (alert.Frequency, alert.ByEmail, alert.ByWebhook).ShouldBe((DeliveryFrequency.Hourly, true, true));
    }

    [Fact]
    public async Task An_executive_subscribes_to_a_cohorts_report_and_removes_the_subscription()
    {
        await UserIdAsync("executive");
        string code;
        await using (var db = await Factory.CreateDbContextAsync(Ct))
            code = await db.Cohorts.OrderBy(c => c.Code).Select(c => c.Code).FirstAsync(Ct);
        await using var session = await browser.OpenAsync("account/notifications", "en", user: "executive");
        await session.WaitForCircuitAsync();
        var page = session.Page;
        await Expect(page.GetByTestId("kind-Report")).ToContainTextAsync("Subscribed reports");

        await page.GetByTestId("subscribe-cohort").FillAsync("NO-SUCH-COHORT");
        await page.GetByTestId("subscribe").ClickAsync();
        await Expect(page.GetByTestId("subscribe-problem")).ToHaveTextAsync("There is no cohort with the code \"NO-SUCH-COHORT\".");

        await page.GetByTestId("subscribe-cohort").FillAsync(code);
        await page.GetByTestId("subscribe-frequency").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Monthly" }).ClickAsync();
        await page.GetByTestId("subscribe").ClickAsync();
        var table = page.GetByTestId("subscriptions-table");
        await Expect(table).ToContainTextAsync($"({code})");
        await Expect(table).ToContainTextAsync("Monthly");
        await session.ScreenshotAsync("notification-settings-executive-en-1440");

        await table.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(table).ToContainTextAsync("No subscriptions yet.");
    }

    [Theory]
    [InlineData("en", "Stop sending you alerts for your mentees by e-mail?", "Done: you no longer receive alerts for your mentees by e-mail.")]
    [InlineData("zh-CN", "不再向您发送通过邮件的学员预警？", "已退订：您不再收到通过邮件的学员预警。")]
    public async Task An_unsubscribe_link_works_without_a_sign_in_and_asks_before_it_turns_alert_emails_off(string culture, string question, string done)
    {
        var userId = await UserIdAsync("mentor");
        var token = browser.Services.GetRequiredService<DeliverySecrets>().UnsubscribeToken(new UnsubscribeRequest(userId, MessageTopic.Alert, Email: true, null));
        await using var session = await browser.OpenAsync("account/login", culture, user: null);
        var page = session.Page;

        await page.GotoAsync(new Uri(browser.BaseUri, "notifications/unsubscribe?token=" + Uri.EscapeDataString(token + "x")).ToString());
        await Expect(page.GetByTestId("unsubscribe-invalid")).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(browser.BaseUri, "notifications/unsubscribe?token=" + Uri.EscapeDataString(token)).ToString());
        await Expect(page.GetByTestId("unsubscribe-question")).ToHaveTextAsync(question);
        await session.ScreenshotAsync($"unsubscribe-{culture}");
        await page.GetByTestId("unsubscribe-submit").ClickAsync();

        await Expect(page.GetByTestId("unsubscribe-done")).ToContainTextAsync(done);
        await using var db = await Factory.CreateDbContextAsync(Ct);
        (await db.NotificationPreferences.AsNoTracking().SingleAsync(p => p.UserId == userId && p.Topic == MessageTopic.Alert, Ct)).ByEmail.ShouldBeFalse();
    }
}
