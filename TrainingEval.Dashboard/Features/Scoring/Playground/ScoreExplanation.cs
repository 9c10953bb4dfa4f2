using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Scoring.Playground;

/// <summary>One titled part of a breakdown: a level, or the composite.</summary>
public sealed record ExplanationSection(string Title, KirkpatrickLevel? Level, IReadOnlyList<ExplanationLine> Lines);

/// <summary>One sentence of a breakdown; <see cref="IsResult"/> marks the line that gives the section's number.</summary>
public sealed record ExplanationLine(string Text, bool IsResult = false);

/// <summary>
/// Writes out in plain language how each number on a score card was computed — each indicator's
/// points, each level's weighted mean and coverage, the composite, coverage, tier and pass — with the
/// same formulas as the evaluation model. The numbers come from the engine's score card; only the
/// formulas are spelled out here.
/// </summary>
public sealed class ScoreExplanation(IStringLocalizer<ScoringMessages> text, IStringLocalizer<EvaluationStrings> vocabulary)
{
    // "×" reads unambiguously in both languages (a middle dot renders full-width in CJK fonts).
    private const string Times = " × ";

    public IReadOnlyList<ExplanationSection> Explain(ScoredInput scored)
    {
        var sections = scored.Card.Levels.Select(level => ExplainLevel(level, scored)).ToList();
        sections.Add(ExplainComposite(scored));
        return sections;
    }

    private ExplanationSection ExplainLevel(LevelScore level, ScoredInput scored)
    {
        var policy = scored.Profile.Policy;
        var name = vocabulary.LevelName(level.Level);
        var lines = new List<ExplanationLine>();
        foreach (var indicator in level.Indicators)
            lines.Add(new(ExplainIndicator(indicator, scored, policy)));

        var counted = level.Indicators
            .Where(i => policy == MissingDataPolicy.Zero || i.IsPresent)
            .ToList();
        if (level.Score is { } score)
        {
            var terms = string.Join(" + ", counted.Select(i => $"{N(i.Indicator.Weight)}{Times}{N(i.Points ?? 0)}"));
            var denominator = counted.Sum(i => i.Indicator.Weight);
            lines.Add(new(text["Level_Score", name, terms, N(denominator), N(score)], IsResult: true));
        }
        else
        {
            lines.Add(new(text["Level_NoScore", name], IsResult: true));
        }

        var present = level.Indicators.Where(i => i.IsPresent).Sum(i => i.Indicator.Weight);
        var all = level.Indicators.Sum(i => i.Indicator.Weight);
        var missing = level.Indicators.Where(i => !i.IsPresent && i.Indicator.Weight > 0).Select(i => vocabulary.IndicatorName(i.Indicator)).ToList();
        lines.Add(new(missing.Count == 0
            ? text["Level_Coverage", N(present), N(all), N(level.Coverage)]
            : text["Level_CoverageMissing", string.Join(text["ListSeparator"], missing), N(present), N(all), N(level.Coverage)]));
        return new ExplanationSection(name, level.Level, lines);
    }

    private string ExplainIndicator(IndicatorScore indicator, ScoredInput scored, MissingDataPolicy policy)
    {
        var definition = indicator.Indicator;
        var name = vocabulary.IndicatorName(definition);
        if (indicator.Points is not { } points || !scored.RawValues.TryGetValue(definition.Code, out var raw))
            return text[policy == MissingDataPolicy.Zero ? "Indicator_MissingZero" : "Indicator_MissingLeftOut", name];

        var (formula, unclamped) = Formula(definition, raw);
        return unclamped is { } value && Math.Abs(value - points) > 1e-9
            ? text["Indicator_PointsClamped", name, formula, N(value), N(points)]
            : text["Indicator_Points", name, formula, N(points)];
    }

    /// <summary>The normalisation written out with the raw values, and its value before clamping where it clamps.</summary>
    private (string Formula, double? Unclamped) Formula(IndicatorDefinition definition, RawValue raw)
    {
        var v = raw.Value;
        var b = raw.Baseline ?? 0;
        var t = raw.Target ?? 0;
        return definition.Normalization switch
        {
            Normalization.Likert5 => ($"({R(v)} − 1) / 4 × 100", null),
            Normalization.Rate => ($"{R(v)} × 100", null),
            Normalization.Percent => (R(v), null),
            Normalization.Score => ($"{R(v)} / {R(definition.Max)} × 100", null),
            Normalization.CountTarget => ($"min({R(v)} / {R(definition.Target)}, 1) × 100", null),
            Normalization.Gain when b >= 100 => (text["Formula_GainFromFull", R(v)], null),
            Normalization.Gain => (text["Formula_Gain", R(b), R(v)], (v - b) / (100 - b) * 100),
            Normalization.RatingChange => (text["Formula_RatingChange", R(b), R(v)], 50 + (25 * (v - b))),
            Normalization.TargetAchievement => (text["Formula_TargetAchievement", R(b), R(t), R(v)], (v - b) / (t - b) * 100),
            _ => (R(v), null),
        };
    }

    private ExplanationSection ExplainComposite(ScoredInput scored)
    {
        var card = scored.Card;
        var profile = scored.Profile;
        var lines = new List<ExplanationLine>();
        var counted = card.Levels.Where(l => profile.Policy == MissingDataPolicy.Zero || l.Score is not null).ToList();
        if (card.Composite is { } composite)
        {
            var terms = string.Join(" + ", counted.Select(l => $"{N(l.Weight)}{Times}{N(l.Score ?? 0)}"));
            lines.Add(new(text["Composite", terms, N(counted.Sum(l => l.Weight)), N(composite)], IsResult: true));
        }
        else
        {
            lines.Add(new(text["Composite_None"], IsResult: true));
        }

        var coverageTerms = string.Join(" + ", card.Levels.Select(l => $"{N(l.Weight)}{Times}{N(l.Coverage)}"));
        lines.Add(new(text["Coverage", coverageTerms, N(card.Levels.Sum(l => l.Weight)), ScoreFormat.Percent(card.Coverage)], IsResult: true));

        if (card.Composite is null && card.Tier is { } nothingMeasured)
            lines.Add(new(text["Tier_NothingMeasured", vocabulary.TierLabel(nothingMeasured)]));
        if (card.Composite is { } value)
        {
            lines.Add(new(card.IsProvisional ? text["Provisional", ScoreFormat.Percent(card.Coverage)] : text["NotProvisional"]));
            if (card.Tier is { } tier)
                lines.Add(new(ExplainTier(tier, card, profile, value)));
            // The engine's verdict (with its tolerance at the line), never a comparison of our own.
            lines.Add(new(card.Passed == true
                ? text["Passed", N(value), N(profile.PassMark)]
                : text["NotPassed", N(value), N(profile.PassMark)]));
        }
        return new ExplanationSection(text["Composite_Title"], null, lines);
    }

    private string ExplainTier(Tier tier, ScoreCard card, WeightProfile profile, double composite)
    {
        var label = vocabulary.TierLabel(tier);
        var tiers = profile.Tiers;
        return tier switch
        {
            Tier.Insufficient => text["Tier_Insufficient", ScoreFormat.Percent(card.Coverage), label],
            Tier.A => text["Tier_AtLeast", N(composite), N(tiers.A), label],
            Tier.B => text["Tier_AtLeast", N(composite), N(tiers.B), label],
            Tier.C => text["Tier_AtLeast", N(composite), N(tiers.C), label],
            _ => text["Tier_Below", N(composite), N(tiers.C), label],
        };
    }

    private static string N(double value) => ScoreFormat.Compact(value);

    private static string R(double value) => ScoreFormat.Raw(value);
}
