namespace TrainingEval.Domain.Indicators;

/// <summary>
/// Behaviour follow-up surveys (issue 17 item 1) and the one rule by which they score. The built-in
/// <c>behavior_change</c> is a performance-review rating change (spec section 2), so a follow-up does not feed it; it feeds
/// a <b>custom indicator</b> of the Behavior level with code <see cref="IndicatorCode"/> and normalisation
/// <see cref="Normalization.Likert5"/>: each response to one of the cohort's follow-up surveys — the learner's own and their
/// mentor's about them alike — is one observation, the mean of its answered 1–5 items (<see cref="IndicatorDerivation.SurveyMean(IEnumerable{int?})"/>),
/// and the indicator's points are the mean of the observations' points (spec section 2). A cohort whose profile has no
/// such indicator keeps the answers and does not score them.
/// </summary>
public static class FollowUpSurveys
{
    public const string IndicatorCode = "follow_up";

    /// <summary>The offsets a follow-up opens at, in days after the cohort's last day.</summary>
    public static IReadOnlyList<int> OffsetDays { get; } = [30, 60, 90];

    /// <summary>The day a follow-up <paramref name="days"/> after the cohort's end opens.</summary>
    public static DateOnly OpensOn(DateOnly cohortEnd, int days) => cohortEnd.AddDays(days);

    /// <summary>The offset a follow-up opening on <paramref name="openedOn"/> has, when it is one of <see cref="OffsetDays"/>.</summary>
    public static int? OffsetOf(DateOnly cohortEnd, DateOnly openedOn) =>
        openedOn.DayNumber - cohortEnd.DayNumber is var days && OffsetDays.Contains(days) ? days : null;

    /// <summary>Whether a profile indicator scores follow-ups: it must be <see cref="IndicatorCode"/> rated as <see cref="Normalization.Likert5"/>.</summary>
    public static bool Scores(IndicatorDefinition? indicator) =>
        indicator is { Normalization: Normalization.Likert5, Weight: > 0 } && string.Equals(indicator.Code, IndicatorCode, StringComparison.OrdinalIgnoreCase);
}
