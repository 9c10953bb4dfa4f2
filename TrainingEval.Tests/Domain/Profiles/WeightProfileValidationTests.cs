using FluentValidation;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Domain.Profiles;

/// <summary>Spec section 3 ("Weights and validation") and the parameter limits: every rule and its message.</summary>
public class WeightProfileValidationTests
{
    private static readonly WeightProfileValidator Validator = new();

    private static List<string> Errors(WeightProfile profile) =>
        Validator.Validate(profile).Errors.Select(e => e.ErrorMessage).ToList();

    private static WeightProfile WithIndicator(string code, Func<IndicatorDefinition, IndicatorDefinition> change) =>
        TestProfiles.Default with { Indicators = [.. TestProfiles.Default.Indicators.Select(i => i.Code == code ? change(i) : i)] };

    [Fact]
    public void The_default_profile_is_valid() =>
        Errors(TestProfiles.Default).ShouldBeEmpty();

    [Fact]
    public void Level_weights_must_sum_to_100()
    {
        // "each set must sum to 100 (±0.001). A profile that breaks this is refused with a message that names the set and its sum."
        Errors(TestProfiles.Default with { LevelWeights = new LevelWeights(15, 25, 35, 20) })
            .ShouldBe(["Level weights sum to 95, not 100."]);
    }

    [Theory]
    [InlineData(25.0009)]
    [InlineData(24.999)]
    public void Level_weights_may_miss_100_by_at_most_0_001(double results) =>
        Errors(TestProfiles.Default with { LevelWeights = new LevelWeights(15, 25, 35, results) }).ShouldBeEmpty();

    [Fact]
    public void Level_weights_missing_100_by_more_than_0_001_are_refused() =>
        Errors(TestProfiles.Default with { LevelWeights = new LevelWeights(15, 25, 35, 25.002) })
            .ShouldBe(["Level weights sum to 100.002, not 100."]);

    [Fact]
    public void Level_weights_must_be_non_negative() =>
        Errors(TestProfiles.Default with { LevelWeights = new LevelWeights(-5, 45, 35, 25) })
            .ShouldBe(["Weight of level Reaction must be a number ≥ 0, not -5."]);

    [Fact]
    public void Level_weights_must_be_numbers() =>
        Errors(TestProfiles.Default with { LevelWeights = new LevelWeights(15, 25, double.NaN, 25) })
            .ShouldBe(["Weight of level Behavior must be a number ≥ 0, not NaN.", "Level weights sum to NaN, not 100."]);

    [Fact]
    public void Indicator_weights_of_each_level_must_sum_to_100()
    {
        var profile = WithIndicator(BuiltInIndicators.MentorRating, i => i with { Weight = 30 });
        Errors(profile).ShouldBe(["Indicator weights of level Behavior sum to 90, not 100."]);
    }

    [Fact]
    public void A_level_with_weight_above_0_needs_indicators() =>
        Errors(TestProfiles.Default with { Indicators = [.. TestProfiles.Default.Indicators.Where(i => i.Level != KirkpatrickLevel.Results)] })
            .ShouldBe(["Indicator weights of level Results sum to 0, not 100."]);

    [Fact]
    public void A_level_with_weight_0_may_drop_all_its_indicators()
    {
        var profile = TestProfiles.Default with
        {
            LevelWeights = new LevelWeights(20, 30, 50, 0),
            Indicators = [.. TestProfiles.Default.Indicators.Where(i => i.Level != KirkpatrickLevel.Results)],
        };
        Errors(profile).ShouldBeEmpty();
    }

    [Fact]
    public void A_level_with_weight_0_still_refuses_a_partial_indicator_sum()
    {
        var profile = WithIndicator(BuiltInIndicators.Kpi, i => i with { Weight = 50 }) with { LevelWeights = new LevelWeights(20, 30, 50, 0) };
        Errors(profile).ShouldBe(["Indicator weights of level Results sum to 90, not 100 (or 0, as the level's weight is 0)."]);
    }

    [Fact]
    public void Indicator_weights_must_be_non_negative()
    {
        var profile = TestProfiles.WithLevel(TestProfiles.Default, KirkpatrickLevel.Reaction,
            TestProfiles.WithWeight(BuiltInIndicators.Satisfaction, 110),
            TestProfiles.WithWeight(BuiltInIndicators.Attendance, -10),
            TestProfiles.WithWeight(BuiltInIndicators.Interaction, 0));
        Errors(profile).ShouldBe(["Weight of indicator attendance must be a number ≥ 0, not -10."]);
    }

