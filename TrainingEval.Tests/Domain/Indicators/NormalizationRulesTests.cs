using TrainingEval.Domain.Indicators;

namespace TrainingEval.Tests.Domain.Indicators;

/// <summary>Spec section 2, one test per rule of the normalisation table.</summary>
public class NormalizationRulesTests
{
    private const double Tolerance = 1e-9;

    private static double Points(Normalization normalization, double value, double? baseline = null, double? target = null, double max = 100, double countTarget = 1) =>
        Normalizer.ToPoints(TestProfiles.Indicator(normalization, max, countTarget), new RawValue(value, baseline, target));

    private static RawValueProblem? Problem(Normalization normalization, double value, double? baseline = null, double? target = null, double max = 100, double countTarget = 1) =>
        Normalizer.Check(TestProfiles.Indicator(normalization, max, countTarget), new RawValue(value, baseline, target));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 50)]
    [InlineData(4.2, 80)]
    [InlineData(5, 100)]
    public void Likert5_mean_of_1_to_5_ratings_gives_v_minus_1_over_4_times_100(double value, double expected) =>
        Points(Normalization.Likert5, value).ShouldBe(expected, Tolerance);

    [Theory]
    [InlineData(0.99)]
    [InlineData(5.01)]
    [InlineData(0)]
    public void Likert5_rejects_values_outside_1_to_5(double value) =>
        Problem(Normalization.Likert5, value).ShouldBe(new RawValueProblem(RawValuePart.Value, value, "1–5") { Normalization = Normalization.Likert5 });

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.9, 90)]
    [InlineData(1, 100)]
    public void Rate_fraction_in_0_to_1_gives_v_times_100(double value, double expected) =>
        Points(Normalization.Rate, value).ShouldBe(expected, Tolerance);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Rate_rejects_values_outside_0_to_1(double value) =>
        Problem(Normalization.Rate, value)!.AllowedRange.ShouldBe("0–1");

    [Theory]
    [InlineData(0)]
    [InlineData(37.5)]
    [InlineData(100)]
    public void Percent_in_0_to_100_gives_v(double value) =>
        Points(Normalization.Percent, value).ShouldBe(value);

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Percent_rejects_values_outside_0_to_100(double value) =>
        Problem(Normalization.Percent, value)!.AllowedRange.ShouldBe("0–100");

    [Theory]
    [InlineData(85, 100, 85)]
    [InlineData(15, 20, 75)]
    [InlineData(20, 20, 100)]
    [InlineData(0, 20, 0)]
    public void Score_in_0_to_max_gives_v_over_max_times_100(double value, double max, double expected) =>
        Points(Normalization.Score, value, max: max).ShouldBe(expected, Tolerance);

    [Fact]
    public void Score_param_max_defaults_to_100() =>
        new IndicatorDefinition { Code = "quiz", Level = KirkpatrickLevel.Learning, Normalization = Normalization.Score, Weight = 1 }.Max.ShouldBe(100);

    [Fact]
    public void Score_rejects_values_above_max()
    {
        var problem = Problem(Normalization.Score, 21, max: 20)!;
        problem.Part.ShouldBe(RawValuePart.Value);
        problem.AllowedRange.ShouldBe("0–20");
    }

    [Theory]
    [InlineData(6, 10, 60)]
    [InlineData(3, 4, 75)]
    [InlineData(0, 4, 0)]
    public void CountTarget_gives_min_of_v_over_target_and_1_times_100(double value, double target, double expected) =>
        Points(Normalization.CountTarget, value, countTarget: target).ShouldBe(expected, Tolerance);

    [Fact]
    public void CountTarget_clamps_the_derived_ratio_above_target_to_100() =>
        Points(Normalization.CountTarget, 25, countTarget: 10).ShouldBe(100);

    [Fact]
    public void CountTarget_rejects_negative_counts() =>
        Problem(Normalization.CountTarget, -1, countTarget: 10)!.AllowedRange.ShouldBe("≥ 0");

    [Fact]
    public void CountTarget_needs_target_greater_than_0() =>
        Should.Throw<ArgumentException>(() => Points(Normalization.CountTarget, 1, countTarget: 0));

    [Theory]
    [InlineData(85, 40, 75)]
    [InlineData(100, 0, 100)]
    [InlineData(50, 50, 0)]
    public void Gain_below_100_baseline_gives_clamped_v_minus_b_over_100_minus_b(double post, double pre, double expected) =>
        Points(Normalization.Gain, post, pre).ShouldBe(expected, Tolerance);

    [Fact]
    public void Gain_clamps_a_loss_to_0() =>
        Points(Normalization.Gain, 30, 60).ShouldBe(0);

    [Fact]
    public void Gain_with_baseline_100_gives_100_if_post_is_100() =>
        Points(Normalization.Gain, 100, 100).ShouldBe(100);

    [Fact]
    public void Gain_with_baseline_100_gives_0_if_post_is_below_100() =>
        Points(Normalization.Gain, 90, 100).ShouldBe(0);

    [Fact]
    public void Gain_rejects_a_missing_pre_score() =>
        Problem(Normalization.Gain, 80).ShouldBe(new RawValueProblem(RawValuePart.Baseline, null, "0–100") { Normalization = Normalization.Gain });

    [Theory]
    [InlineData(80, 101, RawValuePart.Baseline)]
    [InlineData(80, -1, RawValuePart.Baseline)]
    [InlineData(101, 50, RawValuePart.Value)]
    public void Gain_rejects_post_or_pre_outside_0_to_100(double post, double pre, RawValuePart part) =>
        Problem(Normalization.Gain, post, pre)!.Part.ShouldBe(part);

    [Theory]
    [InlineData(4, 3, 75)]
    [InlineData(3, 3, 50)]
    [InlineData(2.5, 3, 37.5)]
    public void RatingChange_gives_50_plus_25_times_v_minus_b(double post, double pre, double expected) =>
        Points(Normalization.RatingChange, post, pre).ShouldBe(expected, Tolerance);

    [Theory]
    [InlineData(5, 1, 100)]
    [InlineData(1, 5, 0)]
    public void RatingChange_clamps_to_0_to_100(double post, double pre, double expected) =>
        Points(Normalization.RatingChange, post, pre).ShouldBe(expected);

    [Theory]
    [InlineData(0.5, 3.0, RawValuePart.Value)]
    [InlineData(3, 6.0, RawValuePart.Baseline)]
    [InlineData(3, null, RawValuePart.Baseline)]
    public void RatingChange_rejects_ratings_outside_1_to_5_or_a_missing_pre_rating(double post, double? pre, RawValuePart part) =>
        Problem(Normalization.RatingChange, post, pre)!.Part.ShouldBe(part);

    [Theory]
    [InlineData(110, 100, 120, 50)]
    [InlineData(130, 100, 120, 100)]
    [InlineData(90, 100, 120, 0)]
    public void TargetAchievement_gives_clamped_v_minus_b_over_t_minus_b(double actual, double baseline, double target, double expected) =>
        Points(Normalization.TargetAchievement, actual, baseline, target).ShouldBe(expected, Tolerance);

    [Theory]
    [InlineData(7, 10, 5, 60)]
    [InlineData(3, 10, 5, 100)]
    [InlineData(12, 10, 5, 0)]
    public void TargetAchievement_works_for_lower_is_better_measures(double actual, double baseline, double target, double expected) =>
        Points(Normalization.TargetAchievement, actual, baseline, target).ShouldBe(expected, Tolerance);

    [Fact]
    public void TargetAchievement_accepts_any_finite_actual_baseline_and_target() =>
        Points(Normalization.TargetAchievement, -5, -20, 10).ShouldBe(50, Tolerance);

    [Fact]
    public void TargetAchievement_rejects_target_equal_to_baseline()
    {
        var problem = Problem(Normalization.TargetAchievement, 5, 10, 10)!;
        problem.Part.ShouldBe(RawValuePart.Target);
        problem.Value.ShouldBe(10);
        problem.AllowedRange.ShouldBe("a finite number other than the baseline 10");
    }

    [Theory]
    [InlineData(null, 120.0, RawValuePart.Baseline)]
    [InlineData(100.0, null, RawValuePart.Target)]
    public void TargetAchievement_rejects_a_missing_baseline_or_target(double? baseline, double? target, RawValuePart part)
    {
        var problem = Problem(Normalization.TargetAchievement, 110, baseline, target)!;
        problem.Part.ShouldBe(part);
        problem.IsMissing.ShouldBeTrue();
    }

    [Theory]
    [InlineData(Normalization.Likert5)]
    [InlineData(Normalization.Rate)]
    [InlineData(Normalization.Percent)]
    [InlineData(Normalization.Score)]
    [InlineData(Normalization.CountTarget)]
    [InlineData(Normalization.Gain)]
    [InlineData(Normalization.RatingChange)]
    [InlineData(Normalization.TargetAchievement)]
    public void A_NaN_value_is_rejected_as_missing(Normalization normalization)
    {
        var problem = Problem(normalization, double.NaN, 50, 60)!;
        problem.Part.ShouldBe(RawValuePart.Value);
        problem.IsMissing.ShouldBeTrue();
    }

    [Theory]
    [InlineData(Normalization.Gain)]
    [InlineData(Normalization.RatingChange)]
    [InlineData(Normalization.TargetAchievement)]
    public void A_NaN_baseline_is_rejected_as_missing(Normalization normalization) =>
        Problem(normalization, 3, double.NaN, 10)!.ShouldSatisfyAllConditions(
            p => p.Part.ShouldBe(RawValuePart.Baseline),
            p => p.IsMissing.ShouldBeTrue());

    [Theory]
    [InlineData(Normalization.Percent, double.PositiveInfinity)]
    [InlineData(Normalization.CountTarget, double.PositiveInfinity)]
    [InlineData(Normalization.TargetAchievement, double.NegativeInfinity)]
    public void Infinite_values_are_rejected(Normalization normalization, double value) =>
        Problem(normalization, value, 0, 10)!.Part.ShouldBe(RawValuePart.Value);

    [Fact]
    public void Raw_values_outside_the_allowed_range_are_rejected_never_clamped()
    {
        // "Raw values outside the allowed range are rejected ..., never clamped."
        var indicator = TestProfiles.Indicator(Normalization.Percent);
        var raw = new RawValue(120);
        Normalizer.Check(indicator, raw).ShouldNotBeNull();
        Should.Throw<ArgumentOutOfRangeException>(() => Normalizer.ToPoints(indicator, raw))
            .Message.ShouldContain("value 120 is outside the allowed range 0–100");
    }

    [Fact]
    public void Normalisations_that_need_no_baseline_ignore_it() =>
        Points(Normalization.Rate, 0.5, baseline: 999, target: 999).ShouldBe(50);

    [Theory]
    [InlineData(Normalization.Likert5, "1–5")]
    [InlineData(Normalization.Rate, "0–1")]
    [InlineData(Normalization.Percent, "0–100")]
    [InlineData(Normalization.CountTarget, "≥ 0")]
    [InlineData(Normalization.Gain, "0–100")]
    [InlineData(Normalization.RatingChange, "1–5")]
    [InlineData(Normalization.TargetAchievement, "any finite number")]
    public void Allowed_range_text_of_each_normalisation(Normalization normalization, string range) =>
        Normalizer.AllowedRange(TestProfiles.Indicator(normalization)).ShouldBe(range);

    [Fact]
    public void Allowed_range_of_score_names_its_max() =>
        Normalizer.AllowedRange(TestProfiles.Indicator(Normalization.Score, max: 20)).ShouldBe("0–20");
}
