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

    private static Task Upload(IPage page, string csv) =>
        page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "learners.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

    private async Task<(string Number, string Name)> DemoEmployeeAsync()
    {
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var learner = await db.Learners.OrderBy(l => l.Id).FirstAsync(TestContext.Current.CancellationToken);
        return (learner.EmployeeNumber, learner.Name);
    }
}