    [Fact]
    public void Indicator_codes_must_be_unique()
    {
        var duplicate = TestProfiles.WithWeight(BuiltInIndicators.Kpi, 0);
        Errors(TestProfiles.Default with { Indicators = [.. TestProfiles.Default.Indicators, duplicate] })
            .ShouldBe(["Indicator code kpi is used more than once; codes must be unique."]);
    }

    [Theory]
    [InlineData("Safety")]
    [InlineData("safety-rate")]
    [InlineData("1st_kpi")]
    [InlineData("safety__rate")]
    [InlineData("safety_")]
    [InlineData("安全")]
    public void Indicator_codes_must_be_lowercase_snake_case(string code) =>
        Errors(WithIndicator(BuiltInIndicators.Kpi, i => i with { Code = code }))
            .ShouldBe([$"Indicator code {code} must be lowercase snake_case: a letter, then letters, digits and single underscores (e.g. on_time_rate)."]);

    [Fact]
    public void Indicator_codes_are_at_most_CodeMaxLength_characters()
    {
        var code = new string('a', IndicatorDefinition.CodeMaxLength + 1);
        Errors(WithIndicator(BuiltInIndicators.Kpi, i => i with { Code = code }))
            .ShouldBe([$"Indicator code {code} is longer than 40 characters."]);
        Errors(WithIndicator(BuiltInIndicators.Kpi, i => i with { Code = code[1..] })).ShouldBeEmpty();
    }

    [Fact]
    public void Indicator_code_is_required() =>
        Errors(WithIndicator(BuiltInIndicators.Kpi, i => i with { Code = "" })).ShouldBe(["Indicator code is required."]);

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void Score_needs_max_greater_than_0(double max) =>
        Errors(WithIndicator(BuiltInIndicators.ExamTheory, i => i with { Max = max }))
            .ShouldBe([$"Max of indicator exam_theory must be a number greater than 0, not {max}."]);

    [Fact]
    public void Count_target_needs_target_greater_than_0() =>
        Errors(WithIndicator(BuiltInIndicators.Interaction, i => i with { Target = 0 }))
            .ShouldBe(["Target of indicator interaction must be a number greater than 0, not 0."]);

    [Fact]
    public void Max_and_target_only_matter_where_the_normalisation_uses_them() =>
        Errors(WithIndicator(BuiltInIndicators.Satisfaction, i => i with { Max = 0, Target = 0 })).ShouldBeEmpty();

    [Fact]
    public void Tier_thresholds_must_be_ordered_A_above_B_above_C() =>
        Errors(TestProfiles.Default with { Tiers = new TierThresholds(90, 95, 60) })
            .ShouldBe(["Tier thresholds must be ordered A > B > C; they are A 90, B 95, C 60."]);

    [Fact]
    public void Tier_thresholds_must_be_within_0_to_100() =>
        Errors(TestProfiles.Default with { Tiers = new TierThresholds(120, 75, 60) })
            .ShouldBe(["Threshold of tier A must be between 0 and 100, not 120."]);

    [Fact]
    public void Thresholds_of_tiers_B_and_C_must_be_within_0_to_100()
    {
        Errors(TestProfiles.Default with { Tiers = new TierThresholds(90, 75, -1) })
            .ShouldBe(["Threshold of tier C must be between 0 and 100, not -1."]);
        Errors(TestProfiles.Default with { Tiers = new TierThresholds(100, double.NaN, 60) })
            .ShouldBe(["Threshold of tier B must be between 0 and 100, not NaN.", "Tier thresholds must be ordered A > B > C; they are A 100, B NaN, C 60."]);
    }

    [Fact]
    public void The_indicator_list_is_required() =>
        Errors(TestProfiles.Default with { Indicators = null! }).ShouldBe(
        [
            "The profile needs a list of indicators.",
        ]);

    [Fact]
    public void The_indicator_list_has_no_empty_entries() =>
        Errors(TestProfiles.Default with { Indicators = [.. TestProfiles.Default.Indicators, null!] })
            .ShouldBe(["The indicator list has an empty entry."]);

