using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;

namespace TrainingEval.Tests.Domain.Health;

/// <summary>Spec section 5: each component of the learning health index.</summary>
public class HealthIndexComponentTests
{
    [Fact]
    public void Attendance_counts_present_1_late_half_absent_0_and_leaves_excused_out() =>
        // 2 present, 1 late, 1 absent (an excused session is simply not counted) ⇒ 2.5 / 4.
        LearningHealthIndex.Attendance(present: 2, late: 1, absent: 1).ShouldBe(62.5);

    [Fact]
    public void Attendance_without_a_counted_session_is_missing() =>
        LearningHealthIndex.Attendance(0, 0, 0).ShouldBeNull();

    [Fact]
    public void Punctuality_counts_on_time_1_late_half_missing_0() =>
        LearningHealthIndex.Punctuality(onTime: 1, late: 2, missing: 1).ShouldBe(50);

    [Fact]
    public void Punctuality_without_an_assignment_due_is_missing() =>
        LearningHealthIndex.Punctuality(0, 0, 0).ShouldBeNull();

    [Fact]
    public void Performance_is_the_mean_score_of_the_window() =>
        LearningHealthIndex.Performance([70, 85, 100]).ShouldBe(85);

    [Fact]
    public void Performance_without_a_test_is_missing() =>
        LearningHealthIndex.Performance([]).ShouldBeNull();

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Performance_refuses_a_score_outside_0_to_100(double score) =>
        Should.Throw<ArgumentOutOfRangeException>(() => LearningHealthIndex.Performance([score, 50]));

    // Spec section 9: "A component needs at least two items in the window (two sessions held, two assignments due, two results);
    // with fewer it is missing." A cohort's first week therefore never reads 0 or 100 from one session.
    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(0, 0, 1)]
    [InlineData(0, 1, 0)]
    public void Attendance_of_a_single_session_is_missing(int present, int late, int absent) =>
        LearningHealthIndex.Attendance(present, late, absent).ShouldBeNull();

    [Fact]
    public void Attendance_of_two_sessions_counts() =>
        LearningHealthIndex.Attendance(1, 0, 1).ShouldBe(50);

    [Fact]
    public void Punctuality_of_a_single_assignment_is_missing()
    {
        LearningHealthIndex.Punctuality(1, 0, 0).ShouldBeNull();
        LearningHealthIndex.Punctuality(0, 0, 1).ShouldBeNull();
        LearningHealthIndex.Punctuality(0, 1, 1).ShouldBe(25);
    }

    [Fact]
    public void Performance_of_a_single_result_is_missing()
    {
        LearningHealthIndex.Performance([100]).ShouldBeNull();
        LearningHealthIndex.Performance([100, 60]).ShouldBe(80);
    }

    [Fact]
    public void Engagement_in_a_cohort_that_met_fewer_than_two_times_is_missing()
    {
        LearningHealthIndex.Engagement(0, 3, sessionsHeld: 1).ShouldBeNull();
        LearningHealthIndex.Engagement(5, 3, sessionsHeld: 0).ShouldBeNull();
        LearningHealthIndex.Engagement(3, 6, sessionsHeld: 2).ShouldBe(50);
    }

    [Fact]
    public void Counts_below_zero_are_refused_not_read_as_too_few() =>
        Should.Throw<ArgumentOutOfRangeException>(() => LearningHealthIndex.Attendance(1, -1, 0));

    [Theory]
    [InlineData(3, 6, 50)]
    [InlineData(6, 6, 100)]
    [InlineData(9, 6, 100)] // capped at 1
    [InlineData(0, 6, 0)]
    [InlineData(1, 0, 100)] // a silent cohort (median 0) divides by 1, not 0
    [InlineData(0, 0, 0)]
    [InlineData(1, 0.5, 100)]
    [InlineData(2, 2.5, 80)]
    public void Engagement_is_interactions_over_the_cohort_median_at_least_1_capped_at_100(int interactions, double median, double expected) =>
        LearningHealthIndex.Engagement(interactions, median).ShouldBe(expected, 1e-12);

    [Theory]
    [InlineData(new int[0], 0)]
    [InlineData(new[] { 4 }, 4)]
    [InlineData(new[] { 5, 1, 3 }, 3)]
    [InlineData(new[] { 4, 1, 2, 8 }, 3)]
    public void The_cohort_median_takes_the_mean_of_the_middle_two_for_an_even_count(int[] counts, double median) =>
        LearningHealthIndex.Median(counts).ShouldBe(median);

    [Fact]
    public void The_window_is_28_days_ending_on_the_snapshot_day() =>
        LearningHealthIndex.WindowStart(new DateOnly(2026, 3, 29)).ShouldBe(new DateOnly(2026, 3, 2));

    [Property(MaxTest = 300)]
    public Property Engagement_stays_within_0_and_100() =>
        Prop.ForAll(Gen.Choose(0, 500).ToArbitrary(), Gen.Choose(0, 200).ToArbitrary(), (count, median) =>
            LearningHealthIndex.Engagement(count, median) is >= 0 and <= 100);
}

