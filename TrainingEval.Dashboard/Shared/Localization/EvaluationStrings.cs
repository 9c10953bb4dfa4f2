using Microsoft.Extensions.Localization;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Shared.Localization;

/// <summary>
/// Resource anchor for the evaluation model's vocabulary — level, indicator, tier, policy and
/// normalisation names — in the .resx files beside this class, shared by every page.
/// </summary>
public sealed class EvaluationStrings;

/// <summary>Names of the evaluation model's terms in the current UI culture.</summary>
public static class EvaluationVocabulary
{
    public static string LevelName(this IStringLocalizer<EvaluationStrings> text, KirkpatrickLevel level) =>
        text[$"Level_{level}"];

    /// <summary>A built-in indicator's name; a custom indicator is shown by its code.</summary>
    public static string IndicatorName(this IStringLocalizer<EvaluationStrings> text, IndicatorDefinition indicator)
    {
        if (indicator.IsCustom)
            return indicator.Code;
        var name = text[$"Indicator_{indicator.Code}"];
        return name.ResourceNotFound ? indicator.Code : name.Value;
    }

    /// <summary>Where the raw value of a built-in indicator comes from (empty for a custom one).</summary>
    public static string IndicatorSource(this IStringLocalizer<EvaluationStrings> text, IndicatorDefinition indicator)
    {
        var source = text[$"IndicatorSource_{indicator.Code}"];
        return indicator.IsCustom || source.ResourceNotFound ? string.Empty : source.Value;
    }

    /// <summary>The tier with its meaning, e.g. "B (良好)" / "B · Good".</summary>
    public static string TierLabel(this IStringLocalizer<EvaluationStrings> text, Tier tier) =>
        text[$"Tier_{tier}"];

    /// <summary>The tier's meaning alone, e.g. "良好" / "Good".</summary>
    public static string TierMeaning(this IStringLocalizer<EvaluationStrings> text, Tier tier) =>
        text[$"TierMeaning_{tier}"];

    public static string PolicyName(this IStringLocalizer<EvaluationStrings> text, MissingDataPolicy policy) =>
        text[$"Policy_{policy}"];

    public static string PolicyDescription(this IStringLocalizer<EvaluationStrings> text, MissingDataPolicy policy) =>
        text[$"PolicyDescription_{policy}"];

    public static string NormalizationName(this IStringLocalizer<EvaluationStrings> text, Normalization normalization) =>
        text[$"Normalization_{normalization}"];
}
