using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Roi;

namespace TrainingEval.Dashboard.Features.Reports;

/// <summary>The editable assumptions of one KPI, as the ROI form edits them.</summary>
public sealed class RoiAssumptionInput
{
    public double Attribution { get; set; }
    public double Confidence { get; set; }
    public decimal ValuePerUnit { get; set; }
    public int PeriodMonths { get; set; }
    public string? Note { get; set; }

    /// <summary>The stored row's revision the edit started from; null when the KPI still uses the defaults.</summary>
    public int? Revision { get; set; }
}

/// <summary>The ROI form's rules, with messages in the reader's language (the form shows them field by field).</summary>
public sealed class RoiAssumptionInputValidator : AbstractValidator<RoiAssumptionInput>
{
    public RoiAssumptionInputValidator(IStringLocalizer<ReportStrings> text)
    {
        RuleFor(a => a.Attribution).InclusiveBetween(0, 1).WithMessage((_, v) => text["Roi_Valid_Attribution", v]);
        RuleFor(a => a.Confidence).InclusiveBetween(0, 1).WithMessage((_, v) => text["Roi_Valid_Confidence", v]);
        RuleFor(a => a.ValuePerUnit).GreaterThanOrEqualTo(0).WithMessage((_, v) => text["Roi_Valid_ValuePerUnit", v]);
        RuleFor(a => a.PeriodMonths).InclusiveBetween(1, RoiAssumption.MaxPeriodMonths)
            .WithMessage((_, v) => text["Roi_Valid_Period", RoiAssumption.MaxPeriodMonths, v]);
        RuleFor(a => a.Note).MaximumLength(RoiAssumption.NoteMaxLength)
            .WithMessage(_ => text["Roi_Valid_NoteLength", RoiAssumption.NoteMaxLength]);
    }
}

/// <summary>One KPI line of the ROI report: measured improvement and the assumptions applied to it.</summary>
public sealed record RoiKpiLine(
    int KpiId,
    string Code,
    string Name,
    string? NameEn,
    string Unit,
    string? UnitEn,
    KpiDirection Direction,
    int MeasuredUnits,
    bool TeamLevel,
    double Improvement,
    RoiAssumptionInput Assumption,
    bool IsDefaultAssumption,
    DateTime? UpdatedAt,
    string? UpdatedBy) : IBilingualName;

public sealed record RoiCostLine(CostCategory Category, string Description, string? DescriptionEn, decimal Amount, bool SharedByProgram);

/// <summary>A cohort's ROI; every amount is in <see cref="Currency"/>, the organisation's (ISO 4217, <c>TrainingEval:Currency</c>).</summary>
public sealed record RoiReport(CohortInfo Cohort, IReadOnlyList<RoiKpiLine> Kpis, IReadOnlyList<RoiCostLine> Costs, RoiCalculation Calculation, string Currency);

