namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>
/// The drill-down links of chart points and slices: app-relative only (<c>cohorts/LEAN-2025-03</c>,
/// <c>/learners/E1001?x=1</c>), so a chart can never send the reader to another site or run a <c>javascript:</c> URL,
/// whatever the data behind it says.
/// </summary>
public static class ChartHref
{
    /// <summary>Returns <paramref name="href"/> when it is null or app-relative; otherwise throws naming the value.</summary>
    public static string? Check(string? href)
    {
        if (href is null)
            return null;
        if (!IsAppRelative(href))
            throw new ArgumentException($"A chart link must be an app-relative path such as \"cohorts/LEAN-2025-03\", got \"{href}\".", nameof(href));
        return href;
    }

    /// <summary>
    /// A non-empty path without a scheme (nothing like <c>https:</c> or <c>javascript:</c> before the first <c>/ ? #</c>),
    /// not protocol-relative (<c>//host</c>, <c>/\host</c>, <c>\\host</c>) and without control characters or white space at its ends.
    /// </summary>
    public static bool IsAppRelative(string href)
    {
        ArgumentNullException.ThrowIfNull(href);
        if (href.Length == 0 || href.Trim().Length != href.Length || href.Any(char.IsControl))
            return false;
        if (href.StartsWith("//", StringComparison.Ordinal) || href.StartsWith("/\\", StringComparison.Ordinal) || href.StartsWith('\\'))
            return false;
        var end = href.IndexOfAny(['/', '?', '#']);
        var head = end < 0 ? href : href[..end];
        return !head.Contains(':', StringComparison.Ordinal) && !head.Contains('\\', StringComparison.Ordinal);
    }
}
