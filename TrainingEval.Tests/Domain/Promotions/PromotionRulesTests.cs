using TrainingEval.Domain.Promotions;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Domain.Promotions;

/// <summary>"learners with tier A in their latest cohort and a positive behaviour change" (issue 8).</summary>
public class PromotionRulesTests
{
    private static PromotionEvidence Evidence(int learner, string cohort, int endMonth, double? composite, Tier? tier, double? before = 3.0, double? after = 3.5) =>
        new(learner, cohort, new DateOnly(2025, endMonth, 28), composite, tier, before, after, 4.2, 3, 80);

    [Fact]
    public void Tier_A_with_a_rising_behaviour_rating_is_suggested() =>
        PromotionRules.IsCandidate(Evidence(1, "C1", 1, 92, Tier.A)).ShouldBeTrue();

    [Theory]
    [InlineData(3.5, 3.5)]
    [InlineData(3.5, 3.0)]
    public void No_rise_in_behaviour_is_not_suggested(double before, double after) =>
        PromotionRules.IsCandidate(Evidence(1, "C1", 1, 92, Tier.A, before, after)).ShouldBeFalse();

    [Fact]
    public void A_missing_review_is_not_evidence_of_change()
    {
        PromotionRules.IsCandidate(Evidence(1, "C1", 1, 92, Tier.A, before: null)).ShouldBeFalse();
        PromotionRules.IsCandidate(Evidence(1, "C1", 1, 92, Tier.A, after: null)).ShouldBeFalse();
    }

    [Fact]
    public void Tier_B_is_not_suggested() =>
        PromotionRules.IsCandidate(Evidence(1, "C1", 1, 85, Tier.B)).ShouldBeFalse();

    [Fact]
    public void Only_the_latest_scored_cohort_counts()
    {
        var suggested = PromotionRules.Suggest(
        [
            Evidence(1, "OLD", 1, 95, Tier.A),
            Evidence(1, "NEW", 6, 80, Tier.B),          // learner 1's latest cohort is B: not suggested
            Evidence(2, "OLD", 1, 70, Tier.C),
            Evidence(2, "NEW", 6, 93, Tier.A),          // learner 2's latest is A
            Evidence(3, "OLD", 1, 91, Tier.A),
            Evidence(3, "OPEN", 9, null, null),         // no composite yet: the scored cohort before it counts
        ]);

        suggested.Select(s => (s.LearnerId, s.CohortCode)).ShouldBe([(2, "NEW"), (3, "OLD")]);
    }
}