    [Fact]
    public void Level_normalisation_and_policy_must_be_known_values()
    {
        Errors(WithIndicator(BuiltInIndicators.Kpi, i => i with { Normalization = (Normalization)42 }))
            .ShouldBe(["Indicator kpi has an unknown normalisation 42."]);
        Errors(TestProfiles.Default with { Policy = (MissingDataPolicy)7 }).ShouldBe(["Missing-data policy 7 is unknown."]);
        var unknownLevel = TestProfiles.WithWeight(BuiltInIndicators.Kpi, 0) with { Code = "stray", Level = (KirkpatrickLevel)9 };
        Errors(TestProfiles.Default with { Indicators = [.. TestProfiles.Default.Indicators, unknownLevel] })
            .ShouldBe(["Indicator stray has an unknown level 9."]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Pass_mark_must_be_within_0_to_100(double passMark) =>
        Errors(TestProfiles.Default with { PassMark = passMark })
            .ShouldBe([$"Pass mark must be between 0 and 100, not {passMark}."]);

    [Fact]
    public void Exam_pass_line_must_be_within_0_to_100() =>
        Errors(TestProfiles.Default with { ExamPassLine = 101 }).ShouldBe(["Exam pass line must be between 0 and 100, not 101."]);

    [Fact]
    public void Application_window_must_not_be_negative()
    {
        Errors(TestProfiles.Default with { ApplicationWindowDays = -1 }).ShouldBe(["Application window must be 0 days or more, not -1."]);
        Errors(TestProfiles.Default with { ApplicationWindowDays = 0 }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Profile_name_is_required(string name) =>
        Errors(TestProfiles.Default with { Name = name }).ShouldBe(["Profile name is required."]);

    [Fact]
    public void Profile_name_is_at_most_NameMaxLength_characters()
    {
        Errors(TestProfiles.Default with { Name = new string('x', WeightProfile.NameMaxLength + 1) })
            .ShouldBe(["Profile name must be at most 120 characters; it has 121."]);
        Errors(TestProfiles.Default with { Name = new string('x', WeightProfile.NameMaxLength) }).ShouldBeEmpty();
    }

    [Fact]
    public void Rules_can_be_checked_one_property_at_a_time_for_a_form()
    {
        var profile = TestProfiles.Default with { Name = "", LevelWeights = new LevelWeights(-5, 45, 35, 25) };
        var result = Validator.Validate(profile, options => options.IncludeProperties("LevelWeights.Reaction"));
        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Weight of level Reaction must be a number ≥ 0, not -5.");
        result.Errors[0].PropertyName.ShouldBe("LevelWeights.Reaction");
    }

    [Fact]
    public void The_engine_refuses_an_invalid_profile_with_the_validator_messages()
    {
        var profile = WithIndicator(BuiltInIndicators.MentorRating, i => i with { Weight = 30 }) with { PassMark = 120 };
        var error = Should.Throw<InvalidWeightProfileException>(() => new ScoringEngine(profile));
        error.Errors.ShouldBe(["Indicator weights of level Behavior sum to 90, not 100.", "Pass mark must be between 0 and 100, not 120."]);
        error.Message.ShouldContain("Indicator weights of level Behavior sum to 90, not 100.");
    }

    [Fact]
    public void The_default_profile_matches_the_built_in_table()
    {
        // "Reaction (15) ... Learning (25) ... Behavior (35) ... Results (25)" with the weights and parameters of section 2.
        TestProfiles.Default.LevelWeights.ShouldBe(new LevelWeights(15, 25, 35, 25));
        TestProfiles.Default.Policy.ShouldBe(MissingDataPolicy.Renormalize);
        TestProfiles.Default.PassMark.ShouldBe(60);
        TestProfiles.Default.ExamPassLine.ShouldBe(60);
        TestProfiles.Default.ApplicationWindowDays.ShouldBe(60);
        TestProfiles.Default.Tiers.ShouldBe(new TierThresholds(90, 75, 60));
        var table = TestProfiles.Default.Indicators.Select(i => $"{i.Level} {i.Code} {i.Normalization.ToCode()} {i.Weight}").ToList();
        table.ShouldBe(
        [
            "Reaction satisfaction likert5 50", "Reaction attendance rate 30", "Reaction interaction count_target 20",
            "Learning exam_theory score 30", "Learning exam_practical score 20", "Learning assignments rate 20", "Learning knowledge_gain gain 30",
            "Behavior mentor_rating likert5 40", "Behavior application count_target 30", "Behavior behavior_change rating_change 30",
            "Results kpi target_achievement 60", "Results performance likert5 40",
        ]);
        TestProfiles.Default.Find(BuiltInIndicators.Interaction)!.Target.ShouldBe(10);
        TestProfiles.Default.Find(BuiltInIndicators.Application)!.Target.ShouldBe(4);
        TestProfiles.Default.Find(BuiltInIndicators.ExamTheory)!.Max.ShouldBe(100);
    }

    [Fact]
    public void A_custom_indicator_is_validated_like_a_built_in()
    {
        var validator = new IndicatorDefinitionValidator();
        var custom = new IndicatorDefinition { Code = "safety_rate", Level = KirkpatrickLevel.Results, Normalization = Normalization.Score, Weight = 10, Max = 0, IsCustom = true };
        validator.Validate(custom).Errors.Select(e => e.ErrorMessage)
            .ShouldBe(["Max of indicator safety_rate must be a number greater than 0, not 0."]);
    }
}
