using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Programs;

/// <summary>One cohort's raw observations, learners in enrollment order, ready for <see cref="ScoringEngine.ScoreBatch"/>, and its status.</summary>
public sealed record CohortObservations(string CohortCode, DateOnly StartDate, CohortStatus Status, ObservationTable Table);

/// <summary>
/// What-if on the program page: every run rescored with a draft profile from observations loaded once
/// (<see cref="ProgramQueries.LoadObservationsAsync"/>); only <see cref="ScoringEngine.ScoreBatch"/> and
/// the aggregation run per slider move, nothing is stored. Every run then uses the draft, so no run is
/// marked as a profile change.
/// </summary>
public static class ProgramDraftScoring
{
    public static ProgramHistory Score(ScoringEngine engine, IReadOnlyList<CohortObservations> cohorts)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(cohorts);
        var runs = new CohortRun[cohorts.Count];
        for (var i = 0; i < cohorts.Count; i++)
        {
            var cohort = cohorts[i];
            var scores = new LearnerScore[cohort.Table.LearnerCount];
            // Raw values were validated when the stored scores were computed; a learner the engine
            // rejects keeps a default result (no composite), as the stored score records it.
            engine.ScoreBatch(cohort.Table, scores);
            runs[i] = new CohortRun(cohort.CohortCode, cohort.StartDate, cohort.Status, null, scores);
        }
        return ProgramHistory.Build(runs);
    }
}
