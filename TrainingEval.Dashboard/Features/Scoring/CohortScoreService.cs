using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Scoring;

/// <summary>What a recomputation did.</summary>
public sealed record ScoreRecomputation(int CohortId, int ProfileVersion, int LearnersScored, int LearnersRejected, TimeSpan Elapsed);

/// <summary>
/// Computes learners' scores in a cohort with the Domain <see cref="ScoringEngine"/> and stores them in
/// <see cref="TrainingDbContext.LearnerScores"/> so pages read them without recomputing.
/// <list type="bullet">
/// <item>An open cohort is scored with its program's current profile version; a closed one with the
/// version recorded when it closed.</item>
/// <item>Only what a change touches is recomputed: <see cref="RecomputeLearnersAsync"/> re-collects
/// just the given learners and re-ranks the cohort from the stored composites;
/// <see cref="RecomputeOpenCohortsAsync"/> (after a profile change) leaves closed cohorts alone.</item>
/// <item>Each save is one transaction: a failure leaves the previous scores in place.</item>
/// <item>Learners whose raw values the engine rejects keep a row with no score and the engine's message
/// in <see cref="LearnerScoreRecord.Problem"/>.</item>
/// <item>After each save, <see cref="IScoreChangeNotifier"/> tells every open page showing the cohort.</item>
/// </list>
/// </summary>
public sealed class CohortScoreService(
    IDbContextFactory<TrainingDbContext> factory,
    ScorePipeline pipeline,
    TimeProvider clock,
    IScoreChangeNotifier? notifier = null)
{
    /// <summary>Recomputes and stores every scored learner of the cohort.</summary>
    public async Task<ScoreRecomputation> RecomputeCohortAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Read before the records: a write marking the cohort while this runs keeps its mark (PendingRecomputes).
        var marked = await PendingRecomputes.GenerationsAsync(db, [cohortId], cancellationToken);
        var (cohort, version, engine) = await LoadAsync(db, cohortId, cancellationToken);
        var enrollments = await ScoredEnrollments(db, cohortId, null, cancellationToken);
        var table = await pipeline.CollectAsync(db, cohort, engine, enrollments, isPartial: false, cancellationToken);
        var (scored, ranks) = ScorePipeline.ScoreAndRank(engine, table);
        var records = Records(scored, version, cohortId, enrollments);
        for (var i = 0; i < records.Count; i++)
            records[i].Rank = ranks[i];

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LearnerScores.Where(s => s.CohortId == cohortId).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, records, withKeys: false, cancellationToken);
        await PendingRecomputes.ScoresDoneAsync(db, marked, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(cohortId);
        return new ScoreRecomputation(cohortId, version.Version, records.Count, scored.Problems.Count, watch.Elapsed);
    }

    /// <summary>
    /// Recomputes the given learners (e.g. after a new rating or an imported value) and re-ranks the
    /// cohort. Enrollments that are withdrawn or not in the cohort lose their stored score.
    /// </summary>
    public async Task<ScoreRecomputation> RecomputeLearnersAsync(int cohortId, IReadOnlyCollection<int> enrollmentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrollmentIds);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (cohort, version, engine) = await LoadAsync(db, cohortId, cancellationToken);
        var ids = enrollmentIds.Distinct().ToArray();
        var enrollments = await ScoredEnrollments(db, cohortId, ids, cancellationToken);
        var table = await pipeline.CollectAsync(db, cohort, engine, enrollments, isPartial: true, cancellationToken);
        var scored = ScorePipeline.Score(engine, table);
        var records = Records(scored, version, cohortId, enrollments);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LearnerScores.Where(s => s.CohortId == cohortId && ids.Contains(s.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, records, withKeys: false, cancellationToken);

        // Ranks depend on everyone's composite: re-rank from the stored composites and update only the ranks that moved.
        var stored = await db.LearnerScores.AsNoTracking().Where(s => s.CohortId == cohortId).OrderBy(s => s.EnrollmentId)
            .Select(s => new { s.Id, s.Composite, s.Rank }).ToListAsync(cancellationToken);
        var ranks = new int?[stored.Count];
        CohortRanking.Rank(stored.Select(s => s.Composite).ToArray(), ranks);
        for (var i = 0; i < stored.Count; i++)
        {
            if (stored[i].Rank == ranks[i])
                continue;
            var row = db.LearnerScores.Attach(new LearnerScoreRecord { Id = stored[i].Id, Rank = stored[i].Rank });
            row.Entity.Rank = ranks[i];
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Ranks of others may have moved, so the whole cohort changed, not only the recomputed learners.
        await PublishAsync(cohortId);
        return new ScoreRecomputation(cohortId, version.Version, records.Count, scored.Problems.Count, watch.Elapsed);
    }

    private Task PublishAsync(int cohortId) =>
        notifier?.PublishAsync(new CohortScoresChanged(cohortId)) ?? Task.CompletedTask;

    /// <summary>After a change to a program's profile: recomputes its open cohorts (closed ones keep their recorded version).</summary>
    public async Task<IReadOnlyList<ScoreRecomputation>> RecomputeOpenCohortsAsync(int programId, CancellationToken cancellationToken = default)
    {
        List<int> cohortIds;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            cohortIds = await db.Cohorts.Where(c => c.ProgramId == programId && c.ClosedAt == null).OrderBy(c => c.StartDate).Select(c => c.Id).ToListAsync(cancellationToken);
        var results = new List<ScoreRecomputation>();
        foreach (var id in cohortIds)
            results.Add(await RecomputeCohortAsync(id, cancellationToken));
        return results;
    }

    /// <summary>Recomputes every cohort (start-up after seeding, or after a bulk import).</summary>
    public async Task<IReadOnlyList<ScoreRecomputation>> RecomputeAllAsync(CancellationToken cancellationToken = default)
    {
        List<int> cohortIds;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            cohortIds = await db.Cohorts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var results = new List<ScoreRecomputation>();
        foreach (var id in cohortIds)
            results.Add(await RecomputeCohortAsync(id, cancellationToken));
        return results;
    }

    private async Task<(CohortWindow Cohort, WeightProfileVersion Version, ScoringEngine Engine)> LoadAsync(TrainingDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new { c.Code, c.ProgramId, c.ProfileVersionId, Window = new CohortWindow(c.Id, c.StartDate, c.EndDate) })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("cohort", cohortId);
        var version = await ProfileResolver.ResolveAsync(db, cohort.ProgramId, cohort.ProfileVersionId, cancellationToken)
            ?? throw new DataValidationException($"The program of cohort {cohort.Code} has no weight profile yet; save one before scoring.");
        return (cohort.Window, version, pipeline.EngineFor(version));
    }

    /// <summary>The enrollments a cohort scores (not withdrawn), by enrollment id; only <paramref name="ids"/> when given.</summary>
    internal static async Task<List<ScoredEnrollment>> ScoredEnrollments(TrainingDbContext db, int cohortId, int[]? ids, CancellationToken cancellationToken)
    {
        var query = db.Enrollments.Where(e => e.CohortId == cohortId && e.Status != EnrollmentStatus.Withdrawn);
        if (ids is not null)
            query = query.Where(e => ids.Contains(e.Id));
        return await query.OrderBy(e => e.Id)
            .Select(e => new ScoredEnrollment(e.Id, e.LearnerId, e.Learner!.DepartmentId, e.Learner.EmployeeNumber))
            .ToListAsync(cancellationToken);
    }

    private List<LearnerScoreRecord> Records(ScoredTable scored, WeightProfileVersion version, int cohortId, List<ScoredEnrollment> enrollments)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var records = new List<LearnerScoreRecord>(enrollments.Count);
        for (var i = 0; i < enrollments.Count; i++)
            records.Add(LearnerScoreRecord.From(scored.Scores[i], cohortId, enrollments[i].EnrollmentId, enrollments[i].LearnerId, version, now, scored.ProblemOf(i)));
        return records;
    }
}
