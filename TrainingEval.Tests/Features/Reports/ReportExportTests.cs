using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using TrainingEval.Dashboard.Features.Reports.Export;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Tests.Support;
using UglyToad.PdfPig;

namespace TrainingEval.Tests.Features.Reports;

/// <summary>The exports open and say what the report says: PDFs are parsed back with PdfPig, workbooks read back with MiniExcel.</summary>
public sealed class ReportExportTests(DemoCompanyDatabase demo) : IClassFixture<DemoCompanyDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReportDocumentBuilder Builder(TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLocalization();
        services.AddLogging();
        var provider = services.BuildServiceProvider();
        return new ReportDocumentBuilder(
            provider.GetRequiredService<IStringLocalizer<ReportStrings>>(),
            provider.GetRequiredService<IStringLocalizer<EvaluationStrings>>(),
            clock);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private async Task<TrainingEval.Dashboard.Features.Cohorts.CohortInfo> ClosedCohortAsync(ReportServiceContext reports)
    {
        var code = await demo.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Cohorts.Where(c => c.ClosedAt != null).OrderBy(c => c.StartDate).Select(c => c.Code), Ct));
        return (await reports.Index.FindCohortAsync(code, Ct))!;
    }

    [Fact]
    public async Task The_Chinese_difference_report_PDF_carries_its_title_cohort_and_statistics()
    {
        using var culture = new CultureScope("zh-CN");
        var reports = new ReportServiceContext(demo.Database, TestUsers.Analyst);
        var cohort = await ClosedCohortAsync(reports);
        var report = await reports.Difference.LoadAsync(cohort, Ct);

        var pdf = new PdfReportRenderer().Render(Builder(demo.Database.Clock).Difference(report));

        var text = PdfText(pdf);
        text.ShouldContain("培训前后差异报告");
        text.ShouldContain(cohort.Code);
        text.ShouldContain("绩效评级");
        text.ShouldContain("95%");
    }

    [Fact]
    public async Task The_English_ROI_report_PDF_names_the_ROI_and_every_KPI_and_the_XLSX_holds_the_numbers()
    {
        using var culture = new CultureScope("en");
        var reports = new ReportServiceContext(demo.Database, TestUsers.Analyst);
        var cohort = await ClosedCohortAsync(reports);
        var report = await reports.Roi.LoadAsync(cohort, Ct);
        var document = Builder(demo.Database.Clock).Roi(report, sensitivityChart: null);

        var text = PdfText(new PdfReportRenderer().Render(document));
        text.ShouldContain("Training ROI report");
        foreach (var kpi in report.Kpis)
            text.ShouldContain(kpi.NameEn!.Split(' ')[0]);

        using var workbook = new MemoryStream(XlsxReportWriter.Write(document));
        MiniExcel.GetSheetNames(workbook).ShouldBe(["Benefits", "Costs", "Sensitivity"]);
        workbook.Position = 0;
        var costs = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Costs").Cast<IDictionary<string, object>>().ToList();
        costs.Sum(r => Convert.ToDecimal(r["Amount (CNY)"], CultureInfo.InvariantCulture)).ShouldBe(report.Calculation.TotalCost);
    }

    [Fact]
    public async Task Every_amount_carries_the_configured_currency_and_a_percent_KPI_improves_in_points()
    {
        using var culture = new CultureScope("en");
        var reports = new ReportServiceContext(demo.Database, TestUsers.Analyst) { Currency = "EUR" };
        var cohort = await ClosedCohortAsync(reports);
        var report = await reports.Roi.LoadAsync(cohort, Ct);
        var document = Builder(demo.Database.Clock).Roi(report, sensitivityChart: null);

        var text = PdfText(new PdfReportRenderer().Render(document));
        text.ShouldContain(ScoreFormatMoney(report.Calculation.TotalBenefit) + " EUR");
        text.ShouldContain(ScoreFormatMoney(report.Calculation.TotalCost) + " EUR");
        text.ShouldContain("Benefit (EUR)");
        text.ShouldContain("Amount (EUR)");
        text.ShouldNotContain("CNY");
        text.ShouldContain("percentage points (pp)", Case.Sensitive, "the note says how improvement is summed");
        var benefits = document.Blocks.OfType<TableBlock>().First();
        foreach (var (kpi, row) in report.Kpis.Zip(benefits.Rows))
        {
            var improvement = row[2].Text;
            if (TrainingEval.Domain.Roi.MeasureUnits.IsPercent(kpi.Unit))
                improvement.ShouldEndWith(" pp", Case.Sensitive, kpi.Code);
            else
                improvement.ShouldNotContain("pp");
        }
        report.Kpis.ShouldContain(k => TrainingEval.Domain.Roi.MeasureUnits.IsPercent(k.Unit), "the demo cohort has a percent KPI to check");
    }

    [Fact]
    public async Task A_change_of_a_percent_KPI_is_worded_in_percentage_points_in_both_languages()
    {
        var reports = new ReportServiceContext(demo.Database, TestUsers.Analyst);
        var cohort = await ClosedCohortAsync(reports);
        var report = await reports.Difference.LoadAsync(cohort, Ct);
        var percent = report.Measures.Where(m => TrainingEval.Domain.Roi.MeasureUnits.IsPercent(m.Unit) && m.Paired.MeanDifference is not null).ToList();
        percent.ShouldNotBeEmpty("the demo cohort has a percent KPI with pairs");

        foreach (var (name, points) in new[] { ("en", " pp"), ("zh-CN", "个百分点") })
        {
            using var culture = new CultureScope(name);
            foreach (var m in percent)
            {
                var sentence = ReportFormat.Explain(ReportServiceContext.Text, m);
                sentence.ShouldContain(points, Case.Sensitive, $"{name}: {sentence}");
                sentence.ShouldNotMatch(@"by [\d.,]+ %", $"{name}: {sentence}");
            }
        }
    }

    private static string ScoreFormatMoney(decimal value) => TrainingEval.Dashboard.Shared.ScoreFormat.Money(value);

    [Fact]
    public async Task The_effectiveness_PDF_embeds_chart_images_and_lists_missing_data()
    {
        using var culture = new CultureScope("en");
        var reports = new ReportServiceContext(demo.Database, TestUsers.Analyst);
        var cohort = await ClosedCohortAsync(reports);
        var report = await reports.Effectiveness.LoadAsync(cohort, Ct);
        var charts = new Dictionary<string, byte[]> { [ReportCharts.Levels] = OnePixelPng, [ReportCharts.Tiers] = OnePixelPng };

        var pdf = new PdfReportRenderer().Render(Builder(demo.Database.Clock).Effectiveness(report, charts));

        using var parsed = PdfDocument.Open(pdf);
        parsed.GetPages().Sum(p => p.GetImages().Count()).ShouldBe(2);
        var text = PdfText(pdf);
        text.ShouldContain("Training effectiveness report");
        text.ShouldContain("What data is missing");
        text.ShouldContain(report.Top[0].EmployeeNumber!);
    }

    [Fact]
    public async Task The_Chinese_effectiveness_PDF_embeds_only_the_glyphs_it_prints_and_its_text_stays_extractable()
    {
        using var culture = new CultureScope("zh-CN");
        var reports = new ReportServiceContext(demo.Database, TestUsers.Analyst);
        var cohort = await ClosedCohortAsync(reports);
        var report = await reports.Effectiveness.LoadAsync(cohort, Ct);
        var charts = new Dictionary<string, byte[]> { [ReportCharts.Levels] = OnePixelPng, [ReportCharts.Tiers] = OnePixelPng };

        var pdf = new PdfReportRenderer().Render(Builder(demo.Database.Clock).Effectiveness(report, charts));

        // A subsettable (glyf-outline) CJK font must be installed: with only Noto Sans CJK (CFF) every PDF carries
        // the whole 13 MB font. CI installs fonts-wqy-microhei.
        new CjkFontResolver().Source.Subsettable.ShouldBeTrue();
        pdf.Length.ShouldBeLessThan(1_500_000);
        var text = PdfText(pdf);
        text.ShouldContain("培训效果分析报告");
        text.ShouldContain(cohort.Code);
        text.ShouldContain(report.Top[0].EmployeeNumber!);
    }

    [Fact]
    public void A_font_collection_face_is_copied_out_as_a_standalone_font_with_glyf_outlines()
    {
        var source = CjkFontResolver.Candidates.First(c => c.Subsettable && File.Exists(c.Path));

        var font = new CjkFontResolver(source).GetFont(CjkFontResolver.FaceName)!;

        System.Text.Encoding.ASCII.GetString(font, 0, 4).ShouldNotBe("ttcf");
        var tables = Enumerable.Range(0, System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4)))
            .Select(i => System.Text.Encoding.ASCII.GetString(font, 12 + 16 * i, 4)).ToList();
        tables.ShouldContain("glyf");
        tables.ShouldContain("cmap");
    }

    /// <summary>A valid 1×1 PNG (what a chart capture is, only smaller).</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
