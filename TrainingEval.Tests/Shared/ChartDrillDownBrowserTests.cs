using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Scoring;
using TrainingEval.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TrainingEval.Tests.Shared;

/// <summary>
/// Issue 21 item 1: a click on a chart's bar, box or point in Chromium opens the records behind it — the cohort list of a
/// program, a cohort page, a learner page, a cohort's learners of one tier (with the filter chip) — and the chart's data
/// table offers the same links to the keyboard. Read-only navigation on the shared demo dashboard.
/// </summary>
public sealed class ChartDrillDownBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<TrainingDbContext> DbAsync()
    {
        await using (await browser.OpenAsync("cohorts/none")) { }
        return await browser.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync(Cancel);
    }

    /// <summary>The scored cohort with the most ranked learners, and its top-ranked learner (ties by employee number, as the chart orders them).</summary>
    private async Task<(string Cohort, string TopLearner, string TopName)> LargestCohortAsync()
    {
        await using var db = await DbAsync();
        var code = await db.Cohorts.AsNoTracking()
            .Select(c => new { c.Code, Ranked = db.LearnerScores.Count(s => s.CohortId == c.Id && s.Rank != null) })
            .OrderByDescending(c => c.Ranked).ThenBy(c => c.Code).Select(c => c.Code).FirstAsync(Cancel);
        var top = await db.LearnerScores.AsNoTracking()
            .Where(s => s.Cohort!.Code == code && s.Rank != null)
            .OrderBy(s => s.Rank).ThenBy(s => s.Learner!.EmployeeNumber)
            .Select(s => new { s.Learner!.EmployeeNumber, s.Learner.Name, s.Learner.NameEn }).FirstAsync(Cancel);
        return (code, top.EmployeeNumber, top.NameEn ?? top.Name);
    }

    private async Task<string> CohortNameAsync(string code)
    {
        await using var db = await DbAsync();
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Code == code).Select(c => new { c.Name, c.NameEn }).FirstAsync(Cancel);
        return cohort.NameEn ?? cohort.Name;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task A_ranking_bar_opens_that_learners_page(string culture)
    {
        var (cohort, learner, _) = await LargestCohortAsync();
        await using var session = await browser.OpenAsync($"cohorts/{cohort}", culture: culture);
        var page = session.Page;
        var bars = page.Locator("#cohort-ranking path.apexcharts-bar-area");
        await Expect(bars.First).ToBeVisibleAsync();
        (await page.Locator("#cohort-ranking").GetAttributeAsync("class") ?? "").ShouldContain("te-chart--links");
        (await bars.First.EvaluateAsync<string>("e => getComputedStyle(e).cursor")).ShouldBe("pointer");

        await bars.First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/learners/{Regex.Escape(learner)}$"));
        await Expect(page.GetByTestId("learner-name")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToContainTextAsync(learner);
    }

    [Fact]
    public async Task The_ranking_table_reaches_the_same_learner_with_the_keyboard()
    {
        var (cohort, learner, name) = await LargestCohortAsync();
        await using var session = await browser.OpenAsync($"cohorts/{cohort}", culture: "en");
        var page = session.Page;
        var toggle = page.Locator("[data-testid=ranking-card] [data-testid=chart-table-toggle]");
        await Expect(toggle).ToBeVisibleAsync();
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var firstLink = page.Locator("[data-testid=ranking-card] [data-testid=chart-table-link]").First;
        await Expect(firstLink).ToHaveTextAsync(name);

        // Tab: the table's scroll region, then its first row's link; Enter follows it.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        (await firstLink.EvaluateAsync<bool>("e => document.activeElement === e")).ShouldBeTrue("the first row link has the focus");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/learners/{Regex.Escape(learner)}$"));
        await Expect(page.GetByTestId("learner-name")).ToHaveTextAsync(name);
    }

    [Theory]
    [InlineData("en", "Cohorts")]
    [InlineData("zh-CN", "班期")]
    public async Task A_program_bar_on_the_overview_opens_the_cohort_list_of_that_program(string culture, string heading)
    {
        await using var session = await browser.OpenAsync("", culture: culture);
        var page = session.Page;
        var bar = page.Locator("#overview-by-program path.apexcharts-bar-area").First;
        await Expect(bar).ToBeVisibleAsync();

        await bar.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/cohorts\?program=[^&]+$"));
        var program = Uri.UnescapeDataString(new Uri(page.Url).Query.Split('=')[1]);
        await Expect(page.Locator("h1")).ToContainTextAsync(heading);
        var links = page.GetByTestId("cohort-link");
        await Expect(links.First).ToBeVisibleAsync();
        await using var db = await DbAsync();
        var codes = await db.Cohorts.AsNoTracking().Where(c => c.Program!.Code == program).Select(c => c.Code).ToListAsync(Cancel);
        codes.ShouldNotBeEmpty();
        foreach (var shown in await links.AllInnerTextsAsync())
            codes.ShouldContain(shown.Trim(), $"the list is filtered to {program}");
    }

    [Fact]
    public async Task A_run_on_the_program_history_opens_that_cohort()
    {
        await using var db = await DbAsync();
        var program = await db.Programs.AsNoTracking().OrderByDescending(p => db.Cohorts.Count(c => c.ProgramId == p.Id)).ThenBy(p => p.Code).Select(p => p.Code).FirstAsync(Cancel);
        await using var session = await browser.OpenAsync($"programs/{program}", culture: "en");
        var page = session.Page;

        var bar = page.Locator("#program-outcomes path.apexcharts-bar-area").First;
        await Expect(bar).ToBeVisibleAsync();
        await bar.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/cohorts/[^/?]+$"));
        var cohort = Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]);
        (await db.Cohorts.AnyAsync(c => c.Code == cohort && c.Program!.Code == program, Cancel)).ShouldBeTrue();
        await Expect(page.GetByTestId("cohort-title")).ToHaveTextAsync(await CohortNameAsync(cohort));

        await page.GoBackAsync();
        // A line's markers let the pointer through to the plot (shared tooltip): a click there selects the nearest run.
        var marker = page.Locator("#program-history .apexcharts-series-markers path.apexcharts-marker").Nth(1);
        await Expect(marker).ToBeVisibleAsync();
        await marker.ClickAsync(new() { Force = true });
        await Expect(page).ToHaveURLAsync(new Regex(@"/cohorts/[^/?]+$"));
        await Expect(page.GetByTestId("cohort-title")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_point_of_a_learners_growth_opens_that_cohort()
    {
        await using var db = await DbAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var learner = await db.LearnerScores.AsNoTracking()
            .Where(s => s.Composite != null && (s.Cohort!.ClosedAt != null || s.Cohort.EndDate < today))
            .GroupBy(s => s.Learner!.EmployeeNumber).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(Cancel);
        await using var session = await browser.OpenAsync($"learners/{learner}", culture: "en");
        var page = session.Page;

        var bar = page.Locator("#learner-levels path.apexcharts-bar-area").First;
        await Expect(bar).ToBeVisibleAsync();
        await bar.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/cohorts/[^/?]+$"));
        await Expect(page.GetByTestId("cohort-title")).ToBeVisibleAsync();

        await page.GoBackAsync();
        // The provisional markers lie over the composite's own: whichever is hit, the point is the same cohort.
        var marker = page.Locator("#learner-composite .apexcharts-series-markers path.apexcharts-marker").Nth(1);
        await Expect(marker).ToBeVisibleAsync();
        await marker.ClickAsync(new() { Force = true });
        await Expect(page).ToHaveURLAsync(new Regex(@"/cohorts/[^/?]+$"));
        var cohort = Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]);
        (await db.LearnerScores.AnyAsync(s => s.Cohort!.Code == cohort && s.Learner!.EmployeeNumber == learner, Cancel)).ShouldBeTrue("a cohort of this learner");
        await Expect(page.GetByTestId("cohort-title")).ToHaveTextAsync(await CohortNameAsync(cohort));
    }

    [Theory]
    [InlineData("en", "Tier: D · Needs improvement")]
    [InlineData("zh-CN", "分层：D（待提升）")]
    public async Task A_tier_on_the_compare_page_opens_that_cohorts_learners_of_the_tier(string culture, string chip)
    {
        await using var db = await DbAsync();
        // Two cohorts with tier-D learners, the first of them the one the D bar is clicked on.
        var cohorts = await db.LearnerScores.AsNoTracking().Where(s => s.Tier == Tier.D)
            .GroupBy(s => s.Cohort!.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(2).ToListAsync(Cancel);
        cohorts.Count.ShouldBe(2);
        await using var session = await browser.OpenAsync($"compare?cohorts={string.Join(',', cohorts)}", culture: culture);
        var page = session.Page;

        // The tier series are A, B, C, D, Insufficient, unscored: the fourth series' first bar is the first cohort's D learners.
        var dBar = page.Locator("#compare-tiers g.apexcharts-series").Nth(3).Locator("path.apexcharts-bar-area").First;
        await Expect(dBar).ToBeVisibleAsync();
        await dBar.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/cohorts/{Regex.Escape(cohorts[0])}\\?tier=D#learners$"));
        await Expect(page.GetByTestId("tier-filter-chip")).ToContainTextAsync(chip);
        var rows = page.Locator("[data-testid=learner-table] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var expected = await db.LearnerScores.CountAsync(s => s.Cohort!.Code == cohorts[0] && s.Tier == Tier.D, Cancel);
        await Expect(rows).ToHaveCountAsync(Math.Min(expected, 10));
        await session.ScreenshotAsync($"drill-tier-chip-{culture}", fullPage: false);

        // The chip clears the filter: every tier again.
        await page.GetByTestId("tier-filter-chip").Locator("button, .mud-chip-close-button").First.ClickAsync();
        await Expect(page.GetByTestId("tier-filter-chip")).ToHaveCountAsync(0);
        await Expect(page).Not.ToHaveURLAsync(new Regex("tier="));
    }

    [Fact]
    public async Task A_cohort_bar_and_box_on_the_compare_page_open_that_cohort()
    {
        await using var db = await DbAsync();
        var cohorts = await db.LearnerScores.AsNoTracking().Where(s => s.Composite != null)
            .GroupBy(s => s.Cohort!.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(2).ToListAsync(Cancel);
        await using var session = await browser.OpenAsync($"compare?cohorts={string.Join(',', cohorts)}", culture: "en");
        var page = session.Page;

        // The second series (the second cohort) of the level bars.
        var bar = page.Locator("#compare-levels g.apexcharts-series").Nth(1).Locator("path.apexcharts-bar-area").First;
        await Expect(bar).ToBeVisibleAsync();
        await bar.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cohorts/{Regex.Escape(cohorts[1])}$"));
        await Expect(page.GetByTestId("cohort-title")).ToHaveTextAsync(await CohortNameAsync(cohorts[1]));

        await page.GoBackAsync();
        var box = page.Locator("#compare-spread path.apexcharts-boxPlot-area").First;
        await Expect(box).ToBeVisibleAsync();
        await box.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cohorts/{Regex.Escape(cohorts[0])}$"));
        await Expect(page.GetByTestId("cohort-title")).ToHaveTextAsync(await CohortNameAsync(cohorts[0]));
    }

    [Theory]
    [InlineData("en", "Tier: D · Needs improvement")]
    [InlineData("zh-CN", "分层：D（待提升）")]
    public async Task A_tier_bar_of_the_effectiveness_report_opens_the_cohorts_learners_of_that_tier(string culture, string chip)
    {
        await using var db = await DbAsync();
        var cohort = await db.LearnerScores.AsNoTracking().Where(s => s.Tier == Tier.D)
            .GroupBy(s => s.Cohort!.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(Cancel);
        await using var session = await browser.OpenAsync($"reports/cohorts/{cohort}", culture: culture);
        var page = session.Page;

        // One bar per tier (A, B, C, D, insufficient data), in that order.
        var bar = page.Locator("#report-tiers path.apexcharts-bar-area").Nth((int)Tier.D);
        await Expect(bar).ToBeVisibleAsync();
        await bar.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/cohorts/{Regex.Escape(cohort)}\\?tier=D#learners$"));
        await Expect(page.GetByTestId("tier-filter-chip")).ToContainTextAsync(chip);
        await Expect(page.Locator("[data-testid=learner-table] tbody tr").First).ToBeVisibleAsync();
        // The table loads its page after the chip shows: wait for the filtered count rather than read it once.
        await Expect(page.Locator("[data-testid=learner-table] tbody tr")).ToHaveCountAsync(
            Math.Min(await db.LearnerScores.CountAsync(s => s.Cohort!.Code == cohort && s.Tier == Tier.D, Cancel), 10));
    }

    [Theory]
    [InlineData("en", "Tier: D · Needs improvement")]
    [InlineData("zh-CN", "分层：D（待提升）")]
    public async Task The_D_slice_of_the_overview_opens_the_learners_of_that_tier(string culture, string chip)
    {
        await using var session = await browser.OpenAsync("", culture: culture);
        var page = session.Page;
        var slice = page.Locator("#overview-tiers path.apexcharts-pie-area[j='3']");
        await Expect(slice).ToBeVisibleAsync();
        await slice.ClickWhereItIsHitAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/learners\?tier=D$"));
        await Expect(page.GetByTestId("tier-filter-chip")).ToHaveTextAsync(chip);
        var links = page.GetByTestId("learner-link");
        await Expect(links.First).ToBeVisibleAsync();
        await using var db = await DbAsync();
        var expected = await db.Learners.CountAsync(l => db.LearnerScores.Any(s => s.LearnerId == l.Id && s.Tier == Tier.D), Cancel);
        var first = (await page.Locator("[data-testid=learners-table] tbody tr td").First.InnerTextAsync()).Trim();
        (await db.LearnerScores.AnyAsync(s => s.Learner!.EmployeeNumber == first && s.Tier == Tier.D, Cancel)).ShouldBeTrue($"{first} has a tier-D score");
        await Expect(page.GetByTestId("learners-count")).ToContainTextAsync(expected.ToString("N0", CultureInfo.GetCultureInfo(culture)));
        await session.ScreenshotAsync($"drill-learners-tier-{culture}", fullPage: false);

        // The chip clears the tier: every learner again.
        await page.GetByTestId("tier-filter-chip").Locator("button, .mud-chip-close-button").First.ClickAsync();
        await Expect(page.GetByTestId("tier-filter-chip")).ToHaveCountAsync(0);
        await Expect(page).Not.ToHaveURLAsync(new Regex("tier="));
    }

    // Results, not Behavior: the demo's one running cohort is the only one without behaviour, and the other tests on this
    // shared dashboard rate and import into it, so "some cohort does not measure behaviour" stops holding under the full
    // suite. Five demo cohorts have no KPI results yet. Counts are read after the page has answered for the same reason.
    [Theory]
    [InlineData("en", "Measuring: Results")]
    [InlineData("zh-CN", "已测评：结果")]
    public async Task A_level_bar_of_the_coverage_funnel_opens_the_cohorts_measuring_that_level(string culture, string chip)
    {
        await using var db = await DbAsync();
        Task<int> MeasuringAsync() => db.Cohorts.CountAsync(c => db.LearnerScores.Any(s => s.CohortId == c.Id && s.ResultsCoverage > 0), Cancel);
        var measuring = await MeasuringAsync();
        measuring.ShouldBeInRange(1, await db.Cohorts.CountAsync(Cancel) - 1, "the demo has cohorts that do not measure results, so the filter narrows the list");
        await using var session = await browser.OpenAsync("", culture: culture);
        var page = session.Page;
        var number = CultureInfo.GetCultureInfo(culture);

        // Bars: cohorts with scores, then Reaction, Learning, Behavior, Results.
        var bar = page.Locator("#overview-funnel path.apexcharts-bar-area").Nth(4);
        await Expect(bar).ToBeVisibleAsync();
        await bar.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/cohorts\?measures=Results$"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("measures-filter-chip")).ToContainTextAsync(chip);
        await Expect(page.GetByTestId("cohorts-count")).ToContainTextAsync((await MeasuringAsync()).ToString("N0", number));
        foreach (var code in await page.GetByTestId("cohort-link").AllInnerTextsAsync())
            (await db.LearnerScores.AnyAsync(s => s.Cohort!.Code == code.Trim() && s.ResultsCoverage > 0, Cancel)).ShouldBeTrue($"{code} measures results");
        await session.ScreenshotAsync($"drill-funnel-{culture}", fullPage: false);

        // The chip clears the level: every cohort again.
        await page.GetByTestId("measures-filter-chip").Locator("button, .mud-chip-close-button").First.ClickAsync();
        await Expect(page.GetByTestId("measures-filter-chip")).ToHaveCountAsync(0);
        await Expect(page).Not.ToHaveURLAsync(new Regex("measures="));
        await Expect(page.GetByTestId("cohorts-count")).ToContainTextAsync((await db.Cohorts.CountAsync(Cancel)).ToString("N0", number));
    }

    [Fact]
    public async Task A_box_of_the_distribution_and_a_spoke_of_the_radar_open_the_learners_behind_them()
    {
        var (cohort, learner, name) = await LargestCohortAsync();
        await using var session = await browser.OpenAsync($"cohorts/{cohort}?learner={Uri.EscapeDataString(learner)}", culture: "en");
        var page = session.Page;

        // The first box is the composite's: the learner table sorted by composite, best first.
        var box = page.Locator("#cohort-distribution path.apexcharts-boxPlot-area").First;
        await Expect(box).ToBeVisibleAsync();
        await box.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cohorts/{Regex.Escape(cohort)}\\?learner=[^&]+&sort=composite&dir=desc#learners$|/cohorts/{Regex.Escape(cohort)}\\?sort=composite&dir=desc#learners$"), new() { Timeout = 30_000 });
        var composite = page.Locator("[data-testid=learner-table] th").Filter(new() { HasText = "Composite" });
        await Expect(composite.Locator(".mud-direction-desc")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=learner-table] tbody tr").First).ToBeVisibleAsync();

        // The selected learner's spokes open that learner's page.
        await page.GotoAsync(new Uri(browser.BaseUri, $"cohorts/{cohort}?learner={Uri.EscapeDataString(learner)}").ToString());
        var marker = page.Locator("#cohort-radar .apexcharts-series-markers path, #cohort-radar .apexcharts-series-markers circle").First;
        await Expect(marker).ToBeVisibleAsync();
        await marker.ClickAsync(new() { Force = true });
        await Expect(page).ToHaveURLAsync(new Regex($"/learners/{Regex.Escape(learner)}$"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("learner-name")).ToHaveTextAsync(name);
    }

    [Fact]
    public async Task A_mentor_rating_and_a_health_week_on_the_learner_page_open_their_cohort()
    {
        await using var db = await DbAsync();
        // A learner with ratings and the most health weeks; markers are drawn for the weeks with an index, in order.
        var learners = await db.MentorRatings.AsNoTracking().Select(r => r.Enrollment!.LearnerId).Distinct().ToListAsync(Cancel);
        var learnerId = await db.HealthSnapshots.AsNoTracking().Where(h => learners.Contains(h.LearnerId))
            .GroupBy(h => h.LearnerId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(Cancel);
        var number = await db.Learners.Where(l => l.Id == learnerId).Select(l => l.EmployeeNumber).SingleAsync(Cancel);
        var cohorts = await db.Enrollments.AsNoTracking().Where(e => e.LearnerId == learnerId).Select(e => new { e.Cohort!.Code, e.Cohort.StartDate, e.Cohort.EndDate }).ToListAsync(Cancel);
        var weeks = await db.HealthSnapshots.AsNoTracking().Where(h => h.LearnerId == learnerId).Select(h => new { h.IsoYear, h.IsoWeek, h.Index }).ToListAsync(Cancel);
        var shown = LearnerTrajectory.WeeklyHealth(weeks.Select(w => (new IsoWeek(w.IsoYear, w.IsoWeek), w.Index))).Where(w => w.Index is not null).Select(w => w.Week).ToList();
        // Not the first marker (a click at the plot's edge), the first after it in one of the learner's cohorts.
        var withCohort = shown.FindIndex(1, w => cohorts.Any(c => c.StartDate <= w.End && c.EndDate >= w.Start));
        withCohort.ShouldBeGreaterThanOrEqualTo(1, "a week of the learner's health falls in one of their cohorts");
        var ratedIn = await db.MentorRatings.AsNoTracking().Where(r => r.Enrollment!.LearnerId == learnerId).Select(r => r.Enrollment!.Cohort!.Code).Distinct().ToListAsync(Cancel);

        await using var session = await browser.OpenAsync($"learners/{number}", culture: "en");
        var page = session.Page;
        var rating = page.Locator("#learner-ratings .apexcharts-series-markers path.apexcharts-marker").Nth(1);
        await Expect(rating).ToBeVisibleAsync();
        await rating.ClickAsync(new() { Force = true });
        await Expect(page).ToHaveURLAsync(new Regex(@"/cohorts/[^/?]+$"), new() { Timeout = 30_000 });
        ratedIn.ShouldContain(Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]));
        await Expect(page.GetByTestId("cohort-title")).ToBeVisibleAsync();

        await page.GoBackAsync();
        var week = page.Locator("#learner-health .apexcharts-series-markers path.apexcharts-marker").Nth(withCohort);
        await Expect(week).ToBeVisibleAsync();
        await week.ClickAsync(new() { Force = true });
        await Expect(page).ToHaveURLAsync(new Regex(@"/cohorts/[^/?]+$"), new() { Timeout = 30_000 });
        cohorts.Select(c => c.Code).ShouldContain(Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]));
        await Expect(page.GetByTestId("cohort-title")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("en", "Learner growth report")]
    [InlineData("zh-CN", "学习成长报告")]
    public async Task A_learners_own_composite_opens_that_cohorts_row_of_their_growth_report(string culture, string heading)
    {
        await using var session = await browser.OpenAsync("me", culture: culture, user: "learner");
        var page = session.Page;
        var marker = page.Locator("#me-composite-chart .apexcharts-series-markers path.apexcharts-marker").First;
        await Expect(marker).ToBeVisibleAsync();
        await marker.ClickAsync(new() { Force = true });

        await Expect(page).ToHaveURLAsync(new Regex(@"/reports/learners/[^/#]+#cohort-.+$"), new() { Timeout = 30_000 });
        await Expect(page.Locator("h1")).ToContainTextAsync(heading);
        var row = Uri.UnescapeDataString(new Uri(page.Url).Fragment.TrimStart('#'));
        await Expect(page.Locator($"[id='{row}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"[id='{row}']")).ToContainTextAsync(row["cohort-".Length..]);
        // Back on /me: the learner's own page, never a cohort page they may not open.
        await Expect(page.GetByTestId("growth-me-link")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_level_bars_and_the_roi_line_of_the_reports_open_the_cohort_behind_them()
    {
        await using var db = await DbAsync();
        var cohort = await db.LearnerScores.AsNoTracking().Where(s => s.Composite != null)
            .GroupBy(s => s.Cohort!.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(Cancel);
        await using var session = await browser.OpenAsync($"reports/cohorts/{cohort}", culture: "en");
        var page = session.Page;

        // This cohort's bars come first: its Reaction bar opens its learners sorted by Reaction.
        var bar = page.Locator("#report-levels g.apexcharts-series").First.Locator("path.apexcharts-bar-area").First;
        await Expect(bar).ToBeVisibleAsync();
        await bar.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cohorts/{Regex.Escape(cohort)}\\?sort=reaction&dir=desc#learners$"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("cohort-title")).ToHaveTextAsync(await CohortNameAsync(cohort));
        await Expect(page.Locator("[data-testid=learner-table] th").Filter(new() { HasText = "Reaction" }).Locator(".mud-direction-desc")).ToHaveCountAsync(1);

        await page.GotoAsync(new Uri(browser.BaseUri, $"reports/cohorts/{cohort}/roi").ToString());
        // Not the first point, at the plot's edge: the line's shared tooltip picks the point nearest a click in the plot.
        var point = page.Locator("#roi-sensitivity .apexcharts-series-markers path.apexcharts-marker").Nth(2);
        await Expect(point).ToBeVisibleAsync();
        await point.ClickAsync(new() { Force = true });
        await Expect(page).ToHaveURLAsync(new Regex($"/cohorts/{Regex.Escape(cohort)}$"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("cohort-title")).ToHaveTextAsync(await CohortNameAsync(cohort));
    }

    [Fact]
    public async Task A_point_of_the_growth_report_opens_that_cohort_for_staff()
    {
        var (_, learner, _) = await LargestCohortAsync();
        await using var session = await browser.OpenAsync($"reports/learners/{learner}", culture: "en");
        var page = session.Page;
        var point = page.Locator("#report-growth .apexcharts-series-markers path.apexcharts-marker").First;
        await Expect(point).ToBeVisibleAsync();
        await point.ClickAsync(new() { Force = true });
        await Expect(page).ToHaveURLAsync(new Regex(@"/cohorts/[^/?#]+$"), new() { Timeout = 30_000 });
        var cohort = Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]);
        await using var db = await DbAsync();
        (await db.Enrollments.AnyAsync(e => e.Cohort!.Code == cohort && e.Learner!.EmployeeNumber == learner, Cancel)).ShouldBeTrue();
        await Expect(page.GetByTestId("cohort-title")).ToHaveTextAsync(await CohortNameAsync(cohort));
    }
}
