using Bunit;
using TrainingEval.Dashboard.Features.Scoring.Playground;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Scoring.Playground;

/// <summary>"Clear values" leaves an empty learner; "Load worked example" brings back the spec's example.</summary>
public sealed class PlaygroundActionsTests : DashboardTestContext
{
    [Fact]
    public void Clearing_every_value_leaves_no_composite_and_tier_insufficient()
    {
        // Spec section 9, "Nothing measured": coverage 0, tier insufficient, no composite, not passed.
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Component.Find("[data-testid=clear-values]").Click();

        page.Component.WaitForAssertion(() => page.Composite.ShouldBe("—"));
        page.Coverage.ShouldBe("0.0%");
        page.Component.Find("[data-testid=tier]").GetAttribute("data-tier").ShouldBe("Insufficient");
        page.Breakdown.ShouldContain("No level has a score yet, so there is no composite.");
        page.Breakdown.ShouldContain("Nothing is measured: coverage is 0, the tier is");
        page.Input("satisfaction").GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public void Loading_the_worked_example_undoes_edits_and_their_errors()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());
        page.Type(page.Input("attendance"), "90");
        page.Component.WaitForAssertion(() => page.ShowsStaleNotice.ShouldBeTrue());

        page.Component.Find("[data-testid=load-example]").Click();

        page.Component.WaitForAssertion(() => page.ShowsStaleNotice.ShouldBeFalse());
        page.Composite.ShouldBe("76.8");
        page.Input("attendance").GetAttribute("value").ShouldBe("0.9");
        page.FieldErrors("attendance").ShouldBeEmpty();
    }
}
