namespace TrainingEval.Dashboard.Shared.Layout;

/// <summary>
/// The light/dark choice, kept per browser in a cookie (written by ThemeToggle.razor.js) so the
/// server renders the loading screen and the first page in the chosen theme, without a flash of the other one.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "trainingeval-theme";
    public const string Dark = "dark";
    public const string Light = "light";
    public const string CascadingName = "InitialDarkMode";

    public static bool IsDark(HttpContext? context) =>
        context?.Request.Cookies.TryGetValue(CookieName, out var value) == true
        && string.Equals(value, Dark, StringComparison.Ordinal);
}
