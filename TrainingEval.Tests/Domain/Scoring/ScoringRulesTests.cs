using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Domain.Scoring;

/// <summary>Spec section 4 ("Scores, coverage and missing data"), one test per rule, plus the documented decisions.</summary>
public class ScoringRulesTests
{
    private const double Tolerance = 1e-9;

    private static ScoreCard Score(WeightProfile profile, params Observation[] observations) =>
        new ScoringEngine(profile).Score("E1001", observations);

    /// <summary>Reaction only (satisfaction 100 points, attendance 50 points, interaction missing).</summary>
    private static readonly Observation[] ReactionPartly =
    [
        new(BuiltInIndicators.Satisfaction, 5),
        new(BuiltInIndicators.Attendance, 0.5),
    ];

    [Fact]
    public void An_indicator_with_no_observation_is_missing()
    {
        var card = Score(TestProfiles.Default, ReactionPartly);
        var interaction = card[KirkpatrickLevel.Reaction].Indicators.Single(i => i.Indicator.Code == BuiltInIndicators.Interaction);
        interaction.IsPresent.ShouldBeFalse();
        interaction.Points.ShouldBeNull();
        interaction.ObservationCount.ShouldBe(0);
    }

    [Fact]
    public void Several_observations_of_one_indicator_give_the_mean_of_their_points()
    {
        // "the indicator's points are the mean of the points of its observations" — not the points of the mean value.
        var card = Score(TestProfiles.Default,
            new(BuiltInIndicators.Kpi, 110, baseline: 100, target: 120),
            new(BuiltInIndicators.Kpi, 130, baseline: 100, target: 120),
            new(BuiltInIndicators.Kpi, 7, baseline: 10, target: 5));
        var kpi = card[KirkpatrickLevel.Results].Indicators.Single(i => i.Indicator.Code == BuiltInIndicators.Kpi);
        kpi.Points!.Value.ShouldBe((50 + 100 + 60) / 3.0, Tolerance);
        kpi.ObservationCount.ShouldBe(3);
    }

    [Fact]
    public void Level_score_under_renormalize_is_the_weighted_mean_over_present_indicators()
    {
        // "Σ wᵢ·pᵢ / Σ wᵢ over the level's present indicators (policy renormalize, the default)"
        Score(TestProfiles.Default, ReactionPartly)[KirkpatrickLevel.Reaction].Score!.Value
            .ShouldBe((50 * 100 + 30 * 50) / 80.0, Tolerance);
    }

    [Fact]
    public void Level_score_under_zero_counts_missing_indicators_as_0()
    {
        // "or over all its indicators with missing ones counted as 0 (policy zero)"
        Score(TestProfiles.Zero, ReactionPartly)[KirkpatrickLevel.Reaction].Score!.Value
            .ShouldBe((50 * 100 + 30 * 50 + 20 * 0) / 100.0, Tolerance);
    }

    [Fact]
    public void A_level_with_no_present_indicator_has_no_score_under_renormalize()
    {
        var card = Score(TestProfiles.Default, ReactionPartly);
        card[KirkpatrickLevel.Learning].Score.ShouldBeNull();
        card[KirkpatrickLevel.Behavior].Score.ShouldBeNull();
        card[KirkpatrickLevel.Results].Score.ShouldBeNull();
    }

    [Fact]
    public void Level_coverage_is_present_weight_over_all_weight_of_the_level()
    {
        // "Level coverage = Σ weights of present indicators / Σ weights of all indicators of the level (0–1)."
        var card = Score(TestProfiles.Default, ReactionPartly);
        card[KirkpatrickLevel.Reaction].Coverage.ShouldBe(0.8, Tolerance);
        card[KirkpatrickLevel.Learning].Coverage.ShouldBe(0);
    }

