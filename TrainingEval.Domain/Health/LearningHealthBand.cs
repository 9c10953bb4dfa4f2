using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Health;

/// <summary>
/// Band of the learning health index (spec section 5): healthy ≥ 75, watch 60–75, at risk &lt; 60 (the thresholds are
/// <see cref="LearningHealthBands"/>). The one band type of the app: snapshots store it as its number (0, 1, 2).
/// </summary>
public enum LearningHealthBand
{
    Healthy,
    Watch,
    AtRisk,
}

/// <summary>The learning health index bands; the thresholds are defined here once and read by the band chips, charts, sparklines and their labels.</summary>
public static class LearningHealthBands
{
    /// <summary>An index at or above this is healthy.</summary>
    public const double HealthyFrom = 75;

    /// <summary>An index at or above this (and below <see cref="HealthyFrom"/>) is on watch; below it is at risk.</summary>
    public const double WatchFrom = 60;

    public const double IndexMin = 0;
    public const double IndexMax = 100;

    /// <summary>
    /// The band of an index; 75 is healthy and 60 is watch (lower bounds are inclusive). Like the tiers, a bound is
    /// reached at most <see cref="Thresholds.Tolerance"/> below it, so an index that is 75 on paper is
    /// never on watch as 74.99999999999999.
    /// </summary>
    public static LearningHealthBand Classify(double index)
    {
        if (!double.IsFinite(index) || index < IndexMin || index > IndexMax)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A learning health index lies in [{IndexMin}, {IndexMax}].");
        return Thresholds.Reaches(index, HealthyFrom) ? LearningHealthBand.Healthy
            : Thresholds.Reaches(index, WatchFrom) ? LearningHealthBand.Watch
            : LearningHealthBand.AtRisk;
    }
}
