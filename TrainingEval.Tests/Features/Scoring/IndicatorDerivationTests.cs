using TrainingEval.Domain.Indicators;

namespace TrainingEval.Tests.Features.Scoring;

public sealed class IndicatorDerivationTests
{
    [Fact]
    public void Attendance_counts_late_as_half_and_leaves_excused_out()
    {
        // Spec: present 1, late 0.5, absent 0, excused left out of the denominator. 6 present, 2 late, 2 absent:
        IndicatorDerivation.AttendanceRate(6, 2, 2)!.Value.ShouldBe(0.7, 1e-12);
    }

    [Fact]
    public void Attendance_without_countable_sessions_is_missing_not_zero() =>
        IndicatorDerivation.AttendanceRate(0, 0, 0).ShouldBeNull();

    [Fact]
    public void Assignments_count_late_as_half_and_missing_as_zero() =>
        IndicatorDerivation.AssignmentRate(onTime: 3, late: 2, missing: 1)!.Value.ShouldBe(4.0 / 6, 1e-12);

    [Fact]
    public void Negative_counts_are_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => IndicatorDerivation.AssignmentRate(-1, 0, 0));

    [Fact]
    public void Survey_mean_is_the_mean_of_items() =>
        IndicatorDerivation.SurveyMean([4, 5, 3, 4]).ShouldBe(4.0);

    [Fact]
    public void Mentor_rating_uses_the_latest_rating_of_each_dimension()
    {
        var mean = IndicatorDerivation.LatestRatingMean(
        [
            ("initiative", 1, 2), ("initiative", 2, 4), ("attitude", 1, 5), ("attitude", 3, 3), ("attitude", 2, 1),
        ]);
        mean.ShouldBe((4 + 3) / 2.0);
    }

    [Fact]
    public void Application_window_starts_the_day_after_the_end_and_lasts_the_window()
    {
        var end = new DateOnly(2026, 1, 31);
        IndicatorDerivation.InApplicationWindow(end, end, 60).ShouldBeFalse();
        IndicatorDerivation.InApplicationWindow(end.AddDays(1), end, 60).ShouldBeTrue();
        IndicatorDerivation.InApplicationWindow(end.AddDays(60), end, 60).ShouldBeTrue();
        IndicatorDerivation.InApplicationWindow(end.AddDays(61), end, 60).ShouldBeFalse();
    }

    [Fact]
    public void Application_count_is_missing_while_the_window_is_open_and_empty_then_zero_once_closed()
    {
        var end = new DateOnly(2026, 1, 31);
        IndicatorDerivation.ApplicationCount([], end, 60, end.AddDays(30)).ShouldBeNull();
        IndicatorDerivation.ApplicationCount([end.AddDays(3)], end, 60, end.AddDays(30)).ShouldBe(1);
        IndicatorDerivation.ApplicationCount([end, end.AddDays(61)], end, 60, end.AddDays(90)).ShouldBe(0);
        IndicatorDerivation.ApplicationCount([end.AddDays(1), end.AddDays(60)], end, 60, end.AddDays(61)).ShouldBe(2);
    }

    [Fact]
    public void Rescale_maps_a_score_to_the_indicator_scale()
    {
        IndicatorDerivation.Rescale(30, 50, 100).ShouldBe(60);
        Should.Throw<ArgumentOutOfRangeException>(() => IndicatorDerivation.Rescale(1, 0, 100));
    }

    [Fact]
    public void Reviews_pair_the_latest_before_start_with_the_first_after_end()
    {
        var reviews = ReviewDates.Select(d => new Box(DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture))).Reverse();
        var (before, after) = IndicatorDerivation.PairReviews(reviews, r => r.On, new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 20));
        before!.On.ShouldBe(new DateOnly(2025, 12, 31));
        after!.On.ShouldBe(new DateOnly(2026, 6, 30));
    }

    [Fact]
    public void A_review_during_the_training_is_neither_before_nor_after()
    {
        var (before, after) = IndicatorDerivation.PairReviews([new Box(new DateOnly(2026, 2, 1))], r => r.On, new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 20));
        before.ShouldBeNull();
        after.ShouldBeNull();
    }

    private static readonly string[] ReviewDates = ["2025-06-30", "2025-12-31", "2026-03-15", "2026-06-30", "2026-12-31"];

    private sealed record Box(DateOnly On);
}