/// <summary>Spec section 5: weights 30/25/25/20, renormalised over the present components, bands 75/60.</summary>
public class HealthIndexRenormalisationTests
{
    [Fact]
    public void All_components_use_the_weights_30_25_25_20() =>
        // (30·90 + 25·80 + 25·70 + 20·50) / 100 = 74.5
        LearningHealthIndex.Compute(new HealthComponents(90, 80, 70, 50)).Value!.Value.ShouldBe(74.5, 1e-12);

    [Fact]
    public void Missing_components_renormalise_over_the_present_ones() =>
        // (30·90 + 20·50) / 50 = 74
        LearningHealthIndex.Compute(new HealthComponents(90, null, null, 50)).Value!.Value.ShouldBe(74, 1e-12);

    [Fact]
    public void One_component_is_the_index() =>
        LearningHealthIndex.Compute(new HealthComponents(null, null, 42, null)).Value.ShouldBe(42);

    [Fact]
    public void A_week_with_no_component_has_no_index_and_no_band()
    {
        var index = LearningHealthIndex.Compute(HealthComponents.None);
        index.Value.ShouldBeNull();
        index.Band.ShouldBeNull();
        index.Weakest.ShouldBeNull();
    }

    [Theory]
    [InlineData(75, LearningHealthBand.Healthy)]
    [InlineData(75 - 1e-10, LearningHealthBand.Healthy)] // rounding slack, as for tiers
    [InlineData(74.99, LearningHealthBand.Watch)]
    [InlineData(60, LearningHealthBand.Watch)]
    [InlineData(59.99, LearningHealthBand.AtRisk)]
    public void Bands_are_healthy_from_75_and_watch_from_60_inclusive(double value, LearningHealthBand band) =>
        LearningHealthIndex.Compute(new HealthComponents(value, null, null, null)).Band.ShouldBe(band);

    [Fact]
    public void The_weakest_component_is_the_lowest_present_one() =>
        LearningHealthIndex.Compute(new HealthComponents(90, null, 40, 55)).Weakest.ShouldBe(HealthComponent.Performance);

    [Fact]
    public void A_tie_for_weakest_goes_to_the_heavier_component() =>
        LearningHealthIndex.Compute(new HealthComponents(90, 50, 50, 50)).Weakest.ShouldBe(HealthComponent.Punctuality);

    private static Gen<double?> Component() =>
        Gen.Frequency((1, Gen.Constant<double?>(null)), (3, Gen.Choose(0, 1000).Select(k => (double?)(k / 10.0))));

    [Property(MaxTest = 500)]
    public Property The_index_lies_between_the_lowest_and_highest_present_component() =>
        Prop.ForAll(Gen.Zip(Gen.Zip(Component(), Component()), Gen.Zip(Component(), Component())).ToArbitrary(), t =>
        {
            var components = new HealthComponents(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2);
            var present = LearningHealthIndex.Components.Select(c => components[c]).OfType<double>().ToList();
            var index = LearningHealthIndex.Compute(components).Value;
            return present.Count == 0 ? index is null : index >= present.Min() && index <= present.Max();
        });

    [Property(MaxTest = 300)]
    public Property Renormalising_equals_weighting_the_present_components_alone() =>
        Prop.ForAll(Gen.Choose(0, 100).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (attendance, engagement) =>
            Math.Abs(LearningHealthIndex.Compute(new HealthComponents(attendance, null, null, engagement)).Value!.Value
                     - (30.0 * attendance + 20.0 * engagement) / 50) < 1e-9);
}
