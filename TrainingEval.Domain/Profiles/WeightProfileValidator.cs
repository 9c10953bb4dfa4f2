using FluentValidation;
using FluentValidation.Results;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Profiles;

/// <summary>
/// The error codes of <see cref="WeightProfileValidator"/>. Each failure carries one code and its
/// arguments (<see cref="ValidationFailure.CustomState"/>, an <c>object[]</c>), so a UI words the rule in
/// its own language instead of re-implementing it; the English <see cref="ValidationFailure.ErrorMessage"/>
/// is what the API and logs say.
/// </summary>
public static class WeightProfileErrors
{
    /// <summary>Arguments: the sum.</summary>
    public const string LevelWeightsSum = "LevelWeightsSum";

    /// <summary>Arguments: the level, the sum.</summary>
    public const string IndicatorWeightsSum = "IndicatorWeightsSum";

    /// <summary>A level weighted 0 whose indicators neither sum to 100 nor to 0. Arguments: the level, the sum.</summary>
    public const string IndicatorWeightsSumOrZero = "IndicatorWeightsSumOrZero";

    /// <summary>Arguments: the level, the weight.</summary>
    public const string LevelWeightNegative = "LevelWeightNegative";

    /// <summary>Arguments: the indicator code, the weight.</summary>
    public const string IndicatorWeightNegative = "IndicatorWeightNegative";

    /// <summary>Arguments: the indicator code.</summary>
    public const string DuplicateIndicator = "DuplicateIndicator";

    /// <summary>Arguments: the tier, the threshold.</summary>
    public const string TierThresholdRange = "TierThresholdRange";

    /// <summary>Arguments: A, B and C.</summary>
    public const string TierOrder = "TierOrder";

    /// <summary>Arguments: the pass mark.</summary>
    public const string PassMarkRange = "PassMarkRange";

    /// <summary>Arguments: the exam pass line.</summary>
    public const string ExamPassLineRange = "ExamPassLineRange";

    /// <summary>Arguments: the number of days.</summary>
    public const string ApplicationWindowNegative = "ApplicationWindowNegative";

    /// <summary>Arguments: the indicator code, the parameter (<c>max</c> or <c>target</c>), its value.</summary>
    public const string ParameterInvalid = "ParameterInvalid";

    /// <summary>The arguments a failure carries for its code (empty when it carries none).</summary>
    public static IReadOnlyList<object> Arguments(ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.CustomState as object[] ?? [];
    }

    internal static ValidationFailure Failure(string property, string code, string message, params object[] arguments) =>
        new(property, message) { ErrorCode = code, CustomState = arguments };
}

/// <summary>
/// Spec section 3 and the parameter limits of sections 2 and 4. Plain <c>RuleFor</c> chains, so a form
/// can validate one property at a time (<c>IncludeProperties</c>) and show each message beside its field.
/// Every failure carries a <see cref="WeightProfileErrors"/> code.
/// </summary>
public sealed class WeightProfileValidator : AbstractValidator<WeightProfile>
{
    /// <summary>Allowed distance of a weight sum from 100.</summary>
    public const double SumTolerance = 0.001;

    public const double RequiredSum = 100;

