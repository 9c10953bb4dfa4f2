using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Account;

/// <summary>With demo data off, the first start has no account: every page asks for the administrator first.</summary>
public sealed class FirstAdminSetupTests
{
    [Fact]
    public async Task Without_demo_data_the_first_visit_creates_the_admin_and_then_setup_is_closed()
    {
        await using var server = new DashboardServer();
        server.Settings["TrainingEval:DemoData:Enabled"] = "false";
        using var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var first = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.ToString().ShouldBe("/account/setup");

        var form = await client.GetStringAsync(new Uri("/account/setup", UriKind.Relative), TestContext.Current.CancellationToken);
        using var tooShort = await PostSetupAsync(client, form, "owner", "short");
        (await tooShort.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("data-testid=\"setup-errors\"");

        using var created = await PostSetupAsync(client, form, "owner", "a-proper-long-password");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        home.StatusCode.ShouldBe(HttpStatusCode.OK, "the new admin is signed in and reaches the overview");

        using var anonymous = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var again = await anonymous.GetStringAsync(new Uri("/account/setup", UriKind.Relative), TestContext.Current.CancellationToken);
        again.ShouldContain("data-testid=\"setup-done\"");
    }

    [Theory]
    [InlineData("zh-CN", "密码：至少需要 4 个不同的字符。", "用户名：“张 三”不可用")]
    [InlineData("en", "Password: at least 4 different characters.", "User name: &#x27;张 三&#x27; is not allowed")]
    public async Task Identitys_refusals_are_shown_in_the_users_language(string culture, string uniqueCharacters, string invalidName)
    {
        await using var server = new DashboardServer();
        server.Settings["TrainingEval:DemoData:Enabled"] = "false";
        using var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var switched = await client.GetAsync(new Uri($"/culture/set?culture={culture}&redirectUri=/account/setup", UriKind.Relative), TestContext.Current.CancellationToken);
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var form = await client.GetStringAsync(new Uri("/account/setup", UriKind.Relative), TestContext.Current.CancellationToken);

        // Long enough for the page's own check, so the refusal is Identity's (RequiredUniqueChars = 4).
        using var repetitive = await PostSetupAsync(client, form, "owner", "aaaaaaaaaaaaaaaa");
        (await repetitive.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(uniqueCharacters);
        using var spaced = await PostSetupAsync(client, form, "张 三", "a-proper-long-password");
        (await spaced.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(invalidName);
    }

    private static async Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string formHtml, string userName, string password)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = AccountClient.AntiforgeryToken(formHtml),
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "Owner",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        return await client.PostAsync(new Uri("/account/setup", UriKind.Relative), content);
    }
}
