using MudBlazor.Utilities;
using MudBlazor;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Shared;

/// <summary>Colours with a meaning, taken from the theme so they follow light and dark mode.</summary>
public static class DashboardColors
{
    // The theme's palette has too few colours that are far enough apart from the primary (used for the
    // composite) to tell four levels apart, so the levels get their own hues, lighter in dark mode.
    private static readonly string[] LevelsLight = ["#0284C7", "#059669", "#D97706", "#DB2777"];
    private static readonly string[] LevelsDark = ["#38BDF8", "#34D399", "#FBBF24", "#F472B6"];

    /// <summary>One colour per Kirkpatrick level (Reaction, Learning, Behavior, Results), the same on every chart.</summary>
    public static IReadOnlyList<string> Levels(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return theme.IsDarkMode ? LevelsDark : LevelsLight;
    }

    public static string Level(ThemeState theme, KirkpatrickLevel level) => Levels(theme)[(int)level];

    /// <summary>Tier colours from best to worst: A, B, C, D, insufficient, then "no score".</summary>
    public static IReadOnlyList<string> Tiers(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var p = Palette(theme);
        return [Hex(p.Success), Hex(p.Primary), Hex(p.Info), Hex(p.Warning), Hex(p.Error), Hex(p.GrayDefault)];
    }

    public static string Primary(ThemeState theme) => Hex(Palette(theme).Primary);

    public static string Secondary(ThemeState theme) => Hex(Palette(theme).Secondary);

    public static string Warning(ThemeState theme) => Hex(Palette(theme).Warning);

    /// <summary>A quiet slate for reference lines (e.g. the stored line under a draft), distinct from the grey trend.</summary>
    public static string Faint(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return theme.IsDarkMode ? "#64748B" : "#94A3B8";
    }

    public static string Muted(ThemeState theme) => Hex(Palette(theme).TextSecondary);

    public static string Tier(ThemeState theme, Tier tier) => Tiers(theme)[(int)tier];

    private static Palette Palette(ThemeState theme) => theme.IsDarkMode ? theme.Theme.PaletteDark : theme.Theme.PaletteLight;

    private static string Hex(MudColor color) => color.ToString(MudColorOutputFormats.Hex);
}
