using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Profiles;

/// <summary>
/// Spec section 3: "a cohort's official scores use the version that was current when the cohort was
/// closed"; an open cohort uses its program's current version. The one place that decides which profile
/// version a cohort uses — scoring, the cohort page, the program history and the import all ask here.
/// </summary>
public static class ProfileResolver
{
    /// <summary>The version a cohort's scores use; null when its program has no profile yet.</summary>
    /// <exception cref="RecordNotFoundException">No such cohort.</exception>
    public static async Task<WeightProfileVersion?> ResolveAsync(TrainingDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new { c.ProgramId, c.ProfileVersionId })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("cohort", cohortId);
        return await ResolveAsync(db, cohort.ProgramId, cohort.ProfileVersionId, cancellationToken);
    }

    /// <summary>The version a cohort with this program and closing record uses; null when the program has no profile yet.</summary>
    public static async Task<WeightProfileVersion?> ResolveAsync(TrainingDbContext db, int programId, int? closedWithVersionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var versions = db.ProfileVersions.AsNoTracking();
        return closedWithVersionId is { } recorded
            ? await versions.FirstAsync(v => v.Id == recorded, cancellationToken)
            : await CurrentAsync(db, programId, cancellationToken);
    }

    /// <summary>The program's current (newest) version; null when it has none yet.</summary>
    public static Task<WeightProfileVersion?> CurrentAsync(TrainingDbContext db, int programId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ProfileVersions.AsNoTracking().Where(v => v.ProgramId == programId)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The version number a cohort's scores use, from facts a page already holds.</summary>
    public static int VersionNumberOf(int? closedWithVersion, int programCurrentVersion) => closedWithVersion ?? programCurrentVersion;
}
