using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Domain.Scoring;

/// <summary>Properties of spec section 4 over random valid profiles and random allowed observations.</summary>
public class ScoringPropertyTests
{
    /// <summary>A random valid profile (some weights 0, sometimes a whole level dropped) and a random learner.</summary>
    public sealed record LearnerCase(WeightProfile Profile, Observation[] Observations)
    {
        public override string ToString() =>
            $"{Profile.Policy} {Profile.LevelWeights} [{string.Join(", ", Profile.Indicators.Select(i => $"{i.Code}:{i.Weight:0.###}"))}] " +
            $"obs [{string.Join(", ", Observations.Select(o => $"{o.IndicatorCode}={o.Raw.Value}/{o.Raw.Baseline}/{o.Raw.Target}"))}]";
    }

    private static Gen<double> Between(double low, double high, int steps = 1000) =>
        Gen.Choose(0, steps).Select(k => low + (high - low) * k / steps);

    /// <summary>An allowed raw value for the indicator (the spec's ranges).</summary>
    private static Gen<Observation> ValidObservation(IndicatorDefinition indicator) => indicator.Normalization switch
    {
        Normalization.Likert5 => Between(1, 5).Select(v => new Observation(indicator.Code, v)),
        Normalization.Rate => Between(0, 1).Select(v => new Observation(indicator.Code, v)),
        Normalization.Percent => Between(0, 100).Select(v => new Observation(indicator.Code, v)),
        Normalization.Score => Between(0, indicator.Max).Select(v => new Observation(indicator.Code, v)),
        Normalization.CountTarget => Gen.Choose(0, 30).Select(v => new Observation(indicator.Code, v)),
        Normalization.Gain => Gen.Zip(Between(0, 100, 20), Between(0, 100, 20)).Select(t => new Observation(indicator.Code, t.Item1, t.Item2)),
        Normalization.RatingChange => Gen.Zip(Between(1, 5, 8), Between(1, 5, 8)).Select(t => new Observation(indicator.Code, t.Item1, t.Item2)),
        Normalization.TargetAchievement => Gen.Zip(Gen.Zip(Between(-100, 200), Between(-100, 200)), Between(-100, 200))
            .Select(t => new Observation(indicator.Code, t.Item1.Item1, t.Item1.Item2, t.Item2 == t.Item1.Item2 ? t.Item2 + 1 : t.Item2)),
        _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
    };

