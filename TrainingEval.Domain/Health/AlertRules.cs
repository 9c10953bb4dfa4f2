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
/// An alert a rule raised: its type, what triggered it (an <see cref="AlertDetail"/> in its stored, language-free form)
/// and the coaching suggestion's code.
/// </summary>
/// <param name="Also">
/// The second cause the alert names, when one fall fired two rules (<c>at_risk</c> with <c>lhi_drop</c>): if an alert of
/// <paramref name="Type"/> is still open for the learner, the alert is raised as this type instead, so the fall is told once.
/// </param>
public sealed record RaisedAlert(AlertType Type, string Detail, string Suggestion, AlertType? Also = null);

/// <summary>
/// A learner's enrollment as the health index sees it. It is active in a window when the cohort's dates overlap
/// the window, the learner enrolled by its last day and had not withdrawn before its first.
/// </summary>
public readonly record struct HealthEnrollment(DateOnly CohortStart, DateOnly CohortEnd, DateOnly EnrolledOn, DateOnly? WithdrawnOn)
{
    public bool IsActiveIn(DateOnly windowStart, DateOnly windowEnd) =>
        CohortStart <= windowEnd && CohortEnd >= windowStart && EnrolledOn <= windowEnd && !(WithdrawnOn is { } w && w < windowStart);
}

/// <summary>
/// The alert rules (预警, spec section 5, with the rulings of section 9) as pure functions. Thresholds are met
/// inclusively, with the same floating-point slack as tiers and bands (<see cref="Thresholds.Tolerance"/>).
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
    /// index (in the cohort) is at risk also moves into it (from no band), so the first bad week is never silent.
    /// </summary>
    public static bool MovesIntoAtRisk(LearningHealthBand? previous, LearningHealthBand? current) =>
        current == LearningHealthBand.AtRisk && previous != LearningHealthBand.AtRisk;

    /// <summary>
    /// Whether an earlier snapshot is the learner's previous snapshot <i>in the same cohort</i> (spec section 9): the
    /// learner was already active, in that snapshot's week, in every cohort they are active in now. A learner's first
    /// snapshot of a cohort therefore has no previous one, and the index alerts never compare across cohorts.
    /// </summary>
    /// <param name="activeNow">The learner's enrollments active in the current week's window.</param>
    /// <param name="previousWeek">The week of the earlier snapshot.</param>
    public static bool IsSameCohort(IEnumerable<HealthEnrollment> activeNow, IsoWeek previousWeek, int windowDays = LearningHealthIndex.DefaultWindowDays)
    {
        ArgumentNullException.ThrowIfNull(activeNow);
        var end = previousWeek.End;
        var start = LearningHealthIndex.WindowStart(end, windowDays);
        var any = false;
        foreach (var enrollment in activeNow)
        {
            if (!enrollment.IsActiveIn(start, end))
                return false;
            any = true;
        }
        return any;
    }

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
    /// The index alert of a week, compared with the learner's previous snapshot in the same cohort that has an index
    /// (null when none, see <see cref="IsSameCohort"/>), with the suggestion for the week's weakest component. One fall
    /// gives at most one alert (spec section 9): when it is both a fall of 10 points or more and a move into at risk, the
    /// one <c>at_risk</c> alert names both (<see cref="AlertDetail.NamesBothIndexCauses"/>, <see cref="RaisedAlert.Also"/>).
    /// </summary>
    public static RaisedAlert? ForWeek(HealthIndex? previous, HealthIndex current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Value is not { } value || current.Weakest is not { } weakest)
            return null;
        var suggestion = CoachingSuggestions.For(weakest);
        var before = previous?.Value;
        var drop = IsIndexDrop(before, value);
        var intoRisk = MovesIntoAtRisk(previous?.Band, current.Band);
        var detail = AlertDetail.Index(before, value, bothCauses: drop && intoRisk).ToString();
        return (drop, intoRisk) switch
        {
            (true, true) => new RaisedAlert(AlertType.AtRisk, detail, suggestion, Also: AlertType.LhiDrop),
            (true, false) => new RaisedAlert(AlertType.LhiDrop, detail, suggestion),
            (false, true) => new RaisedAlert(AlertType.AtRisk, detail, suggestion),
            _ => null,
        };
    }

    /// <summary>A <c>competency_drop</c> for the dimension, or null when the new rating is not low enough.</summary>
    public static RaisedAlert? ForRating(string dimension, int? previous, int current)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        return IsCompetencyDrop(previous, current)
            ? new RaisedAlert(AlertType.CompetencyDrop, AlertDetail.Rating(dimension, previous!.Value, current).ToString(), CoachingSuggestions.ForDimension(dimension))
            : null;
    }

    /// <summary>A <c>score_drop</c> for a result of the assessment with this id, or null when the rule does not hold.</summary>
    public static RaisedAlert? ForAssessment(int assessmentId, IReadOnlyCollection<double> earlierScores, double score)
    {
        ArgumentNullException.ThrowIfNull(earlierScores);
        return IsScoreDrop(earlierScores, score)
            ? new RaisedAlert(AlertType.ScoreDrop, AlertDetail.Assessment(assessmentId, earlierScores.Average(), score).ToString(),
                CoachingSuggestions.For(HealthComponent.Performance))
            : null;
    }
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