    public WeightProfileValidator()
    {
        RuleFor(p => p.Name)
            .NotEmpty().WithMessage("Profile name is required.")
            .MaximumLength(WeightProfile.NameMaxLength)
            .WithMessage(p => $"Profile name must be at most {WeightProfile.NameMaxLength} characters; it has {p.Name.Length}.");

        RuleFor(p => p.Policy).IsInEnum().WithMessage(p => $"Missing-data policy {(int)p.Policy} is unknown.");

        // One rule per level with a plain member chain, so the property path is "LevelWeights.Reaction" etc.
        RuleFor(p => p.LevelWeights.Reaction).Must(IsNonNegativeNumber)
            .WithMessage(p => LevelWeightMessage(KirkpatrickLevel.Reaction, p.LevelWeights.Reaction))
            .WithErrorCode(WeightProfileErrors.LevelWeightNegative).WithState(p => Args(KirkpatrickLevel.Reaction, p.LevelWeights.Reaction));
        RuleFor(p => p.LevelWeights.Learning).Must(IsNonNegativeNumber)
            .WithMessage(p => LevelWeightMessage(KirkpatrickLevel.Learning, p.LevelWeights.Learning))
            .WithErrorCode(WeightProfileErrors.LevelWeightNegative).WithState(p => Args(KirkpatrickLevel.Learning, p.LevelWeights.Learning));
        RuleFor(p => p.LevelWeights.Behavior).Must(IsNonNegativeNumber)
            .WithMessage(p => LevelWeightMessage(KirkpatrickLevel.Behavior, p.LevelWeights.Behavior))
            .WithErrorCode(WeightProfileErrors.LevelWeightNegative).WithState(p => Args(KirkpatrickLevel.Behavior, p.LevelWeights.Behavior));
        RuleFor(p => p.LevelWeights.Results).Must(IsNonNegativeNumber)
            .WithMessage(p => LevelWeightMessage(KirkpatrickLevel.Results, p.LevelWeights.Results))
            .WithErrorCode(WeightProfileErrors.LevelWeightNegative).WithState(p => Args(KirkpatrickLevel.Results, p.LevelWeights.Results));

        RuleFor(p => p.LevelWeights)
            .Must(w => SumsTo100(w.Sum))
            .WithMessage(p => $"Level weights sum to {Format.Sum(p.LevelWeights.Sum)}, not 100.")
            .WithErrorCode(WeightProfileErrors.LevelWeightsSum).WithState(p => Args(p.LevelWeights.Sum));

        RuleFor(p => p.Indicators).NotNull().WithMessage("The profile needs a list of indicators.");
        RuleForEach(p => p.Indicators)
            .NotNull().WithMessage("The indicator list has an empty entry.")
            .SetValidator(new IndicatorDefinitionValidator());

        RuleFor(p => p.Indicators).Custom((indicators, context) =>
        {
            if (indicators is null)
            {
                return;
            }
            var duplicates = indicators
                .Where(i => !string.IsNullOrEmpty(i?.Code))
                .GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => g.Key);
            foreach (var code in duplicates)
            {
                context.AddFailure(WeightProfileErrors.Failure(nameof(WeightProfile.Indicators), WeightProfileErrors.DuplicateIndicator,
                    $"Indicator code {code} is used more than once; codes must be unique.", code));
            }
        });

        RuleFor(p => p.Indicators).Custom((indicators, context) =>
        {
            if (indicators is null)
            {
                return;
            }
            var profile = context.InstanceToValidate;
            foreach (var level in KirkpatrickLevels.All)
            {
                var sum = IndicatorWeightSum(indicators, level);
                switch (IndicatorSetProblem(profile.LevelWeights[level], sum))
                {
                    case WeightProfileErrors.IndicatorWeightsSumOrZero:
                        context.AddFailure(WeightProfileErrors.Failure(nameof(WeightProfile.Indicators), WeightProfileErrors.IndicatorWeightsSumOrZero,
                            $"Indicator weights of level {level} sum to {Format.Sum(sum)}, not 100 (or 0, as the level's weight is 0).", level, sum));
                        break;
                    case WeightProfileErrors.IndicatorWeightsSum:
                        context.AddFailure(WeightProfileErrors.Failure(nameof(WeightProfile.Indicators), WeightProfileErrors.IndicatorWeightsSum,
                            $"Indicator weights of level {level} sum to {Format.Sum(sum)}, not 100.", level, sum));
                        break;
                }
            }
        });

        RuleFor(p => p.Tiers.A).InclusiveBetween(0, 100)
            .WithMessage(p => $"Threshold of tier A must be between 0 and 100, not {Format.Number(p.Tiers.A)}.")
            .WithErrorCode(WeightProfileErrors.TierThresholdRange).WithState(p => Args(Tier.A, p.Tiers.A));
        RuleFor(p => p.Tiers.B).InclusiveBetween(0, 100)
            .WithMessage(p => $"Threshold of tier B must be between 0 and 100, not {Format.Number(p.Tiers.B)}.")
            .WithErrorCode(WeightProfileErrors.TierThresholdRange).WithState(p => Args(Tier.B, p.Tiers.B));
        RuleFor(p => p.Tiers.C).InclusiveBetween(0, 100)
            .WithMessage(p => $"Threshold of tier C must be between 0 and 100, not {Format.Number(p.Tiers.C)}.")
            .WithErrorCode(WeightProfileErrors.TierThresholdRange).WithState(p => Args(Tier.C, p.Tiers.C));
        RuleFor(p => p.Tiers)
            .Must(t => t.A > t.B && t.B > t.C)
            .WithMessage(p => $"Tier thresholds must be ordered A > B > C; they are A {Format.Number(p.Tiers.A)}, B {Format.Number(p.Tiers.B)}, C {Format.Number(p.Tiers.C)}.")
            .WithErrorCode(WeightProfileErrors.TierOrder).WithState(p => Args(p.Tiers.A, p.Tiers.B, p.Tiers.C));

