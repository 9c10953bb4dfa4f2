using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Domain.Scoring;

/// <summary>Spec section 4, "Worked example (default profile, policy renormalize)", and its policy-zero variant.</summary>
public class WorkedExampleTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Renormalize_gives_the_documented_level_scores_and_coverage()
    {
        var card = new ScoringEngine(TestProfiles.Default).Score("E1001", TestProfiles.WorkedExample);

        // "satisfaction 4.2 → 80; attendance 0.9 → 90; interaction 6 → 60 ⇒ Reaction = ... = 79."
        card[KirkpatrickLevel.Reaction].Score!.Value.ShouldBe(79, Tolerance);
        card[KirkpatrickLevel.Reaction].Coverage.ShouldBe(1);
        // "⇒ Learning = (30·85 + 20·70 + 20·100 + 30·75)/100 = 82."
        card[KirkpatrickLevel.Learning].Score!.Value.ShouldBe(82, Tolerance);
        // "Behavior = (40·70 + 30·75)/70 = 72.142857…, coverage 0.7."
        card[KirkpatrickLevel.Behavior].Score!.Value.ShouldBe(5050.0 / 70, Tolerance);
        card[KirkpatrickLevel.Behavior].Coverage.ShouldBe(0.7, Tolerance);
        // "Results: no observations ⇒ no score, coverage 0."
        card[KirkpatrickLevel.Results].Score.ShouldBeNull();
        card[KirkpatrickLevel.Results].Coverage.ShouldBe(0);
    }

    [Fact]
    public void Renormalize_gives_composite_76_8_coverage_0_645_tier_B_provisional()
    {
        var card = new ScoringEngine(TestProfiles.Default).Score("E1001", TestProfiles.WorkedExample);

        card.Composite!.Value.ShouldBe(76.8, Tolerance);
        card.Coverage.ShouldBe(0.645, Tolerance);
        card.Tier.ShouldBe(Tier.B);
        card.IsProvisional.ShouldBeTrue();
        card.Passed.ShouldBe(true);
        ScoreRounding.ForExportText(card.Composite.Value).ShouldBe("76.80");
    }

    [Fact]
    public void Indicator_points_of_the_example()
    {
        var card = new ScoringEngine(TestProfiles.Default).Score("E1001", TestProfiles.WorkedExample);
        var points = card.Levels.SelectMany(l => l.Indicators).ToDictionary(i => i.Indicator.Code, i => i.Points);

        points[BuiltInIndicators.Satisfaction]!.Value.ShouldBe(80, Tolerance);
        points[BuiltInIndicators.Attendance]!.Value.ShouldBe(90, Tolerance);
        points[BuiltInIndicators.Interaction]!.Value.ShouldBe(60, Tolerance);
        points[BuiltInIndicators.Assignments]!.Value.ShouldBe(100, Tolerance);
        points[BuiltInIndicators.KnowledgeGain]!.Value.ShouldBe(75, Tolerance);
        points[BuiltInIndicators.MentorRating]!.Value.ShouldBe(70, Tolerance);
        points[BuiltInIndicators.Application]!.Value.ShouldBe(75, Tolerance);
        points[BuiltInIndicators.BehaviorChange].ShouldBeNull();
    }

    [Fact]
    public void Zero_gives_Behavior_50_5_Results_0_composite_50_025_tier_D()
    {
        var card = new ScoringEngine(TestProfiles.Zero).Score("E1001", TestProfiles.WorkedExample);

        card[KirkpatrickLevel.Reaction].Score!.Value.ShouldBe(79, Tolerance);
        card[KirkpatrickLevel.Learning].Score!.Value.ShouldBe(82, Tolerance);
        card[KirkpatrickLevel.Behavior].Score!.Value.ShouldBe(50.5, Tolerance);
        card[KirkpatrickLevel.Results].Score!.Value.ShouldBe(0);
        // "composite = 0.15·79 + 0.25·82 + 0.35·50.5 = 50.025, tier D."
        card.Composite!.Value.ShouldBe(50.025, Tolerance);
        card.Tier.ShouldBe(Tier.D);
        card.Passed.ShouldBe(false);
        // Coverage does not depend on the policy.
        card.Coverage.ShouldBe(0.645, Tolerance);
        ScoreRounding.ForExportText(card.Composite.Value).ShouldBe("50.03");
    }

    [Fact]
    public void Batch_path_gives_the_same_example()
    {
        var engine = new ScoringEngine(TestProfiles.Default);
        var builder = new ObservationTableBuilder(engine);
        builder.StartLearner("E1001");
        foreach (var o in TestProfiles.WorkedExample)
        {
            builder.Add(o.IndicatorCode, o.Raw.Value, o.Raw.Baseline, o.Raw.Target);
        }
        var results = new LearnerScore[1];

        engine.ScoreBatch(builder.Build(), results).ShouldBeEmpty();

        results[0].Composite!.Value.ShouldBe(76.8, Tolerance);
        results[0].Coverage.ShouldBe(0.645, Tolerance);
        results[0].Tier.ShouldBe(Tier.B);
        results[0].IsProvisional.ShouldBeTrue();
        results[0].Results.ShouldBeNull();
    }
}
