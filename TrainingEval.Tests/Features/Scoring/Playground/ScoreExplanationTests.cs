using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Features.Scoring.Playground;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Scoring.Playground;

/// <summary>The breakdown repeats the engine's verdicts; it never decides "passed" with a comparison of its own.</summary>
public sealed class ScoreExplanationTests : DashboardTestContext
{
    [Fact]
    public void A_composite_within_the_tolerance_below_the_pass_mark_is_explained_as_passed_like_the_engine_says()
    {
        UseCulture("en");
        var observations = new[] { new Observation(BuiltInIndicators.Satisfaction, 3.4) }; // (3.4 − 1) / 4 × 100 = 60 on paper
        var first = new ScoringEngine(WeightProfile.Default).Score("E001", observations);
        // A pass mark a hair above the composite, inside the engine's tolerance: the engine passes the learner.
        var profile = WeightProfile.Default with { PassMark = first.Composite!.Value + Thresholds.Tolerance / 2 };
        var card = new ScoringEngine(profile).Score("E001", observations);
        card.Passed.ShouldBe(true);

        var explanation = Services.GetRequiredService<ScoreExplanation>()
            .Explain(new ScoredInput(card, profile, new Dictionary<string, RawValue> { [BuiltInIndicators.Satisfaction] = new(3.4) }));

        var composite = explanation[^1].Lines.Select(l => l.Text).ToList();
        composite.ShouldContain(l => l.EndsWith("→ passed", StringComparison.Ordinal));
        composite.ShouldNotContain(l => l.Contains("not passed", StringComparison.Ordinal));
    }
}
