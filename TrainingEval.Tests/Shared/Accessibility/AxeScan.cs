using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Shared.Accessibility;

/// <summary>
/// Issue 20: axe-core (WCAG 2.0/2.1 A and AA rules) finds nothing on the product's pages and open dialogs, in both
/// languages, light and dark, at desktop and phone width (every combination). A failure lists rule, impact, element and
/// page for every violation.
/// </summary>
/// <remarks>
/// The scans are split over several test classes (the analysts' pages per language, the other roles' pages, dialogs)
/// because xunit runs one class at a time on one thread: as one class they were a twenty-minute tail on the CI's two
/// cores. Each class has its own dashboard (a class fixture), so no other test's half-done writes reach the scans.
/// </remarks>
internal static class AxeScan
{
    /// <summary>Desktop and phone width, light and dark.</summary>
    public static TheoryData<int, bool> Looks()
    {
        var looks = new TheoryData<int, bool>();
        foreach (var width in new[] { BrowserFixture.DesktopWidth, BrowserFixture.PhoneWidth })
        {
            looks.Add(width, false);
            looks.Add(width, true);
        }
        return looks;
    }

    /// <summary>Both languages at desktop and phone width, light and dark.</summary>
    public static TheoryData<string, int, bool> Variants()
    {
        var variants = new TheoryData<string, int, bool>();
        foreach (var culture in new[] { "en", "zh-CN" })
        {
            foreach (var width in new[] { BrowserFixture.DesktopWidth, BrowserFixture.PhoneWidth })
            {
                variants.Add(culture, width, false);
                variants.Add(culture, width, true);
            }
        }
        return variants;
    }

    public static async Task<IEnumerable<string>> ScanAsync(BrowserSession session, string path)
    {
        // Charts draw after the page is interactive; scan what a reader finally sees.
        await session.Page.WaitForTimeoutAsync(300);
        // A snackbar fades in: mid-fade its text is half transparent and axe measures a contrast nobody reads. Scan it shown.
        await session.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-snackbar')].every(e => getComputedStyle(e).opacity === '1')");
        var result = await session.Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations.SelectMany(v => v.Nodes.Select(n => $"/{path}: {v.Id} ({v.Impact}) {string.Join(" ", n.Target)} — {Cut(n.Html)}"));
    }

    private static string Cut(string html) => html.Length <= 300 ? html : html[..300] + "…";
}
