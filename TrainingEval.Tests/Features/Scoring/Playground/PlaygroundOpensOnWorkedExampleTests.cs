using Bunit;
using TrainingEval.Dashboard.Features.Scoring.Playground;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Scoring.Playground;

/// <summary>The playground opens on the worked example of the evaluation model (spec section 4).</summary>
public sealed class PlaygroundOpensOnWorkedExampleTests : DashboardTestContext
{
    [Fact]
    public void Shows_composite_76_8_coverage_64_5_percent_tier_B_provisional_and_passed()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Composite.ShouldBe("76.8");
        page.Coverage.ShouldBe("64.5%");
        page.Tier.ShouldBe("B");
        page.IsProvisional.ShouldBeTrue();
        page.Passed.ShouldBe(true);
        page.LevelScore("Reaction").ShouldBe("79.0");
        page.LevelScore("Learning").ShouldBe("82.0");
        page.LevelScore("Behavior").ShouldBe("72.1");
        page.LevelScore("Results").ShouldBe("—");
        page.ShowsStaleNotice.ShouldBeFalse();
    }

    [Fact]
    public void Explains_each_level_and_the_composite_in_plain_language()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        var breakdown = page.Breakdown;
        breakdown.ShouldContain("Satisfaction: (4.2 − 1) / 4 × 100 = 80");
        breakdown.ShouldContain("Knowledge gain: (post 85 − pre 40) / (100 − 40) × 100 = 75");
        breakdown.ShouldContain("Reaction = (50 × 80 + 30 × 90 + 20 × 60) / 100 = 79");
        breakdown.ShouldContain("Learning = (30 × 85 + 20 × 70 + 20 × 100 + 30 × 75) / 100 = 82");
        breakdown.ShouldContain("Behavior = (40 × 70 + 30 × 75) / 70 = 72.14");
        breakdown.ShouldContain("Behavior change missing → coverage = 70 / 100 = 0.7");
        breakdown.ShouldContain("Results: no indicator present → no score");
        breakdown.ShouldContain("Composite = (15 × 79 + 25 × 82 + 35 × 72.14) / 75 = 76.8");
        breakdown.ShouldContain("Coverage = (15 × 1 + 25 × 1 + 35 × 0.7 + 25 × 0) / 100 = 64.5%");
        breakdown.ShouldContain("76.8 ≥ 75 → tier B · Good");
    }

    [Fact]
    public void Shows_each_field_with_its_allowed_range_and_empty_fields_for_missing_values()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Component.Find("[data-indicator=satisfaction] .input-value").TextContent.ShouldContain("Allowed: 1–5");
        page.Component.Find("[data-indicator=attendance] .input-value").TextContent.ShouldContain("Allowed: 0–1");
        page.Input("knowledge_gain", "baseline").GetAttribute("value").ShouldBe("40");
        page.Input("behavior_change").GetAttribute("value").ShouldBeNullOrEmpty();
        page.Component.Find("[data-indicator=behavior_change] [data-testid=indicator-points]").TextContent.Trim().ShouldBe("Missing");
    }
}
