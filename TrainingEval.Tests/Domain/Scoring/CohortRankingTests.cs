using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Domain.Scoring;

/// <summary>"Rank in the cohort: by composite, highest first; ties share the lowest rank number (1, 2, 2, 4). Learners without a composite are unranked."</summary>
public class CohortRankingTests
{
    [Fact]
    public void Highest_composite_ranks_first_and_ties_share_the_lowest_rank() =>
        CohortRanking.Rank([70.0, 90.0, 80.0, 80.0]).ShouldBe([4, 1, 2, 2]);

    [Fact]
    public void Learners_without_a_composite_are_unranked() =>
        CohortRanking.Rank([null, 50.0, null, 60.0, 50.0]).ShouldBe([null, 2, null, 1, 2]);

    [Fact]
    public void An_empty_cohort_has_no_ranks() =>
        CohortRanking.Rank(Array.Empty<double?>()).ShouldBeEmpty();

    [Fact]
    public void Batch_results_rank_by_composite()
    {
        LearnerScore[] scores = [new() { Composite = 60 }, new() { Composite = null }, new() { Composite = 75 }];
        var ranks = new int?[3];
        CohortRanking.Rank(scores, ranks);
        ranks.ShouldBe([2, null, 1]);
    }

    [Fact]
    public void Spans_of_different_length_are_refused() =>
        Should.Throw<ArgumentException>(() => CohortRanking.Rank(new double?[2], new int?[3]));

    [Fact]
    public void Composites_that_differ_only_in_the_last_binary_digit_are_tied()
    {
        // Spec section 9: 60.1 stored as 60.099999999999994 ranks beside two 60.1, not below them.
        var almost = 60.099999999999994;
        almost.ShouldNotBe(60.1);
        CohortRanking.Rank([70.0, 60.1, almost, 60.1, 50.0]).ShouldBe([1, 2, 2, 2, 5]);
    }

    [Fact]
    public void Composites_further_apart_than_the_tolerance_are_not_tied() =>
        CohortRanking.Rank([60.1, 60.1 - 2 * Thresholds.Tolerance]).ShouldBe([1, 2]);
}
