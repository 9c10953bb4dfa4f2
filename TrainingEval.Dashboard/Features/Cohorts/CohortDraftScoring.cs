using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>
/// Scores a cohort with a what-if profile from observations loaded once: only
/// <see cref="ScoringEngine.ScoreBatch"/> and ranking run per slider move, nothing is stored.
/// </summary>
public static class CohortDraftScoring
{
    /// <param name="table">The cohort's observations, learner rows in the order of <paramref name="learners"/>.</param>
    /// <exception cref="ArgumentException">The table and the learners do not match.</exception>
    public static CohortScoreSet Score(ScoringEngine engine, ObservationTable table, IReadOnlyList<CohortLearner> learners)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(learners);
        if (table.LearnerCount != learners.Count)
            throw new ArgumentException($"The observation table has {table.LearnerCount} learners; the cohort has {learners.Count}.", nameof(table));
        var scores = new LearnerScore[learners.Count];
        // Raw values were validated when the stored scores were computed; a learner the engine rejects
        // keeps a default result (no composite), exactly as the stored score records them.
        engine.ScoreBatch(table, scores);
        var ranks = new int?[learners.Count];
        CohortRanking.Rank(scores, ranks);
        return new CohortScoreSet
        {
            Learners = learners,
            Scores = scores,
            Ranks = ranks,
            Weights = engine.Profile.LevelWeights,
            ProfileVersion = null,
        };
    }
}
