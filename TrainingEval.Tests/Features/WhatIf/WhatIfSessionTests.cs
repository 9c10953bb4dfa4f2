using TrainingEval.Dashboard.Features.WhatIf;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Tests.Features.WhatIf;

public sealed class WhatIfSessionTests
{
    private static WhatIfSession NewSession() => new(1, WeightProfile.Default, 3, 3);

    [Fact]
    public async Task A_slider_move_makes_a_draft_and_discard_returns_to_the_base()
    {
        var session = NewSession();
        var notified = 0;
        using var _ = session.NotifyOnChange(() => { notified++; return Task.CompletedTask; });

        await session.SetLevelWeightAsync(KirkpatrickLevel.Reaction, 25);
        session.IsDraft.ShouldBeTrue();
        session.Draft.LevelWeights.Reaction.ShouldBe(25);
        session.Base.ShouldBeSameAs(WeightProfile.Default);

        await session.DiscardAsync();
        session.IsDraft.ShouldBeFalse();
        session.Draft.ShouldBeSameAs(WeightProfile.Default);
        notified.ShouldBe(2);
    }

    [Fact]
    public async Task Moving_a_weight_back_to_its_stored_value_is_no_draft()
    {
        var session = NewSession();
        await session.SetLevelWeightAsync(KirkpatrickLevel.Behavior, 50);
        await session.SetLevelWeightAsync(KirkpatrickLevel.Behavior, 35);

        session.IsDraft.ShouldBeFalse();
    }

    [Fact]
    public async Task The_preview_scales_the_weights_to_100_and_scores_like_the_scaled_profile()
    {
        var session = NewSession();
        await session.SetLevelWeightAsync(KirkpatrickLevel.Reaction, 65); // sum 150

        session.LevelWeightSum.ShouldBe(150);
        var preview = session.PreviewEngine!.Profile;
        preview.LevelWeights.Reaction.ShouldBe(65 * 100 / 150.0, 1e-9);
        preview.LevelWeights.Sum.ShouldBe(100, 1e-9);
    }

    [Fact]
    public async Task A_draft_that_does_not_sum_to_100_cannot_be_saved_and_says_why()
    {
        var session = NewSession();
        await session.SetLevelWeightAsync(KirkpatrickLevel.Reaction, 65);

        session.Problems().ShouldContain(p => p.ErrorCode == WeightProfileErrors.LevelWeightsSum && p.ErrorMessage.Contains("Level weights sum to 150", StringComparison.Ordinal));

        await session.ScaleTo100Async();
        session.Problems().ShouldBeEmpty();
        session.IsDraft.ShouldBeTrue();
    }

    [Fact]
    public async Task Indicator_weights_scale_within_their_level()
    {
        var session = NewSession();
        await session.SetIndicatorWeightAsync("satisfaction", 150); // reaction: 150 + 30 + 20 = 200

        session.IndicatorWeightSum(KirkpatrickLevel.Reaction).ShouldBe(200);
        session.PreviewEngine!.Profile.Find("satisfaction")!.Weight.ShouldBe(75, 1e-9);
        Should.Throw<ArgumentException>(() => session.SetIndicatorWeightAsync("no_such", 10)).Message.ShouldContain("no_such");
    }

    [Fact]
    public async Task A_draft_without_any_level_weight_has_no_preview()
    {
        var session = NewSession();
        foreach (var level in KirkpatrickLevels.All)
            await session.SetLevelWeightAsync(level, 0);

        session.PreviewEngine.ShouldBeNull();
    }

    [Fact]
    public async Task A_weighted_level_without_indicator_weight_has_no_preview_but_an_unweighted_one_may()
    {
        var session = NewSession();
        foreach (var code in new[] { "kpi", "performance" })
            await session.SetIndicatorWeightAsync(code, 0);
        session.PreviewEngine.ShouldBeNull();

        await session.SetLevelWeightAsync(KirkpatrickLevel.Results, 0);
        session.PreviewEngine.ShouldNotBeNull();
    }
}
