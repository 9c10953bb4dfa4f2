using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Health;

/// <summary>The four alert types of spec section 5; the one alert type of the app, stored as its number (0–3).</summary>
public enum AlertType
{
    LhiDrop,
    AtRisk,
    CompetencyDrop,
    ScoreDrop,
}

/// <summary>
/// An alert a rule raised: its type, what triggered it and the coaching suggestion's code. The detail is
/// numbers and codes only (e.g. <c>78.5 → 61</c>, <c>initiative: 4 → 2</c>, <c>Quiz 3: 80 → 62</c>), so it reads the same in every UI language.
/// </summary>
public sealed record RaisedAlert(AlertType Type, string Detail, string Suggestion);

/// <summary>
/// The alert rules (预警, spec section 5) as pure functions. Thresholds are met inclusively, with the
/// same floating-point slack as tiers and bands (<see cref="Thresholds.Tolerance"/>).
/// Whether an alert of the type is already open for the learner is the caller's check.
/// </summary>
public static class AlertRules
{
    /// <summary><c>lhi_drop</c>: the index falls by this many points or more from the previous snapshot.</summary>
    public const double IndexDropPoints = 10;

    /// <summary><c>score_drop</c>: an assessment this many points or more below the mean of the earlier ones.</summary>
    public const double ScoreDropPoints = 15;

    /// <summary><c>score_drop</c> needs at least this many earlier assessments in the cohort.</summary>
    public const int ScoreDropMinimumEarlier = 2;

    /// <summary><c>competency_drop</c>: a new rating at least this many points below the previous one.</summary>
    public const int CompetencyDropPoints = 1;


    /// <summary>Index fell by 10 points or more; false when either week has no index.</summary>
    public static bool IsIndexDrop(double? previous, double? current) =>
        previous is { } p && current is { } c && Thresholds.Reaches(p - c, IndexDropPoints);

    /// <summary>
    /// The band moved into at risk: the week is at risk and the previous one was not. A learner whose first
    /// index is at risk also moves into it (from no band), so the first bad week is never silent.
    /// </summary>
    public static bool MovesIntoAtRisk(LearningHealthBand? previous, LearningHealthBand? current) =>
        current == LearningHealthBand.AtRisk && previous != LearningHealthBand.AtRisk;

    /// <summary>A mentor dimension's new rating is at least 1 point below the previous rating of that dimension.</summary>
    public static bool IsCompetencyDrop(int? previous, int current) =>
        previous is { } p && p - current >= CompetencyDropPoints;

    /// <summary>The score is at least 15 points below the mean of at least 2 earlier assessment scores (all 0–100).</summary>
    public static bool IsScoreDrop(IReadOnlyCollection<double> earlierScores, double score)
    {
        ArgumentNullException.ThrowIfNull(earlierScores);
        return earlierScores.Count >= ScoreDropMinimumEarlier && Thresholds.Reaches(earlierScores.Average() - score, ScoreDropPoints);
    }

    /// <summary>
    /// The index alerts of a week, compared with the learner's previous snapshot that has an index (null when none):
    /// <c>lhi_drop</c> and <c>at_risk</c>, each with the suggestion for the week's weakest component.
    /// </summary>
    public static IReadOnlyList<RaisedAlert> ForWeek(HealthIndex? previous, HealthIndex current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Value is not { } value || current.Weakest is not { } weakest)
            return [];
        var suggestion = CoachingSuggestions.For(weakest);
        var alerts = new List<RaisedAlert>(2);
        var before = previous?.Value;
        if (IsIndexDrop(before, value))
            alerts.Add(new RaisedAlert(AlertType.LhiDrop, $"{Points(before!.Value)} → {Points(value)}", suggestion));
        if (MovesIntoAtRisk(previous?.Band, current.Band))
            alerts.Add(new RaisedAlert(AlertType.AtRisk,
                before is null ? $"→ {Points(value)}" : $"{Points(before.Value)} → {Points(value)}", suggestion));
        return alerts;
    }

    /// <summary>A <c>competency_drop</c> for the dimension, or null when the new rating is not low enough.</summary>
    public static RaisedAlert? ForRating(string dimension, int? previous, int current)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        return IsCompetencyDrop(previous, current)
            ? new RaisedAlert(AlertType.CompetencyDrop, $"{dimension}: {previous} → {current}", CoachingSuggestions.ForDimension(dimension))
            : null;
    }

    /// <summary>
    /// The mentor dimension and the change (<c>4 → 2</c>) of a <c>competency_drop</c> detail, so a UI can show the
    /// dimension's name in its language; null when the detail does not start with a known dimension code.
    /// </summary>
    public static (string Dimension, string Change)? SplitRatingDetail(string? detail)
    {
        var colon = detail?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        if (colon <= 0)
            return null;
        var dimension = detail![..colon];
        return BuiltInIndicators.MentorDimensions.Contains(dimension, StringComparer.Ordinal)
            ? (dimension, detail[(colon + 2)..])
            : null;
    }

    /// <summary>A <c>score_drop</c> for an assessment result, or null when the rule does not hold.</summary>
    public static RaisedAlert? ForAssessment(string assessment, IReadOnlyCollection<double> earlierScores, double score)
    {
        ArgumentNullException.ThrowIfNull(earlierScores);
        return IsScoreDrop(earlierScores, score)
            ? new RaisedAlert(AlertType.ScoreDrop, $"{assessment}: {Points(earlierScores.Average())} → {Points(score)}",
                CoachingSuggestions.For(HealthComponent.Performance))
            : null;
    }

    private static string Points(double value) => ScoreRounding.ForExport(value).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Coaching suggestions (辅导建议) by rule: one per health component and one per mentor dimension. The codes are
/// stored on the alert and localised by the UI (attendance → agree a schedule, punctuality → a deadline plan,
/// performance → targeted review of the failed topics, engagement → peer pairing, a dimension → a 1:1 on it).
/// </summary>
public static class CoachingSuggestions
{
    public const string DimensionPrefix = "dimension:";

    public static string For(HealthComponent component) => component switch
    {
        HealthComponent.Attendance => "attendance",
        HealthComponent.Punctuality => "punctuality",
        HealthComponent.Performance => "performance",
        HealthComponent.Engagement => "engagement",
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown health component."),
    };

    public static string ForDimension(string dimension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        return DimensionPrefix + dimension.Trim().ToLowerInvariant();
    }

    /// <summary>The dimension of a <c>dimension:…</c> code, or null for a component code.</summary>
    public static string? DimensionOf(string code) =>
        code is not null && code.StartsWith(DimensionPrefix, StringComparison.Ordinal) ? code[DimensionPrefix.Length..] : null;
}
