using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;
using TrainingEval.Tests.Infrastructure.Charts;

namespace TrainingEval.Tests.Shared;

/// <summary>
/// Issue 21 item 1 for the charts that opened nothing: where each of their points leads (the hrefs the chart keeps on the
/// server), built by <see cref="RecordLinks"/> and accepted by <c>ChartHref.Check</c>. The browser half is
/// <c>ChartDrillDownBrowserTests</c>.
/// </summary>
public sealed class ChartLinkTargetsTests : ChartComponentTest
{
    private static readonly DashboardFilter LeanIn2026 = DashboardFilter.FromQuery("LEAN", null, null, "2026-01-01", "2026-06-30");

    [Fact]
    public void The_new_targets_read_as_app_relative_links_with_their_filter_in_the_url()
    {
        RecordLinks.CohortsMeasuring(KirkpatrickLevel.Behavior, LeanIn2026).ShouldBe("cohorts?measures=Behavior&program=LEAN&from=2026-01-01&to=2026-06-30");
        RecordLinks.CohortsMeasuring(KirkpatrickLevel.Results, DashboardFilter.Empty).ShouldBe("cohorts?measures=Results");
        RecordLinks.ScoredCohorts(LeanIn2026).ShouldBe("cohorts?scored=true&program=LEAN&from=2026-01-01&to=2026-06-30");
        RecordLinks.CohortSortedBy("LEAN 2026/1", CohortSortColumns.Level(KirkpatrickLevel.Learning)).ShouldBe("cohorts/LEAN%202026%2F1?sort=learning&dir=desc#learners");
        RecordLinks.LearnerGrowth("E1001", "LEAN-2026-01").ShouldBe("reports/learners/E1001#cohort-LEAN-2026-01");
        RecordLinks.LearnerGrowth("E1001").ShouldBe("reports/learners/E1001");
        RecordLinks.MyCohort("LEAN-2026-01").ShouldBe("me#cohort-LEAN-2026-01");
        RecordLinks.Program("LEAN").ShouldBe("programs/LEAN");
        foreach (var link in new[] { RecordLinks.CohortsMeasuring(KirkpatrickLevel.Behavior, LeanIn2026), RecordLinks.MyCohort("X"), RecordLinks.LearnerGrowth("E1", "X") })
            (ChartPoint.Of(1) with { Href = link }).Href.ShouldBe(link);
    }

    private static LearnerCohortRow Cohort(string code, DateOnly start, DateOnly end) =>
        new(1, code, code, null, "P", null, start, end, false, EnrollmentStatus.Enrolled, true, 70, 70, 70, 70, 70, 1, null, null, null, 0, 1, CohortStatus.Closed);

