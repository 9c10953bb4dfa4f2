using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Promotions;

/// <summary>
/// What a promotion suggestion (晋升建议) rests on for one learner: their latest scored cohort and the
/// behaviour ratings of the reviews around it. Also shown to HR as the evidence.
/// </summary>
/// <param name="BehaviorBefore">Behaviour rating of the latest review on or before the cohort's start; null if none.</param>
/// <param name="BehaviorAfter">Behaviour rating of the first review after the cohort's end; null if none yet.</param>
public sealed record PromotionEvidence(
    int LearnerId,
    string CohortCode,
    DateOnly CohortEnd,
    double? Composite,
    Tier? Tier,
    double? BehaviorBefore,
    double? BehaviorAfter,
    double? MentorRatingMean,
    int ApplicationEvents,
    double? KpiAchievement)
{
    public double? BehaviorChange => BehaviorBefore is { } b && BehaviorAfter is { } a ? a - b : null;
}

/// <summary>
/// Issue 8's rule: a learner is suggested for promotion when their latest cohort gave tier A and their
/// behaviour rating rose (after − before &gt; 0). A missing review is no evidence of change, so no suggestion.
/// "Latest cohort" is the latest by end date among the learner's cohorts with a composite.
/// </summary>
public static class PromotionRules
{
    public static bool IsCandidate(PromotionEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.Tier == Tier.A && evidence.BehaviorChange is > 0;
    }

    /// <summary>Picks each learner's latest scored cohort (by end date, then code) and keeps those the rule suggests.</summary>
    public static IReadOnlyList<PromotionEvidence> Suggest(IEnumerable<PromotionEvidence> cohortsPerLearner)
    {
        ArgumentNullException.ThrowIfNull(cohortsPerLearner);
        return cohortsPerLearner
            .Where(e => e.Composite is not null)
            .GroupBy(e => e.LearnerId)
            .Select(g => g.OrderByDescending(e => e.CohortEnd).ThenByDescending(e => e.CohortCode, StringComparer.Ordinal).First())
            .Where(IsCandidate)
            .OrderByDescending(e => e.Composite)
            .ThenBy(e => e.LearnerId)
            .ToList();
    }
}
