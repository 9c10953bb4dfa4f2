using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Shared;

/// <summary>
/// Issue 14 item 15: every main page, in both languages, at desktop (1440 px) and phone (390 px) width, fits its window —
/// the page does not scroll sideways and no cell or table is cut. One test per page; its two languages and two widths
/// share one browser context, so the suite pays for one sign-in and one circuit per page.
/// </summary>
public sealed class LayoutBrowserTests(BrowserFixture browser)
{
    private static readonly string[] Cultures = ["zh-CN", "en"];
    private static readonly int[] Widths = [BrowserFixture.DesktopWidth, BrowserFixture.PhoneWidth];

    /// <summary>
    /// What "does not fit" means, measured in the page:
    /// the document scrolls sideways; or an element that clips (overflow hidden or clip) holds content wider than itself
    /// (a cut cell, a cut chip, an ellipsis); or a scroll box (a table container) is wider inside than outside.
    /// A wide comparison table may scroll inside its card on a phone only where the page says so (<c>data-scroll-x</c>);
    /// at desktop width nothing scrolls. Screen-reader-only text (1 px boxes), charts (ApexCharts lays out its own SVG)
    /// and closed popovers are not layout.
    /// </summary>
    private const string FindOverflow = """
        (desktop) => {
          const found = [];
          const doc = document.scrollingElement;
          if (doc.scrollWidth > doc.clientWidth)
            found.push(`the page scrolls sideways by ${doc.scrollWidth - doc.clientWidth} px`);
          const describe = el => {
            const id = el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
            const text = (el.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 60);
            return `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).slice(0, 3).join('.')} in [${id}] "${text}" (${el.scrollWidth} > ${el.clientWidth} px)`;
          };
          for (const el of document.body.querySelectorAll('*')) {
            if (el.clientWidth <= 1 || el.getClientRects().length === 0) continue;
            if (el.closest('svg, .apexcharts-canvas, .mud-popover, .mud-overlay, .mud-snackbar-provider, .te-boot')) continue;
            const style = getComputedStyle(el);
            if (style.visibility !== 'visible' || el.scrollWidth <= el.clientWidth + 1) continue;
            if (style.overflowX === 'hidden' || style.overflowX === 'clip')
              found.push('cut: ' + describe(el));
            else if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && (desktop || !el.closest('[data-scroll-x]')))
              found.push('scrolls sideways: ' + describe(el));
          }
          return found;
        }
        """;

    public static TheoryData<string> Pages => new(
        "overview", "programs", "program", "cohorts", "cohort", "learners", "learner", "me", "mentor", "compare", "notifications", "reports",
        "program-edit", "cohort-new", "cohort-manage", "notification-settings", "outbox", "search");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_fits_desktop_and_phone_widths_in_both_languages(string page)
    {
        // The first OpenAsync starts the demo server; the addresses depend on its data (the demo follows today's date).
        await using var session = await browser.OpenAsync("playground", culture: Cultures[0], user: AccountFor(page));
        var url = await AddressOfAsync(page);
        var problems = new List<string>();
        foreach (var culture in Cultures)
        {
            await session.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = browser.BaseUri.ToString() }]);
            foreach (var width in Widths)
            {
                await session.Page.SetViewportSizeAsync(width, width == BrowserFixture.PhoneWidth ? BrowserFixture.PhoneHeight : BrowserFixture.DesktopHeight);
                await session.GoToAsync(new Uri(browser.BaseUri, url));
                await SettledAsync(session.Page);
                var found = await session.Page.EvaluateAsync<string[]>(FindOverflow, width == BrowserFixture.DesktopWidth);
                if (found.Length == 0)
                    continue;
                problems.AddRange(found.Distinct().Take(8).Select(f => $"{url} {culture} {width} px: {f}"));
                await session.ScreenshotAsync($"layout-{page}-{culture}-{width}");
            }
        }
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    private static string AccountFor(string page) => page switch
    {
        "me" => "learner",
        "mentor" or "notification-settings" => "mentor",
        "outbox" => "admin",
        _ => BrowserFixture.AnalystAccount,
    };

    /// <summary>The busiest objects of the demo, so each page shows its fullest layout: a running cohort with a ranking, the learner with the most cohorts.</summary>
    private async Task<string> AddressOfAsync(string page)
    {
        var factory = browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ct = TestContext.Current.CancellationToken;
        async Task<string> RunningCohortAsync() => await db.Cohorts.AsNoTracking()
            .Where(c => c.ClosedAt == null && c.StartDate <= today && c.EndDate >= today && db.LearnerScores.Any(s => s.CohortId == c.Id && s.Composite != null))
            .OrderByDescending(c => db.Enrollments.Count(e => e.CohortId == c.Id)).ThenBy(c => c.Code)
            .Select(c => c.Code).FirstAsync(ct);
        switch (page)
        {
            case "overview": return "/";
            case "programs": return "programs";
            case "cohorts": return "cohorts";
            case "learners": return "learners";
            case "me": return "me";
            case "mentor": return "mentor";
            case "notifications": return "notifications";
            case "reports": return "reports";
            case "notification-settings": return "account/notifications";
            case "outbox": return "admin/outbox";
            case "search": return "search?q=peng";
            case "cohort": return $"cohorts/{Uri.EscapeDataString(await RunningCohortAsync())}";
            case "cohort-new": return "cohorts/new";
            case "cohort-manage": return $"cohorts/{Uri.EscapeDataString(await RunningCohortAsync())}/manage";
            case "program-edit":
            {
                var code = await RunningCohortAsync();
                return $"programs/{Uri.EscapeDataString(await db.Cohorts.Where(c => c.Code == code).Select(c => c.Program!.Code).FirstAsync(ct))}/edit";
            }
            case "program":
            {
                var code = await RunningCohortAsync();
                return $"programs/{Uri.EscapeDataString(await db.Cohorts.Where(c => c.Code == code).Select(c => c.Program!.Code).FirstAsync(ct))}";
            }
            case "compare":
            {
                var code = await RunningCohortAsync();
                var programId = await db.Cohorts.Where(c => c.Code == code).Select(c => c.ProgramId).FirstAsync(ct);
                var codes = await db.Cohorts.AsNoTracking().Where(c => c.ProgramId == programId && c.StartDate <= today)
                    .OrderByDescending(c => c.StartDate).Select(c => c.Code).Take(4).ToListAsync(ct);
                return $"compare?cohorts={Uri.EscapeDataString(string.Join(',', codes))}";
            }
            case "learner":
            {
                var employeeNo = await db.Enrollments.AsNoTracking()
                    .GroupBy(e => e.Learner!.EmployeeNumber)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                    .Select(g => g.Key).FirstAsync(ct);
                return $"learners/{employeeNo}";
            }
            default: throw new ArgumentOutOfRangeException(nameof(page), page, null);
        }
    }

    /// <summary>Until the page's data and charts are in, its layout is not final: wait for the loading skeletons to go and the charts to draw.</summary>
    private static async Task SettledAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.querySelector('.mud-skeleton, .mud-table-loading-progress') === null"
                + " && [...document.querySelectorAll('.te-chart')].every(c => c.querySelector('svg.apexcharts-svg') !== null)",
                null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            // An empty chart or a page still loading is measured as it is: the check reports what does not fit.
        }
        // ApexCharts redraws once it has measured its box; fonts settle with it.
        await page.WaitForTimeoutAsync(600);
    }
}
