using TrainingEval.Dashboard.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Account;

/// <summary>Signing in as each demo account in Chromium shows that role's navigation and data only (issue 5).</summary>
public sealed class SecurityBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("admin", "/", new[] { "", "programs", "cohorts", "learners", "compare", "notifications", "reports", "reports/promotions", "reports/high-potential", "playground", "import", "audit", "admin/users", "admin/api-keys", "admin/outbox" })]
    [InlineData("analyst", "/", new[] { "", "programs", "cohorts", "learners", "compare", "notifications", "reports", "reports/promotions", "reports/high-potential", "playground", "import", "audit" })]
    [InlineData("executive", "/", new[] { "", "programs", "cohorts", "learners", "compare", "reports", "reports/promotions", "reports/high-potential", "playground" })]
    [InlineData("mentor", "/mentor", new[] { "cohorts", "learners", "mentor", "mentor/digest", "notifications", "playground" })]
    [InlineData("learner", "/me", new[] { "me", "check-in", "playground" })]
    [InlineData("trainer", "/teaching", new[] { "teaching", "playground" })]
    public async Task Each_role_sees_its_own_navigation_on_its_start_page(string user, string startPath, string[] links)
    {
        await using var session = await browser.OpenAsync("account/login", culture: "zh-CN", user: null);
        var page = session.Page;
        var account = TrainingEval.Dashboard.Features.Account.AccountSeeder.DemoAccounts.Single(a => a.UserName == user);
        await page.GetByTestId("login-user").FillAsync(account.UserName);
        await page.GetByTestId("login-password").FillAsync(account.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(startPath, StringComparison.Ordinal) && !url.Contains("/account/", StringComparison.Ordinal));
        await session.WaitForCircuitAsync();

        var hrefs = await page.Locator(".nav-menu a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        hrefs.ShouldBe(links);
        await Expect(page.GetByTestId("user-button")).ToBeVisibleAsync();
        await session.ScreenshotAsync($"security-home-{user}-zh-CN");
    }

    [Fact]
    public async Task A_learner_typing_another_learners_address_sees_not_allowed_and_no_data()
    {
        await using var own = await browser.OpenAsync("playground", culture: "en", user: "learner");
        var ownNumber = await OwnEmployeeNumberAsync();
        var other = ownNumber == "E100001" ? "E100002" : "E100001";

        await own.GoToAsync(new Uri(browser.BaseUri, $"learners/{other}"));
        await own.WaitForCircuitAsync();

        await Expect(own.Page.GetByTestId("not-allowed")).ToBeVisibleAsync();
        await Expect(own.Page.GetByTestId("learner-employee-no")).ToHaveCountAsync(0);
        await own.ScreenshotAsync("security-not-allowed-en");
    }

    [Theory]
    [InlineData("zh-CN", BrowserFixture.DesktopWidth)]
    [InlineData("en", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.PhoneWidth)]
    public async Task The_sign_in_page_lists_the_demo_accounts_and_reports_a_wrong_password(string culture, int width)
    {
        await using var session = await browser.OpenAsync("account/login", culture, width, width == BrowserFixture.PhoneWidth ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight, user: null);
        var page = session.Page;
        await Expect(page.GetByTestId("demo-accounts").Locator("tbody tr")).ToHaveCountAsync(AccountSeeder.DemoAccounts.Count);

        await page.GetByTestId("login-user").FillAsync("analyst");
        await page.GetByTestId("login-password").FillAsync("certainly-not-it");
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        await session.ScreenshotAsync($"security-sign-in-{culture}-{width}");
    }

    [Theory]
    [InlineData("en", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.PhoneWidth)]
    public async Task The_admin_creates_an_account_and_the_audit_trail_shows_it(string culture, int width)
    {
        var height = width == BrowserFixture.PhoneWidth ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight;
        await using var session = await browser.OpenAsync("admin/users", culture, width, height, user: "admin");
        var page = session.Page;
        await Expect(page.GetByTestId("users-table").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        var name = $"hr-{culture}-{width}".ToLowerInvariant();

        await page.GetByTestId("new-user-create").ClickAsync();
        await Expect(page.GetByTestId("new-user-errors")).ToBeVisibleAsync();

        await page.GetByTestId("new-user-name").FillAsync(name);
        await page.Locator(".new-user-form input").Nth(1).FillAsync("新的 HR 分析师");
        await page.GetByTestId("new-user-password").FillAsync("a-long-enough-password");
        await page.GetByTestId("new-user-roles").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Nth(1).ClickAsync();
        // Close the roles list before "Create": a click sent while it is open lands on the list. Escape closes it when the
        // list has the focus; otherwise a click beside it (on the page heading) does.
        var roleList = page.Locator(".mud-popover-open .mud-list-item");
        await page.Keyboard.PressAsync("Escape");
        try
        {
            await Expect(roleList).ToHaveCountAsync(0, new() { Timeout = 3_000 });
        }
        catch (PlaywrightException)
        {
            await page.Locator("h1").First.ClickAsync(new() { Force = true });
        }
        await Expect(roleList).ToHaveCountAsync(0);
        await page.GetByTestId("new-user-create").ClickAsync();

        await Expect(page.GetByTestId("users-table")).ToContainTextAsync(name);
        await session.ScreenshotAsync($"security-users-{culture}-{width}");

        await session.GoToAsync(new Uri(browser.BaseUri, "audit"));
        await session.WaitForCircuitAsync();
        await Expect(page.GetByTestId("audit-table")).ToContainTextAsync(name);
        await session.ScreenshotAsync($"security-audit-{culture}-{width}");
    }

    [Theory]
    [InlineData("en", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.PhoneWidth)]
    public async Task Signing_out_from_the_user_menu_ends_the_session(string culture, int width)
    {
        var height = width == BrowserFixture.PhoneWidth ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight;
        // A sign-in of its own: the shared signed-in state of the other tests must stay valid.
        await using var session = await browser.OpenAsync("account/login", culture, width, height, user: null);
        var page = session.Page;
        var account = TrainingEval.Dashboard.Features.Account.AccountSeeder.DemoAccounts.Single(a => a.UserName == "executive");
        await page.GetByTestId("login-user").FillAsync(account.UserName);
        await page.GetByTestId("login-password").FillAsync(account.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await session.WaitForCircuitAsync();

        await page.GetByTestId("user-button").ClickAsync();
        await Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await session.ScreenshotAsync($"security-user-menu-{culture}-{width}", fullPage: false);
        await page.GetByTestId("sign-out").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
        (await session.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "TrainingEval.Auth");

        await page.GotoAsync(new Uri(browser.BaseUri, "cohorts").ToString());
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        new Uri(page.Url).Query.ShouldContain("ReturnUrl=%2Fcohorts");
        await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
        await session.ScreenshotAsync($"security-signed-out-{culture}-{width}", fullPage: false);
    }

    /// <summary>The demo learner's employee number, from the account's link.</summary>
    private async Task<string> OwnEmployeeNumberAsync()
    {
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingEval.Dashboard.Infrastructure.Persistence.TrainingDbContext>();
        return await db.Users.Where(u => u.UserName == "learner").Select(u => u.Learner!.EmployeeNumber).SingleAsync();
    }
}
