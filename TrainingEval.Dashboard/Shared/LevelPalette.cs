using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Shared;

/// <summary>
/// One colour per Kirkpatrick level, the same in every chart and in the what-if sliders, so a level is
/// recognised by colour across the page. Taken from the theme where its colours are distinct enough
/// (primary, secondary, tertiary); the fourth is a violet the theme does not have.
/// </summary>
public static class LevelPalette
{
    public static IReadOnlyList<string> For(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var palette = theme.IsDarkMode ? theme.Theme.PaletteDark : theme.Theme.PaletteLight;
        return
        [
            Hex(palette.Primary),
            Hex(palette.Secondary),
            Hex(palette.Tertiary),
            theme.IsDarkMode ? "#C4B5FD" : "#7C3AED",
        ];
    }

    public static string Of(ThemeState theme, KirkpatrickLevel level) => For(theme)[(int)level];

    private static string Hex(MudBlazor.Utilities.MudColor color) => color.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex);
}
