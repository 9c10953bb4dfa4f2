namespace TrainingEval.Domain.Identity;

/// <summary>
/// Spec section 9, "Identity": program codes, cohort codes, indicator codes and employee numbers are compared
/// without regard to letter case and surrounding spaces, everywhere. The key of a code is the code trimmed and
/// upper-cased with the invariant culture (like ASP.NET Identity's normalised user name); the database holds it
/// beside the code as first written and indexes it, so every lookup — import, API, URL, search — matches by it
/// on any provider, and a record keeps the spelling it was first stored with.
/// </summary>
public static class NaturalKey
{
    /// <summary>The key of a code or employee number: <c>" hx0001 "</c> and <c>"HX0001"</c> both give <c>"HX0001"</c>.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToUpperInvariant();
    }

    /// <summary>True when the two name the same record.</summary>
    public static bool Same(string? a, string? b) =>
        a is null || b is null ? a is null && b is null : string.Equals(Of(a), Of(b), StringComparison.Ordinal);

    /// <summary>Compares codes by their key, for dictionaries and sets in memory.</summary>
    public static IEqualityComparer<string> Comparer { get; } = new KeyComparer();

    private sealed class KeyComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => Same(x, y);

        public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Of(obj));
    }
}
