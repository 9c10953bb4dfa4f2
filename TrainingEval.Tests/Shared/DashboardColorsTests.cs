using MudBlazor.Utilities;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Shared;

/// <summary>The one palette keeps its promises in light and dark mode: distinct level hues, readable text on every fill.</summary>
public sealed class DashboardColorsTests
{
    public static TheoryData<bool> Modes => [false, true];

    private static ThemeState Theme(bool dark) => dark ? ThemeState.Dark : ThemeState.Light;

    private static string Surface(ThemeState theme) =>
        (theme.IsDarkMode ? theme.Theme.PaletteDark.Surface : theme.Theme.PaletteLight.Surface).ToString(MudColorOutputFormats.Hex);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_level_and_tier_colour_stands_out_from_the_surface_by_at_least_3_to_1(bool dark)
    {
        var theme = Theme(dark);
        foreach (var color in DashboardColors.Levels(theme).Concat(DashboardColors.Tiers(theme)).Append(DashboardColors.Composite(theme)))
            DashboardColors.ContrastRatio(color, Surface(theme)).ShouldBeGreaterThanOrEqualTo(3, color);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Text_on_every_tier_level_and_measure_fill_reaches_AA(bool dark)
    {
        var theme = Theme(dark);
        IEnumerable<string> fills =
        [
            .. DashboardColors.Tiers(theme), .. DashboardColors.Levels(theme), .. DashboardColors.Categorical(theme),
            DashboardColors.Composite(theme), DashboardColors.PassRate(theme), DashboardColors.Coverage(theme), DashboardColors.Warning(theme),
            DashboardColors.Muted(theme),
        ];
        foreach (var fill in fills)
            DashboardColors.ContrastRatio(DashboardColors.OnFill(fill), fill).ShouldBeGreaterThanOrEqualTo(4.5, fill);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_level_colour_is_used_for_nothing_but_its_level(bool dark)
    {
        var theme = Theme(dark);
        var levels = DashboardColors.Levels(theme);
        levels.Distinct().Count().ShouldBe(KirkpatrickLevels.Count);
        IEnumerable<string> others =
        [
            .. DashboardColors.Tiers(theme), .. DashboardColors.Categorical(theme), DashboardColors.Composite(theme), DashboardColors.PassRate(theme),
            DashboardColors.Coverage(theme), DashboardColors.Warning(theme), DashboardColors.Muted(theme), DashboardColors.Faint(theme), DashboardColors.Ink(theme),
        ];
        others.Intersect(levels).ShouldBeEmpty();
        DashboardColors.Tiers(theme).Distinct().Count().ShouldBe(Enum.GetValues<Tier>().Length + 1);
    }

    [Fact]
    public void The_same_colour_is_always_the_same_string()
    {
        foreach (var theme in new[] { ThemeState.Light, ThemeState.Dark })
        {
            foreach (var color in DashboardColors.Tiers(theme).Concat(DashboardColors.Levels(theme)).Concat(DashboardColors.Categorical(theme)))
                color.ShouldMatch("^#[0-9A-F]{6}$");
        }
    }
}
