namespace TrainingEval.Domain.Evaluation;

/// <summary>
/// Columnar observations of many learners for <see cref="ScoringEngine.ScoreBatch"/>: learner
/// <c>i</c>'s observations are rows <c>LearnerStart[i]</c> up to <c>LearnerStart[i + 1]</c>. Columnar
/// arrays keep the hot path free of per-learner allocations.
/// </summary>
public sealed class ObservationTable
{
    /// <summary>Learner ids, in result order (used in error messages).</summary>
    public required IReadOnlyList<string> LearnerIds { get; init; }

    /// <summary>Length <c>LearnerIds.Count + 1</c>.</summary>
    public required int[] LearnerStart { get; init; }

    /// <summary>Index into the profile's indicators (<see cref="ScoringEngine.IndicatorIndex"/>).</summary>
    public required int[] Indicator { get; init; }

    public required double[] Value { get; init; }

    /// <summary>NaN where absent.</summary>
    public required double[] Baseline { get; init; }

    /// <summary>NaN where absent.</summary>
    public required double[] Target { get; init; }

    public int LearnerCount => LearnerIds.Count;

    public int RowCount => Indicator.Length;
}

/// <summary>Builds an <see cref="ObservationTable"/> learner by learner.</summary>
public sealed class ObservationTableBuilder(ScoringEngine engine)
{
    private readonly ScoringEngine _engine = engine;

    /// <summary>Starts the next learner; observations added after belong to them.</summary>
    public void StartLearner(string learnerId) => throw new NotImplementedException();

    /// <exception cref="ArgumentException">Unknown indicator code.</exception>
    public void Add(string indicatorCode, double value, double? baseline = null, double? target = null) => throw new NotImplementedException();

    public ObservationTable Build() => throw new NotImplementedException();
}

/// <summary>Cohort ranks: by composite, highest first; ties share the lowest rank (1, 2, 2, 4); no composite, no rank.</summary>
public static class CohortRanking
{
    public static void Rank(ReadOnlySpan<double?> composites, Span<int?> ranks) => throw new NotImplementedException();
}