    [Fact]
    public void Composite_under_renormalize_is_over_levels_that_have_a_score()
    {
        // "Composite = Σ W_l·S_l / Σ W_l over levels that have a score" — a missing level never counts as 0.
        var card = Score(TestProfiles.Default, [.. ReactionPartly, new(BuiltInIndicators.Performance, 2)]);
        var reaction = (50 * 100 + 30 * 50) / 80.0;
        card.Composite!.Value.ShouldBe((15 * reaction + 25 * 25) / 40, Tolerance);
    }

    [Fact]
    public void Composite_under_zero_is_over_all_levels()
    {
        // "(under zero, over all levels)"
        var card = Score(TestProfiles.Zero, [.. ReactionPartly, new(BuiltInIndicators.Performance, 2)]);
        var reaction = (50 * 100 + 30 * 50) / 100.0;
        var results = 40 * 25 / 100.0;
        card.Composite!.Value.ShouldBe((15 * reaction + 25 * results) / 100, Tolerance);
        card[KirkpatrickLevel.Learning].Score.ShouldBe(0);
    }

    [Fact]
    public void Coverage_is_the_level_weighted_mean_of_level_coverages()
    {
        // "Coverage = Σ W_l·coverage_l / Σ W_l over all levels (0–1)."
        var card = Score(TestProfiles.Default, [.. ReactionPartly, new(BuiltInIndicators.Performance, 2)]);
        card.Coverage.ShouldBe((15 * 0.8 + 25 * 0.4) / 100, Tolerance);
    }

    [Fact]
    public void A_composite_with_coverage_below_1_is_provisional()
    {
        Score(TestProfiles.Default, TestProfiles.WorkedExample).IsProvisional.ShouldBeTrue();
        var complete = Score(TestProfiles.Default, TestProfiles.Complete);
        complete.Coverage.ShouldBe(1);
        complete.IsProvisional.ShouldBeFalse();
    }

    [Fact]
    public void Coverage_below_one_half_gives_tier_insufficient()
    {
        var card = Score(TestProfiles.Default, ReactionPartly);
        card.Coverage.ShouldBeLessThan(0.5);
        card.Composite.ShouldNotBeNull();
        card.Tier.ShouldBe(Tier.Insufficient);
    }

    [Theory]
    [InlineData(0.5, Tier.A)]
    [InlineData(0.4999, Tier.Insufficient)]
    [InlineData(0, Tier.Insufficient)]
    [InlineData(1, Tier.A)]
    public void Tier_is_insufficient_exactly_below_coverage_one_half(double coverage, Tier expected) =>
        new ScoringEngine(TestProfiles.Default).TierOf(95, coverage).ShouldBe(expected);

    [Theory]
    [InlineData(100, Tier.A)]
    [InlineData(90, Tier.A)]
    [InlineData(89.99, Tier.B)]
    [InlineData(75, Tier.B)]
    [InlineData(74.99, Tier.C)]
    [InlineData(60, Tier.C)]
    [InlineData(59.99, Tier.D)]
    [InlineData(0, Tier.D)]
    public void Tier_A_from_90_B_from_75_C_from_60_else_D(double composite, Tier expected) =>
        new ScoringEngine(TestProfiles.Default).TierOf(composite, 1).ShouldBe(expected);

    [Theory]
    [InlineData(80, Tier.A)]
    [InlineData(79.9, Tier.B)]
    [InlineData(50, Tier.C)]
    [InlineData(49, Tier.D)]
    public void Tier_thresholds_are_profile_parameters(double composite, Tier expected) =>
        new ScoringEngine(TestProfiles.Default with { Tiers = new TierThresholds(80, 65, 50) }).TierOf(composite, 1).ShouldBe(expected);

    [Fact]
    public void A_composite_that_is_a_threshold_on_paper_reaches_it_despite_rounding_error() =>
        new ScoringEngine(TestProfiles.Default).TierOf(Math.BitDecrement(90.0), 1).ShouldBe(Tier.A);

    [Theory]
    [InlineData(60, true)]
    [InlineData(59.99, false)]
    public void Passed_is_composite_at_or_above_the_pass_mark(double composite, bool passed) =>
        new ScoringEngine(TestProfiles.Default).IsPassed(composite).ShouldBe(passed);

