using TrainingEval.Domain.Statistics;

namespace TrainingEval.Tests.Domain.Statistics;

/// <summary>
/// "mean before, mean after, mean difference d̄, standard deviation s of the differences, 95 % confidence interval
/// d̄ ± t(0.975, n−1)·s/√n, paired t-test two-sided p-value, effect size d_z = d̄ / s" (section 7).
/// </summary>
public class PairedDifferenceTests
{
    // Student's (1908) sleep data, R's built-in data set `sleep`: extra hours of sleep of 10 patients under two drugs.
    internal static readonly double[] SleepGroup1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    internal static readonly double[] SleepGroup2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void Matches_Rs_paired_t_test_on_the_sleep_data()
    {
        // R 4.x: with(sleep, t.test(extra[group == 2], extra[group == 1], paired = TRUE)) prints
        //   t = 4.0621, df = 9, p-value = 0.002833
        //   95 percent confidence interval: 0.7001142 2.4598858; mean difference 1.58
        // and sd(extra[group == 2] - extra[group == 1]) = 1.229995 (so d_z = 1.58 / 1.229995 = 1.284558).
        var result = PairedDifference.Of(SleepGroup1.Zip(SleepGroup2, (b, a) => new PairedValue(b, a)).ToList());

        result.State.ShouldBe(StatisticsState.Computed);
        result.N.ShouldBe(10);
        result.MeanBefore!.Value.ShouldBe(0.75, 1e-12);
        result.MeanAfter!.Value.ShouldBe(2.33, 1e-12);
        result.MeanDifference!.Value.ShouldBe(1.58, 1e-12);
        result.StandardDeviation!.Value.ShouldBe(1.229995, 1e-6);
        result.ConfidenceLow!.Value.ShouldBe(0.7001142, 1e-7);
        result.ConfidenceHigh!.Value.ShouldBe(2.4598858, 1e-7);
        result.TStatistic!.Value.ShouldBe(4.0621, 1e-4);
        result.PValue!.Value.ShouldBe(0.002833, 1e-6);
        result.EffectSize!.Value.ShouldBe(1.284558, 1e-6);
        result.IsSignificant.ShouldBeTrue();
        result.IsSmallSample.ShouldBeFalse();
    }

    [Fact]
    public void Matches_a_hand_computed_example_with_two_degrees_of_freedom()
    {
        // Differences 2, 1, 3: d̄ = 2, s = 1, SE = 1/√3, t = 2√3 = 3.464102, df = 2.
        // t(0.975, 2) = 4.302653 (any t table) ⇒ CI = 2 ± 4.302653/√3 = 2 ± 2.484138.
        // For df = 2 the tail has a closed form: P(T > t) = ½(1 − t/√(t² + 2)) = ½(1 − √12/√14) ⇒ p = 1 − √(6/7) = 0.0741799.
        var result = PairedDifference.Of([new(1, 3), new(2, 3), new(3, 6)]);

        result.MeanDifference.ShouldBe(2);
        result.StandardDeviation!.Value.ShouldBe(1, 1e-12);
        result.ConfidenceLow!.Value.ShouldBe(2 - 2.484138, 1e-6);
        result.ConfidenceHigh!.Value.ShouldBe(2 + 2.484138, 1e-6);
        result.TStatistic!.Value.ShouldBe(2 * Math.Sqrt(3), 1e-12);
        result.PValue!.Value.ShouldBe(1 - Math.Sqrt(6.0 / 7), 1e-9);
        result.EffectSize!.Value.ShouldBe(2, 1e-12);
        result.IsSignificant.ShouldBeFalse();
        result.IsSmallSample.ShouldBeTrue();
    }

    [Fact]
    public void A_fall_gives_a_negative_difference_and_the_same_p_value()
    {
        var rising = PairedDifference.Of([new(1, 3), new(2, 3), new(3, 6)]);
        var falling = PairedDifference.Of([new(3, 1), new(3, 2), new(6, 3)]);

        falling.MeanDifference.ShouldBe(-2);
        falling.EffectSize!.Value.ShouldBe(-2, 1e-12);
        falling.PValue!.Value.ShouldBe(rising.PValue!.Value, 1e-12);
        falling.ConfidenceHigh!.Value.ShouldBe(-rising.ConfidenceLow!.Value, 1e-12);
    }

    [Fact]
    public void One_pair_gives_means_but_no_statistics()
    {
        var result = PairedDifference.Of([new(2, 5)]);

        result.State.ShouldBe(StatisticsState.TooFewPairs);
        result.MeanDifference.ShouldBe(3);
        result.StandardDeviation.ShouldBeNull();
        result.ConfidenceLow.ShouldBeNull();
        result.PValue.ShouldBeNull();
        result.EffectSize.ShouldBeNull();
        result.IsSignificant.ShouldBeFalse();
    }

    [Fact]
    public void No_pairs_is_no_data() =>
        PairedDifference.Of([]).ShouldSatisfyAllConditions(
            r => r.State.ShouldBe(StatisticsState.NoData),
            r => r.N.ShouldBe(0),
            r => r.MeanBefore.ShouldBeNull());

    [Fact]
    public void Identical_changes_collapse_the_interval_to_the_mean_and_leave_out_t_p_and_d_z()
    {
        var result = PairedDifference.Of([new(1, 2), new(3, 4), new(5, 6)]);

        result.State.ShouldBe(StatisticsState.NoVariation);
        result.StandardDeviation.ShouldBe(0);
        result.ConfidenceLow.ShouldBe(1);
        result.ConfidenceHigh.ShouldBe(1);
        result.TStatistic.ShouldBeNull();
        result.PValue.ShouldBeNull();
        result.EffectSize.ShouldBeNull();
    }

    [Fact]
    public void Refuses_values_that_are_not_finite() =>
        Should.Throw<ArgumentException>(() => PairedDifference.Of([new(double.NaN, 1), new(1, 2)]));

    [Theory]
    [InlineData(0.1, EffectMagnitude.Negligible)]
    [InlineData(-0.2, EffectMagnitude.Small)]
    [InlineData(0.5, EffectMagnitude.Medium)]
    [InlineData(-1.3, EffectMagnitude.Large)]
    public void Effect_sizes_use_Cohens_words(double d, EffectMagnitude expected) =>
        EffectSizes.Classify(d).ShouldBe(expected);
}
