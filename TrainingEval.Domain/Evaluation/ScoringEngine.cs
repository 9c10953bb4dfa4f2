namespace TrainingEval.Domain.Evaluation;

/// <summary>
/// Scores learners with one validated weight profile (spec section 4). Construct once per profile and
/// reuse: construction validates the profile and precomputes the lookups the batch path needs.
/// Thread-safe.
/// </summary>
public sealed class ScoringEngine
{
    /// <exception cref="InvalidWeightProfileException">The profile breaks a rule of spec section 3.</exception>
    public ScoringEngine(WeightProfile profile) => throw new NotImplementedException();

    public WeightProfile Profile => throw new NotImplementedException();

    /// <summary>Index of an indicator in <see cref="WeightProfile.Indicators"/>, for <see cref="ObservationTable"/>; -1 when unknown.</summary>
    public int IndicatorIndex(string code) => throw new NotImplementedException();

    /// <summary>Scores one learner with the full breakdown.</summary>
    /// <exception cref="ObservationRejectedException">A value is outside its range or names an unknown indicator; all such values are listed.</exception>
    public ScoreCard Score(string learnerId, IEnumerable<Observation> observations) => throw new NotImplementedException();

    /// <summary>
    /// Scores every learner of <paramref name="table"/> into <paramref name="results"/> (one per learner,
    /// same order). No heap allocation per learner. Rejected values are collected into the returned
    /// list (empty when all were allowed) and those learners' results are left default.
    /// </summary>
    public IReadOnlyList<ObservationError> ScoreBatch(ObservationTable table, Span<LearnerScore> results) => throw new NotImplementedException();

    /// <summary>Tier of a composite at the given coverage (insufficient below 0.5).</summary>
    public Tier TierOf(double composite, double coverage) => throw new NotImplementedException();
}

/// <summary>Thrown for a profile that breaks spec section 3; carries the validator's messages.</summary>
public sealed class InvalidWeightProfileException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
