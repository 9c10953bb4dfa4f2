using System.Collections.Concurrent;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Scoring;

/// <summary>The cohort facts the collectors need: which cohort, and the days it runs.</summary>
public readonly record struct CohortWindow(int CohortId, DateOnly StartDate, DateOnly EndDate);

/// <summary>One scored table: a result per learner (table order) and, by employee number, why a learner was rejected.</summary>
public sealed record ScoredTable(ObservationTable Table, LearnerScore[] Scores, IReadOnlyDictionary<string, string> Problems)
{
    /// <summary>The learner's rejection in the engine's words (naming the learner, indicator, value and range), or null.</summary>
    public string? ProblemOf(int learner) => Problems.GetValueOrDefault(Table.LearnerIds[learner]);
}

/// <summary>
/// The one path from records to scores: the records of a cohort's learners → their observations
/// (<see cref="ObservationCollector"/>) → an <see cref="ObservationTable"/> → the Domain's
/// <see cref="ScoringEngine"/>. The stored scores (<see cref="CohortScoreService"/>), the what-if drafts of
/// the cohort and program pages and the program history all go through here, so a draft scored with
/// the stored profile gives exactly the stored scores.
/// <para>
/// Learners are keyed by employee number in the table, so a rejected raw value names the learner
/// the way every message does (spec section 9, "Messages name the learner").
/// </para>
/// </summary>
public sealed class ScorePipeline(ObservationCollector collector, TimeProvider clock)
{
    /// <summary>The pipeline with the built-in collectors, for use without dependency injection (tests, benchmarks).</summary>
    public static ScorePipeline CreateDefault(TimeProvider clock) => new(ObservationCollector.CreateDefault(), clock);

    // Profile versions are immutable, so an engine built for one is valid forever.
    private readonly ConcurrentDictionary<int, ScoringEngine> _engines = new();

    /// <summary>The engine of a stored profile version (built once per version).</summary>
    /// <exception cref="DataValidationException">The stored profile breaks a rule of spec section 3.</exception>
    public ScoringEngine EngineFor(WeightProfileVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _engines.GetOrAdd(version.Id, _ => EngineFor(version.ToDomain()));
    }

    /// <summary>An engine for a profile that is not stored (a draft).</summary>
    /// <exception cref="DataValidationException">The profile breaks a rule of spec section 3.</exception>
    public static ScoringEngine EngineFor(WeightProfile profile)
    {
        try
        {
            return new ScoringEngine(profile);
        }
        catch (InvalidWeightProfileException ex)
        {
            throw new DataValidationException(ex.Errors);
        }
    }

    /// <summary>
    /// The observations of <paramref name="enrollments"/> (rows in their order) for the engine's indicators.
    /// <paramref name="isPartial"/> says the enrollments are a subset of the cohort, so queries filter by them.
    /// </summary>
    public async Task<ObservationTable> CollectAsync(TrainingDbContext db, CohortWindow cohort, ScoringEngine engine,
        IReadOnlyList<ScoredEnrollment> enrollments, bool isPartial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(enrollments);
        var scope = new CollectionScope
        {
            CohortId = cohort.CohortId,
            StartDate = cohort.StartDate,
            EndDate = cohort.EndDate,
            Profile = engine.Profile,
            AsOf = clock.GetUtcNow().UtcDateTime,
            Enrollments = enrollments,
            IsPartial = isPartial,
        };
        var sink = await collector.CollectAsync(db, scope, cancellationToken);
        var builder = new ObservationTableBuilder(engine);
        foreach (var enrollment in enrollments)
        {
            builder.StartLearner(enrollment.EmployeeNumber);
            foreach (var o in sink.For(enrollment.EnrollmentId))
                builder.Add(o.IndicatorCode, o.Raw.Value, o.Raw.Baseline, o.Raw.Target);
        }
        return builder.Build();
    }

    /// <summary>Scores every learner of the table; a learner whose raw values the engine rejects keeps a default result and a problem.</summary>
    public static ScoredTable Score(ScoringEngine engine, ObservationTable table)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(table);
        var scores = new LearnerScore[table.LearnerCount];
        var errors = engine.ScoreBatch(table, scores);
        var problems = errors.Count == 0
            ? (IReadOnlyDictionary<string, string>)new Dictionary<string, string>()
            : errors.GroupBy(e => e.LearnerId).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));
        return new ScoredTable(table, scores, problems);
    }

    /// <summary>Scores a table and ranks the learners (spec section 4: ties within the tolerance share the lowest rank).</summary>
    public static (ScoredTable Scored, int?[] Ranks) ScoreAndRank(ScoringEngine engine, ObservationTable table)
    {
        var scored = Score(engine, table);
        var ranks = new int?[scored.Scores.Length];
        CohortRanking.Rank(scored.Scores, ranks);
        return (scored, ranks);
    }
}
