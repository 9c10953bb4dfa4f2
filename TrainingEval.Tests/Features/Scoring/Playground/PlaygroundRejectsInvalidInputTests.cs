using Bunit;
using TrainingEval.Dashboard.Features.Scoring.Playground;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Scoring.Playground;

/// <summary>Bad input gets the validator's message on its field; the results keep the last valid state.</summary>
public sealed class PlaygroundRejectsInvalidInputTests : DashboardTestContext
{
    [Fact]
    public void An_attendance_of_90_is_rejected_on_the_field_and_the_composite_stays()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());
        var range = Normalizer.AllowedRange(WeightProfile.Default.Find(BuiltInIndicators.Attendance)!);

        page.Type(page.Input("attendance"), "90");

        page.Component.WaitForAssertion(() => page.FieldErrors("attendance").ShouldBe($"Allowed range is {range}; 90 is outside it."));
        page.ShowsStaleNotice.ShouldBeTrue();
        page.StaleNotice.ShouldContain("Some values are not allowed.");
        page.Composite.ShouldBe("76.8");
    }

    [Fact]
    public void A_gain_without_its_pre_test_score_asks_for_it()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Type(page.Input("knowledge_gain", "baseline"), "");
        page.Type(page.Input("knowledge_gain"), "86");

        page.Component.WaitForAssertion(() => page.FieldErrors("knowledge_gain", "baseline").ShouldStartWith("Enter the pre-test score as well"));
        page.ShowsStaleNotice.ShouldBeTrue();
    }

    [Fact]
    public void Level_weights_that_do_not_sum_to_100_name_the_set_and_its_sum()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Type(page.LevelWeight("Reaction"), "25");

        page.Component.WaitForAssertion(() => page.Component.Find("[data-testid=level-weights-problem]").TextContent
            .ShouldBe("Level weights sum to 110; they must sum to 100."));
        page.StaleNotice.ShouldContain("Fix the weights.");
        page.Composite.ShouldBe("76.8");
    }

    [Fact]
    public void Indicator_weights_that_do_not_sum_to_100_name_the_level_and_its_sum()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Type(page.Input("mentor_rating", "weight"), "30");

        page.Component.WaitForAssertion(() => page.Component.Find("[data-level=Behavior] [data-testid=indicator-weights-problem]").TextContent
            .ShouldBe("Indicator weights of Behavior sum to 90; they must sum to 100."));
        page.Composite.ShouldBe("76.8");
    }

    [Fact]
    public void Fixing_the_value_brings_live_results_back()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Type(page.Input("attendance"), "90");
        page.Component.WaitForAssertion(() => page.ShowsStaleNotice.ShouldBeTrue());
        page.Type(page.Input("attendance"), "1");

        // Reaction = (50 × 80 + 30 × 100 + 20 × 60)/100 = 82; composite = (15 × 82 + 25 × 82 + 35 × 72.142857)/75 = 77.4
        page.Component.WaitForAssertion(() => page.Composite.ShouldBe("77.4"));
        page.ShowsStaleNotice.ShouldBeFalse();
        page.FieldErrors("attendance").ShouldBeEmpty();
    }
}

/// <summary>Text that is not a number gets MudBlazor's conversion message in the UI language.</summary>
public sealed class PlaygroundRejectsTextInNumberFieldsTests : DashboardTestContext
{
    [Fact]
    public void Letters_in_a_number_field_are_refused_in_Chinese_and_do_not_count_as_missing()
    {
        UseCulture("zh-CN");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Type(page.Input("attendance"), "abc");

        page.Component.WaitForAssertion(() => page.FieldErrors("attendance").ShouldBe("不是有效的数字"));
        page.ShowsStaleNotice.ShouldBeTrue();
        page.Composite.ShouldBe("76.8");
    }
}

/// <summary>Text in a weight field is an error too, not an empty weight.</summary>
public sealed class PlaygroundRejectsTextInWeightFieldsTests : DashboardTestContext
{
    [Fact]
    public void Letters_in_a_level_weight_keep_the_last_valid_results()
    {
        UseCulture("en");
        var page = new PlaygroundView(Render<PlaygroundPage>());

        page.Type(page.LevelWeight("Results"), "x");

        page.Component.WaitForAssertion(() => page.ShowsStaleNotice.ShouldBeTrue());
        page.Composite.ShouldBe("76.8");
    }
}
