using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Cohorts.Manage;

/// <summary>One assessment of a cohort as its form edits it; written as one row of the assessments import per part (<see cref="CohortPlan"/>).</summary>
public sealed class CohortAssessmentInput
{
    public string Code { get; set; } = "";
    public AssessmentKind Kind { get; set; } = AssessmentKind.PostTest;

    /// <summary>The name as the organisation writes it (the import's title).</summary>
    public string Name { get; set; } = "";

    /// <summary>The English name (the import's title_en); empty keeps the stored one.</summary>
    public string? NameEn { get; set; }
    public DateTime? HeldOn { get; set; }

    /// <summary>Maximum of the theory part (or of the only part).</summary>
    public double MaxScore { get; set; } = Assessment.DefaultMaxScore;

    /// <summary>The assessment has a practical part too, with <see cref="PracticalMaxScore"/> as its maximum.</summary>
    public bool HasPractical { get; set; }
    public double PracticalMaxScore { get; set; } = Assessment.DefaultMaxScore;

    /// <summary>Points out of 100, for each part.</summary>
    public double PassLine { get; set; } = Assessment.DefaultPassLine;
    public AssessmentDifficulty Difficulty { get; set; } = AssessmentDifficulty.Intermediate;
}

/// <summary>One survey of a cohort as its form edits it; written as a row of the surveys import.</summary>
public sealed class CohortSurveyInput
{
    public const int DefaultItems = 5;

    public string Code { get; set; } = "";
    public SurveyKind Kind { get; set; } = SurveyKind.Reaction;
    public string Name { get; set; } = "";

    /// <summary>The English name (the import's title_en); empty keeps the stored one.</summary>
    public string? NameEn { get; set; }
    public DateTime? OpenedOn { get; set; }
    public int Items { get; set; } = DefaultItems;
}

/// <summary>The assessment form's field rules; limits are the entity's own. Whether the date fits the cohort is the import's rule.</summary>
public sealed class CohortAssessmentInputValidator : AbstractValidator<CohortAssessmentInput>
{
    public CohortAssessmentInputValidator(IStringLocalizer<CohortAssessmentInput> text)
    {
        RuleFor(a => a.Code).NotEmpty().WithMessage(_ => text["CodeRequired"]).MaximumLength(Assessment.CodeMaxLength).WithMessage(_ => text["TooLong", Assessment.CodeMaxLength]);
        RuleFor(a => a.Name).NotEmpty().WithMessage(_ => text["NameRequired"]).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["TooLong", Bilingual.NameMaxLength]);
        RuleFor(a => a.NameEn).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["TooLong", Bilingual.NameMaxLength]);
        RuleFor(a => a.HeldOn).NotNull().WithMessage(_ => text["HeldOnRequired"]);
        RuleFor(a => a.MaxScore).GreaterThan(0).WithMessage(_ => text["AboveZero"]);
        RuleFor(a => a.PracticalMaxScore).GreaterThan(0).When(a => a.HasPractical).WithMessage(_ => text["AboveZero"]);
        RuleFor(a => a.PassLine).InclusiveBetween(0, Assessment.MaxPassLine).WithMessage(_ => text["PassLineRange", Assessment.MaxPassLine]);
    }
}

/// <summary>The survey form's field rules.</summary>
public sealed class CohortSurveyInputValidator : AbstractValidator<CohortSurveyInput>
{
    public CohortSurveyInputValidator(IStringLocalizer<CohortAssessmentInput> text)
    {
        RuleFor(s => s.Code).NotEmpty().WithMessage(_ => text["CodeRequired"]).MaximumLength(SatisfactionSurvey.CodeMaxLength).WithMessage(_ => text["TooLong", SatisfactionSurvey.CodeMaxLength]);
        RuleFor(s => s.Name).NotEmpty().WithMessage(_ => text["NameRequired"]).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["TooLong", Bilingual.NameMaxLength]);
        RuleFor(s => s.NameEn).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["TooLong", Bilingual.NameMaxLength]);
        RuleFor(s => s.OpenedOn).NotNull().WithMessage(_ => text["OpenedOnRequired"]);
        RuleFor(s => s.Items).InclusiveBetween(1, SatisfactionSurvey.MaxItems).WithMessage(_ => text["ItemsRange", SatisfactionSurvey.MaxItems]);
    }
}
