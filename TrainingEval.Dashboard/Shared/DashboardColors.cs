using MudBlazor.Utilities;
using MudBlazor;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Shared;

/// <summary>
/// The one palette of the dashboard: every chart series, chip, dot and table cell that stands for a
/// Kirkpatrick level, a tier or one of the measures below takes its colour from here, in light and in
/// dark mode, so a level or a tier is recognised by its colour on every page (docs/charts.md, "Colours").
/// <list type="bullet">
/// <item>Levels have hues of their own (cyan, violet, orange, pink) that no tier, no status and not the
/// composite uses, so a level colour always means that level.</item>
/// <item>Tiers are the theme's status colours from good to poor (A success green, B info blue, C warning
/// amber, D error red), then slate greys for "insufficient data" and "no score": grey says there is too
/// little data, not that the learner did badly.</item>
/// <item>The composite is the theme's primary; reference lines (trend, stored scores, history) are greys;
/// nominal series that are neither (cohorts side by side, mentor dimensions) take <see cref="Categorical(ThemeState)"/>,
/// which avoids the level hues.</item>
/// </list>
/// Reports draw on paper with the light values (<c>ReportChartBuilder.Paper</c>): the same hues, dark enough for print.
/// </summary>
public static class DashboardColors
{
    // Tailwind 600 in light mode, 400 in dark mode: one hue per level, at least 3:1 against the surface in both.
    private static readonly string[] LevelsLight = ["#0891B2", "#7C3AED", "#EA580C", "#DB2777"];
    private static readonly string[] LevelsDark = ["#22D3EE", "#A78BFA", "#FB923C", "#F472B6"];

    // Insufficient data, then no score: slate greys, the second lighter (at least 3:1 against the surface).
    private static readonly string[] UnscoredLight = ["#64748B", "#8591A5"];
    private static readonly string[] UnscoredDark = ["#94A3B8", "#64748B"];

    // After the theme's primary and secondary: rose, olive, brown — as far from the level hues and the tier colours as hues go.
    private static readonly string[] CategoricalLight = ["#881337", "#4D7C0F", "#78350F"];
    private static readonly string[] CategoricalDark = ["#FDA4AF", "#A3E635", "#D6A77A"];

    // Text on a fill: white or this ink, whichever contrasts more (the dark theme's page background).
    private const string DarkText = "#0D1220";

    /// <summary>One colour per Kirkpatrick level in <see cref="KirkpatrickLevels.All"/> order (Reaction, Learning, Behavior, Results).</summary>
    public static IReadOnlyList<string> Levels(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return theme.IsDarkMode ? LevelsDark : LevelsLight;
    }

    /// <summary>The colour of <paramref name="level"/> on every chart, dot and legend.</summary>
    public static string Level(ThemeState theme, KirkpatrickLevel level) => Levels(theme)[(int)level];

    /// <summary>Tier colours in <see cref="Tier"/> order — A, B, C, D, insufficient — then "no score".</summary>
    public static IReadOnlyList<string> Tiers(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var p = Palette(theme);
        var unscored = theme.IsDarkMode ? UnscoredDark : UnscoredLight;
        return [Hex(p.Success), Hex(p.Info), Hex(p.Warning), Hex(p.Error), unscored[0], unscored[1]];
    }

    /// <summary>The colour of <paramref name="tier"/>: a chart's slice or bar, and the fill of its <see cref="TierChip"/>.</summary>
    public static string Tier(ThemeState theme, Tier tier) => Tiers(theme)[(int)tier];

    /// <summary>Learners without any score (the grey after the tiers).</summary>
    public static string NoScore(ThemeState theme) => Tiers(theme)[^1];

    /// <summary>
    /// Text on a fill of this palette (a tier chip, a data label in a bar or slice, a marker's label): white or a
    /// near-black ink, whichever contrasts more — at least 4.5:1 on every level, tier and measure colour in both modes.
    /// </summary>
    public static string OnFill(string fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var white = ContrastRatio(fill, "#FFFFFF");
        return white >= ContrastRatio(fill, DarkText) ? "#FFFFFF" : DarkText;
    }

    /// <summary>The text colour of each fill in <paramref name="fills"/> (see <see cref="OnFill(string)"/>), e.g. a chart's data-label colours.</summary>
    public static IReadOnlyList<string> OnFills(IEnumerable<string> fills) => [.. fills.Select(OnFill)];

    /// <summary>The WCAG 2 contrast ratio of two <c>#RRGGBB</c> colours (1 to 21).</summary>
    public static double ContrastRatio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>The composite score (and a single learner or cohort against a reference): the theme's primary.</summary>
    public static string Composite(ThemeState theme) => Hex(Palette(theme).Primary);

    /// <summary>Pass rates: the success green of "passed".</summary>
    public static string PassRate(ThemeState theme) => Hex(Palette(theme).Success);

    /// <summary>Coverage (how much of the data exists): the slate of "insufficient data", because both say how much data there is.</summary>
    public static string Coverage(ThemeState theme) => Tier(theme, Domain.Scoring.Tier.Insufficient);

    /// <summary>Provisional scores, profile-version and small-cohort markers: the theme's warning.</summary>
    public static string Warning(ThemeState theme) => Hex(Palette(theme).Warning);

    /// <summary>Secondary lines such as a trend or the cohorts a level funnel starts from: the theme's secondary text.</summary>
    public static string Muted(ThemeState theme) => Hex(Palette(theme).TextSecondary);

    /// <summary>A quiet slate for references (the stored line under a draft, the program's history, the cohort mean), distinct from the trend.</summary>
    public static string Faint(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return theme.IsDarkMode ? "#64748B" : "#94A3B8";
    }

    /// <summary>Near-text ink for outlines and markers drawn over coloured shapes (box outlines, mean diamonds, a count line over bars).</summary>
    public static string Ink(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return theme.IsDarkMode ? "#E2E8F0" : "#334155";
    }

    /// <summary>
    /// Colours for nominal series that are neither a level nor a tier — cohorts side by side, mentor
    /// dimensions — in order: primary, secondary, then rose, olive and brown; none of them a level hue or a tier colour.
    /// </summary>
    public static IReadOnlyList<string> Categorical(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var p = Palette(theme);
        return [Hex(p.Primary), Hex(p.Secondary), .. theme.IsDarkMode ? CategoricalDark : CategoricalLight];
    }

    /// <summary>The <paramref name="index"/>-th categorical colour, wrapping around.</summary>
    public static string Categorical(ThemeState theme, int index)
    {
        var colors = Categorical(theme);
        return colors[((index % colors.Count) + colors.Count) % colors.Count];
    }

    private static double Luminance(string hex)
    {
        var color = new MudColor(hex);
        static double Linear(byte channel)
        {
            var c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Linear(color.R)) + (0.7152 * Linear(color.G)) + (0.0722 * Linear(color.B));
    }

    private static Palette Palette(ThemeState theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return theme.IsDarkMode ? theme.Theme.PaletteDark : theme.Theme.PaletteLight;
    }

    // Upper case like the hues above, so one colour is always one string.
    private static string Hex(MudColor color) => color.ToString(MudColorOutputFormats.Hex).ToUpperInvariant();
}
