using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Features.Reports.Export;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Tests.Support;
using UglyToad.PdfPig;

namespace TrainingEval.Tests.Features.Reports;

/// <summary>
/// Issue 21: the promotion suggestions and the high-potential pool filter by program and department and export as PDF, XLSX
/// and CSV (the lists of the scored demo company, read-only; files parsed back).
/// </summary>
public sealed class PeopleListExportTests(DemoCompanyDatabase demo) : IClassFixture<DemoCompanyDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReportDocumentBuilder Builder()
    {
        var services = new ServiceCollection();
        services.AddLocalization();
        services.AddLogging();
        var provider = services.BuildServiceProvider();
        return new ReportDocumentBuilder(provider.GetRequiredService<IStringLocalizer<ReportStrings>>(),
            provider.GetRequiredService<IStringLocalizer<EvaluationStrings>>(), demo.Database.Clock);
    }

    private Task<IReadOnlyList<HighPotentialRow>> PoolAsync() => new ReportServiceContext(demo.Database, TestUsers.Analyst).Promotions.HighPotentialAsync(Ct);

    [Fact]
    public async Task The_department_filter_keeps_only_that_departments_pool_members_with_their_company_rank()
    {
        var pool = await PoolAsync();
        var department = pool.GroupBy(r => r.Person.DepartmentCode).OrderByDescending(g => g.Count()).First();

        var shown = PromotionFilters.Apply(pool, DashboardFilter.FromQuery(null, null, department.Key.ToLowerInvariant(), null, null));

        shown.Count.ShouldBe(department.Count(), "the code matches in any letter case (spec section 9)");
        shown.Count.ShouldBeLessThan(pool.Count);
        shown.Select(r => r.Member.Rank).ShouldBe(department.Select(r => r.Member.Rank), "the filter narrows the list; ranks stay the company's");
    }

    [Fact]
    public async Task The_program_filter_keeps_pool_members_who_took_that_program_in_the_window()
    {
        var pool = await PoolAsync();
        var program = pool.SelectMany(r => r.ProgramCodes).GroupBy(c => c).OrderBy(g => g.Count()).First().Key;

        var shown = PromotionFilters.Apply(pool, DashboardFilter.FromQuery(program, null, null, null, null));

        shown.ShouldNotBeEmpty();
        shown.ShouldAllBe(r => r.ProgramCodes.Contains(program));
        shown.Count.ShouldBe(pool.Count(r => r.ProgramCodes.Contains(program)));
    }

    [Fact]
    public async Task Promotion_suggestions_filter_by_the_program_of_their_latest_cohort_and_by_department()
    {
        var suggestions = await new ReportServiceContext(demo.Database, TestUsers.Analyst).Promotions.SuggestionsAsync(Ct);
        var first = suggestions[0];

        var byProgram = PromotionFilters.Apply(suggestions, DashboardFilter.FromQuery(first.ProgramCode, null, null, null, null));
        var both = PromotionFilters.Apply(suggestions, DashboardFilter.FromQuery(first.ProgramCode, null, first.Person.DepartmentCode, null, null));

        byProgram.ShouldAllBe(s => s.ProgramCode == first.ProgramCode);
        byProgram.ShouldContain(first);
        both.ShouldAllBe(s => s.ProgramCode == first.ProgramCode && s.Person.DepartmentCode == first.Person.DepartmentCode);
        both.ShouldContain(first);
        PromotionFilters.Apply(suggestions, DashboardFilter.Empty).Count.ShouldBe(suggestions.Count);
    }

    [Fact]
    public async Task The_filtered_pool_exports_as_a_Chinese_PDF_and_a_workbook_with_numbers_and_the_filter_named()
    {
        using var culture = new CultureScope("zh-CN");
        var pool = await PoolAsync();
        var filter = DashboardFilter.FromQuery(null, null, pool[0].Person.DepartmentCode, null, null);
        var shown = PromotionFilters.Apply(pool, filter);
        var (program, department) = PromotionFilters.Describe(pool, filter);
        var builder = Builder();

        var document = builder.HighPotential(shown, builder.FilterLine(program, department));

        program.ShouldBeNull();
        department.ShouldBe(pool[0].Person.DepartmentName);
        using (var pdf = PdfDocument.Open(new PdfReportRenderer().Render(document)))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            text.ShouldContain("高潜人才库");
            text.ShouldContain("部门");
            text.ShouldContain(pool[0].Person.DepartmentName);
            text.ShouldContain(shown[^1].Person.EmployeeNumber);
        }
        using var workbook = new MemoryStream(XlsxReportWriter.Write(document));
        var rows = workbook.Query(useHeaderRow: true, sheetName: "高潜人才").Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => (string)r["工号"]!).ShouldBe(shown.Select(r => r.Person.EmployeeNumber));
        Convert.ToDouble(rows[0]["平均综合得分"], CultureInfo.InvariantCulture).ShouldBe(Math.Round(shown[0].Member.MeanComposite, 1, MidpointRounding.AwayFromZero));
        Convert.ToInt32(rows[0]["排名"], CultureInfo.InvariantCulture).ShouldBe(shown[0].Member.Rank);
    }

    [Fact]
    public async Task Promotion_suggestions_export_in_English_with_the_evidence_and_the_decision()
    {
        using var culture = new CultureScope("en");
        var suggestions = await new ReportServiceContext(demo.Database, TestUsers.Analyst).Promotions.SuggestionsAsync(Ct);

        var document = Builder().Promotions(suggestions, filterLine: null);

        document.Subtitle.ShouldNotContain("Filter");
        using var workbook = new MemoryStream(XlsxReportWriter.Write(document));
        var rows = workbook.Query(useHeaderRow: true, sheetName: "Promotion suggestions").Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(suggestions.Count);
        rows[0]["Employee number"].ShouldBe(suggestions[0].Person.EmployeeNumber);
        rows[0]["Latest cohort"].ShouldBe(suggestions[0].Evidence.CohortCode);
        Convert.ToDouble(rows[0]["Change in behaviour rating"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, "a suggestion's behaviour rating rose");
        rows.Select(r => (string)r["Decision"]!).ShouldAllBe(d => d == "Not decided" || d == "Accepted" || d == "Declined" || d == "Deferred");
    }
}
