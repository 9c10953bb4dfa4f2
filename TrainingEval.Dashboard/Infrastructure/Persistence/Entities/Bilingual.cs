using System.Globalization;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>
/// A record whose name is stored in both UI languages so the dashboard can switch language live.
/// <see cref="Name"/> is the name as the organisation writes it (Chinese for the demo company);
/// <see cref="NameEn"/> is the English name, null when nobody supplied one.
/// </summary>
public interface IBilingualName
{
    string Name { get; }

    string? NameEn { get; }
}

public static class Bilingual
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 2000;

    /// <summary>The Chinese text for a Chinese UI culture, otherwise the English one; falls back to whichever exists.</summary>
    public static string Pick(string text, string? textEn, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var chinese = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return chinese || string.IsNullOrWhiteSpace(textEn) ? text : textEn;
    }

    public static string DisplayName(this IBilingualName named, CultureInfo? culture = null) =>
        Pick(named.Name, named.NameEn, culture);
}
