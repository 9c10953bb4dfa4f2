using TrainingEval.Dashboard.Features.Scoring.Playground;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Scoring.Playground;

/// <summary>Every label of the playground comes from the resx of the current UI culture.</summary>
public sealed class PlaygroundLocalizationTests : DashboardTestContext
{
    [Fact]
    public void In_English_levels_indicators_and_tiers_have_English_names()
    {
        UseCulture("en");
        var markup = Render<PlaygroundPage>().Markup;

        markup.ShouldContain("Scoring playground");
        markup.ShouldContain("Reaction");
        markup.ShouldContain("Knowledge gain");
        markup.ShouldContain("Tier B · Good");
        markup.ShouldContain("Provisional");
        markup.ShouldNotContain("评分演练");
    }

    [Fact]
    public void In_Chinese_levels_indicators_and_tiers_have_Chinese_names()
    {
        UseCulture("zh-CN");
        var markup = Render<PlaygroundPage>().Markup;

        markup.ShouldContain("评分演练");
        markup.ShouldContain("反应");
        markup.ShouldContain("学习");
        markup.ShouldContain("行为");
        markup.ShouldContain("结果");
        markup.ShouldContain("知识增益");
        markup.ShouldContain("分层 B（良好）");
        markup.ShouldContain("暂定");
        markup.ShouldContain("行为 = (40 × 70 + 30 × 75) / 70 = 72.14");
        markup.ShouldNotContain("Scoring playground");
    }
}
