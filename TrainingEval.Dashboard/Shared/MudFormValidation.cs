using FluentValidation;

namespace TrainingEval.Dashboard.Shared;

/// <summary>
/// Bridges a FluentValidation validator to MudBlazor: give the result to a <c>MudForm</c>'s
/// <c>Validation</c> together with its <c>Model</c>, and <c>For=</c> on each field; MudBlazor then
/// validates one property at a time and shows that property's messages on its field.
/// </summary>
public static class MudFormValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var context = ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName));
            var result = await validator.ValidateAsync(context);
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage).ToArray();
        };
}
