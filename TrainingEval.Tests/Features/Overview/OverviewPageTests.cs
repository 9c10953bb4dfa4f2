using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Overview;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Tests.Features.Programs;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Overview;

/// <summary>The overview hands its charts the numbers of the stored scores.</summary>
public sealed class OverviewPageTests(DemoCompanyDatabase demo) : ProgramPageTest(demo)
{
    [Fact]
    public async Task Composite_by_program_has_one_bar_per_scored_program_highest_first()
    {
        var expected = await Demo.QueryAsync(db => db.LearnerScores.Where(s => s.Composite != null)
            .GroupBy(s => s.Cohort!.Program!.NameEn)
            .Select(g => new { Name = g.Key, Mean = g.Average(s => s.Composite!.Value) })
            .ToListAsync());

        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Chart(page, "overview-by-program").Series.ShouldNotBeEmpty());

        var chart = Chart(page, "overview-by-program");
        var ordered = expected.OrderByDescending(e => e.Mean).ToList();
        chart.Options.XAxis!.Categories.ShouldBe(ordered.Select(e => e.Name!));
        chart.Series!.ShouldHaveSingleItem().Data.Select(p => p.Value!.Value)
            .ShouldBe(ordered.Select(e => Math.Round(e.Mean, 1, MidpointRounding.AwayFromZero)), tolerance: 1e-9);
    }

    [Fact]
    public async Task Tier_donut_counts_every_scored_learner_including_insufficient_and_unscored()
    {
        var total = await Demo.QueryAsync(db => db.LearnerScores.CountAsync());
        var insufficient = await Demo.QueryAsync(db => db.LearnerScores.CountAsync(s => s.Tier == TrainingEval.Domain.Scoring.Tier.Insufficient));

        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Chart(page, "overview-tiers").Values.ShouldNotBeNull().ShouldNotBeEmpty());

        var chart = Chart(page, "overview-tiers");
        chart.Options.Labels.ShouldBe(["A · Excellent", "B · Good", "C · Satisfactory", "D · Needs improvement", "Insufficient data", "No score"]);
        chart.Values!.Sum().ShouldBe(total);
        chart.Values![4].ShouldBe(insufficient);
    }

    [Fact]
    public async Task Learners_trained_counts_people_and_every_other_number_says_it_counts_enrolments()
    {
        // Spec section 9: "Learners trained" counts distinct people; rates, tier mixes and "provisional" count scored enrolments.
        var people = await Demo.QueryAsync(db => db.LearnerScores.Select(s => s.LearnerId).Distinct().CountAsync());
        var enrolments = await Demo.QueryAsync(db => db.LearnerScores.CountAsync());
        var provisional = await Demo.QueryAsync(db => db.LearnerScores.CountAsync(s => s.Composite != null && s.Coverage < 1));
        var withComposite = await Demo.QueryAsync(db => db.LearnerScores.CountAsync(s => s.Composite != null));
        people.ShouldBeLessThan(enrolments, "the demo has people trained in more than one cohort");
        var en = System.Globalization.CultureInfo.GetCultureInfo("en");

        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Chart(page, "overview-tiers").Values.ShouldNotBeNull().ShouldNotBeEmpty());

        page.Find("[data-testid=kpi-learners-value]").TextContent.Trim().ShouldBe(people.ToString("N0", en));
        page.Find("[data-testid=kpi-learners]").TextContent.ShouldContain($"distinct people · {enrolments.ToString("N0", en)} scored enrolments");
        page.Find("[data-testid=kpi-composite]").TextContent.ShouldContain($"{provisional.ToString("N0", en)} of {enrolments.ToString("N0", en)} scored enrolments provisional");
        page.Find("[data-testid=kpi-pass-rate]").TextContent.ShouldContain($"of {withComposite.ToString("N0", en)} scored enrolments passed");
        var tiers = Chart(page, "overview-tiers");
        tiers.Options.PlotOptions!.Pie!.Donut!.Labels!.Total!.Label.ShouldBe("Enrolments");
        tiers.Values!.Sum().ShouldBe(enrolments);
        page.Find("[data-testid=card-tiers]").TextContent.ShouldContain("Per scored enrolment");
    }

    [Fact]
    public async Task Running_cohorts_have_their_pass_rate_and_the_pooled_pass_rate_and_tiers_marked_provisional()
    {
        // Spec section 9: results of a cohort that has not ended are provisional as a whole. "Today" is the fixture's 2026-11-15.
        var today = DemoCompanyDatabase.Today;
        var recent = await Demo.QueryAsync(db => db.Cohorts.OrderByDescending(c => c.StartDate).ThenBy(c => c.Code).Take(8)
            .Select(c => new { c.Code, c.StartDate, c.EndDate, Closed = c.ClosedAt != null, Scored = db.LearnerScores.Any(s => s.CohortId == c.Id && s.Composite != null) }).ToListAsync());
        var running = recent.Where(c => !c.Closed && c.StartDate <= today && c.EndDate >= today && c.Scored).Select(c => c.Code).ToList();
        var ended = recent.Where(c => (c.Closed || c.EndDate < today) && c.Scored).Select(c => c.Code).ToList();
        running.ShouldNotBeEmpty("the demo's newest runs are still running");
        ended.ShouldNotBeEmpty();

        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=recent-cohorts] tbody tr").Count.ShouldBe(recent.Count));

        foreach (var row in page.FindAll("[data-testid=recent-cohorts] tbody tr"))
        {
            var code = Uri.UnescapeDataString(row.QuerySelector("a.cell-link")!.GetAttribute("href")!["cohorts/".Length..]);
            var cohort = recent.Single(c => c.Code == code);
            var expected = cohort.Closed ? "Closed" : today < cohort.StartDate ? "Planned" : today <= cohort.EndDate ? "Running" : "Ended";
            row.QuerySelector("[data-testid=cohort-status]")!.GetAttribute("data-status").ShouldBe(expected, code);
            (row.QuerySelector("[data-testid=recent-pass-rate] [data-testid=provisional]") is not null).ShouldBe(running.Contains(code), code);
        }
        page.Find("[data-testid=kpi-pass-rate] [data-testid=provisional]").GetAttribute("data-reason").ShouldBe("running");
        page.Find("[data-testid=card-tiers]").TextContent.ShouldContain("running cohorts: their tiers are provisional");
    }

    [Fact]
    public async Task Funnel_counts_cohorts_measuring_each_level()
    {
        var scoredCohorts = await Demo.QueryAsync(db => db.LearnerScores.Select(s => s.CohortId).Distinct().CountAsync());
        var measuringResults = await Demo.QueryAsync(db => db.LearnerScores.Where(s => s.ResultsCoverage > 0).Select(s => s.CohortId).Distinct().CountAsync());

        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Chart(page, "overview-funnel").Series.ShouldNotBeEmpty());

        var chart = Chart(page, "overview-funnel");
        chart.Options.XAxis!.Categories.ShouldBe(["Cohorts with scores", "Reaction", "Learning", "Behavior", "Results"]);
        var values = chart.Series!.Single().Data.Select(p => p.Value).ToList();
        values[0].ShouldBe(scoredCohorts);
        values[4].ShouldBe(measuringResults);
        page.Markup.ShouldContain("A cohort measures a level when at least one of its learners has data on that level");
    }

    [Fact]
    public async Task A_program_filter_in_the_url_narrows_every_number()
    {
        var program = await Demo.QueryAsync(db => db.Programs.OrderBy(p => p.Code).FirstAsync());
        var learners = await Demo.QueryAsync(db => db.LearnerScores.Where(s => s.Cohort!.ProgramId == program.Id).Select(s => s.LearnerId).Distinct().CountAsync());

        GoTo($"/?program={program.Code}");
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Chart(page, "overview-by-program").Series.ShouldNotBeEmpty());

        Chart(page, "overview-by-program").Options.XAxis!.Categories.ShouldBe([program.NameEn!]);
        page.Find("[data-testid=kpi-learners-value]").TextContent.Trim().ShouldBe(learners.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_level_and_each_tier_has_its_one_colour_in_the_funnel_and_the_tier_donut(bool dark)
    {
        var theme = dark ? ThemeState.Dark : ThemeState.Light;
        UseTheme(theme);
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Chart(page, "overview-funnel").Series.ShouldNotBeEmpty());

        var things = PageColours.Charts(ChartModule);

        PageColours.ShouldGiveEachLevelOneColour(things, theme, Terms, "overview-funnel");
        PageColours.ShouldGiveEachTierOneColour(things, theme, Terms, showingAllTiers: ["overview-tiers"], showingSomeTiers: []);
        things.Single(t => t.Name == "No score").Color.ShouldBe(DashboardColors.NoScore(theme));
        things.Single(t => t.Where == "overview-by-program").Color.ShouldBe(DashboardColors.Composite(theme));
    }
}
