using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;

namespace TrainingEval.Tests.Domain.Comparisons;

/// <summary>Spec section 5 (bands) and section 6 (vertical comparison): how a learner's history becomes chart series.</summary>
public sealed class HealthBandTests
{
    [Theory]
    [InlineData(100, LearningHealthBand.Healthy)]
    [InlineData(75, LearningHealthBand.Healthy)]
    [InlineData(74.999, LearningHealthBand.Watch)]
    [InlineData(60, LearningHealthBand.Watch)]
    [InlineData(59.999, LearningHealthBand.AtRisk)]
    [InlineData(0, LearningHealthBand.AtRisk)]
    public void Bands_are_healthy_from_75_watch_from_60_and_at_risk_below(double index, LearningHealthBand band) =>
        LearningHealthBands.Classify(index).ShouldBe(band);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void An_index_outside_0_to_100_is_refused_with_the_range(double index) =>
        Should.Throw<ArgumentOutOfRangeException>(() => LearningHealthBands.Classify(index)).Message.ShouldContain("[0, 100]");
}

public sealed class IsoWeekTests
{
    [Theory]
    [InlineData("2026-01-01", 2026, 1)]   // a Thursday: week 1 of 2026
    [InlineData("2027-01-01", 2026, 53)]  // a Friday: still the last week of 2026
    [InlineData("2024-12-30", 2025, 1)]   // a Monday of week 1 of 2025
    public void Dates_map_to_ISO_8601_weeks(string date, int year, int week) =>
        IsoWeek.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(new IsoWeek(year, week));

    [Fact]
    public void A_week_runs_Monday_to_Sunday_and_the_next_one_crosses_years()
    {
        var week = new IsoWeek(2026, 53);
        week.Start.ShouldBe(new DateOnly(2026, 12, 28));
        week.End.ShouldBe(new DateOnly(2027, 1, 3));
        week.Next().ShouldBe(new IsoWeek(2027, 1));
        week.ToString().ShouldBe("2026-W53");
    }
}

public sealed class WeeklyHealthSeriesTests
{
    [Fact]
    public void Missing_weeks_are_gaps_not_zeros_and_the_series_is_continuous()
    {
        var series = LearnerTrajectory.WeeklyHealth(
        [
            (new IsoWeek(2026, 3), 80.0),
            (new IsoWeek(2026, 1), 70.0),
            (new IsoWeek(2026, 4), null),
        ]);

        series.Select(p => p.Week.ToString()).ShouldBe(["2026-W01", "2026-W02", "2026-W03", "2026-W04"]);
        series.Select(p => p.Index).ShouldBe([70.0, null, 80.0, null]);
        series.Select(p => p.Band).ShouldBe([LearningHealthBand.Watch, null, LearningHealthBand.Healthy, null]);
    }

    [Fact]
    public void The_series_crosses_a_53_week_year()
    {
        var series = LearnerTrajectory.WeeklyHealth([(new IsoWeek(2026, 52), 50.0), (new IsoWeek(2027, 2), 90.0)]);
        series.Select(p => p.Week.ToString()).ShouldBe(["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
    }

    [Fact]
    public void No_snapshots_give_an_empty_series() =>
        LearnerTrajectory.WeeklyHealth([]).ShouldBeEmpty();

    [Fact]
    public void Two_snapshots_of_one_week_are_refused_naming_the_week() =>
        Should.Throw<ArgumentException>(() => LearnerTrajectory.WeeklyHealth([(new IsoWeek(2026, 5), 60.0), (new IsoWeek(2026, 5), 61.0)]))
            .Message.ShouldContain("2026-W05");
}

public sealed class CompositeTrajectoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static CohortOutcome Outcome(string code, string start, string end, double? composite, double coverage = 1, bool closed = false, params double?[] levels) =>
        new(code, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            closed, composite, coverage, levels.Length == 0 ? [composite, composite, composite, composite] : levels);

    [Fact]
    public void Finished_cohorts_with_a_composite_in_end_date_order_with_provisional_flags()
    {
        var trajectory = LearnerTrajectory.CompositeOverTime(
        [
            Outcome("B", "2025-03-01", "2025-05-01", 80, coverage: 0.7),
            Outcome("A", "2025-01-01", "2025-02-01", 70),
            Outcome("RUNNING", "2026-10-01", "2026-12-20", 90),            // not finished: ends after today
            Outcome("NO-SCORE", "2025-06-01", "2025-07-01", null),         // finished, but no composite
            Outcome("CLOSED-EARLY", "2026-11-01", "2026-12-31", 85, closed: true), // closed counts as finished
        ], Today);

        trajectory.Select(p => p.CohortCode).ShouldBe(["A", "B", "CLOSED-EARLY"]);
        trajectory.Select(p => p.IsProvisional).ShouldBe([false, true, false]);
        LearnerTrajectory.LatestChange(trajectory).ShouldBe(5);
    }

    [Fact]
    public void Cohorts_ending_on_the_same_day_are_ordered_by_start_then_code()
    {
        var ordered = LearnerTrajectory.InEndOrder(
        [
            Outcome("Z", "2025-01-10", "2025-03-01", 1),
            Outcome("Y", "2025-01-01", "2025-03-01", 1),
            Outcome("X", "2025-01-10", "2025-03-01", 1),
        ]);
        ordered.Select(o => o.CohortCode).ShouldBe(["Y", "X", "Z"]);
    }

    [Fact]
    public void Fewer_than_two_points_have_no_change() =>
        LearnerTrajectory.LatestChange([new CompositePoint("A", Today, 70, false)]).ShouldBeNull();

    [Fact]
    public void Level_series_keep_missing_levels_as_nulls()
    {
        var levels = LearnerTrajectory.LevelSeries(
        [
            Outcome("A", "2025-01-01", "2025-02-01", 70, 0.6, false, 80, 75, null, null),
            Outcome("B", "2025-03-01", "2025-04-01", 72, 1, false, 81, 76, 70, 60),
        ]);
        levels.Count.ShouldBe(4);
        levels[0].ShouldBe([80.0, 81.0]);
        levels[2].ShouldBe([null, 70.0]);
        levels[3].ShouldBe([null, 60.0]);
    }
}

public sealed class RatingHistoryTests
{
    [Fact]
    public void Dimensions_follow_the_model_order_custom_ones_last_each_in_time_order()
    {
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var history = LearnerTrajectory.RatingHistory(
        [
            new DimensionRating("collaboration", t0.AddDays(10), 4),
            new DimensionRating("zz_custom", t0, 3),
            new DimensionRating("initiative", t0.AddDays(20), 5),
            new DimensionRating("initiative", t0, 3),
        ]);

        history.Select(h => h.Dimension).ShouldBe(["initiative", "collaboration", "zz_custom"]);
        history[0].Ratings.Select(r => r.Score).ShouldBe([3, 5]);
    }
}
