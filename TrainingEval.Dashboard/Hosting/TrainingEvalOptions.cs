using System.Globalization;

namespace TrainingEval.Dashboard.Hosting;

/// <summary>The <c>TrainingEval</c> section of the repository root's appsettings.json.</summary>
public sealed class TrainingEvalOptions
{
    public const string SectionName = "TrainingEval";

    /// <summary>The UI culture until a user switches language, e.g. <c>zh-CN</c>.</summary>
    public string DefaultCulture { get; set; } = "zh-CN";

    /// <summary>
    /// Cultures a user can switch to. No default items: the configuration binder appends to a
    /// pre-filled collection instead of replacing it.
    /// </summary>
    public IList<string> SupportedCultures { get; } = [];

    /// <summary>
    /// The time zone times are shown in (IANA id, e.g. <c>Asia/Shanghai</c>): the organisation's, since a Blazor
    /// Server page cannot know each browser's. Stored times stay UTC.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// The organisation's currency (ISO 4217 code, e.g. <c>CNY</c>): every amount — KPI values per unit, cost items,
    /// ROI — is in it and is shown with it, so sums never mix currencies.
    /// </summary>
    public string Currency { get; set; } = DefaultCurrency;

    public const string DefaultCurrency = "CNY";

    /// <summary>Why these options cannot be used, or null when they can.</summary>
    public string? Problem()
    {
        if (SupportedCultures.Count == 0)
            return $"{SectionName}:SupportedCultures must name at least one culture.";
        foreach (var name in SupportedCultures.Append(DefaultCulture))
        {
            if (!IsKnownCulture(name))
                return $"{SectionName}: '{name}' is not a culture this machine knows.";
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
            return $"{SectionName}:TimeZone '{TimeZone}' is not a time zone this machine knows (use an IANA id such as Asia/Shanghai).";
        if (Currency is null || Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper))
            return $"{SectionName}:Currency '{Currency}' is not an ISO 4217 code (three capital letters, e.g. CNY).";
        if (!SupportedCultures.Contains(DefaultCulture, StringComparer.OrdinalIgnoreCase))
            return $"{SectionName}:DefaultCulture '{DefaultCulture}' is not one of SupportedCultures ({string.Join(", ", SupportedCultures)}).";
        return null;
    }

    private static bool IsKnownCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return false;
        try
        {
            return !CultureInfo.GetCultureInfo(name, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
