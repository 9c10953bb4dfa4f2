using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Domain.Comparisons;

/// <summary>Builds batch results for the comparison tests: only what the aggregation reads.</summary>
internal static class LearnerScores
{
    public static LearnerScore Scored(double composite, double coverage = 1, bool? passed = null, Tier? tier = null,
        double? reaction = null, double? learning = null, double? behavior = null, double? results = null,
        double reactionCoverage = 1, double learningCoverage = 1, double behaviorCoverage = 1, double resultsCoverage = 1) => new()
    {
        Composite = composite,
        Coverage = coverage,
        Passed = passed ?? composite >= 60,
        Tier = tier ?? (coverage < 0.5 ? Tier.Insufficient : composite >= 90 ? Tier.A : composite >= 75 ? Tier.B : composite >= 60 ? Tier.C : Tier.D),
        Reaction = reaction,
        Learning = learning,
        Behavior = behavior,
        Results = results,
        ReactionCoverage = reactionCoverage,
        LearningCoverage = learningCoverage,
        BehaviorCoverage = behaviorCoverage,
        ResultsCoverage = resultsCoverage,
    };

    /// <summary>A learner with no present indicator: no composite, no tier, no pass decision, coverage 0.</summary>
    public static LearnerScore Unscored() => new()
    {
        Composite = null,
        Coverage = 0,
    };

    public static LearnerScore[] Composites(params double[] composites) => [.. composites.Select(c => Scored(c))];
}