    /// <summary>Integer weights scaled to sum to 100; at least one is positive.</summary>
    private static Gen<double[]> WeightsSummingTo100(int count) =>
        Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 10))), count).Select(raw =>
        {
            if (raw.All(w => w == 0))
            {
                raw[0] = 1;
            }
            double total = raw.Sum();
            return raw.Select(w => w * 100.0 / total).ToArray();
        });

    private static Gen<WeightProfile> RandomProfile(Gen<MissingDataPolicy> policies) =>
        from levelWeights in WeightsSummingTo100(KirkpatrickLevels.Count)
        from indicatorWeights in Gen.CollectToArray(KirkpatrickLevels.All, level =>
            WeightsSummingTo100(BuiltInIndicators.All.Count(i => i.Level == level)))
        from policy in policies
        select new WeightProfile
        {
            LevelWeights = new LevelWeights(levelWeights[0], levelWeights[1], levelWeights[2], levelWeights[3]),
            Policy = policy,
            Indicators = [.. KirkpatrickLevels.All.SelectMany(level => BuiltInIndicators.All.Where(i => i.Level == level)
                .Select((indicator, k) => indicator with { Weight = indicatorWeights[(int)level][k] }))],
        };

    private static Gen<Observation[]> RandomObservations(WeightProfile profile, int minimumPerIndicator) =>
        Gen.CollectToArray(profile.Indicators, indicator =>
                Gen.Choose(minimumPerIndicator, 2).SelectMany(n => Gen.ArrayOf(ValidObservation(indicator), n)))
            .Select(perIndicator => perIndicator.SelectMany(o => o).ToArray());

    private static readonly Gen<MissingDataPolicy> AnyPolicy = Gen.Elements(MissingDataPolicy.Renormalize, MissingDataPolicy.Zero);

    private static Arbitrary<LearnerCase> Cases(int minimumPerIndicator = 0) =>
        (from profile in RandomProfile(AnyPolicy)
         from observations in RandomObservations(profile, minimumPerIndicator)
         select new LearnerCase(profile, observations)).ToArbitrary();

    private static bool InPointRange(double? score) => score is null || score is >= 0 and <= 100;

    [Property(MaxTest = 300)]
    public Property Every_score_is_on_0_to_100_and_every_coverage_on_0_to_1() =>
        Prop.ForAll(Cases(), c =>
        {
            var card = new ScoringEngine(c.Profile).Score("L", c.Observations);
            return card.Levels.All(l => InPointRange(l.Score) && l.Coverage is >= 0 and <= 1
                    && l.Indicators.All(i => InPointRange(i.Points)))
                && InPointRange(card.Composite)
                && card.Coverage is >= 0 and <= 1;
        });

    [Property(MaxTest = 300)]
    public Property Scaling_all_weights_of_a_set_by_a_constant_changes_nothing()
    {
        // Profiles must sum to 100, so the scale-invariance of Σ wᵢ·pᵢ / Σ wᵢ is checked on the weighted
        // mean the engine uses for level scores, the composite and coverage.
        var sets =
            from n in Gen.Choose(1, 8)
            from weights in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (4, Between(0.01, 100))), n)
            from values in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(double.NaN)), (4, Between(0, 100))), n)
            from scale in Gen.Elements(0.001, 0.37, 3.0, 1000.0)
            from policy in AnyPolicy
            select (weights, values, scale, policy);
        return Prop.ForAll(sets.ToArbitrary(), s =>
        {
            var original = WeightedMean.Of(s.weights, s.values, s.policy);
            var scaled = WeightedMean.Of([.. s.weights.Select(w => w * s.scale)], s.values, s.policy);
            return (double.IsNaN(original.Mean) ? double.IsNaN(scaled.Mean) : Math.Abs(original.Mean - scaled.Mean) < 1e-9)
                && Math.Abs(original.Coverage - scaled.Coverage) < 1e-12
                && (original.Coverage == 1) == (scaled.Coverage == 1);
        });
    }

    [Property(MaxTest = 200)]
    public Property With_complete_data_both_policies_agree() =>
        Prop.ForAll(Cases(minimumPerIndicator: 1), c =>
        {
            var renormalized = new ScoringEngine(c.Profile with { Policy = MissingDataPolicy.Renormalize }).Score("L", c.Observations);
            var zero = new ScoringEngine(c.Profile with { Policy = MissingDataPolicy.Zero }).Score("L", c.Observations);
            return renormalized.Composite == zero.Composite
                && renormalized.Coverage == 1 && zero.Coverage == 1
                && renormalized.Levels.Select(l => l.Score).SequenceEqual(zero.Levels.Select(l => l.Score))
                && renormalized.Tier == zero.Tier && renormalized.Passed == zero.Passed;
        });

    [Property(MaxTest = 300)]
    public Property Coverage_is_1_exactly_when_every_weighted_indicator_is_present() =>
        Prop.ForAll(Cases(), c =>
        {
            var card = new ScoringEngine(c.Profile).Score("L", c.Observations);
            var present = c.Observations.Select(o => o.IndicatorCode).ToHashSet();
            var everyWeightedPresent = c.Profile.Indicators
                .Where(i => i.Weight > 0 && c.Profile.LevelWeights[i.Level] > 0)
                .All(i => present.Contains(i.Code));
            return (card.Coverage == 1) == everyWeightedPresent
                && card.IsProvisional == (card.Composite is not null && !everyWeightedPresent);
        });

    [Property(MaxTest = 100)]
    public Property The_batch_path_equals_the_single_path()
    {
        var cohorts =
            from profile in RandomProfile(AnyPolicy)
            from learners in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(RandomObservations(profile, 0), n))
            select (profile, learners);
        return Prop.ForAll(cohorts.ToArbitrary(), cohort =>
        {
            var engine = new ScoringEngine(cohort.profile);
            var builder = new ObservationTableBuilder(engine);
            for (var i = 0; i < cohort.learners.Length; i++)
            {
                builder.StartLearner($"L{i}");
                foreach (var o in cohort.learners[i])
                {
                    builder.Add(o.IndicatorCode, o.Raw.Value, o.Raw.Baseline, o.Raw.Target);
                }
            }
            var results = new LearnerScore[cohort.learners.Length];
            var errors = engine.ScoreBatch(builder.Build(), results);

            return errors.Count == 0 && cohort.learners.Select((observations, i) =>
            {
                var card = engine.Score($"L{i}", observations);
                var batch = results[i];
                return card.Composite == batch.Composite && card.Coverage == batch.Coverage
                    && card.Tier == batch.Tier && card.Passed == batch.Passed && card.ExamPassed == batch.ExamPassed
                    && KirkpatrickLevels.All.All(l => card[l].Score == batch.LevelScore(l) && card[l].Coverage == batch.LevelCoverage(l));
            }).All(same => same);
        });
    }
}
