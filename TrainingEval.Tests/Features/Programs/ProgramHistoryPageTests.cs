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
        // Issue 14 item 16: the version labels lie level above the plot, in room kept for them, not down the line across the scores.
        var options = Chart(page, "program-history").Options;
        options.Annotations!.XAxis!.ShouldAllBe(a => a.Label!.Orientation == "horizontal" && a.Label.OffsetY < 0);
        if (changed.Count > 0)
            options.Grid!.Padding!.Top.ShouldBe(ProgramHistoryPage.VersionLabelRoom);
    }

    private async Task<List<(string Code, bool Ended, double? Mean)>> RunsAsync(string programCode)
    {
        var today = DemoCompanyDatabase.Today;
        var runs = await Demo.QueryAsync(db => db.Cohorts.Where(c => c.Program!.Code == programCode).OrderBy(c => c.StartDate).ThenBy(c => c.Code)
            .Select(c => new { c.Code, c.EndDate, Closed = c.ClosedAt != null, Mean = db.LearnerScores.Where(s => s.CohortId == c.Id && s.Composite != null).Average(s => s.Composite) })
            .ToListAsync());
        return [.. runs.Select(r => (r.Code, r.Closed || r.EndDate < today, r.Mean))];
    }

    [Fact]
    public async Task The_latest_run_headline_and_the_trend_use_ended_runs_and_the_running_run_is_marked_provisional()
    {
        // Spec section 9: a program's "latest run" headline uses its latest ended cohort; a running cohort's results are provisional.
        var (code, _) = await FirstProgramAsync();
        var runs = await RunsAsync(code);
        var running = runs.Where(r => !r.Ended && r.Mean is not null).ShouldHaveSingleItem("the demo's newest lean run is still running");
        runs[^1].Code.ShouldBe(running.Code);
        var latestEnded = runs.Last(r => r.Ended && r.Mean is not null);

        var page = Render<ProgramHistoryPage>(p => p.Add(x => x.ProgramCode, code));
        page.WaitForAssertion(() => page.FindAll("[data-testid=history-row]").Count.ShouldBe(runs.Count));

        page.Find("[data-testid=kpi-latest-value]").TextContent.Trim().ShouldBe(Math.Round(latestEnded.Mean!.Value, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("en")));
        page.Find("[data-testid=kpi-latest]").TextContent.ShouldContain(latestEnded.Code);
        page.Find("[data-testid=kpi-trend]").TextContent.ShouldContain($"over {runs.Count(r => r.Ended && r.Mean is not null)} ended runs");
        var rows = page.FindAll("[data-testid=history-row]");
        rows.Select(r => r.QuerySelector("[data-testid=history-pass-rate] [data-testid=provisional]") is not null).ShouldBe(runs.Select(r => r.Code == running.Code));
        rows[^1].QuerySelector("[data-testid=cohort-status]")!.TextContent.Trim().ShouldBe("Running");
        // The running run's point is marked on the chart; the trend line is fitted without it.
        Chart(page, "program-history").Options.Annotations!.Points!.Select(a => a.X.Category).ShouldContain(running.Code);
    }

    [Fact]
    public async Task The_reader_may_pick_another_run_for_the_headline_and_a_running_one_is_marked()
    {
        var (code, _) = await FirstProgramAsync();
        var running = (await RunsAsync(code)).Last();

        GoTo($"/programs/{code}?run={running.Code}");
        var page = Render<ProgramHistoryPage>(p => p.Add(x => x.ProgramCode, code));
        page.WaitForAssertion(() => page.Find("[data-testid=kpi-latest]").TextContent.ShouldContain(running.Code));

        page.Find("[data-testid=kpi-latest] [data-testid=provisional]").GetAttribute("data-reason").ShouldBe("running");
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
