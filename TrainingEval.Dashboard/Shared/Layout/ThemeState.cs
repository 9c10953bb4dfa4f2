using MudBlazor;

namespace TrainingEval.Dashboard.Shared.Layout;

/// <summary>
/// What a page needs to colour its charts like the rest of the app: the theme and whether it is dark.
/// MainLayout cascades a new instance whenever the mode changes, so a page that reads it re-renders and
/// its charts recolour in place. The colours themselves (levels, tiers, the composite, …) come from
/// <see cref="DashboardColors"/> for this state.
/// </summary>
/// <example><code>
/// [CascadingParameter] public ThemeState Theme { get; set; } = ThemeState.Light;
/// &lt;ApexChart DarkMode="Theme.IsDarkMode" Theme="Theme.Theme" … /&gt;
/// new ChartSeries { Name = …, Color = DashboardColors.Level(Theme, level), … }
/// </code></example>
public sealed record ThemeState(bool IsDarkMode, MudTheme Theme)
{
    /// <summary>The app's theme in light mode; the default before the layout cascades a value (and in tests).</summary>
    public static ThemeState Light { get; } = For(DashboardTheme.Theme, darkMode: false);

    /// <summary>The app's theme in dark mode.</summary>
    public static ThemeState Dark { get; } = For(DashboardTheme.Theme, darkMode: true);

    public static ThemeState For(MudTheme theme, bool darkMode)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return new ThemeState(darkMode, theme);
    }
}
