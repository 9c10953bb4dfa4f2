using Microsoft.Playwright;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.SavedViews;

/// <summary>
/// Issue 21 item 3's done-when in Chromium: an analyst saves the high-potential pool filtered to a department and shares it
/// with the administrators; the admin finds it in the page's Views menu and opens the same filtered page; the analyst
/// deletes it on /views. Writes only saved views (their own table, which no other test reads), each run under its own name.
/// The other role is the admin, not the executive: the sign-out test rotates the executive's security stamp, which ends
/// every executive session the shared fixture keeps.
/// </summary>
public sealed class SavedViewsBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN", "保存当前视图…", "所有系统管理员角色的用户", "共享给系统管理员", "已筛选：显示")]
    [InlineData("en", "Save this view…", "Everyone with the role Administrator", "shared by", "shown (filtered)")]
    public async Task A_view_shared_with_admins_opens_the_same_filtered_page_for_an_admin(string culture, string save, string shareWith, string sharedNote, string filtered)
    {
        var name = $"PRD1 {culture} {Guid.NewGuid():N}"[..24];
        await using (var analyst = await browser.OpenAsync("reports/high-potential?department=PRD1", culture))
        {
            await analyst.WaitForCircuitAsync();
            var page = analyst.Page;
            await Expect(page.GetByTestId("high-potential-filtered")).ToContainTextAsync(filtered);
            var shown = await page.GetByTestId("high-potential-row").CountAsync();

            await page.GetByTestId("saved-views").Locator("button").First.ClickAsync();
            await Expect(page.GetByTestId("save-view")).ToHaveTextAsync(save);
            await page.GetByTestId("save-view").ClickAsync();
            var dialog = page.GetByTestId("save-view-dialog");
            await Expect(dialog).ToContainTextAsync("reports/high-potential?department=PRD1");
            await page.GetByTestId("save-view-submit").ClickAsync();
            await Expect(page.GetByTestId("save-view-error")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
            await page.GetByTestId("save-view-name").FillAsync(name);
            await page.GetByTestId("save-view-share").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = shareWith }).ClickAsync();
            await analyst.ScreenshotAsync($"save-view-dialog-{culture}");
            await page.GetByTestId("save-view-submit").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await using var admin = await browser.OpenAsync("reports/high-potential", culture, user: "admin");
            await admin.WaitForCircuitAsync();
            var other = admin.Page;
            await Expect(other.GetByTestId("high-potential-row").First).ToBeVisibleAsync();
            await other.GetByTestId("saved-views").Locator("button").First.ClickAsync();
            var item = other.GetByTestId("saved-view").Filter(new() { HasText = name });
            await Expect(item).ToContainTextAsync(sharedNote);
            await admin.ScreenshotAsync($"saved-views-menu-admin-{culture}");
            await item.ClickAsync();
            await Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/reports/high-potential\?department=PRD1$"), new() { Timeout = 30_000 });
            await Expect(other.GetByTestId("high-potential-filtered")).ToContainTextAsync(filtered);
            await Expect(other.GetByTestId("high-potential-row")).ToHaveCountAsync(shown);

            // The admin may not delete someone else's view; the owner deletes it on /views.
            await other.GotoAsync(new Uri(browser.BaseUri, "views").ToString());
            var adminRow = other.GetByTestId("views-row").Filter(new() { HasText = name });
            await Expect(adminRow).ToBeVisibleAsync();
            await Expect(adminRow.GetByTestId("views-delete")).ToHaveCountAsync(0);

            await page.GotoAsync(new Uri(browser.BaseUri, "views").ToString());
            var row = page.GetByTestId("views-row").Filter(new() { HasText = name });
            await row.GetByTestId("views-delete").ClickAsync();
            await Expect(page.GetByTestId("views-row").Filter(new() { HasText = name })).ToHaveCountAsync(0);
        }
    }
}
