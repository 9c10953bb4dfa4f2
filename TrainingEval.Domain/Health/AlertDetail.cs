using System.Globalization;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Health;

/// <summary>
/// What triggered an alert, stored without words so each reader sees it in their own language: codes, ids and
/// numbers only, in invariant notation. Index points and assessment scores carry one decimal (the precision every page
/// shows them with); 1–5 ratings are whole numbers. The stored form is <c>[subject: ]before → after</c>, or
/// <c>→ after</c> when there is no before:
/// <list type="bullet">
/// <item><c>lhi_drop</c> / <c>at_risk</c>: no subject (<c>78.5 → 61.0</c>, <c>→ 55.0</c>); the one alert that names both
/// causes has the subject <see cref="BothIndexCauses"/> (<c>lhi_drop+at_risk: 78.5 → 55.0</c>).</item>
/// <item><c>competency_drop</c>: the dimension code (<c>initiative: 4 → 2</c>).</item>
/// <item><c>score_drop</c>: the assessment's id (<c>assessment:17: 80.0 → 62.0</c>), before being the mean of the earlier results.</item>
/// </list>
/// </summary>
public sealed record AlertDetail(string? Subject, double? Before, double After)
{
    /// <summary>The subject of the one alert raised when <c>at_risk</c> and <c>lhi_drop</c> fire for the same fall.</summary>
    public const string BothIndexCauses = "lhi_drop+at_risk";

    /// <summary>The subject prefix of a <c>score_drop</c>: <c>assessment:{id}</c>.</summary>
    public const string AssessmentPrefix = "assessment:";

    private const string Arrow = "→";

    /// <summary>An index alert; <paramref name="bothCauses"/> when the fall is also a move into at risk.</summary>
    public static AlertDetail Index(double? before, double after, bool bothCauses) =>
        new(bothCauses ? BothIndexCauses : null, before is { } b ? Points(b) : null, Points(after));

    /// <summary>A <c>competency_drop</c> of a mentor dimension (ratings 1–5).</summary>
    public static AlertDetail Rating(string dimension, int before, int after)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        return new(dimension.Trim().ToLowerInvariant(), before, after);
    }

    /// <summary>A <c>score_drop</c> of the assessment with this id: the mean of the earlier results, then the new score.</summary>
    public static AlertDetail Assessment(int assessmentId, double earlierMean, double score) =>
        new(AssessmentPrefix + assessmentId.ToString(CultureInfo.InvariantCulture), Points(earlierMean), Points(score));

    /// <summary>The alert names both index causes: the index fell by 10 points or more and moved into at risk.</summary>
    public bool NamesBothIndexCauses => Subject == BothIndexCauses;

    /// <summary>The built-in mentor dimension of a <c>competency_drop</c>; null for other details.</summary>
    public string? Dimension => Subject is { } s && BuiltInIndicators.MentorDimensions.Contains(s, StringComparer.Ordinal) ? s : null;

    /// <summary>The assessment of a <c>score_drop</c>; null for other details.</summary>
    public int? AssessmentId =>
        Subject is { } s && s.StartsWith(AssessmentPrefix, StringComparison.Ordinal)
        && int.TryParse(s.AsSpan(AssessmentPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    /// <summary>After − before; null without a before.</summary>
    public double? Change => Before is { } b ? After - b : null;

    /// <summary>The stored form (see the type's summary).</summary>
    public override string ToString()
    {
        var change = Before is { } b ? $"{Number(b)} {Arrow} {Number(After)}" : $"{Arrow} {Number(After)}";
        return Subject is null ? change : $"{Subject}: {change}";
    }

    /// <summary>
    /// Reads a stored detail; null for text in another form (a detail written before details were language-free,
    /// which the UI then shows as it is).
    /// </summary>
    public static AlertDetail? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var body = text.Trim();
        string? subject = null;
        var colon = body.LastIndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            subject = body[..colon];
            body = body[(colon + 2)..];
            if (subject.Any(char.IsWhiteSpace))
                return null;
        }
        var parts = body.Split(Arrow, 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryNumber(parts[1], out var after))
            return null;
        double? before = null;
        if (parts[0].Length > 0)
        {
            if (!TryNumber(parts[0], out var b))
                return null;
            before = b;
        }
        return new AlertDetail(subject, before, after);
    }

    private static double Points(double value) => ScoreRounding.Round(value, 1);

    /// <summary>A rating detail (a <c>competency_drop</c>): its values are whole 1–5 ratings, not points.</summary>
    public bool IsRating => Subject is { } s && s != BothIndexCauses && !s.StartsWith(AssessmentPrefix, StringComparison.Ordinal);

    // Whole ratings stay whole ("4 → 2"); points always show their one decimal ("61.0").
    private string Number(double value) =>
        value.ToString(IsRating ? "0.##" : "0.0", CultureInfo.InvariantCulture);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