/// <summary>
/// The ROI report (培训投资回报, spec section 8) of one cohort, and HR's edits of its assumptions.
/// Improvement of a KPI = Σ over its measured learners (or teams) of actual − baseline, signed so that better is
/// positive. Costs = the cohort's own cost items plus an equal share of the program's items not tied to a cohort.
/// </summary>
public sealed class RoiReportService(
    IDbContextFactory<TrainingDbContext> factory,
    IRecordAccess access,
    IValidator<RoiAssumptionInput> validator,
    TimeProvider clock,
    IOptions<TrainingEvalOptions> options)
{
    public async Task<RoiReport> LoadAsync(CohortInfo cohort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        await access.EnsureInRoleAsync(Roles.Readers, "reports");
        await access.EnsureCanReadCohortAsync(cohort.Id, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var kpis = await db.Kpis.AsNoTracking().Where(k => k.ProgramId == cohort.ProgramId).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        var measurements = await db.KpiMeasurements.AsNoTracking()
            .Where(m => m.CohortId == cohort.Id && m.Actual != null)
            .Select(m => new { m.KpiId, m.DepartmentId, m.Baseline, Actual = m.Actual!.Value })
            .ToListAsync(cancellationToken);
        var assumptions = await db.RoiAssumptions.AsNoTracking().Where(a => a.CohortId == cohort.Id).ToDictionaryAsync(a => a.KpiId, cancellationToken);

        var lines = kpis.ConvertAll(k =>
        {
            var mine = measurements.Where(m => m.KpiId == k.Id).ToList();
            var sign = k.Direction == KpiDirection.HigherIsBetter ? 1 : -1;
            var stored = assumptions.GetValueOrDefault(k.Id);
            var input = stored is null
                ? new RoiAssumptionInput
                {
                    Attribution = RoiAssumption.Defaults.Attribution,
                    Confidence = RoiAssumption.Defaults.Confidence,
                    ValuePerUnit = k.ValuePerUnit,
                    PeriodMonths = RoiAssumption.Defaults.PeriodMonths,
                }
                : new RoiAssumptionInput
                {
                    Attribution = stored.Attribution,
                    Confidence = stored.Confidence,
                    ValuePerUnit = stored.ValuePerUnit,
                    PeriodMonths = stored.PeriodMonths,
                    Note = stored.Note,
                    Revision = stored.Revision,
                };
            return new RoiKpiLine(k.Id, k.Code, k.Name, k.NameEn, k.Unit, k.UnitEn, k.Direction, mine.Count,
                mine.Count > 0 && mine.All(m => m.DepartmentId is not null),
                sign * mine.Sum(m => m.Actual - m.Baseline), input, stored is null, stored?.UpdatedAt, stored?.UpdatedBy);
        });

        var costItems = await db.CostItems.AsNoTracking()
            .Where(c => c.ProgramId == cohort.ProgramId && (c.CohortId == cohort.Id || c.CohortId == null))
            .ToListAsync(cancellationToken);
        var cohortCount = Math.Max(1, await db.Cohorts.CountAsync(c => c.ProgramId == cohort.ProgramId, cancellationToken));
        var costs = costItems
            .OrderBy(c => c.Category).ThenBy(c => c.Id)
            .Select(c => c.CohortId is null
                ? new RoiCostLine(c.Category, c.Description, c.DescriptionEn, decimal.Round(c.Amount / cohortCount, 2), true)
                : new RoiCostLine(c.Category, c.Description, c.DescriptionEn, c.Amount, false))
            .ToList();

        var calculation = RoiCalculation.Of(
            lines.ConvertAll(l => new KpiBenefitInput(l.Code, l.Improvement, l.Assumption.ValuePerUnit, l.Assumption.PeriodMonths, l.Assumption.Attribution, l.Assumption.Confidence)),
            costs.ConvertAll(c => new CostInput(c.Category.ToString(), c.Amount)));
        return new RoiReport(cohort, lines, costs, calculation, options.Value.Currency);
    }

    /// <summary>
    /// Stores the assumptions of one KPI for the cohort (HR and admins only). A stale <see cref="RoiAssumptionInput.Revision"/>
    /// — someone saved in between — is refused with <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public async Task SaveAssumptionAsync(int cohortId, int kpiId, RoiAssumptionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await access.EnsureInRoleAsync(Roles.Staff, "ROI assumptions");
        await access.EnsureCanReadCohortAsync(cohortId, cancellationToken);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
            throw new DataValidationException(validation.Errors.ConvertAll(e => e.ErrorMessage));

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var programId = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => (int?)c.ProgramId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DataValidationException($"Cohort {cohortId} does not exist.");
        if (!await db.Kpis.AnyAsync(k => k.Id == kpiId && k.ProgramId == programId, cancellationToken))
            throw new DataValidationException($"KPI {kpiId} is not a KPI of the cohort's program.");

        var row = await db.RoiAssumptions.FirstOrDefaultAsync(a => a.CohortId == cohortId && a.KpiId == kpiId, cancellationToken);
        if (row is null)
        {
            if (input.Revision is not null)
                throw new ConcurrencyConflictException("These assumptions were reset since you opened them; reload the report.");
            row = new RoiAssumption { CohortId = cohortId, KpiId = kpiId, UpdatedBy = user.Name };
            db.RoiAssumptions.Add(row);
        }
        else
        {
            if (input.Revision != row.Revision)
                throw new ConcurrencyConflictException($"Someone ({row.UpdatedBy}) changed these assumptions since you opened them; reload the report.");
            db.Entry(row).Property(r => r.Revision).OriginalValue = input.Revision.Value;
        }
        row.Attribution = input.Attribution;
        row.Confidence = input.Confidence;
        row.ValuePerUnit = input.ValuePerUnit;
        row.PeriodMonths = input.PeriodMonths;
        row.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        row.UpdatedBy = user.Name;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // A save racing ours fails on the revision token; TrainingDbContext turns that into ConcurrencyConflictException.
        await db.SaveChangesAsync(cancellationToken);
    }
}
