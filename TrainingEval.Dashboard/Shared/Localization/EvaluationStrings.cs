using System.Globalization;
using FluentValidation.Results;
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

    /// <summary>A cohort status: planned, running, ended or closed (未开班 / 进行中 / 已结束 / 已结班).</summary>
    public static string CohortStatusName(this IStringLocalizer<EvaluationStrings> text, Domain.Comparisons.CohortStatus status) =>
        text[$"CohortStatus_{status}"];

    public static string PolicyName(this IStringLocalizer<EvaluationStrings> text, MissingDataPolicy policy) =>
        text[$"Policy_{policy}"];

    public static string PolicyDescription(this IStringLocalizer<EvaluationStrings> text, MissingDataPolicy policy) =>
        text[$"PolicyDescription_{policy}"];

    public static string NormalizationName(this IStringLocalizer<EvaluationStrings> text, Normalization normalization) =>
        text[$"Normalization_{normalization}"];

    /// <summary>
    /// A weight-profile failure in the reader's language, worded from its <see cref="WeightProfileErrors"/> code and
    /// arguments (levels and tiers by their names, numbers in the current culture); a failure without a
    /// known code keeps the validator's English message.
    /// </summary>
    public static string ProfileProblem(this IStringLocalizer<EvaluationStrings> text, ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var format = text[$"ProfileError_{failure.ErrorCode}"];
        if (format.ResourceNotFound)
            return failure.ErrorMessage;
        var arguments = WeightProfileErrors.Arguments(failure).Select(a => a switch
        {
            KirkpatrickLevel level => text.LevelName(level),
            Tier tier => tier.ToString(),
            double d => ScoreRounding.Round(d, 3).ToString("0.###", CultureInfo.CurrentCulture),
            IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
            var other => other,
        }).ToArray();
        return string.Format(CultureInfo.CurrentCulture, format.Value, arguments);
    }
}
