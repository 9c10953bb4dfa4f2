using System.Globalization;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

using TrainingEval.Dashboard.Shared;

namespace TrainingEval.Dashboard.Features.Reports.Export;

/// <summary>Keys of the chart images a report page sends with an export request.</summary>
public static class ReportCharts
{
    public const string Levels = "levels";
    public const string Tiers = "tiers";
    public const string Sensitivity = "sensitivity";
    public const string Growth = "growth";
}

/// <summary>
/// Turns each report into a <see cref="ReportDocument"/> (what the PDF prints and the XLSX holds), in the current
/// UI culture, with the same words as the pages.
/// </summary>
public sealed class ReportDocumentBuilder(IStringLocalizer<ReportStrings> text, IStringLocalizer<EvaluationStrings> evaluation, TimeProvider clock)
{
    private string Footer(string subject) =>
        text["Pdf_Footer", subject, clock.GetLocalNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)];

    /// <summary>"Name (code) · program · start – end": the subtitle of every cohort report, on the page and in the PDF.</summary>
    public string CohortSubtitle(CohortInfo c) => CohortLine(c);

    private string CohortLine(CohortInfo c) =>
        text["Pdf_CohortLine", c.DisplayName(), c.Code, c.ProgramDisplayName(), c.StartDate.ToString("d", CultureInfo.CurrentCulture), c.EndDate.ToString("d", CultureInfo.CurrentCulture),
            evaluation.CohortStatusName(c.Status)];

    /// <summary>The note a report of a cohort that has not ended opens with (spec section 9: its results are provisional as a whole); null once it has ended.</summary>
    public string? RunningNote(CohortInfo c) =>
        c.ResultsAreProvisional ? text["Eff_Running", c.EndDate.ToString("d", CultureInfo.CurrentCulture)].Value : null;

    private static ReportCell Num(double? value, int decimals = 2) =>
        new(ScoreFormat.Number(value, decimals), value is { } v ? ScoreRounding.Round(v, decimals) : null);

    private static ReportCell Share(decimal part, decimal total) =>
        total > 0 ? new(ScoreFormat.Percent((double)(part / total), 0), Math.Round((double)(part / total), 4)) : new(ScoreFormat.Missing, null);

    private static ReportCell Int(int value) => new(value.ToString("N0", CultureInfo.CurrentCulture), value);

    private static ReportCell Money(decimal value) => new(ScoreFormat.Money(value), decimal.Round(value, 2));

    // A change keeps its number for the spreadsheet and says "pp" on paper when the measure is a percentage.
    private ReportCell Change(string? unit, double? value, int decimals = 2) =>
        new(ReportFormat.Change(text, unit, value, decimals), value is { } v ? ScoreRounding.Round(v, decimals) : null);

    public ReportDocument Effectiveness(EffectivenessReport r, IReadOnlyDictionary<string, byte[]> charts)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(charts);
        var s = r.Summary;
        var blocks = new List<ReportBlock>();
        if (RunningNote(r.Cohort) is { } running)
            blocks.Add(new ParagraphBlock(running));
        blocks.AddRange(
        [
            new HeadingBlock(text["Eff_Summary"]),
            new FactsBlock(
            [
                (text["Eff_Learners"], s.EnrollmentCount.ToString("N0", CultureInfo.CurrentCulture)),
                (text["Eff_Completion"], ScoreFormat.Percent(r.CompletionRate)),
                (text["Eff_MeanComposite"], ScoreFormat.Number(s.MeanComposite, 1)),
                (text["Eff_PassRate"], ScoreFormat.Percent(s.PassRate)),
            ]),
            new ParagraphBlock(text["Eff_SummarySentence", s.EnrollmentCount, r.Enrolled, r.Withdrawn, ScoreFormat.Number(s.MeanComposite, 1), ScoreFormat.Percent(s.PassRate), ScoreFormat.Percent(s.MeanCoverage)]),
            new HeadingBlock(text["Eff_Levels"]),
        ]);
        if (charts.GetValueOrDefault(ReportCharts.Levels) is { } levels)
            blocks.Add(new ImageBlock(levels, text["Eff_LevelsCaption"]));
        blocks.Add(new TableBlock(text["Sheet_Levels"], [text["Col_Level"], text["Col_Cohort"], text["Col_History"], text["Col_HistoryRuns"], text["Col_Coverage"]],
            r.Levels.Select(l => (IReadOnlyList<ReportCell>)[evaluation.LevelName(l.Level), Num(l.CohortMean, 1), Num(l.HistoryMean, 1), Int(l.HistoryRuns),
                new ReportCell(ScoreFormat.Percent(l.MeanCoverage), l.MeanCoverage is { } c ? ScoreRounding.Round(c, 4) : null)]).ToList(), [2, 1, 1, 1, 1]));

        blocks.Add(new HeadingBlock(text["Eff_Tiers"]));
        if (charts.GetValueOrDefault(ReportCharts.Tiers) is { } tiers)
            blocks.Add(new ImageBlock(tiers, text["Eff_TiersCaption"]));
        blocks.Add(new TableBlock(text["Sheet_Tiers"], [text["Col_Tier"], text["Col_Learners"], text["Col_Share"]],
            s.TierCounts.Select(t => (IReadOnlyList<ReportCell>)[evaluation.TierLabel(t.Key), Int(t.Value),
                new ReportCell(ScoreFormat.Percent(s.EnrollmentCount == 0 ? null : (double)t.Value / s.EnrollmentCount), s.EnrollmentCount == 0 ? null : ScoreRounding.Round((double)t.Value / s.EnrollmentCount, 4))]).ToList()));

        blocks.Add(new HeadingBlock(text["Eff_TopBottom"]));
        if (!r.NamesVisible)
            blocks.Add(new ParagraphBlock(text["Eff_NamesHidden"], Muted: true));
        IReadOnlyList<string> learnerColumns = [text["Col_Rank"], text["Col_Learner"], text["Col_Composite"], text["Col_Tier"]];
        IReadOnlyList<ReportCell> LearnerRow(RankedLearner l) =>
            [new ReportCell(l.Rank?.ToString(CultureInfo.CurrentCulture) ?? ScoreFormat.Missing, l.Rank), l.Name is null ? text["Eff_Hidden"].Value : $"{Bilingual.Pick(l.Name, l.NameEn)} ({l.EmployeeNumber})",
             Num(l.Composite, 1), l.Tier is { } t ? evaluation.TierLabel(t) : ScoreFormat.Missing];
        blocks.Add(new ParagraphBlock(text["Eff_Top"]));
        blocks.Add(new TableBlock(text["Sheet_Top"], learnerColumns, r.Top.Select(LearnerRow).ToList(), [1, 3, 1.2, 1.2]));
        blocks.Add(new ParagraphBlock(text["Eff_Bottom"]));
        blocks.Add(new TableBlock(text["Sheet_Bottom"], learnerColumns, r.Bottom.Select(LearnerRow).ToList(), [1, 3, 1.2, 1.2]));

        blocks.Add(new HeadingBlock(text["Eff_Alerts"]));
        blocks.Add(new TableBlock(text["Sheet_Alerts"], [text["Col_AlertType"], text["Col_Open"], text["Col_Total"]],
            r.Alerts.Select(a => (IReadOnlyList<ReportCell>)[text["Alert_" + a.Type].Value, Int(a.Open), Int(a.Total)]).ToList(), [3, 1, 1]));

        blocks.Add(new HeadingBlock(text["Eff_Missing"]));
        blocks.Add(new TableBlock(text["Sheet_Missing"], [text["Col_What"], text["Col_Learners"]],
        [
            [text["Missing_Unscored"].Value, Int(r.Missing.Unscored)],
            [text["Missing_Provisional"].Value, Int(r.Missing.Provisional)],
            .. KirkpatrickLevels.All.Select(l => (IReadOnlyList<ReportCell>)[text["Missing_Level", evaluation.LevelName(l)].Value, Int(r.Missing.LearnersWithoutLevel[(int)l])]),
            [text["Missing_Kpi"].Value, Int(r.Missing.KpiMeasurementsPending)],
        ], [4, 1]));
        if (r.ProfileVersion is { } version)
            blocks.Add(new ParagraphBlock(text["Eff_Profile", version], Muted: true));
        return new ReportDocument(text["Eff_Title"], CohortLine(r.Cohort), Footer(r.Cohort.Code), blocks);
    }

    public ReportDocument Difference(DifferenceReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var blocks = new List<ReportBlock> { new ParagraphBlock(text["Diff_Intro"]) };
        blocks.Add(new TableBlock(text["Sheet_Difference"],
            [text["Col_Measure"], text["Col_N"], text["Col_Before"], text["Col_After"], text["Col_MeanDiff"], text["Col_Ci"], text["Col_P"], text["Col_Dz"]],
            r.Measures.Select(m =>
            {
                var p = m.Paired;
                var d = ReportFormat.DecimalsFor(m);
                return (IReadOnlyList<ReportCell>)[MeasureLabel(m), Int(p.N), Num(p.MeanBefore, d), Num(p.MeanAfter, d), Change(m.Unit, p.MeanDifference, d),
                    ScoreFormat.Interval(p.ConfidenceLow, p.ConfidenceHigh, d), new ReportCell(ScoreFormat.P(p.PValue), p.PValue is { } pv ? ScoreRounding.Round(pv, 6) : null), Num(p.EffectSize)];
            }).ToList(), [3, 0.7, 1, 1, 1, 1.8, 0.9, 0.8]));
        var comparisons = r.Measures.Where(m => m.Comparison is not null).ToList();
        if (comparisons.Count > 0)
        {
            blocks.Add(new HeadingBlock(text["Diff_Comparison"]));
            blocks.Add(new TableBlock(text["Sheet_DiD"],
                [text["Col_Measure"], text["Col_TrainedN"], text["Col_ComparisonN"], text["Col_TrainedChange"], text["Col_ComparisonChange"], text["Col_DiD"], text["Col_Ci"], text["Col_Df"], text["Col_P"]],
                comparisons.Select(m =>
                {
                    var c = m.Comparison!;
                    return (IReadOnlyList<ReportCell>)[MeasureLabel(m), Int(c.TrainedN), Int(c.ComparisonN), Change(m.Unit, c.TrainedMeanChange), Change(m.Unit, c.ComparisonMeanChange), Change(m.Unit, c.Estimate),
                        ScoreFormat.Interval(c.ConfidenceLow, c.ConfidenceHigh), Num(c.DegreesOfFreedom, 1), new ReportCell(ScoreFormat.P(c.PValue), c.PValue is { } pv ? ScoreRounding.Round(pv, 6) : null)];
                }).ToList(), [2.6, 0.8, 0.9, 1, 1, 1, 1.7, 0.7, 0.9]));
        }
        blocks.Add(new HeadingBlock(text["Diff_Meaning"]));
        foreach (var m in r.Measures)
        {
            blocks.Add(new ParagraphBlock(ReportFormat.Explain(text, m)));
            if (m.Comparison is not null)
                blocks.Add(new ParagraphBlock(ReportFormat.ExplainComparison(text, m), Muted: true));
        }
        blocks.Add(new ParagraphBlock(text["Diff_Method"], Muted: true));
        return new ReportDocument(text["Diff_Title"], CohortLine(r.Cohort), Footer(r.Cohort.Code), blocks);
    }

    public string MeasureLabel(DifferenceMeasure m)
    {
        var unit = ReportFormat.UnitOf(m);
        var name = m.DisplayName();
        var label = unit.Length > 0 ? $"{name} ({unit})" : name;
        return m.TeamLevel ? label + " · " + text["TeamLevel"] : label;
    }

    public ReportDocument Roi(RoiReport r, byte[]? sensitivityChart)
    {
        ArgumentNullException.ThrowIfNull(r);
        var c = r.Calculation;
        var blocks = new List<ReportBlock>
        {
            new FactsBlock(
            [
                (text["Roi_Benefit"], ScoreFormat.Money(c.TotalBenefit, r.Currency)),
                (text["Roi_Cost"], ScoreFormat.Money(c.TotalCost, r.Currency)),
                (text["Roi_Roi"], ScoreFormat.PercentValue(c.RoiPercent)),
                (text["Roi_Bcr"], ScoreFormat.Number(c.BenefitCostRatio)),
            ]),
            new ParagraphBlock(c.IsDefined
                ? text["Roi_Sentence", ScoreFormat.PercentValue(c.RoiPercent), ScoreFormat.Number(c.BenefitCostRatio), ScoreFormat.Money(c.TotalBenefit, r.Currency), ScoreFormat.Money(c.TotalCost, r.Currency), r.Currency]
                : text["Roi_Undefined"]),
            new HeadingBlock(text["Roi_Benefits"]),
            new TableBlock(text["Sheet_Benefits"],
                [text["Col_Kpi"], text["Col_Units"], text["Col_Improvement"], text["Col_ValuePerUnit", r.Currency], text["Col_Months"], text["Col_Attribution"], text["Col_Confidence"], text["Col_Gross", r.Currency], text["Col_Benefit", r.Currency], text["Col_BenefitShare"]],
                r.Kpis.Zip(c.Benefits, (k, b) => (IReadOnlyList<ReportCell>)[
                    $"{k.DisplayName()} ({Bilingual.Pick(k.Unit, k.UnitEn)})" + (k.IsDefaultAssumption ? " *" : ""),
                    Int(k.MeasuredUnits), Change(k.Unit, k.Improvement), Money(k.Assumption.ValuePerUnit), Int(k.Assumption.PeriodMonths),
                    new ReportCell(ScoreFormat.Percent(k.Assumption.Attribution, 0), k.Assumption.Attribution), new ReportCell(ScoreFormat.Percent(k.Assumption.Confidence, 0), k.Assumption.Confidence),
                    Money(b.GrossValue), Money(b.Benefit), Share(b.Benefit, c.TotalBenefit)]).ToList(), [2.6, 0.7, 1, 1, 0.6, 0.8, 0.8, 1.1, 1.1, 0.7]),
            new ParagraphBlock(text["Roi_ImprovementNote"], Muted: true),
        };
        if (r.Kpis.Any(k => k.IsDefaultAssumption))
            blocks.Add(new ParagraphBlock(text["Roi_DefaultNote", ScoreFormat.Percent(RoiAssumption.Defaults.Attribution, 0), ScoreFormat.Percent(RoiAssumption.Defaults.Confidence, 0), RoiAssumption.Defaults.PeriodMonths], Muted: true));
        blocks.Add(new HeadingBlock(text["Roi_Costs"]));
        blocks.Add(new TableBlock(text["Sheet_Costs"], [text["Col_Category"], text["Col_Description"], text["Col_Amount", r.Currency]],
            r.Costs.Select(x => (IReadOnlyList<ReportCell>)[ReportFormat.CostCategoryName(text, x.Category), Bilingual.Pick(x.Description, x.DescriptionEn) + (x.SharedByProgram ? " · " + text["Roi_SharedCost"] : ""), Money(x.Amount)]).ToList(), [1.3, 3, 1.2]));
        blocks.Add(new HeadingBlock(text["Roi_Sensitivity"]));
        if (sensitivityChart is not null)
            blocks.Add(new ImageBlock(sensitivityChart, text["Roi_SensitivityCaption"]));
        blocks.Add(new TableBlock(text["Sheet_Sensitivity"], [text["Col_Attribution"], text["Col_Benefit", r.Currency], text["Roi_Roi"]],
            c.Sensitivity.Select(p => (IReadOnlyList<ReportCell>)[new ReportCell(ScoreFormat.Percent(p.Attribution, 0), p.Attribution), Money(p.Benefit),
                new ReportCell(ScoreFormat.PercentValue(p.RoiPercent), p.RoiPercent is { } v ? ScoreRounding.Round(v, 2) : null)]).ToList()));
        blocks.Add(new ParagraphBlock(text["Roi_Method"], Muted: true));
        return new ReportDocument(text["Roi_Title"], CohortLine(r.Cohort), Footer(r.Cohort.Code), blocks);
    }

    public ReportDocument LearnerGrowth(LearnerVerticalView v, byte[]? growthChart)
    {
        ArgumentNullException.ThrowIfNull(v);
        var l = v.Learner;
        var blocks = new List<ReportBlock>
        {
            new FactsBlock(
            [
                (text["Growth_Cohorts"], v.Cohorts.Count.ToString("N0", CultureInfo.CurrentCulture)),
                (text["Growth_Latest"], ScoreFormat.Number(v.Cohorts.LastOrDefault(c => c.Composite is not null)?.Composite, 1)),
                (text["Growth_Best"], ScoreFormat.Number(v.Cohorts.Max(c => c.Composite), 1)),
                (text["Growth_Health"], ScoreFormat.Number(v.Health.LastOrDefault(h => h.Index is not null)?.Index, 0)),
            ]),
        };
        if (growthChart is not null)
            blocks.Add(new ImageBlock(growthChart, text["Growth_ChartCaption"]));
        blocks.Add(new HeadingBlock(text["Growth_Cohorts"]));
        blocks.Add(new TableBlock(text["Sheet_Growth"],
            [text["Col_Cohort"], text["Col_Ended"], evaluation.LevelName(KirkpatrickLevel.Reaction), evaluation.LevelName(KirkpatrickLevel.Learning),
             evaluation.LevelName(KirkpatrickLevel.Behavior), evaluation.LevelName(KirkpatrickLevel.Results), text["Col_Composite"], text["Col_Tier"], text["Col_Rank"]],
            v.Cohorts.Select(c => (IReadOnlyList<ReportCell>)[Bilingual.Pick(c.CohortName, c.CohortNameEn), new ReportCell(c.EndDate.ToString("d", CultureInfo.CurrentCulture), c.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Num(c.Reaction, 1), Num(c.Learning, 1), Num(c.Behavior, 1), Num(c.Results, 1), Num(c.Composite, 1), c.Tier is { } t ? evaluation.TierLabel(t) : ScoreFormat.Missing,
                new ReportCell(c.Rank is { } rank ? $"{rank}/{c.RankedCount}" : ScoreFormat.Missing, c.Rank)]).ToList(), [3, 1.2, 0.9, 0.9, 0.9, 0.9, 1, 0.9, 0.8]));
        blocks.Add(new ParagraphBlock(text["Growth_Note"], Muted: true));
        return new ReportDocument(text["Growth_Title"], text["Growth_Subtitle", Bilingual.Pick(l.Name, l.NameEn), l.EmployeeNumber, Bilingual.Pick(l.DepartmentName, l.DepartmentNameEn), Bilingual.Pick(l.Position, l.PositionEn)],
            Footer(l.EmployeeNumber), blocks);
    }

    /// <summary>"Filter: program 精益生产 · department 总装车间", or null when nothing is filtered: printed under a filtered list's subtitle.</summary>
    public string? FilterLine(string? program, string? department)
    {
        var parts = new List<string>();
        if (program is not null)
            parts.Add(text["Ui_FilterProgram", program]);
        if (department is not null)
            parts.Add(text["Ui_FilterDepartment", department]);
        return parts.Count == 0 ? null : text["Ui_FilterLine", string.Join(" · ", parts)].Value;
    }

    private static string WithFilter(string subtitle, string? filterLine) => filterLine is null ? subtitle : $"{subtitle} — {filterLine}";

    /// <summary>The promotion suggestions as shown (filtered or not), one row each, with HR's decision.</summary>
    public ReportDocument Promotions(IReadOnlyList<PromotionSuggestion> suggestions, string? filterLine)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var blocks = new List<ReportBlock>
        {
            new TableBlock(text["Sheet_Promotions"],
                [text["Col_EmployeeNo"], text["Col_Learner"], text["Col_Department"], text["Col_Position"], text["Promo_LatestCohort"], text["Col_Composite"], text["Col_Tier"],
                 text["Promo_BehaviorBefore"], text["Promo_BehaviorAfter"], text["Promo_BehaviorChange"], text["Promo_Mentor"], text["Promo_Applications"], text["Promo_Kpi"],
                 text["Promo_Decision"], text["Promo_DecidedBy"], text["Promo_DecidedOn"], text["Promo_Note"]],
                suggestions.Select(s =>
                {
                    var e = s.Evidence;
                    var d = s.Decision;
                    return (IReadOnlyList<ReportCell>)[s.Person.EmployeeNumber, s.Person.DisplayName(), Bilingual.Pick(s.Person.DepartmentName, s.Person.DepartmentNameEn),
                        Bilingual.Pick(s.Person.Position, s.Person.PositionEn), e.CohortCode, Num(e.Composite, 1), e.Tier is { } t ? evaluation.TierLabel(t) : ScoreFormat.Missing,
                        Num(e.BehaviorBefore, 1), Num(e.BehaviorAfter, 1), Num(e.BehaviorChange, 1), Num(e.MentorRatingMean, 1), Int(e.ApplicationEvents),
                        e.KpiAchievement is { } k ? new ReportCell(ScoreFormat.Number(k, 0) + " %", ScoreRounding.Round(k, 0)) : new ReportCell(ScoreFormat.Missing, null),
                        d is null ? text["Decision_Pending"].Value : text["Decision_" + d.Decision].Value, d?.DecidedBy ?? "",
                        d is null ? new ReportCell("", null) : new ReportCell(d.DecidedAt.ToLocalTime().ToString("d", CultureInfo.CurrentCulture), d.DecidedAt.ToLocalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        d?.Note ?? ""];
                }).ToList(), [1, 1, 1.1, 1, 1.7, 0.8, 0.9, 0.8, 0.8, 0.8, 0.8, 0.6, 0.8, 0.9, 0.9, 0.9, 1.3]),
            new ParagraphBlock(text["Promo_Rule"], Muted: true),
        };
        // Seventeen columns of evidence: landscape, so that an employee number or a score is not broken across lines.
        return new ReportDocument(text["Promo_Title"], WithFilter(text["Promo_Subtitle"], filterLine), Footer(text["Promo_Title"]), blocks, Landscape: true);
    }

    /// <summary>The high-potential pool as shown (filtered or not); a rank is the member's rank in the whole company.</summary>
    public ReportDocument HighPotential(IReadOnlyList<HighPotentialRow> pool, string? filterLine)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var blocks = new List<ReportBlock>
        {
            new TableBlock(text["Sheet_HighPotential"],
                [text["Col_Rank"], text["Hipo_RankedLearners"], text["Col_EmployeeNo"], text["Col_Learner"], text["Col_Department"], text["Hipo_Mean"], text["Hipo_Programs"], text["Hipo_ProgramNames"]],
                pool.Select(r => (IReadOnlyList<ReportCell>)[Int(r.Member.Rank), Int(r.Member.RankedLearners), r.Person.EmployeeNumber, r.Person.DisplayName(),
                    Bilingual.Pick(r.Person.DepartmentName, r.Person.DepartmentNameEn), Num(r.Member.MeanComposite, 1), Int(r.Member.Programs), string.Join(" · ", r.ProgramNames)]).ToList(),
                [0.6, 0.9, 1, 1.4, 1.4, 0.9, 0.7, 3]),
            new ParagraphBlock(text["Hipo_Rule"], Muted: true),
        };
        return new ReportDocument(text["Hipo_Title"], WithFilter(text["Hipo_Subtitle"], filterLine), Footer(text["Hipo_Title"]), blocks);
    }
}
