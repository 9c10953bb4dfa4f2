using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Learners;

/// <summary>
/// The learner page hands the chart component the right categories and series (spec section 6, vertical):
/// finished cohorts in end-date order, provisional points marked, missing levels and weeks as gaps,
/// ratings per dimension on 1–5, health bands shaded. The chart's JS module is set up so it "draws".
/// </summary>
public abstract class LearnerPageTestBase : DashboardTestContext, IAsyncLifetime
{
    private TestDatabase? _database;

    protected abstract bool WithHealth { get; }

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await LearnerPageFixture.CreateAsync(WithHealth);
        Services.AddSingleton(_database.Factory);
        Services.AddSingleton<TimeProvider>(_database.Clock);
        ChartModule = JSInterop.SetupModule(ApexChart.ModulePath);
        ChartModule.Setup<bool>("create", _ => true).SetResult(true);
        ChartModule.SetupVoid("updateOptions", _ => true).SetVoidResult();
        ChartModule.SetupVoid("updateSeries", _ => true).SetVoidResult();
        ChartModule.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    /// <summary>The chart module: its recorded calls are what the charts hand ApexCharts (see <see cref="PageColours"/>).</summary>
    protected BunitJSModuleInterop ChartModule { get; private set; } = default!;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected IRenderedComponent<LearnerPage> RenderLearner(string employeeNo = LearnerPageFixture.EmployeeNo)
    {
        var cut = Render<LearnerPage>(p => p.Add(x => x.EmployeeNo, employeeNo));
        cut.WaitForAssertion(() => cut.Find("[data-testid=learner-header], [data-testid=learner-not-found]"));
        return cut;
    }

    protected static ApexChart Chart(IRenderedComponent<LearnerPage> cut, string id) =>
        cut.FindComponents<ApexChart>().Single(c => c.Instance.Id == id).Instance;

    protected static double?[] Values(ChartSeries series) => [.. series.Data.Select(p => p.Value)];
}

public sealed class LearnerPageChartTests : LearnerPageTestBase
{
    protected override bool WithHealth => true;

