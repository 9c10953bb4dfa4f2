using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Search;

/// <summary>Issue 21 item 2 in Chromium: the app bar's search box opens the search page, whose hits open the records (read-only).</summary>
public sealed class SearchBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Number, string Name, string NameEn)> LearnerAsync()
    {
        await browser.EnsureStartedAsync();
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Ct);
        var l = await db.Learners.Where(l => l.NameEn != null && l.NameEn.Contains(' ') && l.Enrollments.Any()).OrderBy(l => l.Id).FirstAsync(Ct);
        return (l.EmployeeNumber, l.Name, l.NameEn!);
    }

    [Theory]
    [InlineData("zh-CN", "学员", "找到")]
    [InlineData("en", "Learners", "found for")]
    public async Task Enter_in_the_app_bar_box_opens_the_results_and_a_hit_opens_the_learner(string culture, string learners, string found)
    {
        var (number, name, nameEn) = await LearnerAsync();
        await using var session = await browser.OpenAsync("", culture);
        var page = session.Page;
        var words = nameEn.Split(' ');
        await session.WaitForCircuitAsync();

        await page.GetByTestId("app-search-input").FillAsync($"{words[1]} {words[0]}");
        await page.GetByTestId("app-search-input").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q="), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("search-found")).ToContainTextAsync(found);
        var group = page.GetByTestId("search-group-learner");
        await Expect(group.Locator("h2")).ToHaveTextAsync(learners);
        var hit = group.GetByTestId("search-hit").Filter(new() { HasText = culture == "en" ? nameEn : name });
        await Expect(hit).ToContainTextAsync(culture == "en" ? name : nameEn);
        await session.ScreenshotAsync($"search-results-{culture}");
        await hit.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/learners/{number}$"), new() { Timeout = 30_000 });
        await Expect(page.Locator("h1")).ToContainTextAsync(culture == "en" ? nameEn : name);
    }

    [Fact]
    public async Task On_a_phone_the_app_bar_has_a_search_button_and_the_page_searches_as_one_types()
    {
        var (number, _, _) = await LearnerAsync();
        await using var session = await browser.OpenAsync("", "zh-CN", BrowserFixture.PhoneWidth, BrowserFixture.PhoneHeight);
        var page = session.Page;

        await Expect(page.GetByTestId("app-search-input")).ToBeHiddenAsync();
        await page.GetByTestId("app-search-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search$"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("search-too-short")).ToHaveTextAsync("请至少输入 2 个字符。");
        await page.GetByTestId("search-page-field").Locator("input").FillAsync(number.ToLowerInvariant());

        await Expect(page.GetByTestId("search-group-learner")).ToContainTextAsync(number);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await session.ScreenshotAsync("search-phone-zh-CN");
    }
}
