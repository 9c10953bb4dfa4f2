using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;

namespace TrainingEval.Dashboard.Features.Reports;

/// <summary>A cohort offered on the reports index, with its status today.</summary>
public sealed record ReportCohortOption(string Code, string Name, string? NameEn, string ProgramCode, string ProgramName, string? ProgramNameEn,
    DateOnly StartDate, DateOnly EndDate, CohortStatus Status) : IBilingualName
{
    public string ProgramDisplayName(System.Globalization.CultureInfo? culture = null) => Bilingual.Pick(ProgramName, ProgramNameEn, culture);
}

/// <summary>What the reports index offers, and the cohort lookup every cohort report starts from. Reports are for HR, admins and executives.</summary>
public sealed class ReportIndexQueries(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReportCohortOption>> CohortsAsync(CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Readers, "reports");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Cohorts.AsNoTracking()
            .Select(c => new { c.Code, c.Name, c.NameEn, ProgramCode = c.Program!.Code, ProgramName = c.Program.Name, ProgramNameEn = c.Program.NameEn, c.StartDate, c.EndDate, IsClosed = c.ClosedAt != null })
            .ToListAsync(cancellationToken);
        var today = StoredScores.Today(clock);
        return [.. rows
            .Select(c => new ReportCohortOption(c.Code, c.Name, c.NameEn, c.ProgramCode, c.ProgramName, c.ProgramNameEn, c.StartDate, c.EndDate,
                CohortStatuses.Of(c.StartDate, c.EndDate, c.IsClosed, today)))
            .OrderBy(c => c.ProgramCode, StringComparer.Ordinal).ThenByDescending(c => c.StartDate)];
    }

    public async Task<CohortInfo?> FindCohortAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        await access.EnsureInRoleAsync(Roles.Readers, "reports");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohort = await ReportCohorts.FindAsync(db, code, StoredScores.Today(clock), cancellationToken);
        if (cohort is not null)
            await access.EnsureCanReadCohortAsync(cohort.Id, cancellationToken);
        return cohort;
    }
}
