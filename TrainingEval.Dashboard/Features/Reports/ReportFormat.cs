using System.Globalization;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Roi;
using TrainingEval.Domain.Statistics;

namespace TrainingEval.Dashboard.Features.Reports;

/// <summary>How the reports write statistics and money, and the plain sentence that explains each measure.</summary>
public static class ReportFormat
{
    // Numbers are written by ScoreFormat, like every page; only the report's own wording lives here.
    private static string Number(double? value, int decimals) => ScoreFormat.Number(value, decimals);

    private static string WithSign(double? value, int decimals = 2) => ScoreFormat.WithSign(value, decimals);

    private static string P(double? p) => ScoreFormat.P(p);

    private static string Interval(double? low, double? high, int decimals = 2) => ScoreFormat.Interval(low, high, decimals);

    /// <summary>Decimals for a measure: ratings 2, KPIs by the size of their values.</summary>
    public static int DecimalsFor(DifferenceMeasure measure) =>
        measure.Kind != DifferenceMeasureKind.Kpi ? 2 : measure.Paired.MeanBefore is { } b && Math.Abs(b) >= 100 ? 1 : 2;

    public static string UnitOf(DifferenceMeasure measure) =>
        measure.Unit is null ? "" : Bilingual.Pick(measure.Unit, measure.UnitEn);

    /// <summary>The unit of a change of the measure: percentage points for a percent KPI (<see cref="MeasureUnits"/>), else its unit.</summary>
    public static string ChangeUnitOf(IStringLocalizer<ReportStrings> text, string? unit, string? unitEn) =>
        MeasureUnits.IsPercent(unit) ? text["Unit_PercentagePoints"] : unit is null ? "" : Bilingual.Pick(unit, unitEn);

    /// <summary>A signed change with its unit when that unit is percentage points (a bare number under a "%" label misleads).</summary>
    public static string Change(IStringLocalizer<ReportStrings> text, string? unit, double? change, int decimals = 2) =>
        change is not null && MeasureUnits.IsPercent(unit) ? $"{WithSign(change, decimals)} {text["Unit_PercentagePoints"]}" : WithSign(change, decimals);

    /// <summary>One plain sentence about the before/after change of a measure (issue 8: "what the numbers mean").</summary>
    public static string Explain(IStringLocalizer<ReportStrings> text, DifferenceMeasure measure)
    {
        var p = measure.Paired;
        var name = measure.DisplayName();
        var decimals = DecimalsFor(measure);
        var unit = ChangeUnitOf(text, measure.Unit, measure.UnitEn);
        switch (p.State)
        {
            case StatisticsState.NoData:
                return text["Explain_NoData", name];
            case StatisticsState.TooFewPairs:
                return text["Explain_TooFew", name, p.N, PairedDifference.MinimumPairs];
            case StatisticsState.NoVariation:
                return text["Explain_NoVariation", name, p.N, WithSign(p.MeanDifference, decimals), unit];
        }
        var d = p.MeanDifference!.Value;
        var moved = (d == 0 ? text["Moved_None"] : d > 0 ? text["Moved_Up"] : text["Moved_Down"]).Value;
        var better = measure.ImprovedOnAverage switch { true => text["Better"].Value, false => text["Worse"].Value, _ => "" };
        var magnitude = text["Effect_" + EffectSizes.Classify(p.EffectSize!.Value)].Value;
        var sentence = p.IsSignificant
            ? text["Explain_Significant", name, moved, Number(Math.Abs(d), decimals), unit, better, Interval(p.ConfidenceLow, p.ConfidenceHigh, decimals), P(p.PValue), p.N, magnitude]
            : text["Explain_NotSignificant", name, WithSign(d, decimals), unit, Interval(p.ConfidenceLow, p.ConfidenceHigh, decimals), P(p.PValue), p.N];
        return p.IsSmallSample ? sentence + " " + text["Explain_SmallSample", p.N, PairedDifference.SmallSampleThreshold] : sentence;
    }

    /// <summary>One plain sentence about the difference-in-differences against the untrained group.</summary>
    public static string ExplainComparison(IStringLocalizer<ReportStrings> text, DifferenceMeasure measure)
    {
        var c = measure.Comparison;
        if (c is null || c.State == StatisticsState.NoData)
            return text["Comparison_None"];
        var decimals = DecimalsFor(measure);
        string Changed(double? value) => Change(text, measure.Unit, value, decimals);
        if (c.State is StatisticsState.TooFewPairs or StatisticsState.NoVariation)
            return text["Comparison_TooFew", c.ComparisonN, Changed(c.Estimate)];
        return c.IsSignificant
            ? text["Comparison_Significant", c.ComparisonN, Changed(c.ComparisonMeanChange), Changed(c.Estimate), Interval(c.ConfidenceLow, c.ConfidenceHigh, decimals), P(c.PValue)]
            : text["Comparison_NotSignificant", c.ComparisonN, Changed(c.ComparisonMeanChange), Changed(c.Estimate), Interval(c.ConfidenceLow, c.ConfidenceHigh, decimals), P(c.PValue)];
    }

    public static string CostCategoryName(IStringLocalizer<ReportStrings> text, CostCategory category) => text["Cost_" + category];
}
