using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Dashboard.Features.Scoring.Playground;

/// <summary>
/// One indicator's raw value against the allowed range of its normalisation (spec section 2: values
/// outside are rejected, never clamped) and its weight. An empty value is allowed: it means missing.
/// </summary>
public sealed class IndicatorInputValidator : AbstractValidator<IndicatorInput>
{
    public IndicatorInputValidator(IStringLocalizer<ScoringMessages> text)
    {
        RuleFor(i => i.Value).Custom((_, context) => AddProblem(context, RawValuePart.Value, text));
        RuleFor(i => i.Baseline).Custom((_, context) => AddProblem(context, RawValuePart.Baseline, text));
        RuleFor(i => i.Target).Custom((_, context) => AddProblem(context, RawValuePart.Target, text));
        RuleFor(i => i.Weight)
            .Must((input, _) => !input.Unreadable.Contains(nameof(IndicatorInput.Weight))).WithMessage(_ => text["NotANumber"])
            .NotNull().WithMessage(_ => text["Weight_Required"])
            .GreaterThanOrEqualTo(0).WithMessage(_ => text["Weight_Negative"]);
    }

    private static void AddProblem(ValidationContext<IndicatorInput> context, RawValuePart part, IStringLocalizer<ScoringMessages> text)
    {
        var input = context.InstanceToValidate;
        if (input.Unreadable.Contains(part.ToString()))
        {
            context.AddFailure(text["NotANumber"]);
            return;
        }
        if (input.Raw is not { } raw)
            return; // no value: the indicator is missing, whatever its pre value or target says
        if (part == RawValuePart.Target && input.Normalization.NeedsTarget()
            && raw.Target is { } target && raw.Baseline is { } baseline && target.Equals(baseline))
        {
            context.AddFailure(text["Target_EqualsBaseline"]);
            return;
        }
        var problem = Normalizer.Check(input.Definition, raw);
        if (problem is null || problem.Part != part)
            return;
        context.AddFailure(problem.IsMissing
            ? text[$"Missing_{part}_{input.Normalization}", problem.AllowedRange]
            : text["OutOfRange", problem.AllowedRange, Format(problem.Value!.Value)]);
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.CurrentCulture);
}

/// <summary>Each level weight is entered and non-negative.</summary>
public sealed class LevelWeightsInputValidator : AbstractValidator<LevelWeightsInput>
{
    public LevelWeightsInputValidator(IStringLocalizer<ScoringMessages> text)
    {
        Weight(RuleFor(w => w.Reaction), KirkpatrickLevel.Reaction, text);
        Weight(RuleFor(w => w.Learning), KirkpatrickLevel.Learning, text);
        Weight(RuleFor(w => w.Behavior), KirkpatrickLevel.Behavior, text);
        Weight(RuleFor(w => w.Results), KirkpatrickLevel.Results, text);
    }

    private static void Weight(IRuleBuilder<LevelWeightsInput, double?> rule, KirkpatrickLevel level, IStringLocalizer<ScoringMessages> text) =>
        rule.Must((weights, _) => !weights.Unreadable.Contains(level.ToString())).WithMessage(_ => text["NotANumber"])
            .NotNull().WithMessage(_ => text["Weight_Required"])
            .GreaterThanOrEqualTo(0).WithMessage(_ => text["Weight_Negative"]);
}

/// <summary>
/// The whole playground: every field, plus spec section 3 — level weights, and the indicator weights
/// inside each level, each sum to 100. Set failures carry the property names
/// <see cref="LevelWeightsSet"/> and <see cref="IndicatorWeightsSet"/> so the editors can show them.
/// </summary>
public sealed class PlaygroundInputValidator : AbstractValidator<PlaygroundInput>
{
    public const string LevelWeightsSet = "LevelWeights.Sum";

    public static string IndicatorWeightsSet(KirkpatrickLevel level) => $"IndicatorWeights.{level}.Sum";

    public PlaygroundInputValidator(
        IValidator<IndicatorInput> indicatorValidator,
        IValidator<LevelWeightsInput> levelWeightsValidator,
        IStringLocalizer<ScoringMessages> text,
        IStringLocalizer<EvaluationStrings> vocabulary)
    {
        RuleFor(p => p.LevelWeights).SetValidator(levelWeightsValidator);
        RuleForEach(p => p.Indicators).SetValidator(indicatorValidator);
        RuleFor(p => p).Custom((input, context) =>
        {
            var levelSum = input.LevelWeights.Sum;
            if (!WeightProfileValidator.SumsTo100(levelSum))
                context.AddFailure(LevelWeightsSet, text["LevelWeights_Sum", FormatSum(levelSum)]);
            foreach (var level in KirkpatrickLevels.All)
            {
                var sum = input.InLevel(level).Sum(i => i.Weight ?? 0);
                // The domain's rule (a level weighted 0 may drop all its indicators too); only the wording is the playground's.
                if (WeightProfileValidator.IndicatorSetProblem(input.LevelWeights[level] ?? 0, sum) is not null)
                    context.AddFailure(IndicatorWeightsSet(level), text["IndicatorWeights_Sum", vocabulary.LevelName(level), FormatSum(sum)]);
            }
        });
    }


    private static string FormatSum(double sum) => sum.ToString("0.###", CultureInfo.CurrentCulture);
}
