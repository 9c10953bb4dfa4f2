using MudBlazor;

namespace TrainingEval.Dashboard.Shared.Layout;

/// <summary>The product's look: a calm navy-and-indigo palette in light and dark, CJK-aware fonts.</summary>
public static class DashboardTheme
{
    private static readonly string[] FontFamily =
        ["Inter", "Segoe UI", "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3451D1",
            Secondary = "#0F9D8A",
            Tertiary = "#C2410C",
            Info = "#2563EB",
            Success = "#15803D",
            Warning = "#B45309",
            Error = "#C62828",
            AppbarBackground = "#17233F",
            AppbarText = "#F8FAFC",
            Background = "#F4F6FA",
            BackgroundGray = "#EBEEF5",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#1E293B",
            DrawerIcon = "#475569",
            TextPrimary = "#1E293B",
            TextSecondary = "#5B6475",
            LinesDefault = "#E2E6EE",
            TableLines = "#E2E6EE",
            Divider = "#E2E6EE",
            ActionDefault = "#475569",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8EA2FF",
            Secondary = "#34D3BC",
            Tertiary = "#FB923C",
            Info = "#60A5FA",
            Success = "#4ADE80",
            Warning = "#FBBF24",
            Error = "#F87171",
            // Light fills in the dark theme take dark text: white on them is under WCAG AA's 4.5:1 (axe color-contrast).
            PrimaryContrastText = "#0D1220",
            SecondaryContrastText = "#0D1220",
            TertiaryContrastText = "#0D1220",
            InfoContrastText = "#0D1220",
            SuccessContrastText = "#0D1220",
            WarningContrastText = "#0D1220",
            ErrorContrastText = "#0D1220",
            AppbarBackground = "#111827",
            AppbarText = "#E5E7EB",
            Background = "#0D1220",
            BackgroundGray = "#151B2B",
            Surface = "#161D2E",
            DrawerBackground = "#111827",
            DrawerText = "#E5E7EB",
            DrawerIcon = "#9CA3AF",
            TextPrimary = "#E5E7EB",
            TextSecondary = "#9CA3AF",
            LinesDefault = "#273047",
            TableLines = "#273047",
            Divider = "#273047",
            ActionDefault = "#9CA3AF",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily, FontSize = ".875rem", LineHeight = "1.5" },
            H4 = new H4Typography { FontFamily = FontFamily, FontWeight = "600", FontSize = "1.75rem", LineHeight = "1.3" },
            H5 = new H5Typography { FontFamily = FontFamily, FontWeight = "600", FontSize = "1.35rem", LineHeight = "1.35" },
            H6 = new H6Typography { FontFamily = FontFamily, FontWeight = "600", FontSize = "1.05rem", LineHeight = "1.4" },
            Subtitle1 = new Subtitle1Typography { FontFamily = FontFamily, FontWeight = "600" },
            Subtitle2 = new Subtitle2Typography { FontFamily = FontFamily, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontFamily, FontWeight = "600", TextTransform = "none" },
            Overline = new OverlineTypography { FontFamily = FontFamily, FontWeight = "600", LetterSpacing = ".08em" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
            DrawerWidthLeft = "248px",
            AppbarHeight = "60px",
        },
    };
}
