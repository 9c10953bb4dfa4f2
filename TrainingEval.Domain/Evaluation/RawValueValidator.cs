using FluentValidation;
using FluentValidation.Results;

namespace TrainingEval.Domain.Evaluation;

/// <summary>
/// One raw value of one indicator, for a form: value, baseline and target are checked independently
/// (each field shows its own message) with exactly the ranges the engine uses (spec section 2).
/// </summary>
public sealed class RawValueValidator : AbstractValidator<RawValue>
{
    /// <exception cref="ArgumentException">The indicator's own parameters are invalid.</exception>
    public RawValueValidator(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var spec = NormalizationSpec.Of(indicator);

        RuleFor(r => r.Value).Custom((value, context) =>
            Report(context, spec, spec.ValueFault(value), context.InstanceToValidate));
        RuleFor(r => r.Baseline).Custom((baseline, context) =>
            Report(context, spec, spec.BaselineFault(baseline ?? double.NaN), context.InstanceToValidate));
        RuleFor(r => r.Target).Custom((target, context) =>
            Report(context, spec, spec.TargetFault(context.InstanceToValidate.Baseline ?? double.NaN, target ?? double.NaN), context.InstanceToValidate));
    }

    private static void Report(ValidationContext<RawValue> context, in NormalizationSpec spec, RawValueFault fault, RawValue raw)
    {
        var problem = Normalizer.Describe(spec, fault, raw.Value, raw.Baseline ?? double.NaN, raw.Target ?? double.NaN);
        if (problem is not null)
        {
            var text = problem.Describe();
            context.AddFailure(new ValidationFailure(context.PropertyPath, char.ToUpperInvariant(text[0]) + text[1..]));
        }
    }
}
