using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MiniExcelLibs;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Scoring;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>The cohort learner table's export: every learner of the current filter, not only the page on screen.</summary>
public sealed class CohortExportTests(CohortDemoDatabase demo) : CohortPageTestContext(demo.Database), IClassFixture<CohortDemoDatabase>
{
    [Fact]
    public async Task Xlsx_export_holds_every_learner_of_the_tier_filter_beyond_the_first_page()
    {
        var tier = await LargestTierAsync();
        var download = JSInterop.SetupModule(ExportMenu.ModulePath);
        download.SetupVoid("download", _ => true).SetVoidResult();
        UseCulture("zh-CN");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("tier", tier.Tier.ToString()));
        var page = Render<CohortPage>(p => p.Add(x => x.CohortCode, demo.LargestCohortCode));
        page.WaitForElement("[data-testid=learner-table]", TimeSpan.FromSeconds(10));
        tier.Numbers.Count.ShouldBeGreaterThan(CohortLearnerQuery.DefaultPageSize, "the filter should match more learners than one page");

        var menu = page.FindComponent<ExportMenu>();
        await menu.InvokeAsync(() => menu.Instance.ExportAsync(ExportFormat.Xlsx));

        var call = download.Invocations["download"].ShouldHaveSingleItem();
        ((string)call.Arguments[0]!).ShouldBe($"{demo.LargestCohortCode}-学员列表.xlsx");
        var stream = (DotNetStreamReference)call.Arguments[2]!;
        // MemoryStream keeps its buffer after the component disposed the reference.
        var bytes = ((MemoryStream)stream.Stream).ToArray();
        var rows = new MemoryStream(bytes).Query(useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        rows[0][1].ShouldBe("工号");
        rows.Skip(1).Select(r => (string)r[1]!).ShouldBe(tier.Numbers, ignoreOrder: true);
        rows.Skip(1).Select(r => (string?)r[^2]).Distinct().ShouldBe([Terms.TierLabel(tier.Tier)]);
    }

    /// <summary>The tier with the most learners in the largest cohort, and their employee numbers.</summary>
    private async Task<(Tier Tier, List<string> Numbers)> LargestTierAsync()
    {
        await using var db = demo.Database.CreateContext();
        var cohort = await db.Cohorts.SingleAsync(c => c.Code == demo.LargestCohortCode, Xunit.TestContext.Current.CancellationToken);
        var scores = await db.LearnerScores.Where(s => s.CohortId == cohort.Id && s.Tier != null)
            .Select(s => new { s.Tier, s.Learner!.EmployeeNumber }).ToListAsync(Xunit.TestContext.Current.CancellationToken);
        var largest = scores.GroupBy(s => s.Tier!.Value).OrderByDescending(g => g.Count()).First();
        return (largest.Key, largest.Select(s => s.EmployeeNumber).ToList());
    }
}
