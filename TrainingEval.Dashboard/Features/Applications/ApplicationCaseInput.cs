using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Applications;

/// <summary>
/// An application case as the learner's form edits it: the cohort (the learner's enrollment in it), the day, what was
/// applied and what came of it. <see cref="OccurredOn"/> is the text of the browser's own date input (<c>yyyy-MM-dd</c>),
/// so phones show their native date picker (as the sessions form does).
/// </summary>
public sealed class ApplicationCaseInput
{
    public int? EnrollmentId { get; set; }
    public string? OccurredOn { get; set; }
    public string? Description { get; set; }
    public string? Result { get; set; }

    public DateOnly? Day => DateOnly.TryParseExact(OccurredOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// What a case needs before the service looks at the data: a cohort, a day, a description within
/// <see cref="Bilingual.TextMaxLength"/> and a result within it. The rules that need the cohort and today (not in the
/// future, not before the cohort's start) are <see cref="ApplicationCaseService"/>'s.
/// </summary>
public sealed class ApplicationCaseInputValidator : AbstractValidator<ApplicationCaseInput>
{
    public ApplicationCaseInputValidator(IStringLocalizer<ApplicationStrings> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RuleFor(c => c.EnrollmentId).NotNull().WithMessage(_ => text["Val_CohortRequired"]);
        RuleFor(c => c.OccurredOn).Must((c, _) => c.Day is not null).WithMessage(_ => text["Val_DateRequired"]);
        RuleFor(c => c.Description).Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage(_ => text["Val_DescriptionRequired"])
            .Must(d => d is null || d.Trim().Length <= Bilingual.TextMaxLength)
            .WithMessage((_, d) => text["Val_DescriptionTooLong", Bilingual.TextMaxLength, d!.Trim().Length]);
        RuleFor(c => c.Result).Must(r => r is null || r.Trim().Length <= Bilingual.TextMaxLength)
            .WithMessage((_, r) => text["Val_ResultTooLong", Bilingual.TextMaxLength, r!.Trim().Length]);
    }
}
