using TrainingEval.Domain.Indicators;

namespace TrainingEval.Tests.Domain.Indicators;

/// <summary>"a validation error naming the learner, indicator and value" (spec section 2), for every kind of rejection.</summary>
public class ObservationErrorMessageTests
{
    private static string? Message(IndicatorDefinition indicator, double value, double? baseline = null, double? target = null) =>
        Normalizer.Check("E1001", indicator, new RawValue(value, baseline, target))?.Message;

    private static IndicatorDefinition BuiltIn(string code) => BuiltInIndicators.All.Single(i => i.Code == code);

    [Fact]
    public void Value_outside_its_range_names_learner_indicator_value_and_range() =>
        Message(BuiltIn(BuiltInIndicators.Satisfaction), 6)
            .ShouldBe("Learner E1001, indicator satisfaction: value 6 is outside the allowed range 1–5.");

    [Fact]
    public void Missing_value() =>
        Message(BuiltIn(BuiltInIndicators.Attendance), double.NaN)
            .ShouldBe("Learner E1001, indicator attendance: value is required for rate (0–1).");

    [Fact]
    public void Infinite_value() =>
        Message(BuiltIn(BuiltInIndicators.Interaction), double.PositiveInfinity)
            .ShouldBe("Learner E1001, indicator interaction: value Infinity is not a finite number (allowed range ≥ 0).");

    [Fact]
    public void Missing_baseline_names_the_normalisation_and_range() =>
        Message(BuiltIn(BuiltInIndicators.KnowledgeGain), 85)
            .ShouldBe("Learner E1001, indicator knowledge_gain: baseline is required for gain (0–100).");

    [Fact]
    public void Baseline_outside_its_range() =>
        Message(BuiltIn(BuiltInIndicators.BehaviorChange), 4, baseline: 0)
            .ShouldBe("Learner E1001, indicator behavior_change: baseline 0 is outside the allowed range 1–5.");

    [Fact]
    public void Missing_target() =>
        Message(BuiltIn(BuiltInIndicators.Kpi), 110, baseline: 100)
            .ShouldBe("Learner E1001, indicator kpi: target is required for target_achievement (a finite number other than the baseline).");

    [Fact]
    public void Target_equal_to_the_baseline() =>
        Message(BuiltIn(BuiltInIndicators.Kpi), 110, baseline: 100, target: 100)
            .ShouldBe("Learner E1001, indicator kpi: target 100 is not allowed: it must be a finite number other than the baseline 100.");

    [Fact]
    public void Score_range_names_its_max() =>
        Message(BuiltIn(BuiltInIndicators.ExamTheory) with { Max = 50 }, 50.5)
            .ShouldBe("Learner E1001, indicator exam_theory: value 50.5 is outside the allowed range 0–50.");

    [Fact]
    public void Numbers_are_written_in_invariant_culture_whatever_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Message(BuiltIn(BuiltInIndicators.Attendance), 1.25)
                .ShouldBe("Learner E1001, indicator attendance: value 1.25 is outside the allowed range 0–1.");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void An_allowed_value_has_no_error() =>
        Message(BuiltIn(BuiltInIndicators.Satisfaction), 4.2).ShouldBeNull();
}