    [Fact]
    public void Passed_uses_the_profile_pass_mark()
    {
        // Worked example composite 76.8: passes at the default 60, fails at 80.
        Score(TestProfiles.Default, TestProfiles.WorkedExample).Passed.ShouldBe(true);
        Score(TestProfiles.Default with { PassMark = 80 }, TestProfiles.WorkedExample).Passed.ShouldBe(false);
    }

    [Fact]
    public void Nothing_measured_is_coverage_0_tier_insufficient_and_not_passed()
    {
        // Spec section 9, "Nothing measured": no composite, no rank, not passed; coverage is a number, never empty.
        var card = Score(TestProfiles.Default);
        card.Composite.ShouldBeNull();
        card.Tier.ShouldBe(Tier.Insufficient);
        card.Passed.ShouldBe(false);
        card.Coverage.ShouldBe(0);
        card.IsProvisional.ShouldBeFalse();
    }

    [Fact]
    public void Under_zero_a_learner_without_observations_scores_0_with_tier_insufficient()
    {
        // Decision: under zero every weighted level has a score, so even no data gives composite 0.
        var card = Score(TestProfiles.Zero);
        card.Composite.ShouldBe(0);
        card.Coverage.ShouldBe(0);
        card.Tier.ShouldBe(Tier.Insufficient);
        card.Passed.ShouldBe(false);
        card.Levels.ShouldAllBe(l => l.Score == 0);
    }

    [Fact]
    public void A_weight_0_indicator_affects_neither_score_nor_coverage()
    {
        var profile = TestProfiles.WithLevel(TestProfiles.Default, KirkpatrickLevel.Reaction,
            TestProfiles.WithWeight(BuiltInIndicators.Satisfaction, 70),
            TestProfiles.WithWeight(BuiltInIndicators.Attendance, 30),
            TestProfiles.WithWeight(BuiltInIndicators.Interaction, 0));
        var withoutInteraction = Score(profile, new(BuiltInIndicators.Satisfaction, 5), new(BuiltInIndicators.Attendance, 0.5));
        var withInteraction = Score(profile, new(BuiltInIndicators.Satisfaction, 5), new(BuiltInIndicators.Attendance, 0.5), new(BuiltInIndicators.Interaction, 0));

        withoutInteraction[KirkpatrickLevel.Reaction].Coverage.ShouldBe(1);
        withInteraction[KirkpatrickLevel.Reaction].Score.ShouldBe(withoutInteraction[KirkpatrickLevel.Reaction].Score);
        withInteraction[KirkpatrickLevel.Reaction].Score!.Value.ShouldBe(85, Tolerance);
        // Its points are still reported, for the breakdown.
        withInteraction[KirkpatrickLevel.Reaction].Indicators.Single(i => i.Indicator.Code == BuiltInIndicators.Interaction).Points.ShouldBe(0);
    }

    [Fact]
    public void A_level_whose_weight_is_0_does_not_count()
    {
        var profile = TestProfiles.Default with { LevelWeights = new LevelWeights(20, 30, 50, 0) };
        var card = Score(profile, [.. TestProfiles.WorkedExample, new(BuiltInIndicators.BehaviorChange, 3, baseline: 3)]);
        card.Coverage.ShouldBe(1);
        card.IsProvisional.ShouldBeFalse();
        var behavior = (40 * 70 + 30 * 75 + 30 * 50) / 100.0;
        card.Composite!.Value.ShouldBe((20 * 79 + 30 * 82 + 50 * behavior) / 100, Tolerance);

        // Results data, if any, changes nothing.
        var withResults = Score(profile, [.. TestProfiles.WorkedExample, new(BuiltInIndicators.BehaviorChange, 3, baseline: 3), new(BuiltInIndicators.Performance, 1)]);
        withResults.Composite.ShouldBe(card.Composite);
        withResults[KirkpatrickLevel.Results].Score.ShouldBe(0);
    }

