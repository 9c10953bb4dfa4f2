using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Compare;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Tests.Features.Programs;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Compare;

/// <summary>The comparison page puts the cohorts of the URL side by side, in the order given.</summary>
public sealed class ComparePageTests(DemoCompanyDatabase demo) : ProgramPageTest(demo)
{
    [Fact]
    public async Task Cohorts_from_the_url_get_one_series_each_over_composite_and_the_four_levels()
    {
        var codes = await Demo.QueryAsync(db => db.Cohorts.Where(c => db.LearnerScores.Any(s => s.CohortId == c.Id)).OrderBy(c => c.Code).Select(c => c.Code).Take(3).ToListAsync());

        GoTo($"/compare?cohorts={string.Join(',', codes)}");
        var page = Render<ComparePage>();
        page.WaitForAssertion(() => Chart(page, "compare-levels").Series.ShouldNotBeEmpty());

        var levels = Chart(page, "compare-levels");
        levels.Options.XAxis!.Categories.ShouldBe(["Composite", "Reaction", "Learning", "Behavior", "Results"]);
        levels.Series!.Select(s => s.Name).ShouldBe(codes);
        levels.Series!.ShouldAllBe(s => s.Data.Count == 5);
        page.FindAll("[data-testid=compare-card]").Count.ShouldBe(3);
    }

    [Fact]
    public async Task Distribution_has_a_box_and_a_mean_per_cohort_and_tier_mix_a_series_per_tier()
    {
        var codes = await Demo.QueryAsync(db => db.Cohorts.Where(c => db.LearnerScores.Any(s => s.CohortId == c.Id && s.Composite != null)).OrderBy(c => c.Code).Select(c => c.Code).Take(2).ToListAsync());
        var composites = await Demo.QueryAsync(db => db.LearnerScores.Where(s => s.Cohort!.Code == codes[0] && s.Composite != null).Select(s => s.Composite!.Value).ToListAsync());

        GoTo($"/compare?cohorts={string.Join(',', codes)}");
        var page = Render<ComparePage>();
        page.WaitForAssertion(() => Chart(page, "compare-spread").Series.ShouldNotBeEmpty());

        var spread = Chart(page, "compare-spread").Series!;
        spread[0].Data.Count.ShouldBe(2);
        spread[0].Data[0].Values![0].ShouldBe(Math.Round(composites.Min(), 1, MidpointRounding.AwayFromZero));
        spread[0].Data[0].Values![4].ShouldBe(Math.Round(composites.Max(), 1, MidpointRounding.AwayFromZero));
        spread[1].Data[0].Value.ShouldBe(Math.Round(composites.Average(), 1, MidpointRounding.AwayFromZero));
        // Issue 14 item 16: the boxes' cohort codes are slanted and none is dropped, so neighbours neither run together nor vanish.
        var boxLabels = Chart(page, "compare-spread").Options.XAxis!.Labels!;
        (boxLabels.Rotate, boxLabels.RotateAlways, boxLabels.HideOverlappingLabels, boxLabels.Trim).ShouldBe((-35, (bool?)true, (bool?)false, (bool?)false));

        var tiers = Chart(page, "compare-tiers");
        tiers.Options.XAxis!.Categories.ShouldBe(codes);
        tiers.Series!.Count.ShouldBe(6);
    }

    [Fact]
    public void Fewer_than_two_cohorts_asks_for_more_and_names_unknown_codes()
    {
        GoTo("/compare?cohorts=NOPE-1");
        var page = Render<ComparePage>();

        page.WaitForAssertion(() => page.Find("[data-testid=pick-more]"));
        page.Find("[data-testid=unknown-cohorts]").TextContent.ShouldContain("NOPE-1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_tier_has_its_colour_each_cohort_one_colour_everywhere_and_no_level_colour_stands_for_anything_else(bool dark)
    {
        var theme = dark ? ThemeState.Dark : ThemeState.Light;
        UseTheme(theme);
        var codes = await Demo.QueryAsync(db => db.Cohorts.Where(c => db.LearnerScores.Any(s => s.CohortId == c.Id && s.Composite != null)).OrderBy(c => c.Code).Select(c => c.Code).Take(3).ToListAsync());
        GoTo($"/compare?cohorts={string.Join(',', codes)}");
        var page = Render<ComparePage>();
        page.WaitForAssertion(() => Chart(page, "compare-spread").Series.ShouldNotBeEmpty());

        var things = PageColours.Charts(ChartModule);

        PageColours.ShouldGiveEachTierOneColour(things, theme, Terms, showingAllTiers: ["compare-tiers"], showingSomeTiers: []);
        PageColours.ShouldGiveEachLevelOneColour(things, theme, Terms);
        var cards = page.FindAll("[data-testid=compare-card]").Select(c => Accent(c.GetAttribute("style")!)).ToList();
        var swatches = page.FindAll("[data-testid=picked-cohort] .swatch").Select(s => Accent(s.GetAttribute("style")!)).ToList();
        for (var i = 0; i < codes.Count; i++)
        {
            var colour = DashboardColors.Categorical(theme, i);
            cards[i].ShouldBe(colour, $"card of {codes[i]}");
            swatches[i].ShouldBe(colour, $"picker chip of {codes[i]}");
            things.Where(t => t.Name == codes[i]).Select(t => (t.Where, t.Color))
                .ShouldBe([("compare-levels", colour), ("compare-spread", colour)], ignoreOrder: true);
        }
    }

    private static string Accent(string style) =>
        System.Text.RegularExpressions.Regex.Match(style, "#[0-9A-Fa-f]{6}").Value.ToUpperInvariant();
}
