using MudBlazor;
using TrainingEval.Dashboard.Infrastructure.Charts;

namespace TrainingEval.Dashboard.Shared.Layout;

/// <summary>
/// What a page needs to colour its charts like the rest of the app: the theme, whether it is dark,
/// and the series palette for that mode. MainLayout cascades a new instance whenever the mode
/// changes, so a page that reads it re-renders and its charts recolour in place.
/// </summary>
/// <example><code>
/// [CascadingParameter] public ThemeState Theme { get; set; } = ThemeState.Light;
/// &lt;ApexChart DarkMode="Theme.IsDarkMode" Theme="Theme.Theme" Palette="Theme.ChartPalette" … /&gt;
/// </code></example>
public sealed record ThemeState(bool IsDarkMode, MudTheme Theme, IReadOnlyList<string> ChartPalette)
{
    /// <summary>The app's theme in light mode; the default before the layout cascades a value (and in tests).</summary>
    public static ThemeState Light { get; } = For(DashboardTheme.Theme, darkMode: false);

    /// <summary>The app's theme in dark mode.</summary>
    public static ThemeState Dark { get; } = For(DashboardTheme.Theme, darkMode: true);

    public static ThemeState For(MudTheme theme, bool darkMode)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return new ThemeState(darkMode, theme,
            ChartTheme.SeriesPalette(darkMode ? theme.PaletteDark : theme.PaletteLight));
    }

    /// <summary>The palette colour at <paramref name="index"/>, wrapping around.</summary>
    public string Color(int index) => ChartPalette[((index % ChartPalette.Count) + ChartPalette.Count) % ChartPalette.Count];
}
