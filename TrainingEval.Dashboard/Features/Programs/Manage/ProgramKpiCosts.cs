using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;
using static TrainingEval.Dashboard.Features.Import.ImportSchema;

namespace TrainingEval.Dashboard.Features.Programs.Manage;

/// <summary>A KPI of a program as the edit page lists it, with how many measurements its cohorts have.</summary>
public sealed record KpiRow(int Id, string Code, string Name, string Unit, KpiDirection Direction, decimal ValuePerUnit, int Measurements);

/// <summary>A cost item of a program as the edit page lists it; <see cref="CohortCode"/> null: the program as a whole.</summary>
public sealed record CostRow(int Id, string? CohortCode, CostCategory Category, string Description, decimal Amount, DateOnly IncurredOn);

/// <summary>
/// A program's KPIs and cost items, for HR on the program edit page. Adding and editing are rows of the kpis and cost_items
/// imports (<see cref="ImportService.WriteRowsAsync"/>): the import's checks (money in the organisation's currency, a cohort
/// of this program), messages and audit are the only rules. Adding a KPI adds one: its code must be new in the program
/// (an import would update the KPI that has it). A cost item's key is everything but its amount (the import's), so editing
/// one changes its amount; another description or date is another item. The import never deletes: removing is this
/// service's own, audited (both entities are <see cref="IAudited"/>), and a KPI with measurements is kept — they would lose
/// what they measure. ROI reads KPIs and costs live, so nothing is rescored.
/// </summary>
public sealed class ProgramKpiCosts(ImportService import, IDbContextFactory<TrainingDbContext> factory, IRecordAccess access)
{
    public const string Source = "program form";

    public async Task<IReadOnlyList<KpiRow>> ListKpisAsync(string programCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"program {programCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(programCode);
        return await db.Kpis.AsNoTracking().Where(k => k.Program!.CodeKey == key).OrderBy(k => k.CodeKey)
            .Select(k => new KpiRow(k.Id, k.Code, k.Name, k.Unit, k.Direction, k.ValuePerUnit, db.KpiMeasurements.Count(m => m.KpiId == k.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CostRow>> ListCostsAsync(string programCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"program {programCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(programCode);
        var rows = await db.CostItems.AsNoTracking().Where(c => c.Program!.CodeKey == key)
            .Select(c => new CostRow(c.Id, c.Cohort != null ? c.Cohort.Code : null, c.Category, c.Description, c.Amount, c.IncurredOn))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.IncurredOn).ThenBy(r => r.CohortCode, StringComparer.Ordinal).ThenBy(r => r.Description, StringComparer.Ordinal)];
    }

    /// <summary>The program's cohorts (codes), for the cost form's choice.</summary>
    public async Task<IReadOnlyList<string>> CohortCodesAsync(string programCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"program {programCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(programCode);
        return await db.Cohorts.AsNoTracking().Where(c => c.Program!.CodeKey == key).OrderBy(c => c.StartDate).Select(c => c.Code).ToListAsync(cancellationToken);
    }

    /// <summary>Adds (<paramref name="adding"/>: the code must be new in the program) or updates the KPI with this code.</summary>
    public async Task<IReadOnlyList<ImportError>> SaveKpiAsync(string programCode, ProgramKpiInput input, bool adding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = new Dictionary<string, string?>
        {
            [ProgramCode] = programCode, [KpiCode] = input.Code.Trim(), [Name] = input.Name, [Unit] = input.Unit,
            [Direction] = KpiDirections.CodeOf(input.Direction), [ValuePerUnit] = input.ValuePerUnit.ToString(CultureInfo.InvariantCulture),
        };
        var result = await import.WriteRowsAsync(ImportKind.Kpis, [row], Source, adding ? (db, ct) => RefuseExistingKpiAsync(db, programCode, input.Code.Trim(), ct) : null, cancellationToken);
        return result.Errors;
    }

    /// <summary>Adds a cost item, or sets the amount of the one with the same cohort, category, description and date.</summary>
    public async Task<IReadOnlyList<ImportError>> SaveCostAsync(string programCode, ProgramCostInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = new Dictionary<string, string?>
        {
            [ProgramCode] = programCode, [CohortCode] = input.CohortCode, [Category] = CostCategories.CodeOf(input.Category), [Description] = input.Description,
            [Amount] = input.Amount.ToString(CultureInfo.InvariantCulture), [IncurredOn] = input.IncurredOn is { } on ? Cell.Of(DateOnly.FromDateTime(on)) : null,
        };
        var result = await import.WriteRowsAsync(ImportKind.CostItems, [row], Source, cancellationToken: cancellationToken);
        return result.Errors;
    }

    /// <summary>Removes the KPI unless a cohort has measured it (refused, naming how many measurements).</summary>
    public async Task<IReadOnlyList<ImportError>> RemoveKpiAsync(string programCode, string kpiCode, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"program {programCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (programKey, kpiKey) = (NaturalKey.Of(programCode), NaturalKey.Of(kpiCode));
        var kpi = await db.Kpis.FirstOrDefaultAsync(k => k.Program!.CodeKey == programKey && k.CodeKey == kpiKey, cancellationToken);
        if (kpi is null)
            return [new ImportError(2, KpiCode, kpiCode, ImportMessages.KpiGone, [kpiCode, programCode])];
        var measurements = await db.KpiMeasurements.CountAsync(m => m.KpiId == kpi.Id, cancellationToken);
        if (measurements > 0)
            return [new ImportError(2, KpiCode, kpi.Code, ImportMessages.KpiHasMeasurements, [kpi.Code, kpi.Name, Cell.Of(measurements)])];
        db.Kpis.Remove(kpi);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Removes the cost item (ROI reads costs live).</summary>
    public async Task<IReadOnlyList<ImportError>> RemoveCostAsync(string programCode, int costItemId, string description, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Staff, $"program {programCode}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = NaturalKey.Of(programCode);
        var item = await db.CostItems.FirstOrDefaultAsync(c => c.Id == costItemId && c.Program!.CodeKey == key, cancellationToken);
        if (item is null)
            return [new ImportError(2, Description, description, ImportMessages.CostItemGone, [description, programCode])];
        db.CostItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private static async Task<IReadOnlyList<ImportError>> RefuseExistingKpiAsync(TrainingDbContext db, string programCode, string kpiCode, CancellationToken cancellationToken)
    {
        var (programKey, kpiKey) = (NaturalKey.Of(programCode), NaturalKey.Of(kpiCode));
        var existing = await db.Kpis.Where(k => k.Program!.CodeKey == programKey && k.CodeKey == kpiKey).Select(k => new { k.Code, Program = k.Program!.Code }).FirstOrDefaultAsync(cancellationToken);
        return existing is null ? [] : [new ImportError(2, KpiCode, kpiCode, ImportMessages.KpiExists, [existing.Program, existing.Code])];
    }
}
