using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Features.Reports.Export;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Overview;

/// <summary>
/// The overview as a printable document (issue 21 item 4: "the overview and reports also as PDF"): its headline numbers
/// and, for each chart, the table of the numbers it draws, for the filter in the URL. The PDF and the workbook are drawn
/// on the server, so the charts come as their tables rather than as pictures.
/// </summary>
public sealed partial class OverviewPage
{
    [Inject] private IStringLocalizer<ReportStrings> ReportText { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string FilterLine => Filter.IsEmpty
        ? Text["Pdf_AllData"]
        : Text["Pdf_Filter", Filter.ProgramCode ?? Text["Pdf_Any"], Filter.DepartmentCode ?? Text["Pdf_Any"],
            Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Text["Pdf_Any"], Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Text["Pdf_Any"]];

    private static ReportCell Num(double? value, int decimals = 1) =>
        new(ScoreFormat.Number(value, decimals), value is { } v ? ScoreRounding.Round(v, decimals) : null);

    private static ReportCell Pct(double? share) =>
        new(ScoreFormat.Percent(share), share is { } s ? ScoreRounding.Round(s * 100, 1) : null);

    private static ReportCell Count(int value) => new(value.ToString("N0", CultureInfo.CurrentCulture), value);

    internal Task<ReportDocument> BuildDocumentAsync()
    {
        var data = _data ?? throw new InvalidOperationException("The overview has not loaded.");
        var summary = data.Summary;
        var blocks = new List<ReportBlock>
        {
            new FactsBlock(
            [
                (Text["Kpi_Learners"], ScoreFormat.Count(data.LearnersTrained)),
                (Text["Kpi_MeanComposite"], ScoreFormat.Score(summary.MeanComposite)),
                (Text["Kpi_PassRate"], ScoreFormat.Percent(summary.PassRate)),
                (Text["Kpi_Coverage"], ScoreFormat.Percent(summary.MeanCoverage)),
                (Text["Kpi_Alerts"], ScoreFormat.Count(data.OpenAlerts)),
            ]),
        };
        if (data.IncludesRunning)
            blocks.Add(new ParagraphBlock(Text["Pdf_Running", N(data.RunningEnrollments), data.RunningCohorts], Muted: true));

        blocks.Add(new HeadingBlock(Text["ByProgram_Title"]));
        blocks.Add(new TableBlock(Text["ByProgram_Title"],
            [Text["Col_Program"], Text["Pdf_Cohorts"], Text["Kpi_Learners"], Text["Pdf_Enrolments"], Text["Col_MeanComposite"], $"{Text["Col_PassRate"]} (%)", $"{Text["Col_Coverage"]} (%)"],
            [.. data.Programs.Select(p => (IReadOnlyList<ReportCell>)[p.DisplayName(), Count(p.CohortCount), Count(p.Reach.People), Count(p.Summary.EnrollmentCount),
                Num(p.Summary.MeanComposite), Pct(p.Summary.PassRate), Pct(p.Summary.MeanCoverage)])], [3, 0.8, 0.9, 0.9, 1, 1, 1]));

        blocks.Add(new HeadingBlock(Text["Tiers_Title"]));
        var tiers = Enum.GetValues<Tier>().Select(t => (Label: Evaluation.TierLabel(t), Count: summary.TierCounts.GetValueOrDefault(t)))
            .Append((Label: Text["Tiers_Unscored"].Value, Count: summary.UnscoredCount)).ToList();
        blocks.Add(new TableBlock(Text["Tiers_Title"], [Text["Pdf_Tier"], Text["Pdf_Enrolments"], $"{Text["Pdf_Share"]} (%)"],
            [.. tiers.Select(t => (IReadOnlyList<ReportCell>)[t.Label, Count(t.Count),
                Pct(summary.EnrollmentCount > 0 ? (double)t.Count / summary.EnrollmentCount : null)])], [2, 1, 1]));

        blocks.Add(new HeadingBlock(Text["Funnel_Title"]));
        blocks.Add(new TableBlock(Text["Funnel_Title"], [Text["Pdf_Level"], Text["Pdf_CohortsMeasuring"]],
            [[Text["Funnel_AllCohorts"].Value, Count(data.CohortsWithScores)],
             .. data.Funnel.Select(step => (IReadOnlyList<ReportCell>)[Evaluation.LevelName(step.Level), Count(step.CohortsMeasuring)])], [2, 1]));

        blocks.Add(new HeadingBlock(Text["Recent_Title"]));
        blocks.Add(new TableBlock(Text["Recent_Title"],
            [Text["Col_Cohort"], Text["Col_Program"], Text["Col_Start"], Text["Col_Status"], Text["Col_Learners"], Text["Col_MeanComposite"], $"{Text["Col_PassRate"]} (%)"],
            [.. data.RecentCohorts.Select(r => (IReadOnlyList<ReportCell>)[$"{r.Cohort.DisplayName()} ({r.Cohort.Code})", r.ProgramDisplayName(),
                new ReportCell(r.Cohort.StartDate.ToString("d", CultureInfo.CurrentCulture), r.Cohort.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Evaluation.CohortStatusName(r.Cohort.Status), Count(r.Summary.EnrollmentCount), Num(r.Summary.MeanComposite), Pct(r.Summary.PassRate)])], [3, 2, 1, 0.9, 0.8, 1, 0.9]));

        var footer = ReportText["Pdf_Footer", Text["Title"], Clock.GetLocalNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)];
        return Task.FromResult(new ReportDocument(Text["Title"], FilterLine, footer, blocks));
    }
}