    [Fact]
    public void A_health_week_belongs_to_the_cohort_running_that_week_the_latest_started_of_overlapping_ones()
    {
        LearnerCohortRow[] cohorts =
        [
            Cohort("A", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 27)),
            Cohort("B", new DateOnly(2026, 2, 23), new DateOnly(2026, 4, 3)),
        ];
        LearnerHistory.CohortOfWeek(cohorts, new IsoWeek(2026, 2)).ShouldBe("A");
        LearnerHistory.CohortOfWeek(cohorts, new IsoWeek(2026, 9)).ShouldBe("B", "week 9 (Feb 23 – Mar 1) is in both: the later start");
        LearnerHistory.CohortOfWeek(cohorts, new IsoWeek(2026, 14)).ShouldBe("B", "B ends on the Friday of week 14");
        LearnerHistory.CohortOfWeek(cohorts, new IsoWeek(2026, 20)).ShouldBeNull();
    }

    private LearnerCharts Charts() => new(Context.Services.GetRequiredService<IStringLocalizer<LearnerCharts>>(), Context.Services.GetRequiredService<IStringLocalizer<EvaluationStrings>>());

    [Fact]
    public void A_rating_opens_the_cohort_it_was_given_in_and_a_health_week_what_the_page_links_it_to()
    {
        var t0 = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        var ratings = LearnerTrajectory.RatingHistory([new DimensionRating("initiative", t0, 4, "LEAN-1"), new DimensionRating("initiative", t0.AddDays(30), 5, "LEAN-2"), new DimensionRating("initiative", t0.AddDays(40), 3)]);
        Charts().Ratings(ratings, ThemeState.Light).Series.ShouldHaveSingleItem().Data.Select(p => p.Href).ShouldBe(["cohorts/LEAN-1", "cohorts/LEAN-2", null]);

        WeeklyHealthPoint[] weeks = [new(new IsoWeek(2026, 10), 80), new(new IsoWeek(2026, 11), null), new(new IsoWeek(2026, 12), 60)];
        Charts().Health(weeks, ThemeState.Light, w => w.Week == 12 ? null : RecordLinks.MyCohort("LEAN-1")).Series[0].Data.Select(p => p.Href)
            .ShouldBe(["me#cohort-LEAN-1", null, null], "a gap week and a week with no cohort lead nowhere");
        Charts().Health(weeks, ThemeState.Light).Series[0].Data.ShouldAllBe(p => p.Href == null);
    }

    [Fact]
    public void A_learners_own_charts_link_where_the_page_says_and_staff_charts_to_the_cohort()
    {
        CompositePoint[] trajectory = [new("LEAN-1", new DateOnly(2026, 2, 27), 72, false)];
        Charts().Composite(trajectory, ThemeState.Light, code => RecordLinks.LearnerGrowth("E1", code)).Series
            .ShouldAllBe(s => s.Data.All(p => p.Href == "reports/learners/E1#cohort-LEAN-1"));
        Charts().Composite(trajectory, ThemeState.Light).Series[0].Data[0].Href.ShouldBe("cohorts/LEAN-1");
        var levels = Charts().Levels([Cohort("LEAN-1", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 27))], ThemeState.Light, code => RecordLinks.LearnerGrowth("E1", code));
        levels.Series.Count.ShouldBe(4);
        levels.Series.ShouldAllBe(s => s.Data[0].Href == "reports/learners/E1#cohort-LEAN-1");
    }

    [Fact]
    public void A_box_and_its_mean_open_the_cohorts_learners_sorted_by_that_measure()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        var data = new DistributionChartData(["Composite", "Behavior"], [null, KirkpatrickLevel.Behavior],
        [
            new ChartSeries { Name = "Distribution", Type = ApexChartType.BoxPlot, Data = [ChartPoint.Box("Composite", 40, 50, 60, 70, 80), ChartPoint.Box("Behavior", 30, 45, 55, 65, 90)] },
            new ChartSeries { Name = "Mean", Type = ApexChartType.Scatter, Data = [ChartPoint.Of("Composite", 61), ChartPoint.Of("Behavior", 54)] },
        ]);
        var chart = Context.Render<CohortDistributionChart>(p => p.Add(c => c.Data, data).Add(c => c.CohortCode, "LEAN-1"));

        var series = chart.FindComponent<ApexChart>().Instance.Series!;
        foreach (var s in series)
            s.Data.Select(p => p.Href).ShouldBe(["cohorts/LEAN-1?sort=composite&dir=desc#learners", "cohorts/LEAN-1?sort=behavior&dir=desc#learners"]);
        chart.Find("#cohort-distribution").ClassList.ShouldContain("te-chart--links");
    }

    [Fact]
    public void The_learners_spokes_open_the_learner_and_the_cohort_means_the_learners_sorted_by_that_level()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        // The learner picker (a MudBlazor autocomplete) calls its popover scripts; they do not matter here.
        Context.JSInterop.SetupVoid(_ => _.Identifier.StartsWith("mud", StringComparison.Ordinal));
        Context.JSInterop.Setup<int>(_ => _.Identifier.StartsWith("mud", StringComparison.Ordinal));
        var learner = new CohortLearner(1, 1, 1, "E1001", "王芳", "Wang Fang", "SALES", "销售部", "Sales");
        var data = new RadarChartData(["Reaction", "Learning", "Behavior", "Results"],
        [
            new ChartSeries { Name = "Wang Fang", Data = [ChartPoint.Of(80), ChartPoint.Of(70), ChartPoint.Of(null), ChartPoint.Of(60)] },
            new ChartSeries { Name = "Cohort mean", Data = [ChartPoint.Of(75), ChartPoint.Of(72), ChartPoint.Of(66), ChartPoint.Of(58)] },
        ]);
        var chart = Context.Render<LearnerRadarChart>(p => p.Add(c => c.Data, data).Add(c => c.Learners, [learner]).Add(c => c.Selected, learner).Add(c => c.CohortCode, "LEAN-1"));

        var series = chart.FindComponent<ApexChart>().Instance.Series!;
        series[0].Data.ShouldAllBe(p => p.Href == "learners/E1001");
        series[1].Data.Select(p => p.Href).ShouldBe(KirkpatrickLevels.All.Select(l => $"cohorts/LEAN-1?sort={CohortSortColumns.Level(l)}&dir=desc#learners"));
    }
}
