using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Plans;

namespace TrainingEval.Dashboard.Features.Cohorts.Manage;

/// <summary>What the cohort form edits; written as a row of the cohorts import (<see cref="CohortManagement"/>).</summary>
public sealed class CohortInput
{
    public string Code { get; set; } = "";
    public string ProgramCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? EndDate { get; set; }

    /// <summary>False: the default plan (the kinds that have records, spec section 9); true: exactly <see cref="Tracked"/>.</summary>
    public bool ExplicitPlan { get; set; }
    public HashSet<RecordKind> Tracked { get; set; } = [];

    /// <summary>Employee numbers of the cohort's mentors; the first is the lead.</summary>
    public List<string> Mentors { get; set; } = [];

    /// <summary>The <c>tracks</c> cell of the cohorts import for this plan.</summary>
    public string TracksCell => !ExplicitPlan ? "default" : Tracked.Count == 0 ? "none" : new EvaluationPlan(Tracked, IsExplicit: true).Format();

    /// <summary>The <c>mentors</c> cell of the cohorts import.</summary>
    public string MentorsCell => Mentors.Count == 0 ? "none" : string.Join(';', Mentors);
}

/// <summary>The form's field rules; limits are the entities' own. Rules between fields and records (dates in order, a code in use) are the import's.</summary>
public sealed class CohortInputValidator : AbstractValidator<CohortInput>
{
    public CohortInputValidator(IStringLocalizer<CohortInput> text)
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage(_ => text["CodeRequired"]).MaximumLength(Cohort.CodeMaxLength).WithMessage(_ => text["TooLong", Cohort.CodeMaxLength]);
        RuleFor(c => c.ProgramCode).NotEmpty().WithMessage(_ => text["ProgramRequired"]);
        RuleFor(c => c.Name).NotEmpty().WithMessage(_ => text["NameRequired"]).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["TooLong", Bilingual.NameMaxLength]);
        RuleFor(c => c.NameEn).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["TooLong", Bilingual.NameMaxLength]);
        RuleFor(c => c.StartDate).NotNull().WithMessage(_ => text["StartRequired"]);
        RuleFor(c => c.EndDate).NotNull().WithMessage(_ => text["EndRequired"]);
    }
}
