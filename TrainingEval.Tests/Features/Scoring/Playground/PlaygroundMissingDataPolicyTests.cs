using Bunit;
using TrainingEval.Dashboard.Features.Scoring.Playground;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Scoring.Playground;

/// <summary>Policy "zero" counts missing indicators as 0 (spec section 4: the worked example gives 50.025, tier D).</summary>
public sealed class PlaygroundMissingDataPolicyTests : DashboardTestContext
{
    [Fact]
    public void Counting_missing_as_zero_gives_50_0_tier_D_not_passed()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.ChoosePolicy("Zero");

        page.Component.WaitForAssertion(() => page.Composite.ShouldBe("50.0"));
        page.Tier.ShouldBe("D");
        page.Passed.ShouldBe(false);
        page.LevelScore("Behavior").ShouldBe("50.5");
        page.LevelScore("Results").ShouldBe("0.0");
        page.Breakdown.ShouldContain("Behavior = (40 × 70 + 30 × 75 + 30 × 0) / 100 = 50.5");
        page.Breakdown.ShouldContain("Behavior change: missing, counts as 0");
        page.Breakdown.ShouldContain("Composite = (15 × 79 + 25 × 82 + 35 × 50.5 + 25 × 0) / 100 = 50.03");
        page.Breakdown.ShouldContain("50.03 < 60 → tier D · Needs improvement");
    }
}
