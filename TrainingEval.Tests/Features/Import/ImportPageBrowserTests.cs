using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Features.Import;

/// <summary>The import page in headless Chromium on the demo company: a file with errors, then the fixed file.</summary>
public sealed class ImportPageBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.DesktopWidth)]
    [InlineData("zh-CN", BrowserFixture.PhoneWidth)]
    public async Task A_file_with_errors_lists_them_and_the_fixed_file_imports(string culture, int width)
    {
        await using var session = await browser.OpenAsync("import?kind=learners", culture, width, width < 600 ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight);
        var page = session.Page;
        var employee = await DemoEmployeeAsync();
        // Only the e-mail changes, a field no other page shows, so the shared demo company stays as the other tests expect.
        var email = $"import-{culture}-{width}@example.com".ToLowerInvariant();
        await Expect(page.GetByTestId("import-columns")).ToContainTextAsync("employee_no*");

        await Upload(page, $"EMPLOYEE_NO,name,email,hire_date,notes\n{employee.Number},{employee.Name},not-an-email,2024/01/01,x\n,nameless,,,\n");
        await Expect(page.GetByTestId("import-preview").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("import-mapping")).ToContainTextAsync("notes");
        await page.GetByTestId("import-run").ClickAsync();
        var errors = page.GetByTestId("import-errors").Locator("tbody tr");
        await Expect(errors).ToHaveCountAsync(3);
        // The reasons are in the page's language (the REST API keeps English).
        var english = culture == "en";
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync(english ? "'not-an-email' is not an e-mail address." : "“not-an-email”不是电子邮件地址。");
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync(english ? "employee_no is required." : "employee_no 为必填项。");
        await session.ScreenshotAsync($"import-errors-{culture}-{width}");

        await Upload(page, $"employee_no,name,email\n{employee.Number},{employee.Name},{email}\n");
        await Expect(page.GetByTestId("import-rows-read")).ToContainTextAsync("1");
        await page.GetByTestId("import-run").ClickAsync();
        await Expect(page.GetByTestId("import-success")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-success")).ToContainTextAsync(culture == "en" ? "1 updated" : "更新 1");
        await session.ScreenshotAsync($"import-success-{culture}-{width}");

        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await db.Learners.SingleAsync(l => l.EmployeeNumber == employee.Number, TestContext.Current.CancellationToken)).Email.ShouldBe(email);
    }

    [Fact]
    public async Task A_large_file_shows_its_progress_while_it_is_read_and_checked()
    {
        await using var session = await browser.OpenAsync("import?kind=learners", "en", BrowserFixture.DesktopWidth, BrowserFixture.DesktopHeight);
        var page = session.Page;
        await Expect(page.GetByTestId("import-columns")).ToContainTextAsync("employee_no*");
        // 300,000 new employees, each with an e-mail that is none: it takes seconds to read and check, and is refused
        // whole, so the shared demo company stays as the other tests expect.
        var csv = new StringBuilder("employee_no,name,email\n");
        for (var i = 0; i < 300_000; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"PX{i:000000},N,bad\n");
        await Upload(page, csv.ToString());
        await Expect(page.GetByTestId("import-rows-read")).ToContainTextAsync("300,000 data rows", new() { Timeout = 60_000 });

        await page.GetByTestId("import-run").ClickAsync();

        var progress = page.GetByTestId("import-progress");
        await Expect(progress).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(progress).ToContainTextAsync("Rows read");
        await Expect(page.GetByTestId("import-failed")).ToContainTextAsync("300,000 errors", new() { Timeout = 120_000 });
        await Expect(progress).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("import-errors-listed")).ToContainTextAsync("1,000");
    }

    private static Task Upload(IPage page, string csv) =>
        page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "learners.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

    private async Task<(string Number, string Name)> DemoEmployeeAsync()
    {
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var learner = await db.Learners.OrderBy(l => l.Id).FirstAsync(TestContext.Current.CancellationToken);
        return (learner.EmployeeNumber, learner.Name);
    }
}
