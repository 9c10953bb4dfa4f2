using Bunit;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Import;

/// <summary>Import errors read in the page's language; the same errors stay English for the REST API.</summary>
public sealed class ImportMessageLanguageTests : DashboardTestContext
{
    private static async Task<IReadOnlyList<ImportError>> UnknownCohortAndBadDateAsync(TestDatabase database)
    {
        var service = ImportTestKit.Service(database);
        await service.ImportCsvAsync(ImportKind.Programs, "program_code,name\nLEAN,精益生产\n");
        var result = await service.ImportCsvAsync(ImportKind.Cohorts, "cohort_code,program_code,name,start_date,end_date\nLEAN-1,LEAN,第1期,2026-13-01,2026-03-01\n");
        var observations = await service.ImportCsvAsync(ImportKind.Observations, "cohort_code,employee_no,indicator,value\nLEAN-9,E001,satisfaction,4\n");
        return [.. result.Errors, .. observations.Errors];
    }

    [Fact]
    public async Task Zh_cn_page_shows_the_chinese_reason_for_a_bad_date_and_an_unknown_cohort_while_the_api_message_stays_english()
    {
        await using var database = await TestDatabase.CreateAsync();
        var errors = await UnknownCohortAndBadDateAsync(database);
        errors.Select(e => e.Message).ShouldBe(["'2026-13-01' is not a date; write it as yyyy-MM-dd, e.g. 2025-03-01.", "Unknown cohort LEAN-9."]);

        UseCulture("zh-CN");
        var table = Render<ImportErrorTable>(p => p.Add(x => x.Errors, errors));

        table.FindAll("[data-testid=import-error-reason]").Select(td => td.TextContent.Trim())
            .ShouldBe(["“2026-13-01”不是日期，请写成 yyyy-MM-dd，例如 2025-03-01。", "未知班期 LEAN-9。"]);
    }

    [Fact]
    public async Task En_page_shows_the_same_english_reasons_as_the_api()
    {
        await using var database = await TestDatabase.CreateAsync();
        var errors = await UnknownCohortAndBadDateAsync(database);

        UseCulture("en");
        var table = Render<ImportErrorTable>(p => p.Add(x => x.Errors, errors));

        table.FindAll("[data-testid=import-error-reason]").Select(td => td.TextContent.Trim()).ShouldBe(errors.Select(e => e.Message).ToList());
    }
}
