using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Tests.Features.Programs;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Reports;

/// <summary>The effectiveness report draws on paper: the light palette's colours in either UI theme, in its charts and its tables alike.</summary>
public sealed class EffectivenessReportPageTests(DemoCompanyDatabase demo) : ProgramPageTest(demo)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_tier_has_its_paper_colour_in_the_tier_chart_and_in_the_learner_tables_and_no_level_colour_stands_for_anything_else(bool dark)
    {
        UseTheme(dark ? ThemeState.Dark : ThemeState.Light);
        var code = await Demo.QueryAsync(db => db.Cohorts.OrderByDescending(c => db.LearnerScores.Count(s => s.CohortId == c.Id && s.Tier != null)).ThenBy(c => c.Code)
            .Select(c => c.Code).FirstAsync());

        var page = Render<EffectivenessReportPage>(p => p.Add(x => x.Code, code));
        page.WaitForAssertion(() => page.FindAll("[data-testid=tier-chip]").ShouldNotBeEmpty());

        IReadOnlyList<Coloured> things = [.. PageColours.Charts(ChartModule), .. PageColours.TierChips(page.FindAll("[data-testid=tier-chip]"), Terms)];
        PageColours.ShouldGiveEachTierOneColour(things, ReportChartBuilder.Paper, Terms, showingAllTiers: ["report-tiers"], showingSomeTiers: ["chip"]);
        PageColours.ShouldGiveEachLevelOneColour(things, ReportChartBuilder.Paper, Terms);
        things.Where(t => t.Where == "report-levels").Select(t => t.Color)
            .ShouldBe([DashboardColors.Composite(ReportChartBuilder.Paper), DashboardColors.Faint(ReportChartBuilder.Paper)]);
    }
}
