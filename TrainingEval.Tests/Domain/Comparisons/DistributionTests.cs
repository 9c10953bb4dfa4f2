using TrainingEval.Domain.Comparisons;

namespace TrainingEval.Tests.Domain.Comparisons;

/// <summary>Spec section 6: distribution (min, p25, median, p75, max, mean) over the scores that exist.</summary>
public sealed class DistributionTests
{
    [Fact]
    public void Quartiles_follow_R7_like_Excel_PERCENTILE_INC()
    {
        // Excel: PERCENTILE.INC({1,2,3,4}, 0.25) = 1.75, MEDIAN = 2.5, PERCENTILE.INC(…, 0.75) = 3.25.
        var d = Distribution.Of([4.0, 1.0, 3.0, 2.0])!;

        d.Count.ShouldBe(4);
        d.Min.ShouldBe(1);
        d.P25.ShouldBe(1.75, 1e-12);
        d.Median.ShouldBe(2.5, 1e-12);
        d.P75.ShouldBe(3.25, 1e-12);
        d.Max.ShouldBe(4);
        d.Mean.ShouldBe(2.5, 1e-12);
    }

    [Fact]
    public void Odd_count_has_the_middle_value_as_median()
    {
        var d = Distribution.Of([90.0, 60.0, 75.0, 80.0, 70.0])!;

        d.Median.ShouldBe(75);
        d.P25.ShouldBe(70);
        d.P75.ShouldBe(80);
        d.Mean.ShouldBe(75);
    }

    [Fact]
    public void Missing_scores_are_left_out_never_counted_as_zero()
    {
        var d = Distribution.Of([null, 80.0, null, 60.0, double.NaN])!;

        d.Count.ShouldBe(2);
        d.Min.ShouldBe(60);
        d.Mean.ShouldBe(70);
    }

    [Fact]
    public void Nan_marks_a_missing_score_in_the_span_overload()
    {
        ReadOnlySpan<double> scores = [double.NaN, 50, 70];
        var d = Distribution.Of(scores)!;

        d.Count.ShouldBe(2);
        d.Min.ShouldBe(50);
        d.Median.ShouldBe(60);
    }

    [Fact]
    public void No_scores_means_no_distribution()
    {
        Distribution.Of([null, null]).ShouldBeNull();
        Distribution.Of(Array.Empty<double?>()).ShouldBeNull();
    }

    [Fact]
    public void One_score_is_every_statistic()
    {
        var d = Distribution.Of([72.5])!;

        d.ShouldBe(new Distribution(1, 72.5, 72.5, 72.5, 72.5, 72.5, 72.5));
    }

    [Fact]
    public void An_infinite_score_is_refused_with_the_value()
    {
        var ex = Should.Throw<ArgumentException>(() => Distribution.Of([1.0, double.PositiveInfinity]));

        ex.Message.ShouldContain("finite");
    }

    [Fact]
    public void Statistics_are_ordered_for_any_input()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var scores = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.NextDouble() < 0.2 ? (double?)null : random.NextDouble() * 100).ToList();
            var d = Distribution.Of(scores);
            if (scores.All(s => s is null))
            {
                d.ShouldBeNull();
                continue;
            }
            d!.Min.ShouldBeLessThanOrEqualTo(d.P25);
            d.P25.ShouldBeLessThanOrEqualTo(d.Median);
            d.Median.ShouldBeLessThanOrEqualTo(d.P75);
            d.P75.ShouldBeLessThanOrEqualTo(d.Max);
            d.Mean.ShouldBeInRange(d.Min, d.Max);
            d.Count.ShouldBe(scores.Count(s => s is not null));
        }
    }
}
