using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Tests.Domain;

/// <summary>Profiles and observations the domain tests share.</summary>
internal static class TestProfiles
{
    public static WeightProfile Default => WeightProfile.Default;

    public static WeightProfile Zero => WeightProfile.Default with { Policy = MissingDataPolicy.Zero };

    /// <summary>The worked example of spec section 4: Reaction and Learning complete, behavior_change missing, no Results.</summary>
    public static Observation[] WorkedExample { get; } =
    [
        new(BuiltInIndicators.Satisfaction, 4.2),
        new(BuiltInIndicators.Attendance, 0.9),
        new(BuiltInIndicators.Interaction, 6),
        new(BuiltInIndicators.ExamTheory, 85),
        new(BuiltInIndicators.ExamPractical, 70),
        new(BuiltInIndicators.Assignments, 1.0),
        new(BuiltInIndicators.KnowledgeGain, 85, baseline: 40),
        new(BuiltInIndicators.MentorRating, 3.8),
        new(BuiltInIndicators.Application, 3),
    ];

    /// <summary>One observation of every built-in indicator.</summary>
    public static Observation[] Complete { get; } =
    [
        .. WorkedExample,
        new(BuiltInIndicators.BehaviorChange, 4, baseline: 3),
        new(BuiltInIndicators.Kpi, 110, baseline: 100, target: 120),
        new(BuiltInIndicators.Performance, 4),
    ];

    public static IndicatorDefinition Indicator(Normalization normalization, double max = 100, double target = 1) => new()
    {
        Code = "custom_" + normalization.ToCode(),
        Level = KirkpatrickLevel.Results,
        Normalization = normalization,
        Weight = 100,
        Max = max,
        Target = target,
        IsCustom = true,
    };

    /// <summary>The default profile with one level's indicators replaced.</summary>
    public static WeightProfile WithLevel(WeightProfile profile, KirkpatrickLevel level, params IndicatorDefinition[] indicators) =>
        profile with { Indicators = [.. profile.Indicators.Where(i => i.Level != level), .. indicators] };

    public static IndicatorDefinition WithWeight(string code, double weight) =>
        BuiltInIndicators.All.Single(i => i.Code == code) with { Weight = weight };
}
