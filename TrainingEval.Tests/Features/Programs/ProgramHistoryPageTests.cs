using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Programs;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Domain.Indicators;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Programs;

/// <summary>The program page charts its cohorts in start order, marks profile changes, and recomputes from a what-if draft.</summary>
public sealed class ProgramHistoryPageTests(DemoCompanyDatabase demo) : ProgramPageTest(demo)
{
    private async Task<(string Code, List<string> Cohorts)> FirstProgramAsync()
    {
        var program = await Demo.QueryAsync(db => db.Programs.OrderBy(p => p.Code).FirstAsync());
        var cohorts = await Demo.QueryAsync(db => db.Cohorts.Where(c => c.ProgramId == program.Id).OrderBy(c => c.StartDate).ThenBy(c => c.Code).Select(c => c.Code).ToListAsync());
        return (program.Code, cohorts);
    }

    [Fact]
    public async Task History_chart_has_a_point_per_cohort_in_start_order_for_composite_trend_and_each_level()
    {
        var (code, cohorts) = await FirstProgramAsync();

        var page = Render<ProgramHistoryPage>(p => p.Add(x => x.ProgramCode, code));
        page.WaitForAssertion(() => Chart(page, "program-history").Series.ShouldNotBeEmpty());

        var chart = Chart(page, "program-history");
        chart.Options.XAxis!.Categories.ShouldBe(cohorts);
        chart.Series!.Select(s => s.Name).ShouldBe(["Mean composite", "Trend", "Reaction", "Learning", "Behavior", "Results"]);
        chart.Series!.ShouldAllBe(s => s.Data.Count == cohorts.Count);
        page.FindAll("[data-testid=history-row]").Count.ShouldBe(cohorts.Count);
    }

    [Fact]
    public async Task Mean_composite_points_are_the_cohort_means_of_stored_scores()
    {
        var (code, cohorts) = await FirstProgramAsync();
        var means = await Demo.QueryAsync(db => db.LearnerScores.Where(s => s.Composite != null && s.Cohort!.Program!.Code == code)
            .GroupBy(s => s.Cohort!.Code).Select(g => new { g.Key, Mean = g.Average(s => s.Composite!.Value) }).ToDictionaryAsync(g => g.Key, g => g.Mean));

        var page = Render<ProgramHistoryPage>(p => p.Add(x => x.ProgramCode, code));
        page.WaitForAssertion(() => Chart(page, "program-history").Series.ShouldNotBeEmpty());

        Chart(page, "program-history").Series![0].Data.Select(p => p.Value)
            .ShouldBe(cohorts.Select(c => means.TryGetValue(c, out var m) ? Math.Round(m, 1, MidpointRounding.AwayFromZero) : (double?)null));
    }

    [Fact]
    public async Task A_profile_version_change_is_marked_on_the_run_that_first_uses_it()
    {
        var (code, cohorts) = await FirstProgramAsync();
        var versions = await Demo.QueryAsync(db => db.LearnerScores.Where(s => s.Cohort!.Program!.Code == code)
            .GroupBy(s => s.Cohort!.Code).Select(g => new { g.Key, Version = g.Max(s => s.ProfileVersionNumber) }).ToDictionaryAsync(g => g.Key, g => g.Version));
        var changed = cohorts.Where((c, i) => i > 0 && versions.ContainsKey(c) && versions.ContainsKey(cohorts[i - 1]) && versions[c] != versions[cohorts[i - 1]]).ToList();

        var page = Render<ProgramHistoryPage>(p => p.Add(x => x.ProgramCode, code));
        page.WaitForAssertion(() => Chart(page, "program-history").Series.ShouldNotBeEmpty());

        Chart(page, "program-history").Options.Annotations!.XAxis!.Select(a => a.X.Category).ShouldBe(changed);
        page.FindAll("[data-testid=version-changed]").Count.ShouldBe(changed.Count);
    }

    [Fact]
    public async Task Moving_a_level_weight_recomputes_every_run_from_the_draft_and_discarding_restores_it()
    {
        var (code, _) = await FirstProgramAsync();
        var page = Render<ProgramHistoryPage>(p => p.Add(x => x.ProgramCode, code));
        page.WaitForAssertion(() => page.Instance.WhatIf.ShouldNotBeNull());
        var stored = Chart(page, "program-history").Series![0].Data.Select(p => p.Value).ToList();

        await page.InvokeAsync(() => page.Instance.WhatIf!.SetLevelWeightAsync(KirkpatrickLevel.Results, 0));

        page.WaitForAssertion(() => Chart(page, "program-history").Series![0].Name.ShouldBe("Mean composite (draft)"));
        var chart = Chart(page, "program-history");
        chart.Series![0].Data.Select(p => p.Value).ShouldNotBe(stored);
        chart.Series!.Single(s => s.Name == "Mean composite (stored)").Data.Select(p => p.Value).ShouldBe(stored);
        page.Find("[data-testid=draft-banner]");

        await page.InvokeAsync(() => page.Instance.WhatIf!.DiscardAsync());
        page.WaitForAssertion(() => Chart(page, "program-history").Series![0].Name.ShouldBe("Mean composite"));
        Chart(page, "program-history").Series![0].Data.Select(p => p.Value).ShouldBe(stored);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_level_has_one_colour_in_the_history_chart_and_the_what_if_dots_also_under_a_draft(bool dark)
    {
        var theme = dark ? ThemeState.Dark : ThemeState.Light;
        UseTheme(theme);
        var (code, _) = await FirstProgramAsync();
        var page = Render<ProgramHistoryPage>(p => p.Add(x => x.ProgramCode, code));
        page.WaitForAssertion(() => page.FindAll(".level-dot").Count.ShouldBe(KirkpatrickLevels.Count));

        PageColours.ShouldGiveEachLevelOneColour([.. PageColours.Charts(ChartModule), .. PageColours.LevelDots(page.FindAll(".level-dot"), Terms)],
            theme, Terms, "program-history", "what-if");

        await page.InvokeAsync(() => page.Instance.WhatIf!.SetLevelWeightAsync(KirkpatrickLevel.Results, 0));
        page.WaitForAssertion(() => Chart(page, "program-history").Series![0].Name.ShouldBe("Mean composite (draft)"));
        PageColours.ShouldGiveEachLevelOneColour([.. PageColours.Charts(ChartModule), .. PageColours.LevelDots(page.FindAll(".level-dot"), Terms)],
            theme, Terms, "program-history", "what-if");
    }

    [Fact]
    public void An_unknown_program_says_so()
    {
        var page = Render<ProgramHistoryPage>(p => p.Add(x => x.ProgramCode, "NOPE"));
        page.WaitForAssertion(() => page.Find("[data-testid=program-not-found]").TextContent.ShouldContain("NOPE"));
    }
}
