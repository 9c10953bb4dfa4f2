using TrainingEval.Domain.Indicators;

namespace TrainingEval.Domain.Scoring;

/// <summary>Points of one indicator for one learner: the mean of its observations' points, or null when missing.</summary>
public sealed record IndicatorScore(IndicatorDefinition Indicator, double? Points, int ObservationCount)
{
    public bool IsPresent => Points is not null;
}

/// <summary>One level: score (null when it has none), coverage 0–1 and its indicators.</summary>
public sealed record LevelScore(KirkpatrickLevel Level, double Weight, double? Score, double Coverage, IReadOnlyList<IndicatorScore> Indicators);

/// <summary>
/// Everything the engine says about one learner, with the parts it was computed from so the UI can
/// explain every number.
/// </summary>
public sealed record ScoreCard(
    string LearnerId,
    IReadOnlyList<LevelScore> Levels,
    double? Composite,
    double Coverage,
    Tier? Tier,
    bool? Passed)
{
    /// <summary>A composite with coverage below 1 is provisional and the UI says so.</summary>
    public bool IsProvisional => Provisional.Applies(Composite, Coverage);

    /// <summary>
    /// Whether every present exam part (<c>exam_theory</c>, <c>exam_practical</c>) reaches the profile's
    /// pass line; null when the learner has no exam part.
    /// </summary>
    public bool? ExamPassed { get; init; }

    public LevelScore this[KirkpatrickLevel level] => Levels[(int)level];
}

/// <summary>
/// The allocation-free result of the batch path: one per learner. NaN never appears; a missing score is null.
/// </summary>
public struct LearnerScore
{
    public double? Reaction { get; set; }
    public double? Learning { get; set; }
    public double? Behavior { get; set; }
    public double? Results { get; set; }
    public double ReactionCoverage { get; set; }
    public double LearningCoverage { get; set; }
    public double BehaviorCoverage { get; set; }
    public double ResultsCoverage { get; set; }
    public double? Composite { get; set; }
    public double Coverage { get; set; }
    public Tier? Tier { get; set; }
    public bool? Passed { get; set; }
    /// <summary>See <see cref="ScoreCard.ExamPassed"/>.</summary>
    public bool? ExamPassed { get; set; }

    public readonly bool IsProvisional => Provisional.Applies(Composite, Coverage);

    public readonly double? LevelScore(KirkpatrickLevel level) => level switch
    {
        KirkpatrickLevel.Reaction => Reaction,
        KirkpatrickLevel.Learning => Learning,
        KirkpatrickLevel.Behavior => Behavior,
        KirkpatrickLevel.Results => Results,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public readonly double LevelCoverage(KirkpatrickLevel level) => level switch
    {
        KirkpatrickLevel.Reaction => ReactionCoverage,
        KirkpatrickLevel.Learning => LearningCoverage,
        KirkpatrickLevel.Behavior => BehaviorCoverage,
        KirkpatrickLevel.Results => ResultsCoverage,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}

/// <summary>A raw value the engine refused: names the learner, the indicator, the value and the allowed range.</summary>
public sealed record ObservationError(string LearnerId, string IndicatorCode, RawValueProblem Problem)
{
    /// <summary>E.g. "Learner E1001, indicator satisfaction: value 6 is outside the allowed range 1–5."</summary>
    public string Message => $"Learner {LearnerId}, indicator {IndicatorCode}: {Problem.Describe()}";
}

/// <summary>Thrown when scoring meets a raw value outside its allowed range or an unknown indicator.</summary>
public sealed class ObservationRejectedException(IReadOnlyList<ObservationError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.Message)))
{
    public IReadOnlyList<ObservationError> Errors { get; } = errors;
}
