using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Account;
using TrainingEval.Dashboard.Features.Admin;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Account;

/// <summary>Sign-in over real HTTP against the app on the demo company: password policy, lockout, antiforgery, refusals, audit.</summary>
public sealed class SignInTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    // A fresh scope per read: a UserManager's context would otherwise answer from the account it already tracks.
    private UserManager<UserAccount> Users() => server.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<UserAccount>>();

    private HttpClient NewClient() => server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Anonymous_requests_to_pages_go_to_the_sign_in_page_with_the_way_back()
    {
        using var client = NewClient();
        using var response = await client.GetAsync(new Uri("/cohorts", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login?ReturnUrl=%2Fcohorts");
    }

    [Fact]
    public async Task Every_demo_account_signs_in_and_lands_on_its_roles_start_page()
    {
        foreach (var account in AccountSeeder.DemoAccounts)
        {
            using var client = NewClient();
            using var response = await AccountClient.PostLoginAsync(client, account.UserName, account.Password);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, account.UserName);
            var location = response.Headers.Location!;
            var landing = location.IsAbsoluteUri ? location.PathAndQuery : location.ToString();
            switch (account.Role)
            {
                case Roles.Mentor:
                    landing.ShouldBe("/mentor");
                    break;
                case Roles.Learner:
                    landing.ShouldBe("/me");
                    break;
                case Roles.Trainer:
                    landing.ShouldBe("/teaching");
                    break;
                default:
                    landing.ShouldBe("/");
                    break;
            }
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_telling_whether_the_account_exists()
    {
        using var client = NewClient();
        using var wrongPassword = await AccountClient.PostLoginAsync(client, "executive", "not-the-password-at-all");
        using var unknownUser = await AccountClient.PostLoginAsync(client, "nobody-here", "not-the-password-at-all");

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        var wrongHtml = await wrongPassword.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var unknownHtml = await unknownUser.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        wrongHtml.ShouldContain("data-testid=\"login-error\"");
        ErrorText(wrongHtml).ShouldBe(ErrorText(unknownHtml));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var name = "lockout-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "violet-tundra-41-marigold";
        (await Users().CreateAsync(new UserAccount { UserName = name, DisplayName = name }, password)).Succeeded.ShouldBeTrue();

        using var client = NewClient();
        for (var attempt = 1; attempt <= PasswordPolicy.MaxFailedAttempts; attempt++)
        {
            using var failed = await AccountClient.PostLoginAsync(client, name, "wrong-password-" + attempt);
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
            if (attempt < PasswordPolicy.MaxFailedAttempts)
            {
                var users = Users();
                (await users.GetAccessFailedCountAsync((await users.FindByNameAsync(name))!)).ShouldBe(attempt);
            }
        }

        using var right = await AccountClient.PostLoginAsync(client, name, password);
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account is not signed in");
        (await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("登录失败后账户将锁定", Case.Sensitive, "the default culture is zh-CN");
        var after = Users();
        (await after.IsLockedOutAsync((await after.FindByNameAsync(name))!)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("short-11chr", false)]
    [InlineData("amber-quarry-88-lantern", true)]
    public async Task Passwords_need_at_least_twelve_characters(string password, bool accepted)
    {
        var users = Users();
        var name = "policy-" + Guid.NewGuid().ToString("N")[..8];

        var result = await users.CreateAsync(new UserAccount { UserName = name, DisplayName = name }, password);

        result.Succeeded.ShouldBe(accepted);
        if (!accepted)
            result.Errors.Select(e => e.Code).ShouldContain(nameof(IdentityErrorDescriber.PasswordTooShort));
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        using var client = NewClient();
        using var response = await AccountClient.PostLoginAsync(client, "admin", "Demo-Admin-2026", withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token()
    {
        using var client = await server.SignedInClientAsync("executive");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var response = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var still = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        still.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_page_outside_the_role_answers_with_the_not_allowed_page()
    {
        using var mentor = await server.SignedInClientAsync("mentor");
        using var response = await mentor.GetAsync(new Uri("/compare", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/denied");
        using var denied = await mentor.GetAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        (await denied.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("data-testid=\"not-allowed\"");
    }

    [Fact]
    public async Task A_learner_opening_another_learners_page_by_url_gets_none_of_that_learners_data()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var own = await db.Users.Where(u => u.UserName == "learner").Select(u => u.LearnerId).FirstAsync(TestContext.Current.CancellationToken);
        var other = await db.Learners.Where(l => l.Id != own).OrderBy(l => l.Id).FirstAsync(TestContext.Current.CancellationToken);
        using var learner = await server.SignedInClientAsync("learner");

        // The page itself renders in the circuit, where the learner sees the "not allowed" page
        // (SecurityBrowserTests); the HTTP response must not carry the other learner's record either.
        using var response = await learner.GetAsync(new Uri($"/learners/{other.EmployeeNumber}", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain(other.EmployeeNumber + " ·");
        html.ShouldNotContain(other.Name);
    }

    [Fact]
    public async Task Role_changes_are_audited_with_old_and_new_values()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var name = "audited-" + Guid.NewGuid().ToString("N")[..8];
        (await users.CreateAsync(new UserAccount { UserName = name, DisplayName = name }, "violet-tundra-41-marigold")).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync((await users.FindByNameAsync(name))!, Roles.Executive);
        var signedIn = TestUsers.In("admin", Roles.Admin);
        var admin = new UserAdministration(
            scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(),
            TestUsers.AccessFor(scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrainingDbContext>>(), signedIn));
        var id = (await users.FindByNameAsync(name))!.Id;

        // The users page runs in the admin's circuit, whose handler makes the admin the actor.
        using (server.Services.GetRequiredService<CurrentActor>().SignedIn(new FixedCurrentUser(signedIn)))
            await admin.SetRolesAsync(id, [Roles.HrAnalyst, Roles.Executive], TestContext.Current.CancellationToken);

        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var entry = await db.AuditTrail.AsNoTracking().Where(a => a.EntityType == nameof(UserAccount) && a.EntityKey == name).SingleAsync(TestContext.Current.CancellationToken);
        entry.Action.ShouldBe(AuditAction.Modified);
        entry.Property.ShouldBe("Roles");
        entry.OldValue.ShouldBe("Executive");
        entry.NewValue.ShouldBe("Executive,HrAnalyst");
        entry.Actor.ShouldBe("admin");
    }

    [Fact]
    public async Task Only_admins_manage_accounts()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
        var asAnalyst = new UserAdministration(scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(), TestUsers.AccessFor(factory, TestUsers.Analyst));

        await Should.ThrowAsync<AccessDeniedException>(() => asAnalyst.ListAsync(TestContext.Current.CancellationToken));
        await Should.ThrowAsync<AccessDeniedException>(() => asAnalyst.SetRolesAsync("any", [Roles.Admin], TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("zh-CN", "学员：没有工号为“NO-SUCH-NUMBER”的学员。", "用户名：“analyst”已被使用。")]
    [InlineData("en", "Learner: no learner has employee number 'NO-SUCH-NUMBER'.", "User name: 'analyst' is already taken.")]
    public async Task Refused_account_changes_are_explained_in_the_admins_language(string culture, string unknownLearner, string takenName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var admin = new UserAdministration(
            scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(),
            TestUsers.AccessFor(scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrainingDbContext>>(), TestUsers.In("admin", Roles.Admin)));
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            var learner = await Should.ThrowAsync<AccountChangeException>(() => admin.CreateAsync(
                new NewUser("new-" + Guid.NewGuid().ToString("N")[..8], "New", "violet-tundra-41-marigold", [Roles.Learner], "NO-SUCH-NUMBER", null),
                TestContext.Current.CancellationToken));
            learner.Errors.ShouldBe([unknownLearner]);

            var taken = await Should.ThrowAsync<AccountChangeException>(() => admin.CreateAsync(
                new NewUser("analyst", "Twin", "violet-tundra-41-marigold", [Roles.HrAnalyst], null, null), TestContext.Current.CancellationToken));
            taken.Errors.ShouldContain(takenName);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }

    private static string ErrorText(string html)
    {
        var start = html.IndexOf("data-testid=\"login-error\"", StringComparison.Ordinal);
        var end = html.IndexOf("</div>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
