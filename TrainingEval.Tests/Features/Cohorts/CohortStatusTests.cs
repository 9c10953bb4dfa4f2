using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Tests.Features.Programs;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>
/// Issue 14, item 6: one status rule — planned, running, ended, closed — shown the same everywhere. A cohort whose last day
/// passed weeks or months ago is "ended" until HR closes it, never "in progress". "Today" is the fixture's 2026-11-15.
/// </summary>
public sealed class CohortStatusTests(DemoCompanyDatabase demo) : ProgramPageTest(demo)
{
    [Theory]
    [InlineData("en", "Running", "Ended", "Closed")]
    [InlineData("zh-CN", "进行中", "已结束", "已结班")]
    public async Task The_cohorts_list_shows_each_cohort_s_status_by_its_dates_and_closing(string culture, string running, string ended, string closed)
    {
        UseCulture(culture);
        var today = DemoCompanyDatabase.Today;
        var cohorts = await Demo.QueryAsync(db => db.Cohorts.OrderByDescending(c => c.StartDate).ThenBy(c => c.Code).Take(25)
            .Select(c => new { c.Code, c.StartDate, c.EndDate, Closed = c.ClosedAt != null }).ToDictionaryAsync(c => c.Code));
        var expected = cohorts.Values.ToDictionary(c => c.Code, c => c.Closed ? closed : today < c.StartDate ? "?" : today <= c.EndDate ? running : ended);
        expected.Values.ShouldContain(ended, "the demo has cohorts that ended weeks ago and are not closed yet");
        expected.Values.ShouldContain(running);
        expected.Values.ShouldContain(closed);

        var page = Render<CohortsList>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=cohort-link]").Count.ShouldBe(cohorts.Count));

        foreach (var row in page.FindAll("[data-testid=cohorts-table] tbody tr"))
        {
            var code = row.QuerySelector("[data-testid=cohort-link]")!.TextContent.Trim();
            row.QuerySelector("[data-testid=cohort-status]")!.TextContent.Trim().ShouldBe(expected[code], code);
        }
    }
}
