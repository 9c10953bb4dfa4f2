using TrainingEval.Domain.Statistics;

namespace TrainingEval.Tests.Domain.Statistics;

/// <summary>"the difference-in-differences (mean change of the trained minus mean change of the comparison group) with Welch's t-test" (section 7).</summary>
public class DifferenceInDifferencesTests
{
    [Fact]
    public void Matches_Rs_Welch_test_on_the_sleep_data()
    {
        // The two sleep groups read as the changes of a trained and a comparison group. R 4.x:
        // t.test(extra ~ group, data = sleep) prints
        //   t = -1.8608, df = 17.776, p-value = 0.07939
        //   95 percent confidence interval: -3.3654832 0.2054832; means 0.75 and 2.33
        var result = DifferenceInDifferences.Of(PairedDifferenceTests.SleepGroup1, PairedDifferenceTests.SleepGroup2);

        result.State.ShouldBe(StatisticsState.Computed);
        result.TrainedMeanChange!.Value.ShouldBe(0.75, 1e-12);
        result.ComparisonMeanChange!.Value.ShouldBe(2.33, 1e-12);
        result.Estimate!.Value.ShouldBe(-1.58, 1e-12);
        result.TStatistic!.Value.ShouldBe(-1.8608, 1e-4);
        result.DegreesOfFreedom!.Value.ShouldBe(17.776, 1e-3);
        result.PValue!.Value.ShouldBe(0.07939, 1e-5);
        result.ConfidenceLow!.Value.ShouldBe(-3.3654832, 1e-6);
        result.ConfidenceHigh!.Value.ShouldBe(0.2054832, 1e-6);
        result.IsSignificant.ShouldBeFalse();
    }

    [Fact]
    public void Equal_variances_and_sizes_give_the_pooled_degrees_of_freedom()
    {
        // Both groups: variance 1, n 3 ⇒ a = b = 1/3, df = (2/3)² / (2 · (1/3)² / 2) = 4 = n₁ + n₂ − 2.
        var result = DifferenceInDifferences.Of([1, 2, 3], [0, 1, 2]);

        result.Estimate.ShouldBe(1);
        result.DegreesOfFreedom!.Value.ShouldBe(4, 1e-12);
        result.StandardError!.Value.ShouldBe(Math.Sqrt(2.0 / 3), 1e-12);
    }

    [Fact]
    public void A_group_with_one_value_gives_the_estimate_without_a_test()
    {
        var result = DifferenceInDifferences.Of([1, 2, 3], [0.5]);

        result.State.ShouldBe(StatisticsState.TooFewPairs);
        result.Estimate.ShouldBe(1.5);
        result.PValue.ShouldBeNull();
    }

    [Fact]
    public void No_comparison_group_is_no_data() =>
        DifferenceInDifferences.Of([1, 2, 3], []).State.ShouldBe(StatisticsState.NoData);

    [Fact]
    public void Two_groups_without_spread_have_no_test() =>
        DifferenceInDifferences.Of([1, 1], [0, 0]).ShouldSatisfyAllConditions(
            r => r.State.ShouldBe(StatisticsState.NoVariation),
            r => r.Estimate.ShouldBe(1),
            r => r.PValue.ShouldBeNull());
}
