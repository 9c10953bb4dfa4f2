using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Notifications.Delivery;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Notifications.Delivery;

/// <summary>
/// The webhook sender against a local HTTP server standing in for WeCom, DingTalk, Feishu and Teams: each service's message
/// shape, DingTalk's and Feishu's signatures checked the way the services check them, and answers that refuse a message.
/// </summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebhookSink _sink = new();
    private readonly DeliverySecrets _secrets = new(new EphemeralDataProtectionProvider());
    private readonly FixedClock _clock = new(new DateTime(2026, 4, 1, 8, 0, 0));
    private readonly ServiceProvider _http = new ServiceCollection().AddHttpClient().BuildServiceProvider();

    public void Dispose()
    {
        _sink.Dispose();
        _http.Dispose();
    }

    private WebhookTransport Transport(WebhookOptions? options = null)
    {
        options ??= new WebhookOptions { AllowHttp = true };
        if (options.AllowedHosts.Count == 0)
            options.AllowedHosts.Add("127.0.0.1");
        return new(_http.GetRequiredService<IHttpClientFactory>(), _secrets, Options.Create(options), _clock);
    }

    private OutgoingMessage Message(DeliveryChannel channel, WebhookTarget target, string culture = "zh-CN") => new(
        channel, _secrets.Seal(target), culture, "【培训评估】进入高风险：学员1", "学员：学员1（E001）\n出勤率下降。\n", "<p>html</p>",
        "### 进入高风险 — 学员1\n\n学员：学员1（E001）\n\n[打开学员页面](https://te.example.test/learners/E001)\n", "https://te.example.test/learners/E001",
        "打开学员页面", "https://te.example.test/notifications/unsubscribe?token=t", [], "id1");

    private static JsonElement Json(WebhookCall call) => JsonDocument.Parse(call.Body).RootElement;

    [Fact]
    public async Task WeCom_gets_a_markdown_message_with_the_subject_and_the_link()
    {
        await Transport().SendAsync(Message(DeliveryChannel.WeCom, new WebhookTarget(_sink.Url("/cgi-bin/webhook/send?key=abc"), null)), Ct);

        var call = _sink.Calls.ShouldHaveSingleItem();
        call.PathAndQuery.ShouldBe("/cgi-bin/webhook/send?key=abc");
        call.ContentType.ShouldStartWith("application/json");
        var json = Json(call);
        json.GetProperty("msgtype").GetString().ShouldBe("markdown");
        var content = json.GetProperty("markdown").GetProperty("content").GetString()!;
        content.ShouldStartWith("**【培训评估】进入高风险：学员1**");
        content.ShouldContain("[打开学员页面](https://te.example.test/learners/E001)");
    }

    [Fact]
    public async Task DingTalk_gets_markdown_and_a_timestamp_and_signature_the_robot_accepts()
    {
        const string secret = "SEC0123456789abcdef";
        await Transport().SendAsync(Message(DeliveryChannel.DingTalk, new WebhookTarget(_sink.Url("/robot/send?access_token=tok"), secret)), Ct);

        var call = _sink.Calls.ShouldHaveSingleItem();
        var query = HttpUtility.ParseQueryString(new Uri("http://x" + call.PathAndQuery).Query);
        query["access_token"].ShouldBe("tok");
        var timestamp = query["timestamp"].ShouldNotBeNull();
        timestamp.ShouldBe(new DateTimeOffset(_clock.UtcNow).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        // DingTalk's check: Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded in the query.
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
        query["sign"].ShouldBe(expected);
        call.PathAndQuery.ShouldContain("sign=" + Uri.EscapeDataString(expected));
        var json = Json(call);
        json.GetProperty("msgtype").GetString().ShouldBe("markdown");
        json.GetProperty("markdown").GetProperty("title").GetString().ShouldBe("【培训评估】进入高风险：学员1");
        json.GetProperty("markdown").GetProperty("text").GetString()!.ShouldContain("[打开学员页面](https://te.example.test/learners/E001)");
    }

    [Fact]
    public async Task Feishu_gets_a_post_in_the_recipients_language_signed_in_the_body()
    {
        const string secret = "feishu-secret";
        await Transport().SendAsync(Message(DeliveryChannel.Feishu, new WebhookTarget(_sink.Url("/open-apis/bot/v2/hook/xyz"), secret), "en"), Ct);

        var json = Json(_sink.Calls.ShouldHaveSingleItem());
        json.GetProperty("msg_type").GetString().ShouldBe("post");
        var post = json.GetProperty("content").GetProperty("post").GetProperty("en_us");
        post.GetProperty("title").GetString().ShouldBe("【培训评估】进入高风险：学员1");
        var last = post.GetProperty("content").EnumerateArray().Last()[0];
        (last.GetProperty("tag").GetString(), last.GetProperty("href").GetString()).ShouldBe(("a", "https://te.example.test/learners/E001"));
        var timestamp = json.GetProperty("timestamp").GetString()!;
        timestamp.ShouldBe(new DateTimeOffset(_clock.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Feishu's check: Base64(HMAC-SHA256(key = timestamp + "\n" + secret, empty message)).
        json.GetProperty("sign").GetString().ShouldBe(Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(timestamp + "\n" + secret), Array.Empty<byte>())));
    }

    [Fact]
    public async Task Teams_gets_a_MessageCard_with_an_open_button()
    {
        await Transport().SendAsync(Message(DeliveryChannel.Teams, new WebhookTarget(_sink.Url("/webhookb2/abc"), null)), Ct);

        var json = Json(_sink.Calls.ShouldHaveSingleItem());
        (json.GetProperty("@type").GetString(), json.GetProperty("@context").GetString()).ShouldBe(("MessageCard", "https://schema.org/extensions"));
        json.GetProperty("title").GetString().ShouldBe("【培训评估】进入高风险：学员1");
        var action = json.GetProperty("potentialAction")[0];
        (action.GetProperty("@type").GetString(), action.GetProperty("name").GetString()).ShouldBe(("OpenUri", "打开学员页面"));
        action.GetProperty("targets")[0].GetProperty("uri").GetString().ShouldBe("https://te.example.test/learners/E001");
    }

    [Fact]
    public async Task A_200_answer_with_an_error_code_and_an_HTTP_error_both_count_as_not_delivered()
    {
        _sink.Answer = _ => (200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        var refused = await Should.ThrowAsync<HttpRequestException>(() =>
            Transport().SendAsync(Message(DeliveryChannel.DingTalk, new WebhookTarget(_sink.Url("/robot/send?access_token=t"), "wrong")), Ct));
        refused.Message.ShouldBe("127.0.0.1 refused the message: errcode 310000: sign not match");

        _sink.Answer = _ => (503, "busy");
        var down = await Should.ThrowAsync<HttpRequestException>(() =>
            Transport().SendAsync(Message(DeliveryChannel.WeCom, new WebhookTarget(_sink.Url("/send?key=k"), null)), Ct));
        down.Message.ShouldBe("127.0.0.1 answered 503 Service Unavailable: busy");
    }

    [Fact]
    public async Task A_host_off_the_allow_list_or_plain_http_is_refused_without_a_call()
    {
        var options = new WebhookOptions();
        options.AllowedHosts.Add("qyapi.weixin.qq.com");
        var offList = await Should.ThrowAsync<PermanentDeliveryException>(() =>
            Transport(options).SendAsync(Message(DeliveryChannel.WeCom, new WebhookTarget(_sink.Url("/send?key=k"), null)), Ct));
        offList.Message.ShouldContain("(not-https)");
        WebhookPayloads.UrlProblem("https://169.254.169.254/latest/meta-data", new WebhookOptions()).ShouldBe("host");
        WebhookPayloads.UrlProblem("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1", new WebhookOptions()).ShouldBeNull();
        WebhookPayloads.UrlProblem("https://prod-12.westeurope.logic.azure.com/workflows/1", new WebhookOptions()).ShouldBeNull();
        _sink.Calls.ShouldBeEmpty();
    }
}

/// <summary>A mentor's WeCom group robot receives their mentees' alerts end to end: raised in a running dashboard, sent by its outbox.</summary>
public sealed class WebhookAlertTests : IAsyncLifetime
{
    private DeliveryDashboard _app = null!;
    private readonly WebhookSink _sink = new();

    public async ValueTask InitializeAsync() => _app = await DeliveryDashboard.StartAsync(learners: 2);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _sink.Dispose();
    }

    [Fact]
    public async Task A_mentor_receives_new_alerts_in_their_WeCom_group_and_by_email()
    {
        await _app.AddAccountAsync("mentor.wecom", Roles.Mentor, "wang@example.test", "zh-CN", DeliveryChannel.WeCom,
            new WebhookTarget(_sink.Url("/cgi-bin/webhook/send?key=group-key"), null));
        await _app.AddMissedSessionsAsync();

        await _app.Get<HealthSnapshotService>().ComputeWeekAsync(new IsoWeek(2026, 12), cancellationToken: TestContext.Current.CancellationToken);

        var calls = await _sink.WaitForAsync(2);
        calls.Count.ShouldBe(2);
        calls.ShouldAllBe(c => c.PathAndQuery == "/cgi-bin/webhook/send?key=group-key");
        var contents = calls.Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("markdown").GetProperty("content").GetString()!).ToList();
        contents.ShouldContain(c => c.StartsWith("**【培训评估】进入高风险：学员1**", StringComparison.Ordinal) && c.Contains("学员1（E001）", StringComparison.Ordinal)
            && c.Contains($"[打开学员页面]({DeliveryDashboard.BaseUrl}/learners/E001)", StringComparison.Ordinal)
            && c.Contains($"[退订]({DeliveryDashboard.BaseUrl}/notifications/unsubscribe?token=", StringComparison.Ordinal));
        (await _app.Smtp.WaitForAsync(2)).Count.ShouldBe(2);
        await _app.WaitUntilSentAsync();
        (await _app.OutboxAsync()).Select(m => (m.Channel, m.Status)).Order().ShouldBe(
            [(DeliveryChannel.Email, OutboxStatus.Sent), (DeliveryChannel.Email, OutboxStatus.Sent), (DeliveryChannel.WeCom, OutboxStatus.Sent), (DeliveryChannel.WeCom, OutboxStatus.Sent)]);
    }
}
