using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Account;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>
/// Issue 19 item 3 and 12 (ASVS V3, V2.1.7): a session ends when its account signs out, is locked or changes role or
/// password — copied cookies included; every routable page carries its authorization; the sign-in does not tell which
/// accounts exist; guessable passwords are refused.
/// </summary>
public sealed class SessionSecurityTests : IClassFixture<SessionSecurityTests.Server>
{
    /// <summary>The app with the stamp checked on every request, so a test need not wait the production half minute.</summary>
    public sealed class Server : IDisposable
    {
        public Server()
        {
            App.TestServices = services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        }

        public DashboardServer App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private readonly DashboardServer _server;

    public SessionSecurityTests(Server server) => _server = server.App;

    private HttpClient NewClient(bool cookies = true) =>
        _server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });

    private UserManager<UserAccount> Users() => _server.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<UserAccount>>();

    private async Task<(string Name, string Password)> NewAccountAsync(string role)
    {
        var name = "session-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "violet-tundra-41-marigold";
        var users = Users();
        (await users.CreateAsync(new UserAccount { UserName = name, DisplayName = name }, password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync((await users.FindByNameAsync(name))!, role)).Succeeded.ShouldBeTrue();
        return (name, password);
    }

    /// <summary>Signs in and returns the auth cookie as a browser would send it, so a second client can replay it.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string name, string password)
    {
        var client = NewClient();
        using var response = await AccountClient.PostLoginAsync(client, name, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("TrainingEval.Auth=", StringComparison.Ordinal));
        return (client, cookie);
    }

    private async Task<HttpStatusCode> ReplayAsync(string cookie, string path = "/cohorts")
    {
        using var stranger = NewClient(cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await stranger.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_opens_nothing_after_it()
    {
        var (name, password) = await NewAccountAsync(Roles.HrAnalyst);
        var (client, cookie) = await SignInAsync(name, password);
        (await ReplayAsync(cookie)).ShouldBe(HttpStatusCode.OK, "the copy works while the session lives");

        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AccountClient.AntiforgeryToken(page) });
        using var signOut = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form, TestContext.Current.CancellationToken);
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await ReplayAsync(cookie)).ShouldBe(HttpStatusCode.Redirect, "the copied cookie must go to the sign-in page now");
        client.Dispose();
    }

    [Fact]
    public async Task A_role_change_a_lock_and_a_password_change_each_end_the_accounts_sessions()
    {
        foreach (var change in new Func<UserManager<UserAccount>, UserAccount, Task<IdentityResult>>[]
                 {
                     (users, user) => users.RemoveFromRoleAsync(user, Roles.HrAnalyst),
                     async (users, user) =>
                     {
                         // What UserAdministration.SetLockedAsync does: the lock, then the stamp.
                         await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                         return await users.UpdateSecurityStampAsync(user);
                     },
                     (users, user) => users.ChangePasswordAsync(user, "violet-tundra-41-marigold", "amber-quarry-88-lantern-fox"),
                 })
        {
            var (name, password) = await NewAccountAsync(Roles.HrAnalyst);
            var (client, cookie) = await SignInAsync(name, password);
            (await ReplayAsync(cookie)).ShouldBe(HttpStatusCode.OK);

            var users = Users();
            (await change(users, (await users.FindByNameAsync(name))!)).Succeeded.ShouldBeTrue();

            (await ReplayAsync(cookie)).ShouldBe(HttpStatusCode.Redirect, $"{name}: the old cookie must be refused after the change");
            client.Dispose();
        }
    }

    [Fact]
    public void Sessions_and_circuits_recheck_the_account_within_a_minute()
    {
        SessionPolicy.RevalidationInterval.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(30));
        using var production = new DashboardServer();
        production.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval
            .ShouldBe(SessionPolicy.RevalidationInterval);
    }

    [Fact]
    public void Every_routable_page_says_who_may_open_it()
    {
        // In a circuit the fallback policy does not apply (it guards HTTP endpoints only): a page without [Authorize]
        // would keep rendering for a circuit whose user was just signed out by revalidation.
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Length > 0)
            .ToList();
        pages.Count.ShouldBeGreaterThan(20);
        var open = pages.Where(t =>
                t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), inherit: true).Length == 0
                && t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute), inherit: true).Length == 0)
            .Select(t => t.FullName)
            .ToList();
        open.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_locked_account_gets_the_same_message_as_an_unknown_name()
    {
        var (name, password) = await NewAccountAsync(Roles.Executive);
        var users = Users();
        await users.SetLockoutEndDateAsync((await users.FindByNameAsync(name))!, DateTimeOffset.MaxValue);

        using var client = NewClient();
        using var locked = await AccountClient.PostLoginAsync(client, name, password);
        using var unknown = await AccountClient.PostLoginAsync(client, "nobody-" + Guid.NewGuid().ToString("N")[..6], password);

        var lockedHtml = await locked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ErrorText(lockedHtml).ShouldBe(ErrorText(await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        lockedHtml.ShouldContain("登录失败后账户将锁定", Case.Sensitive, "the one message still explains the lockout rule (zh-CN by default)");
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("iloveyou2026!")]
    [InlineData("{user}{user}")]
    [InlineData("{user}-trainingeval")]
    public async Task Common_and_context_passwords_are_refused_with_a_reason(string pattern)
    {
        var name = "liwei" + Random.Shared.Next(100, 999);
        var password = pattern.Replace("{user}", name, StringComparison.Ordinal);
        password.Length.ShouldBeGreaterThanOrEqualTo(PasswordPolicy.MinimumLength, "long enough: only guessability may refuse it");

        var result = await Users().CreateAsync(new UserAccount { UserName = name, DisplayName = "Li Wei" }, password);

        result.Succeeded.ShouldBeFalse(password);
        var error = result.Errors.Single(e => e.Code == PasswordGuessabilityValidator.Code);
        error.Description.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("violet-tundra-41-marigold")]
    [InlineData("Demo-Analyst-2026")]
    public async Task Unrelated_phrases_and_the_demo_passwords_pass(string password)
    {
        var name = "phrase-" + Guid.NewGuid().ToString("N")[..8];
        var result = await Users().CreateAsync(new UserAccount { UserName = name, DisplayName = name }, password);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static string ErrorText(string html)
    {
        var start = html.IndexOf("data-testid=\"login-error\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "the form shows an error");
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }
}