    [Fact]
    public void The_composite_line_has_one_point_per_finished_cohort_in_end_date_order_with_provisional_ones_marked()
    {
        UseCulture("en");
        var cut = RenderLearner();
        var chart = Chart(cut, "learner-composite");

        // QC-202603 ended before "today" (2026-06-01) without being closed: finished. QC-202605 is still running.
        chart.Options.XAxis!.Categories.ShouldBe(["QC-202501", "QC-202509", "QC-202603"]);
        chart.Series!.Select(s => s.Name).ShouldBe(["Composite", "Provisional"]);
        Values(chart.Series![0]).ShouldBe([66.5, 76.4, 81.6]);
        Values(chart.Series![1]).ShouldBe([null, 76.4, null]);
        chart.Options.YAxis![0].Min.ShouldBe(0);
        chart.Options.YAxis![0].Max.ShouldBe(100);
        cut.Find("[data-testid=stat-change]").TextContent.ShouldBe("+5.2");
        cut.FindAll("[data-testid=composite-links] a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["cohorts/QC-202501", "cohorts/QC-202509", "cohorts/QC-202603"]);
    }

    [Fact]
    public void Level_bars_cover_every_scored_cohort_and_leave_unmeasured_levels_as_gaps()
    {
        UseCulture("en");
        var chart = Chart(RenderLearner(), "learner-levels");

        chart.Options.XAxis!.Categories.ShouldBe(["QC-202501", "QC-202509", "QC-202603", "QC-202605"]);
        chart.Series!.Select(s => s.Name).ShouldBe(["Reaction", "Learning", "Behavior", "Results"]);
        Values(chart.Series![0]).ShouldBe([70, 80, 85, 90]);
        Values(chart.Series![3]).ShouldBe([60, null, 79, null]);
    }

    [Fact]
    public void Ratings_are_one_line_per_dimension_on_a_1_to_5_axis_in_the_model_order()
    {
        UseCulture("en");
        var chart = Chart(RenderLearner(), "learner-ratings");

        chart.Series!.Select(s => s.Name).ShouldBe(["Initiative", "Attitude", "Collaboration"]);
        Values(chart.Series![0]).ShouldBe([3, 4]);
        chart.Series![0].Data.Select(p => p.X!.Value.Number)
            .ShouldBe([new DateTimeOffset(2025, 9, 15, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), new DateTimeOffset(2025, 10, 15, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()]);
        chart.Options.YAxis![0].Min.ShouldBe(1);
        chart.Options.YAxis![0].Max.ShouldBe(5);
    }

    [Fact]
    public void Dimension_names_are_Chinese_in_the_Chinese_UI()
    {
        UseCulture("zh-CN");
        var chart = Chart(RenderLearner(), "learner-ratings");
        chart.Series!.Select(s => s.Name).ShouldBe(["学习主动性", "态度", "协作"]);
    }

    [Fact]
    public void The_health_index_is_weekly_with_a_gap_for_a_missing_week_and_the_three_bands_shaded()
    {
        UseCulture("en");
        var cut = RenderLearner();
        var chart = Chart(cut, "learner-health");

        chart.Options.XAxis!.Categories.ShouldBe(["2026-W10", "2026-W11", "2026-W12", "2026-W13"]);
        Values(chart.Series!.Single()).ShouldBe([82, 68.5, null, 55]);
        chart.Options.Annotations!.YAxis!.Select(a => (a.Y, a.Y2, a.Label!.Text))
            .ShouldBe([(75.0, (double?)100, "Healthy ≥ 75"), (60.0, (double?)75, "Watch 60–75"), (0.0, (double?)60, "At risk < 60")]);
        // Issue 14 item 16: the band labels start right of the plot, in the room kept for them, off the index line.
        chart.Options.Grid!.Padding!.Right.ShouldBe(LearnerCharts.BandLabelRoom);
        chart.Options.Annotations.YAxis!.ShouldAllBe(a => a.Label!.Position == "right" && a.Label.TextAnchor == "start" && a.Label.OffsetX > 0);
        cut.Find("[data-testid=stat-health]").TextContent.ShouldBe("55.0");
        cut.FindAll("[data-testid=health-empty]").ShouldBeEmpty();
    }

    [Fact]
    public void The_header_and_the_cohort_table_show_who_the_learner_is_and_rank_over_ranked_learners()
    {
        UseCulture("zh-CN");
        var cut = RenderLearner();

        cut.Find("[data-testid=learner-name]").TextContent.ShouldBe("吴敏丽");
        cut.Find("[data-testid=learner-mentor]").TextContent.ShouldContain("朱雪");
        var rows = cut.FindAll("[data-testid=learner-cohorts] tbody tr");
        rows.Count.ShouldBe(4);
        rows[0].TextContent.ShouldContain("1 / 2");
        // A compact "~" in the table (issue 14, item 15); its accessible name says what it means.
        rows[1].QuerySelector("[data-testid=provisional]")!.GetAttribute("aria-label").ShouldBe("暂定");
        rows[1].QuerySelectorAll("td.level-cell")[^1].TextContent.Trim().ShouldBe("—");
    }

    [Fact]
    public async Task A_score_change_in_one_of_the_learners_cohorts_reloads_the_charts()
    {
        UseCulture("en");
        var cut = RenderLearner();
        int cohortId;
        await using (var db = Database.CreateContext())
        {
            var record = await db.LearnerScores.SingleAsync(s => s.Cohort!.Code == "QC-202509" && s.Learner!.EmployeeNumber == LearnerPageFixture.EmployeeNo, Xunit.TestContext.Current.CancellationToken);
            record.Composite = 88;
            record.Coverage = 1;
            cohortId = record.CohortId;
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        await Services.GetRequiredService<IScoreChangeNotifier>().PublishAsync(new CohortScoresChanged(cohortId));

        cut.WaitForAssertion(() => Values(Chart(cut, "learner-composite").Series![0]).ShouldBe([66.5, 88, 81.6]));
        Values(Chart(cut, "learner-composite").Series![1]).ShouldBe([null, null, null]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_level_has_its_colour_in_the_level_bars_only_and_each_tier_its_colour_in_the_cohort_table(bool dark)
    {
        UseCulture("en");
        var theme = dark ? ThemeState.Dark : ThemeState.Light;
        UseTheme(theme);
        var cut = RenderLearner();

        IReadOnlyList<Coloured> things = [.. PageColours.Charts(ChartModule), .. PageColours.TierChips(cut.FindAll("[data-testid=tier-chip]"), Terms)];

        // The composite, the provisional marks, the mentor dimensions and the health line take no level's colour.
        PageColours.ShouldGiveEachLevelOneColour(things, theme, Terms, "learner-levels");
        PageColours.ShouldGiveEachTierOneColour(things, theme, Terms, showingAllTiers: [], showingSomeTiers: ["chip"]);
        cut.FindAll("[data-testid=tier-chip]").Select(c => c.GetAttribute("data-tier")).ShouldBe(["C", "B", "B", "Insufficient"]);
    }

    [Theory]
    [InlineData("en", "3 ended with a score", new[] { "Closed", "Closed", "Ended", "Running" })]
    [InlineData("zh-CN", "3 期已结束并有得分", new[] { "已结班", "已结班", "已结束", "进行中" })]
    public void The_header_and_the_cohorts_table_read_one_status_rule(string culture, string finishedNote, string[] statuses)
    {
        // Issue 14, item 6: QC-202603 ended on 2026-04-30 and is not closed: finished in the header, so "ended" in the table, never "open".
        UseCulture(culture);
        var cut = RenderLearner();

        cut.Find("[data-testid=stat-cohorts]").ParentElement!.TextContent.ShouldContain(finishedNote);
        cut.FindAll("[data-testid=learner-cohorts] [data-testid=cohort-status]").Select(c => c.TextContent.Trim()).ShouldBe(statuses);
        cut.FindAll("[data-testid=learner-cohorts] [data-testid=cohort-status]").Select(c => c.GetAttribute("data-status"))
            .ShouldBe(["Closed", "Closed", "Ended", "Running"]);
        // The running cohort's composite, tier and rank are provisional as a whole; it is not a point of the "finished" line.
        cut.FindAll("[data-testid=learner-cohorts] tbody tr")[^1].QuerySelector("[data-testid=provisional]").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_change_in_a_cohort_the_learner_is_not_in_does_not_reload()
    {
        UseCulture("en");
        var cut = RenderLearner();
        var before = Chart(cut, "learner-composite").Series;
        await using var db = Database.CreateContext();
        var program = await db.Programs.SingleAsync(Xunit.TestContext.Current.CancellationToken);
        var otherCohort = new Cohort { ProgramId = program.Id, Code = "QC-202607", Name = "QC-202607 期", StartDate = new(2026, 7, 6), EndDate = new(2026, 8, 28) };
        db.Cohorts.Add(otherCohort);
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);

        await Services.GetRequiredService<IScoreChangeNotifier>().PublishAsync(new CohortScoresChanged(otherCohort.Id));

        Chart(cut, "learner-composite").Series.ShouldBeSameAs(before);
    }
}

public sealed class LearnerPageEmptyStateTests : LearnerPageTestBase
{
    protected override bool WithHealth => false;

    [Fact]
    public void Without_health_snapshots_the_page_says_the_index_appears_once_they_are_computed()
    {
        UseCulture("en");
        var cut = RenderLearner();
        cut.Find("[data-testid=health-empty]").TextContent.ShouldContain("once weekly snapshots are computed");
        cut.FindComponents<ApexChart>().Select(c => c.Instance.Id).ShouldNotContain("learner-health");
    }

    [Fact]
    public void An_unknown_employee_number_shows_not_found_with_the_number()
    {
        UseCulture("zh-CN");
        var cut = RenderLearner("E9999");
        cut.Find("[data-testid=learner-not-found]").TextContent.ShouldContain("E9999");
        cut.FindComponents<ApexChart>().ShouldBeEmpty();
    }
}
