using System.Globalization;
using MudBlazor.Utilities;
using MudBlazor;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>Colours, font and locale a chart takes from the MudBlazor theme and the UI culture.</summary>
public sealed record ChartTheme
{
    public required ChartThemeMode Mode { get; init; }
    public required IReadOnlyList<string> SeriesColors { get; init; }
    public required string ForeColor { get; init; }
    public required string GridColor { get; init; }

    /// <summary>The colour charts sit on (MudPaper): slice borders, marker rings, annotation label boxes.</summary>
    public required string SurfaceColor { get; init; }

    /// <summary>Primary text colour, for annotation labels.</summary>
    public required string TextColor { get; init; }
    public required string FontFamily { get; init; }

    /// <summary>
    /// Series colours from a MudBlazor palette: the brand colours first, the status colours
    /// (warning, error) last so that a series is only red when there are many of them.
    /// </summary>
    public static IReadOnlyList<string> SeriesPalette(Palette palette)
    {
        ArgumentNullException.ThrowIfNull(palette);
        return [.. new[]
        {
            palette.Primary, palette.Tertiary, palette.Secondary, palette.Info,
            palette.Success, palette.Warning, palette.Error,
        }.Select(Hex)];
    }

    public static ChartTheme From(MudTheme theme, bool darkMode, IReadOnlyList<string>? seriesColors = null)
    {
        ArgumentNullException.ThrowIfNull(theme);
        Palette palette = darkMode ? theme.PaletteDark : theme.PaletteLight;
        return new ChartTheme
        {
            Mode = darkMode ? ChartThemeMode.Dark : ChartThemeMode.Light,
            SeriesColors = seriesColors is { Count: > 0 } ? seriesColors : SeriesPalette(palette),
            ForeColor = palette.TextSecondary.ToString(MudColorOutputFormats.RGBA),
            GridColor = palette.LinesDefault.ToString(MudColorOutputFormats.RGBA),
            SurfaceColor = palette.Surface.ToString(MudColorOutputFormats.RGBA),
            TextColor = palette.TextPrimary.ToString(MudColorOutputFormats.RGBA),
            FontFamily = string.Join(", ", theme.Typography.Default.FontFamily ?? ["Roboto", "Helvetica", "Arial", "sans-serif"]),
        };
    }

    /// <summary>The ApexCharts locale for a UI culture: its Simplified Chinese one for any zh culture, else English.</summary>
    public static string LocaleFor(CultureInfo uiCulture)
    {
        ArgumentNullException.ThrowIfNull(uiCulture);
        return uiCulture.TwoLetterISOLanguageName == "zh" ? "zh-cn" : "en";
    }

    private static string Hex(MudColor color) => color.ToString(MudColorOutputFormats.Hex);
}
