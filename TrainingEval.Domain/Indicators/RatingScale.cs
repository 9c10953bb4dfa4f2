namespace TrainingEval.Domain.Indicators;

/// <summary>
/// The 1–5 scale of mentor ratings, performance review ratings and <c>likert5</c> survey means (spec
/// sections 2 and 5). The validators, the database's CHECK constraints and the rating dialog read it here.
/// </summary>
public static class RatingScale
{
    public const int Min = 1;
    public const int Max = 5;

    /// <summary>Every point of the scale, lowest first (what a rating control offers).</summary>
    public static IReadOnlyList<int> Values { get; } = [.. Enumerable.Range(Min, Max - Min + 1)];

    public static bool Contains(double value) => value is >= Min and <= Max;

    /// <summary>"1–5", as messages write the range.</summary>
    public static string Range => $"{Min}–{Max}";
}
