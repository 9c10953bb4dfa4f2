using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Scoring;

/// <summary>
/// The cohorts whose stored scores or health snapshots lag behind their records (issue 19 item 8: a kill between an
/// import's commit and its rescore used to leave old scores, and sending the file again answered "unchanged" without
/// rescoring). One rule, three places that use it:
/// <list type="bullet">
/// <item>a write <see cref="MarkAsync">marks</see> the cohorts in its own unit of work, so the mark commits with the records
/// or not at all;</item>
/// <item>whoever recomputes a whole cohort (<see cref="CohortScoreService.RecomputeCohortAsync"/>, the health index's
/// cohort run) clears the mark of the generation it read before it started — a mark made while it ran stays;</item>
/// <item>start-up and every import recompute what is still marked (<see cref="ListAsync"/>).</item>
/// </list>
/// </summary>
public static class PendingRecomputes
{
    /// <summary>Marks the cohorts in <paramref name="db"/>'s change tracker: the caller's save writes the marks with its records.</summary>
    public static async Task MarkAsync(TrainingDbContext db, IReadOnlyCollection<int> scores, IReadOnlyCollection<int>? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scores);
        health ??= [];
        var ids = scores.Union(health).ToList();
        if (ids.Count == 0)
            return;
        var existing = await db.PendingRecomputes.Where(p => ids.Contains(p.CohortId)).ToDictionaryAsync(p => p.CohortId, cancellationToken);
        foreach (var id in ids)
        {
            if (!existing.TryGetValue(id, out var pending))
                db.PendingRecomputes.Add(pending = new PendingRecompute { CohortId = id });
            pending.Scores |= scores.Contains(id);
            pending.Health |= health.Contains(id);
            pending.Generation++;
        }
    }

    /// <summary>The generation of each marked cohort among <paramref name="cohortIds"/>, read before a recompute starts.</summary>
    public static Task<Dictionary<int, int>> GenerationsAsync(TrainingDbContext db, IReadOnlyCollection<int> cohortIds, CancellationToken cancellationToken) =>
        db.PendingRecomputes.AsNoTracking().Where(p => cohortIds.Contains(p.CohortId)).ToDictionaryAsync(p => p.CohortId, p => p.Generation, cancellationToken);

    /// <summary>The cohort's scores are recomputed from what the generation read before the recompute.</summary>
    public static async Task ScoresDoneAsync(TrainingDbContext db, IReadOnlyDictionary<int, int> generations, CancellationToken cancellationToken)
    {
        foreach (var (cohortId, generation) in generations)
        {
            await db.PendingRecomputes.Where(p => p.CohortId == cohortId && p.Generation == generation)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Scores, false), cancellationToken);
        }
        await DeleteSettledAsync(db, cancellationToken);
    }

    /// <summary>The cohorts' health snapshots are computed from what the generations read before the run.</summary>
    public static async Task HealthDoneAsync(TrainingDbContext db, IReadOnlyDictionary<int, int> generations, CancellationToken cancellationToken)
    {
        foreach (var (cohortId, generation) in generations)
        {
            await db.PendingRecomputes.Where(p => p.CohortId == cohortId && p.Generation == generation)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Health, false), cancellationToken);
        }
        await DeleteSettledAsync(db, cancellationToken);
    }

    /// <summary>What is still marked: the cohorts to rescore and those whose health index to compute again.</summary>
    public static async Task<(IReadOnlyList<int> Scores, IReadOnlyList<int> Health)> ListAsync(TrainingDbContext db, CancellationToken cancellationToken)
    {
        var pending = await db.PendingRecomputes.AsNoTracking().OrderBy(p => p.CohortId).ToListAsync(cancellationToken);
        return ([.. pending.Where(p => p.Scores).Select(p => p.CohortId)], [.. pending.Where(p => p.Health).Select(p => p.CohortId)]);
    }

    private static Task<int> DeleteSettledAsync(TrainingDbContext db, CancellationToken cancellationToken) =>
        db.PendingRecomputes.Where(p => !p.Scores && !p.Health).ExecuteDeleteAsync(cancellationToken);
}
