using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;
using static TrainingEval.Tests.Domain.Comparisons.LearnerScores;

namespace TrainingEval.Tests.Domain.Comparisons;

/// <summary>"per cohort …: n, mean composite, mean per level, pass rate, mean coverage" — means over the learners that have the number.</summary>
public class CohortSummaryTests
{
    [Fact]
    public void Mean_composite_leaves_out_learners_without_a_composite()
    {
        var summary = CohortSummary.Of([Scored(80), Unscored(), Scored(60)]);

        summary.EnrollmentCount.ShouldBe(3);
        summary.CompositeCount.ShouldBe(2);
        summary.UnscoredCount.ShouldBe(1);
        summary.MeanComposite.ShouldBe(70);
    }

    [Fact]
    public void Mean_per_level_is_over_the_learners_that_have_that_level()
    {
        var summary = CohortSummary.Of(
        [
            Scored(70, reaction: 80, learning: 60, behavior: null),
            Scored(70, reaction: 90, learning: null, behavior: 50),
            Scored(70, reaction: 70, learning: 90, behavior: null),
        ]);

        summary.LevelMean(KirkpatrickLevel.Reaction).ShouldBe(80);
        summary.LevelMean(KirkpatrickLevel.Learning).ShouldBe(75);
        summary.LevelMean(KirkpatrickLevel.Behavior).ShouldBe(50);
        summary.LevelMean(KirkpatrickLevel.Results).ShouldBeNull();
    }

    [Fact]
    public void Pass_rate_is_over_learners_with_a_pass_decision()
    {
        var summary = CohortSummary.Of([Scored(90), Scored(50), Scored(61), Scored(59), Unscored()]);

        summary.PassedCount.ShouldBe(2);
        summary.PassRate.ShouldBe(0.5);
    }

    [Fact]
    public void Mean_coverage_counts_every_learner_including_those_without_a_composite()
    {
        var summary = CohortSummary.Of([Scored(80, coverage: 1), Scored(70, coverage: 0.5), Unscored()]);

        summary.MeanCoverage.ShouldBe(0.5);
        summary.ProvisionalCount.ShouldBe(1);
    }

    [Fact]
    public void Tier_counts_list_every_tier_including_insufficient()
    {
        var summary = CohortSummary.Of([Scored(95), Scored(80), Scored(81), Scored(40, coverage: 0.3), Unscored()]);

        summary.TierCounts.Keys.ShouldBe(Enum.GetValues<Tier>(), ignoreOrder: true);
        summary.TierCounts[Tier.A].ShouldBe(1);
        summary.TierCounts[Tier.B].ShouldBe(2);
        summary.TierCounts[Tier.C].ShouldBe(0);
        summary.TierCounts[Tier.Insufficient].ShouldBe(1);
        summary.TierCounts.Values.Sum().ShouldBe(4);
    }

    [Fact]
    public void A_level_is_measured_when_at_least_one_learner_has_coverage_on_it()
    {
        var summary = CohortSummary.Of(
        [
            Scored(70, resultsCoverage: 0, behaviorCoverage: 0),
            Scored(70, resultsCoverage: 0, behaviorCoverage: 0.4),
        ]);

        summary.Measures(KirkpatrickLevel.Reaction).ShouldBeTrue();
        summary.Measures(KirkpatrickLevel.Behavior).ShouldBeTrue();
        summary.Measures(KirkpatrickLevel.Results).ShouldBeFalse();
        summary.LevelMeanCoverage[(int)KirkpatrickLevel.Behavior].ShouldBe(0.2);
    }

    [Fact]
    public void An_empty_group_has_no_means_and_measures_nothing()
    {
        var summary = CohortSummary.Empty;

        summary.EnrollmentCount.ShouldBe(0);
        summary.MeanComposite.ShouldBeNull();
        summary.PassRate.ShouldBeNull();
        summary.MeanCoverage.ShouldBeNull();
        summary.LevelMeans.ShouldAllBe(m => m == null);
        KirkpatrickLevels.All.ShouldAllBe(level => !summary.Measures(level));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Fewer_than_five_learners_is_a_small_cohort(int learners, bool small) =>
        CohortSummary.Of(Composites([.. Enumerable.Repeat(70.0, learners)])).IsSmall.ShouldBe(small);
}

/// <summary>Spec section 9: "Learners trained" counts distinct people; rates, tier mixes and "provisional" count scored enrolments.</summary>
public class TrainingReachTests
{
    [Fact]
    public void A_person_in_two_cohorts_is_one_learner_trained_and_two_enrolments()
    {
        var reach = TrainingReach.Of([("E1", Scored(80, coverage: 0.5)), ("E1", Scored(50, coverage: 0.5)), ("E2", Scored(70)), ("E3", Unscored())]);

        reach.People.ShouldBe(3);
        reach.Enrollments.EnrollmentCount.ShouldBe(4);
        reach.Enrollments.ProvisionalCount.ShouldBe(2);
        reach.Enrollments.CompositeCount.ShouldBe(3);
        reach.Enrollments.PassedCount.ShouldBe(2);
        reach.Enrollments.TierCounts.Values.Sum().ShouldBe(3);
    }

    [Fact]
    public void Nobody_trained_is_zero_people_and_an_empty_summary()
    {
        var reach = TrainingReach.Of(Array.Empty<(int, LearnerScore)>());

        reach.People.ShouldBe(0);
        reach.Enrollments.EnrollmentCount.ShouldBe(0);
        reach.Enrollments.MeanComposite.ShouldBeNull();
    }
}
