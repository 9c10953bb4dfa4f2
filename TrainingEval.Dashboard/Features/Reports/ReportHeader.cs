using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Comparisons;

namespace TrainingEval.Dashboard.Features.Reports;

internal static class ReportCohorts
{
    /// <summary>The cohort a report is about (same shape as the cohort page's header), with its status on <paramref name="today"/>, or null.</summary>
    public static Task<CohortInfo?> FindAsync(TrainingDbContext db, string code, DateOnly today, CancellationToken cancellationToken) =>
        CohortInfos.FindAsync(db.Cohorts.AsNoTracking(), code, today, cancellationToken);
}
