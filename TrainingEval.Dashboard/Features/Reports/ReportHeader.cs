using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Reports;

internal static class ReportCohorts
{
    /// <summary>The cohort a report is about (same shape as the cohort page's header), or null.</summary>
    public static Task<CohortInfo?> FindAsync(TrainingDbContext db, string code, CancellationToken cancellationToken)
    {
        var trimmed = code.Trim();
        return db.Cohorts.AsNoTracking()
            .Where(c => c.CodeKey == NaturalKey.Of(trimmed))
            .Select(c => new CohortInfo(c.Id, c.Code, c.Name, c.NameEn, c.ProgramId, c.Program!.Code, c.Program.Name, c.Program.NameEn,
                c.StartDate, c.EndDate, c.ClosedAt != null))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
