using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Features.WhatIf;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>The cohort page hands its charts the stored scores, and a what-if draft's scores after a slider move.</summary>
public sealed class CohortPageTests(CohortDemoDatabase demo) : CohortPageTestContext(demo.Database), IClassFixture<CohortDemoDatabase>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<(int CohortId, List<(string No, string Name, double? Composite, int? Rank, double? Reaction, double? Learning, double? Behavior, double? Results)> Rows)> StoredAsync()
    {
        await using var db = demo.Database.CreateContext();
        var cohort = await db.Cohorts.SingleAsync(c => c.Code == demo.LargestCohortCode);
        var rows = await db.LearnerScores.Where(s => s.CohortId == cohort.Id)
            .Select(s => new { s.Learner!.EmployeeNumber, s.Learner.NameEn, s.Composite, s.Rank, s.Reaction, s.Learning, s.Behavior, s.Results })
            .ToListAsync();
        return (cohort.Id, rows.Select(r => (r.EmployeeNumber, r.NameEn!, r.Composite, r.Rank, r.Reaction, r.Learning, r.Behavior, r.Results)).ToList());
    }

    private IRenderedComponent<CohortPage> RenderPage()
    {
        UseCulture("en");
        var page = Render<CohortPage>(p => p.Add(x => x.CohortCode, demo.LargestCohortCode));
        page.WaitForElement("[data-testid=cohort-title]", TimeSpan.FromSeconds(10));
        return page;
    }

    [Fact]
    public async Task Ranking_chart_gets_the_top_learners_by_rank_with_level_stacks_that_add_up_to_the_composite()
    {
        var (_, rows) = await StoredAsync();
        var page = RenderPage();

        var options = LatestOptions("cohort-ranking")!.Value;
        var series = Values(LatestSeries("cohort-ranking")!.Value);
        var expected = rows.Where(r => r.Rank is not null).OrderBy(r => r.Rank).ThenBy(r => r.No, StringComparer.Ordinal)
            .Take(CohortChartBuilder.DefaultTopCount).ToList();

        rows.Count(r => r.Rank is not null).ShouldBeGreaterThan(CohortChartBuilder.DefaultTopCount, "the demo cohort should need the top-N cut");
        Categories(options).ShouldBe(expected.Select(r => r.Name).ToList());
        series.Keys.ShouldBe(["Reaction", "Learning", "Behavior", "Results"]);
        for (var bar = 0; bar < expected.Count; bar++)
        {
            var stack = series.Values.Sum(s => s[bar] ?? 0);
            stack.ShouldBe(expected[bar].Composite!.Value, 0.03, $"bar {bar} ({expected[bar].No})");
        }
        page.Find("[data-testid=ranking-card]").GetAttribute("data-bars").ShouldBe(CohortChartBuilder.DefaultTopCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Show_all_hands_the_chart_every_ranked_learner()
    {
        var (_, rows) = await StoredAsync();
        UseCulture("en");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("all", true));
        Render<CohortPage>(p => p.Add(x => x.CohortCode, demo.LargestCohortCode))
            .WaitForElement("[data-testid=cohort-title]", TimeSpan.FromSeconds(10));

        Categories(LatestOptions("cohort-ranking")!.Value).Count.ShouldBe(rows.Count(r => r.Rank is not null));
    }

    [Fact]
    public async Task Distribution_chart_gets_a_box_and_a_mean_for_the_composite_and_each_level_over_the_scores_that_exist()
    {
        var (_, rows) = await StoredAsync();
        RenderPage();

        var series = LatestSeries("cohort-distribution")!.Value.EnumerateArray().ToList();
        var boxes = series[0].GetProperty("data").EnumerateArray().ToList();
        var means = series[1].GetProperty("data").EnumerateArray().ToList();
        var composite = Distribution.Of(rows.Select(r => r.Composite))!;

        series[0].GetProperty("type").GetString().ShouldBe("boxPlot");
        series[1].GetProperty("type").GetString().ShouldBe("scatter");
        boxes[0].GetProperty("x").GetString().ShouldBe("Composite");
        boxes[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray()
            .ShouldBe([composite.Min, composite.P25, composite.Median, composite.P75, composite.Max], 0.006);
        means[0].GetProperty("y").GetDouble().ShouldBe(composite.Mean, 0.006);
        var levels = new Func<(string No, string Name, double? Composite, int? Rank, double? Reaction, double? Learning, double? Behavior, double? Results), double?>[]
            { r => r.Reaction, r => r.Learning, r => r.Behavior, r => r.Results };
        boxes.Count.ShouldBe(1 + levels.Count(level => rows.Any(r => level(r) is not null)));
    }

    [Fact]
    public async Task Radar_gets_the_top_learner_against_the_cohort_mean_by_default()
    {
        var (_, rows) = await StoredAsync();
        RenderPage();

        var top = rows.Where(r => r.Rank == 1).OrderBy(r => r.No, StringComparer.Ordinal).First();
        var series = Values(LatestSeries("cohort-radar")!.Value);
        series.Keys.ShouldBe([top.Name, "Cohort mean"]);
        series[top.Name][0].ShouldBe(top.Reaction is { } reaction ? Math.Round(reaction, 2, MidpointRounding.AwayFromZero) : null);
        series["Cohort mean"][1]!.Value.ShouldBe(rows.Where(r => r.Learning is not null).Average(r => r.Learning!.Value), 0.006);
    }

    /// <summary>Issue 14 item 16: the ranking's score axis ends at 100 (it ran to 105), its totals drawn in the room right of the plot; the radar's outer ring has no "100" on the first spoke's label.</summary>
    [Fact]
    public async Task The_ranking_axis_ends_at_100_and_the_radar_leaves_its_outer_ring_unlabelled()
    {
        await StoredAsync();
        RenderPage();

        var ranking = LatestOptions("cohort-ranking")!.Value;
        ranking.GetProperty("xaxis").GetProperty("max").GetDouble().ShouldBe(100);
        ranking.GetProperty("grid").GetProperty("padding").GetProperty("right").GetInt32().ShouldBeGreaterThanOrEqualTo(CohortRankingChart.TotalLabelRoom);
        var radarScale = LatestOptions("cohort-radar")!.Value.GetProperty("yaxis")[0];
        radarScale.GetProperty("max").GetDouble().ShouldBe(100);
        radarScale.GetProperty("labels").GetProperty("formatter").GetRawText().ShouldContain("\"hideFrom\":100");
    }

    [Fact]
    public async Task Moving_a_level_weight_rescores_every_chart_from_the_draft_and_stored_scores_stay()
    {
        var (cohortId, storedRows) = await StoredAsync();
        var page = RenderPage();
        var before = Values(LatestSeries("cohort-ranking")!.Value);
        var updatesBefore = SeriesUpdates("cohort-ranking");

        page.Find("[data-testid=whatif-level-Reaction] input[type=range]").Input("60");

        page.WaitForAssertion(() => SeriesUpdates("cohort-ranking").ShouldBeGreaterThan(updatesBefore));
        page.Find("[data-testid=draft-banner]").ShouldNotBeNull();
        page.Find("[data-testid=stat-profile]").TextContent.ShouldContain("Draft");

        // The draft is what the engine gives for the slider's weights scaled to 100.
        WeightProfile stored;
        await using (var context = demo.Database.CreateContext())
        {
            var versionId = await context.LearnerScores.Where(s => s.CohortId == cohortId).Select(s => s.ProfileVersionId).FirstAsync(Ct);
            stored = (await context.ProfileVersions.SingleAsync(v => v.Id == versionId, Ct)).ToDomain();
        }
        var draft = WhatIfSession.Normalized(stored with { LevelWeights = stored.LevelWeights.With(KirkpatrickLevel.Reaction, 60) })!;
        var engine = new ScoringEngine(draft);
        ObservationTable table;
        await using (var context = demo.Database.CreateContext())
        {
            var cohort = await context.Cohorts.SingleAsync(c => c.Id == cohortId, Ct);
            var enrollments = await CohortScoreService.ScoredEnrollments(context, cohortId, null, Ct);
            table = await ScorePipeline.CreateDefault(TimeProvider.System).CollectAsync(context,
                new CohortWindow(cohortId, cohort.StartDate, cohort.EndDate), engine, enrollments, isPartial: false, Ct);
        }
        var composites = ScorePipeline.Score(engine, table).Scores.Select(s => s.Composite).ToList();
        var ranks = CohortRanking.Rank(composites);
        var best = ranks.Select((r, i) => (Rank: r, Composite: composites[i])).Where(x => x.Rank == 1).Select(x => x.Composite!.Value).First();

        var after = Values(LatestSeries("cohort-ranking")!.Value);
        after.Values.Sum(s => s[0] ?? 0).ShouldBe(best, 0.03);
        after["Reaction"].ShouldNotBe(before["Reaction"]);

        // Nothing was stored.
        await using var db = demo.Database.CreateContext();
        var again = await db.LearnerScores.Where(s => s.CohortId == cohortId).Select(s => s.Composite).ToListAsync(Ct);
        again.OrderBy(c => c).ShouldBe(storedRows.Select(s => s.Composite).OrderBy(c => c));
    }

    [Fact]
    public void Discarding_the_draft_hands_the_charts_the_stored_scores_again()
    {
        var page = RenderPage();
        var stored = LatestSeries("cohort-ranking")!.Value.GetRawText();
        page.Find("[data-testid=whatif-level-Behavior] input[type=range]").Input("5");
        page.WaitForAssertion(() => LatestSeries("cohort-ranking")!.Value.GetRawText().ShouldNotBe(stored));

        page.Find("[data-testid=draft-banner-discard]").Click();

        page.WaitForAssertion(() => LatestSeries("cohort-ranking")!.Value.GetRawText().ShouldBe(stored));
        page.FindAll("[data-testid=draft-banner]").ShouldBeEmpty();
    }

    [Fact]
    public void Learner_table_shows_one_page_of_learners_with_a_provisional_mark_and_links_to_the_learner_page()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => page.FindAll("[data-testid=learner-link]").Count.ShouldBe(10));
        page.FindAll("[data-testid=learner-link]")[0].GetAttribute("href").ShouldStartWith("learners/");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_level_has_one_colour_in_every_chart_and_what_if_dot_and_each_tier_its_colour_in_the_table(bool dark)
    {
        var theme = dark ? ThemeState.Dark : ThemeState.Light;
        UseTheme(theme);
        var page = RenderPage();
        page.WaitForAssertion(() => page.FindAll("[data-testid=tier-chip]").ShouldNotBeEmpty());

        IReadOnlyList<Coloured> things =
        [
            .. PageColours.Charts(Module),
            .. PageColours.LevelDots(page.FindAll(".level-dot"), Terms),
            .. PageColours.TierChips(page.FindAll("[data-testid=tier-chip]"), Terms),
        ];

        PageColours.ShouldGiveEachLevelOneColour(things, theme, Terms, "cohort-ranking", "cohort-distribution", "what-if");
        PageColours.ShouldGiveEachTierOneColour(things, theme, Terms, showingAllTiers: [], showingSomeTiers: ["chip"]);
    }

    [Fact]
    public void An_unknown_cohort_code_says_so()
    {
        UseCulture("en");
        var page = Render<CohortPage>(p => p.Add(x => x.CohortCode, "NO-SUCH-COHORT"));

        page.WaitForAssertion(() => page.Find("[data-testid=cohort-not-found]").TextContent.ShouldContain("NO-SUCH-COHORT"));
    }
}
