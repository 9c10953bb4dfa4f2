using MudBlazor;
using MudBlazor.Utilities;
using TrainingEval.Dashboard.Components.Layout;
using TrainingEval.Domain.Evaluation;

namespace TrainingEval.Dashboard.Components.Dashboards;

/// <summary>Colours with a meaning, taken from the theme so they follow light and dark mode.</summary>
public static class DashboardColors
{
    /// <summary>One colour per Kirkpatrick level, the same on every chart.</summary>
    public static IReadOnlyList<string> Levels(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var p = Palette(theme);
        return [Hex(p.Info), Hex(p.Secondary), Hex(p.Tertiary), Hex(p.Primary)];
    }

    /// <summary>Tier colours from best to worst: A, B, C, D, insufficient, then "no score".</summary>
    public static IReadOnlyList<string> Tiers(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var p = Palette(theme);
        return [Hex(p.Success), Hex(p.Primary), Hex(p.Info), Hex(p.Warning), Hex(p.Error), Hex(p.TextDisabled)];
    }

    public static string Primary(ThemeState theme) => Hex(Palette(theme).Primary);

    public static string Secondary(ThemeState theme) => Hex(Palette(theme).Secondary);

    public static string Warning(ThemeState theme) => Hex(Palette(theme).Warning);

    public static string Muted(ThemeState theme) => Hex(Palette(theme).TextSecondary);

    public static string Tier(ThemeState theme, Tier tier) => Tiers(theme)[(int)tier];

    private static Palette Palette(ThemeState theme) => theme.IsDarkMode ? theme.Theme.PaletteDark : theme.Theme.PaletteLight;

    private static string Hex(MudColor color) => color.ToString(MudColorOutputFormats.Hex);
}