        RuleFor(p => p.PassMark).InclusiveBetween(0, 100)
            .WithMessage(p => $"Pass mark must be between 0 and 100, not {Format.Number(p.PassMark)}.")
            .WithErrorCode(WeightProfileErrors.PassMarkRange).WithState(p => Args(p.PassMark));
        RuleFor(p => p.ExamPassLine).InclusiveBetween(0, 100)
            .WithMessage(p => $"Exam pass line must be between 0 and 100, not {Format.Number(p.ExamPassLine)}.")
            .WithErrorCode(WeightProfileErrors.ExamPassLineRange).WithState(p => Args(p.ExamPassLine));
        RuleFor(p => p.ApplicationWindowDays).GreaterThanOrEqualTo(0)
            .WithMessage(p => $"Application window must be 0 days or more, not {p.ApplicationWindowDays}.")
            .WithErrorCode(WeightProfileErrors.ApplicationWindowNegative).WithState(p => Args(p.ApplicationWindowDays));
    }

    /// <summary>Sum of the weights of the level's indicators (weight-0 indicators add nothing).</summary>
    public static double IndicatorWeightSum(IEnumerable<IndicatorDefinition> indicators, KirkpatrickLevel level)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        return indicators.Where(i => i is not null && i.Level == level).Sum(i => i.Weight);
    }

    private static string LevelWeightMessage(KirkpatrickLevel level, double weight) =>
        $"Weight of level {level} must be a number ≥ 0, not {Format.Number(weight)}.";

    /// <summary>Spec section 3: a weight set sums to 100 (±<see cref="SumTolerance"/>). The extra 1e-9 keeps a sum written as 99.999 inside despite binary rounding.</summary>
    public static bool SumsTo100(double sum) => Math.Abs(sum - RequiredSum) <= SumTolerance + Thresholds.Tolerance;

    /// <summary>
    /// What is wrong with one level's indicator weights: null when they sum to 100, or when the level is
    /// weighted 0 and its indicators are dropped with it (all 0); otherwise the <see cref="WeightProfileErrors"/> code.
    /// </summary>
    public static string? IndicatorSetProblem(double levelWeight, double indicatorWeightSum)
    {
        if (SumsTo100(indicatorWeightSum))
        {
            return null;
        }
        if (levelWeight == 0)
        {
            return indicatorWeightSum == 0 ? null : WeightProfileErrors.IndicatorWeightsSumOrZero;
        }
        return WeightProfileErrors.IndicatorWeightsSum;
    }

    private static object[] Args(params object[] arguments) => arguments;

    internal static bool IsNonNegativeNumber(double value) => value >= 0 && double.IsFinite(value);
}

/// <summary>One indicator of a profile: code format, weight and the parameters its normalisation uses.</summary>
public sealed partial class IndicatorDefinitionValidator : AbstractValidator<IndicatorDefinition>
{
    public IndicatorDefinitionValidator()
    {
        RuleFor(i => i.Code)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indicator code is required.")
            .MaximumLength(IndicatorDefinition.CodeMaxLength)
            .WithMessage(i => $"Indicator code {i.Code} is longer than {IndicatorDefinition.CodeMaxLength} characters.")
            .Matches(CodePattern())
            .WithMessage(i => $"Indicator code {i.Code} must be lowercase snake_case: a letter, then letters, digits and single underscores (e.g. on_time_rate).");

        RuleFor(i => i.Level).IsInEnum()
            .WithMessage(i => $"Indicator {i.Code} has an unknown level {(int)i.Level}.");
        RuleFor(i => i.Normalization).IsInEnum()
            .WithMessage(i => $"Indicator {i.Code} has an unknown normalisation {(int)i.Normalization}.");

        RuleFor(i => i.Weight)
            .Must(WeightProfileValidator.IsNonNegativeNumber)
            .WithMessage(i => $"Weight of indicator {i.Code} must be a number ≥ 0, not {Format.Number(i.Weight)}.")
            .WithErrorCode(WeightProfileErrors.IndicatorWeightNegative).WithState(i => new object[] { i.Code, i.Weight });

        RuleFor(i => i.Max)
            .Must(max => max > 0 && double.IsFinite(max))
            .When(i => i.Normalization == Normalization.Score)
            .WithMessage(i => $"Max of indicator {i.Code} must be a number greater than 0, not {Format.Number(i.Max)}.")
            .WithErrorCode(WeightProfileErrors.ParameterInvalid).WithState(i => new object[] { i.Code, "max", i.Max });

        RuleFor(i => i.Target)
            .Must(target => target > 0 && double.IsFinite(target))
            .When(i => i.Normalization == Normalization.CountTarget)
            .WithMessage(i => $"Target of indicator {i.Code} must be a number greater than 0, not {Format.Number(i.Target)}.")
            .WithErrorCode(WeightProfileErrors.ParameterInvalid).WithState(i => new object[] { i.Code, "target", i.Target });
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CodePattern();
}