    [Fact]
    public void A_dropped_level_with_all_indicator_weights_0_has_no_score_even_under_zero()
    {
        var indicators = TestProfiles.Default.Indicators.Select(i => i.Level == KirkpatrickLevel.Results ? i with { Weight = 0 } : i).ToList();
        var profile = TestProfiles.Zero with { LevelWeights = new LevelWeights(20, 30, 50, 0), Indicators = indicators };
        var card = Score(profile, new Observation(BuiltInIndicators.Performance, 5));
        card[KirkpatrickLevel.Results].Score.ShouldBeNull();
        card[KirkpatrickLevel.Results].Coverage.ShouldBe(0);
        card.Composite.ShouldBe(0);
    }

    [Fact]
    public void Custom_indicators_score_like_built_ins()
    {
        var custom = new IndicatorDefinition
        {
            Code = "safety_incidents",
            Level = KirkpatrickLevel.Results,
            Normalization = Normalization.TargetAchievement,
            Weight = 40,
            IsCustom = true,
        };
        var profile = TestProfiles.WithLevel(TestProfiles.Default, KirkpatrickLevel.Results, TestProfiles.WithWeight(BuiltInIndicators.Kpi, 60), custom);
        var card = Score(profile, new(BuiltInIndicators.Kpi, 110, baseline: 100, target: 120), new("safety_incidents", 4, baseline: 10, target: 0));
        card[KirkpatrickLevel.Results].Score!.Value.ShouldBe((60 * 50 + 40 * 60) / 100.0, Tolerance);
        card.Coverage.ShouldBe(0.25);
    }

    [Fact]
    public void Indicator_codes_are_matched_ignoring_case()
    {
        var card = Score(TestProfiles.Default, new Observation("Satisfaction", 5));
        card[KirkpatrickLevel.Reaction].Score.ShouldBe(100);
    }

    [Fact]
    public void Exam_passed_holds_when_every_present_part_reaches_its_line()
    {
        // "Exams have a pass line per part (default 60); exam_passed holds when every present part reaches its line."
        Score(TestProfiles.Default, new Observation(BuiltInIndicators.ExamTheory, 60)).ExamPassed.ShouldBe(true);
        Score(TestProfiles.Default, new Observation(BuiltInIndicators.ExamTheory, 85), new Observation(BuiltInIndicators.ExamPractical, 59)).ExamPassed.ShouldBe(false);
        Score(TestProfiles.Default, new Observation(BuiltInIndicators.ExamTheory, 85), new Observation(BuiltInIndicators.ExamPractical, 70)).ExamPassed.ShouldBe(true);
        Score(TestProfiles.Default with { ExamPassLine = 80 }, new Observation(BuiltInIndicators.ExamPractical, 70)).ExamPassed.ShouldBe(false);
        Score(TestProfiles.Default, new Observation(BuiltInIndicators.Satisfaction, 5)).ExamPassed.ShouldBeNull();
    }

    [Fact]
    public void Score_rejects_the_learner_and_lists_every_bad_value()
    {
        var error = Should.Throw<ObservationRejectedException>(() => Score(TestProfiles.Default,
            new(BuiltInIndicators.Satisfaction, 6),
            new(BuiltInIndicators.KnowledgeGain, 80),
            new("shoe_size", 42),
            new(BuiltInIndicators.Attendance, 0.9)));
        error.Errors.Select(e => e.Message).ShouldBe(
        [
            "Learner E1001, indicator satisfaction: value 6 is outside the allowed range 1–5.",
            "Learner E1001, indicator knowledge_gain: baseline is required for gain (0–100).",
            "Learner E1001, indicator shoe_size: the weight profile has no indicator with this code.",
        ]);
        error.Message.ShouldContain("value 6 is outside the allowed range 1–5");
    }

    [Fact]
    public void Nothing_is_rounded_before_export()
    {
        var card = Score(TestProfiles.Zero, TestProfiles.WorkedExample);
        card.Composite!.Value.ShouldNotBe(50.03);
        card.Composite.Value.ShouldBe(50.025, Tolerance);
    }
}
