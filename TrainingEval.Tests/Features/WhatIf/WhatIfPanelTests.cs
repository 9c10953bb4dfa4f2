using Bunit;
using TrainingEval.Dashboard.Features.WhatIf;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.WhatIf;

/// <summary>The panel's "weights do not sum to 100" notice is the validator's rule, tolerance included.</summary>
public sealed class WhatIfPanelTests : DashboardTestContext, IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        CohortDemoDatabase.Register(Services, _database);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Level_weights_summing_to_100_point_001_are_inside_the_tolerance_everywhere()
    {
        UseCulture("en");
        var session = new WhatIfSession(1, WeightProfile.Default, 1, 1);
        var panel = Render<WhatIfPanel>(p => p.Add(x => x.Session, session));

        // 15 + 25 + 35.001 + 25 = 100.001: on the spec's line (±0.001), so it can be saved as it is.
        await panel.InvokeAsync(() => session.SetLevelWeightAsync(KirkpatrickLevel.Behavior, 35.001));

        session.Problems().ShouldBeEmpty();
        panel.FindAll("[data-testid=whatif-sum-notice]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Level_weights_just_outside_the_tolerance_show_the_notice_the_validator_agrees_with()
    {
        UseCulture("en");
        var session = new WhatIfSession(1, WeightProfile.Default, 1, 1);
        var panel = Render<WhatIfPanel>(p => p.Add(x => x.Session, session));

        await panel.InvokeAsync(() => session.SetLevelWeightAsync(KirkpatrickLevel.Behavior, 35.0011));

        session.Problems().ShouldContain(p => p.ErrorCode == WeightProfileErrors.LevelWeightsSum);
        panel.Find("[data-testid=whatif-sum-notice]").TextContent.ShouldContain("100");
    }
}
