using Bunit;
using TrainingEval.Dashboard.Features.Scoring.Playground;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Scoring.Playground;

/// <summary>Every number updates on each keystroke; an emptied field is missing, not zero.</summary>
public sealed class PlaygroundRecalculatesAsYouTypeTests : DashboardTestContext
{
    [Fact]
    public void Raising_the_theory_exam_to_100_raises_learning_and_the_composite()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Type(page.Input("exam_theory"), "100");

        // Learning = (30 × 100 + 20 × 70 + 20 × 100 + 30 × 75)/100 = 86.5; composite = (15 × 79 + 25 × 86.5 + 35 × 72.142857)/75 = 78.3
        page.Component.WaitForAssertion(() => page.Composite.ShouldBe("78.3"));
        page.LevelScore("Learning").ShouldBe("86.5");
        page.Breakdown.ShouldContain("Theory exam: 100 / 100 × 100 = 100");
    }

    [Fact]
    public void Emptying_a_value_makes_the_indicator_missing_and_lowers_coverage()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Type(page.Input("interaction"), "");

        // Reaction = (50 × 80 + 30 × 90)/80 = 83.75, coverage 0.8; coverage = (12 + 25 + 24.5)/100 = 61.5 %
        page.Component.WaitForAssertion(() => page.Coverage.ShouldBe("61.5%"));
        page.LevelScore("Reaction").ShouldBe("83.8");
        page.Breakdown.ShouldContain("Interaction: missing, left out");
    }

    [Fact]
    public void Entering_the_missing_behavior_change_makes_behavior_complete()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Type(page.Input("behavior_change", "baseline"), "3");
        page.Type(page.Input("behavior_change"), "4");

        // behavior_change 50 + 25·(4 − 3) = 75; Behavior = (40 × 70 + 30 × 75 + 30 × 75)/100 = 73
        page.Component.WaitForAssertion(() => page.LevelScore("Behavior").ShouldBe("73.0"));
        page.Breakdown.ShouldContain("Behavior = (40 × 70 + 30 × 75 + 30 × 75) / 100 = 73");
    }
}
