using FluentValidation;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Programs.Manage;

/// <summary>What the program form edits; written as a row of the programs import (<see cref="ProgramManagement"/>).</summary>
public sealed class ProgramInput
{
    /// <summary>The longest tracking window a profile may state (days after a cohort ends in which application events count).</summary>
    public const int MaxTrackingDays = 730;

    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Category { get; set; }
    public string? Description { get; set; }

    /// <summary>The weight profile's application window in days (spec section 2, default 60).</summary>
    public int TrackingDays { get; set; } = Domain.Profiles.WeightProfile.Default.ApplicationWindowDays;
}

/// <summary>The form's field rules; limits are the entities' own. The rules between records (a code in use) are the import's.</summary>
public sealed class ProgramInputValidator : AbstractValidator<ProgramInput>
{
    public ProgramInputValidator(Microsoft.Extensions.Localization.IStringLocalizer<ProgramInput> text)
    {
        RuleFor(p => p.Code).NotEmpty().WithMessage(_ => text["CodeRequired"]).MaximumLength(TrainingProgram.CodeMaxLength).WithMessage(_ => text["TooLong", TrainingProgram.CodeMaxLength]);
        RuleFor(p => p.Name).NotEmpty().WithMessage(_ => text["NameRequired"]).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["TooLong", Bilingual.NameMaxLength]);
        RuleFor(p => p.NameEn).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["TooLong", Bilingual.NameMaxLength]);
        RuleFor(p => p.Category).MaximumLength(TrainingProgram.CategoryMaxLength).WithMessage(_ => text["TooLong", TrainingProgram.CategoryMaxLength]);
        RuleFor(p => p.Description).MaximumLength(Bilingual.TextMaxLength).WithMessage(_ => text["TooLong", Bilingual.TextMaxLength]);
        RuleFor(p => p.TrackingDays).InclusiveBetween(0, ProgramInput.MaxTrackingDays).WithMessage(_ => text["TrackingDaysRange", ProgramInput.MaxTrackingDays]);
    }
}
