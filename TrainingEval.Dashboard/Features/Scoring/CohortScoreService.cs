using System.Collections.Concurrent;
using System.Globalization;
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
    ObservationCollector collector,
    TimeProvider clock,
    IScoreChangeNotifier? notifier = null)
{
    // Profile versions are immutable, so an engine built for one is valid forever.
    private readonly ConcurrentDictionary<int, ScoringEngine> _engines = new();

    /// <summary>Recomputes and stores every scored learner of the cohort.</summary>
    public async Task<ScoreRecomputation> RecomputeCohortAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (cohort, version, engine) = await LoadAsync(db, cohortId, cancellationToken);
        var enrollments = await ScoredEnrollments(db, cohortId, null, cancellationToken);
        var scope = Scope(cohort, engine.Profile, enrollments, isPartial: false);
        var sink = await collector.CollectAsync(db, scope, cancellationToken);
        var records = Score(engine, version, cohort.Id, enrollments, sink, out var rejected);
        Rank(records);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LearnerScores.Where(s => s.CohortId == cohortId).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, records, withKeys: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(cohortId);
        return new ScoreRecomputation(cohortId, version.Version, records.Count, rejected, watch.Elapsed);
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
        var scope = Scope(cohort, engine.Profile, enrollments, isPartial: true);
        var sink = await collector.CollectAsync(db, scope, cancellationToken);
        var records = Score(engine, version, cohort.Id, enrollments, sink, out var rejected);

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
        return new ScoreRecomputation(cohortId, version.Version, records.Count, rejected, watch.Elapsed);
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

    /// <summary>One learner's full breakdown (every indicator's points and observation count) for explaining a score; nothing is stored.</summary>
    public async Task<ScoreCard> ExplainAsync(int enrollmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohortId = await db.Enrollments.Where(e => e.Id == enrollmentId).Select(e => (int?)e.CohortId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("enrollment", enrollmentId);
        var (cohort, _, engine) = await LoadAsync(db, cohortId, cancellationToken);
        var enrollments = await ScoredEnrollments(db, cohortId, [enrollmentId], cancellationToken, includeWithdrawn: true);
        var sink = await collector.CollectAsync(db, Scope(cohort, engine.Profile, enrollments, isPartial: true), cancellationToken);
        return engine.Score(enrollmentId.ToString(CultureInfo.InvariantCulture), sink.For(enrollmentId));
    }

    /// <summary>
    /// What-if: scores the cohort with a draft profile and returns the results in enrollment order
    /// without storing anything (a draft never changes stored scores).
    /// </summary>
    public async Task<IReadOnlyList<(int EnrollmentId, LearnerScore Score)>> PreviewAsync(int cohortId, WeightProfile draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ScoringEngine engine;
        try
        {
            engine = new ScoringEngine(draft);
        }
        catch (InvalidWeightProfileException ex)
        {
            throw new DataValidationException(ex.Errors);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken)
            ?? throw new RecordNotFoundException("cohort", cohortId);
        var enrollments = await ScoredEnrollments(db, cohortId, null, cancellationToken);
        var sink = await collector.CollectAsync(db, Scope(cohort, draft, enrollments, isPartial: false), cancellationToken);
        var table = BuildTable(engine, enrollments, sink);
        var scores = new LearnerScore[enrollments.Count];
        engine.ScoreBatch(table, scores);
        return enrollments.Select((e, i) => (e.EnrollmentId, scores[i])).ToList();
    }

    private async Task<(Cohort Cohort, WeightProfileVersion Version, ScoringEngine Engine)> LoadAsync(TrainingDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken)
            ?? throw new RecordNotFoundException("cohort", cohortId);
        var versionQuery = db.ProfileVersions.AsNoTracking();
        var version = cohort.ProfileVersionId is { } recorded
            ? await versionQuery.FirstAsync(v => v.Id == recorded, cancellationToken)
            : await versionQuery.Where(v => v.ProgramId == cohort.ProgramId).OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken)
              ?? throw new DataValidationException($"The program of cohort {cohort.Code} has no weight profile yet; save one before scoring.");
        var engine = _engines.GetOrAdd(version.Id, _ =>
        {
            try
            {
                return new ScoringEngine(version.ToDomain());
            }
            catch (InvalidWeightProfileException ex)
            {
                throw new DataValidationException(ex.Errors);
            }
        });
        return (cohort, version, engine);
    }

    private static async Task<List<ScoredEnrollment>> ScoredEnrollments(TrainingDbContext db, int cohortId, int[]? ids, CancellationToken cancellationToken, bool includeWithdrawn = false)
    {
        var query = db.Enrollments.Where(e => e.CohortId == cohortId);
        if (!includeWithdrawn)
            query = query.Where(e => e.Status != EnrollmentStatus.Withdrawn);
        if (ids is not null)
            query = query.Where(e => ids.Contains(e.Id));
        return await query.OrderBy(e => e.Id)
            .Select(e => new ScoredEnrollment(e.Id, e.LearnerId, e.Learner!.DepartmentId))
            .ToListAsync(cancellationToken);
    }

    private CollectionScope Scope(Cohort cohort, WeightProfile profile, List<ScoredEnrollment> enrollments, bool isPartial) => new()
    {
        CohortId = cohort.Id,
        StartDate = cohort.StartDate,
        EndDate = cohort.EndDate,
        Profile = profile,
        AsOf = clock.GetUtcNow().UtcDateTime,
        Enrollments = enrollments,
        IsPartial = isPartial,
    };

    private static ObservationTable BuildTable(ScoringEngine engine, List<ScoredEnrollment> enrollments, ObservationSink sink)
    {
        var builder = new ObservationTableBuilder(engine);
        foreach (var e in enrollments)
        {
            builder.StartLearner(e.EnrollmentId.ToString(CultureInfo.InvariantCulture));
            foreach (var o in sink.For(e.EnrollmentId))
                builder.Add(o.IndicatorCode, o.Raw.Value, o.Raw.Baseline, o.Raw.Target);
        }
        return builder.Build();
    }

    private List<LearnerScoreRecord> Score(ScoringEngine engine, WeightProfileVersion version, int cohortId, List<ScoredEnrollment> enrollments, ObservationSink sink, out int rejected)
    {
        var table = BuildTable(engine, enrollments, sink);
        var scores = new LearnerScore[enrollments.Count];
        var errors = engine.ScoreBatch(table, scores);
        var problems = errors.GroupBy(e => e.LearnerId).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));
        rejected = problems.Count;
        var now = clock.GetUtcNow().UtcDateTime;
        var records = new List<LearnerScoreRecord>(enrollments.Count);
        for (var i = 0; i < enrollments.Count; i++)
        {
            var s = scores[i];
            var problem = problems.GetValueOrDefault(table.LearnerIds[i]);
            records.Add(new LearnerScoreRecord
            {
                CohortId = cohortId,
                EnrollmentId = enrollments[i].EnrollmentId,
                LearnerId = enrollments[i].LearnerId,
                Reaction = s.Reaction,
                Learning = s.Learning,
                Behavior = s.Behavior,
                Results = s.Results,
                ReactionCoverage = s.ReactionCoverage,
                LearningCoverage = s.LearningCoverage,
                BehaviorCoverage = s.BehaviorCoverage,
                ResultsCoverage = s.ResultsCoverage,
                Composite = s.Composite,
                Coverage = s.Coverage,
                Tier = s.Tier,
                Passed = s.Passed,
                ProfileVersionId = version.Id,
                ProfileVersionNumber = version.Version,
                ComputedAt = now,
                Problem = problem is null ? null : problem[..Math.Min(problem.Length, LearnerScoreRecord.ProblemMaxLength)],
            });
        }
        return records;
    }

    private static void Rank(List<LearnerScoreRecord> records)
    {
        var ranks = new int?[records.Count];
        CohortRanking.Rank(records.Select(r => r.Composite).ToArray(), ranks);
        for (var i = 0; i < records.Count; i++)
            records[i].Rank = ranks[i];
    }
}
