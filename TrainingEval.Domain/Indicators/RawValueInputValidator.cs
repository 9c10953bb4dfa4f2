using FluentValidation;

namespace TrainingEval.Domain.Indicators;

/// <summary>A raw value being entered for one indicator, e.g. in a form; null parts are not entered yet.</summary>
public sealed class RawValueInput
{
    public required IndicatorDefinition Indicator { get; set; }

    public double? Value { get; set; }

    /// <summary>Pre value of <c>gain</c> and <c>rating_change</c>, baseline of <c>target_achievement</c>.</summary>
    public double? Baseline { get; set; }

    /// <summary>Target of <c>target_achievement</c>.</summary>
    public double? Target { get; set; }

    public RawValue ToRawValue() => new(Value ?? double.NaN, Baseline, Target);
}

/// <summary>
/// One raw value for a form: value, baseline and target are checked independently (each field shows
/// its own message, one property at a time) with exactly the ranges the engine uses (spec section 2).
/// Parameterless, so assembly scanning can register it.
/// </summary>
public sealed class RawValueInputValidator : AbstractValidator<RawValueInput>
{
    public RawValueInputValidator()
    {
        RuleFor(i => i.Indicator).NotNull().WithMessage("Choose an indicator.");

        RuleFor(i => i.Value).Custom((_, context) =>
            Report(context, (spec, input) => spec.ValueFault(input.Value ?? double.NaN), reportBadIndicator: true));
        RuleFor(i => i.Baseline).Custom((_, context) =>
            Report(context, (spec, input) => spec.BaselineFault(input.Baseline ?? double.NaN), reportBadIndicator: false));
        RuleFor(i => i.Target).Custom((_, context) =>
            Report(context, (spec, input) => spec.TargetFault(input.Baseline ?? double.NaN, input.Target ?? double.NaN), reportBadIndicator: false));
    }

    private static void Report(ValidationContext<RawValueInput> context, Func<NormalizationSpec, RawValueInput, RawValueFault> check, bool reportBadIndicator)
    {
        var input = context.InstanceToValidate;
        if (input.Indicator is null)
        {
            return;
        }
        if (NormalizationSpec.ParameterProblem(input.Indicator) is { } parameterProblem)
        {
            // An indicator whose own parameters are invalid is reported once, on the value.
            if (reportBadIndicator)
            {
                context.AddFailure(parameterProblem);
            }
            return;
        }
        var spec = NormalizationSpec.Of(input.Indicator);
        var problem = Normalizer.Describe(spec, check(spec, input), input.Value ?? double.NaN, input.Baseline ?? double.NaN, input.Target ?? double.NaN);
        if (problem is not null)
        {
            var text = problem.Describe();
            context.AddFailure(char.ToUpperInvariant(text[0]) + text[1..]);
        }
    }
}
