using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Programs.Manage;

/// <summary>One KPI of a program as its form edits it; written as a row of the kpis import (<see cref="ProgramKpiCosts"/>).</summary>
public sealed class ProgramKpiInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public KpiDirection Direction { get; set; } = KpiDirection.HigherIsBetter;

    /// <summary>Money value of one unit of improvement, in the organisation's currency.</summary>
    public decimal ValuePerUnit { get; set; }
}

/// <summary>One cost item of a program (or of one of its cohorts); written as a row of the cost_items import.</summary>
public sealed class ProgramCostInput
{
    /// <summary>The cohort it belongs to; null: the program as a whole.</summary>
    public string? CohortCode { get; set; }
    public CostCategory Category { get; set; } = CostCategory.Trainer;
    public string Description { get; set; } = "";

    /// <summary>In the organisation's currency.</summary>
    public decimal Amount { get; set; }
    public DateTime? IncurredOn { get; set; }
}

/// <summary>The KPI form's field rules; limits are the entity's own. The rules between records are the import's.</summary>
public sealed class ProgramKpiInputValidator : AbstractValidator<ProgramKpiInput>
{
    public ProgramKpiInputValidator(IStringLocalizer<ProgramKpiInput> text)
    {
        RuleFor(k => k.Code).NotEmpty().WithMessage(_ => text["CodeRequired"]).MaximumLength(Kpi.CodeMaxLength).WithMessage(_ => text["TooLong", Kpi.CodeMaxLength]);
        RuleFor(k => k.Name).NotEmpty().WithMessage(_ => text["NameRequired"]).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["TooLong", Bilingual.NameMaxLength]);
        RuleFor(k => k.Unit).NotEmpty().WithMessage(_ => text["UnitRequired"]).MaximumLength(Kpi.UnitMaxLength).WithMessage(_ => text["TooLong", Kpi.UnitMaxLength]);
        RuleFor(k => k.ValuePerUnit).GreaterThanOrEqualTo(0).WithMessage(_ => text["NotNegative"]);
    }
}

/// <summary>The cost form's field rules.</summary>
public sealed class ProgramCostInputValidator : AbstractValidator<ProgramCostInput>
{
    public ProgramCostInputValidator(IStringLocalizer<ProgramKpiInput> text)
    {
        RuleFor(c => c.Description).NotEmpty().WithMessage(_ => text["DescriptionRequired"]).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["TooLong", Bilingual.NameMaxLength]);
        RuleFor(c => c.Amount).GreaterThanOrEqualTo(0).WithMessage(_ => text["NotNegative"]);
        RuleFor(c => c.IncurredOn).NotNull().WithMessage(_ => text["DateRequired"]);
    }
}
