using Bunit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Programs.Manage;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Programs;

/// <summary>
/// The program edit page's KPI and cost panels as HR reads them, in Chinese and English: the list, a KPI added from the
/// form, the refusal to remove a measured KPI, a cost added with the total in the company's currency.
/// </summary>
public sealed class ProgramKpiPanelTests : DashboardTestContext, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
        _data = await TestData.CreateAsync(_database);
        var service = new ProgramKpiCosts(ImportTestKit.Service(_database), _database.Factory, new Support.Services(_database).Access);
        await service.SaveKpiAsync("LEAN", new ProgramKpiInput { Code = "DEF", Name = "缺陷率", Unit = "%", Direction = KpiDirection.LowerIsBetter, ValuePerUnit = 1200 }, adding: true, Ct);
        await using var db = _database.CreateContext();
        var kpi = await db.Kpis.SingleAsync(Ct);
        db.KpiMeasurements.Add(new KpiMeasurement { KpiId = kpi.Id, CohortId = _data.Cohort.Id, EnrollmentId = _data[0].Id, Baseline = 5, Target = 3 });
        await db.SaveChangesAsync(Ct);
        Services.AddSingleton(service);
        Services.AddSingleton<TimeProvider>(_database.Clock);
        Services.AddSingleton(Options.Create(new TrainingEvalOptions()));
        Services.AddSingleton<IValidator<ProgramKpiInput>>(new ProgramKpiInputValidator(ProgramManagementTests.Localizer<ProgramKpiInput>()));
        Services.AddSingleton<IValidator<ProgramCostInput>>(new ProgramCostInputValidator(ProgramManagementTests.Localizer<ProgramKpiInput>()));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static void Fill(IRenderedComponent<ProgramKpiPanel> panel, string testId, string value) => panel.Find($"input[data-testid={testId}]").Change(value);

    [Theory]
    [InlineData("zh-CN", "业务 KPI", "越低越好", "单位价值（CNY）", "已添加 KPI OEE。",
        "KPI DEF（缺陷率）在该项目的班期中已有 1 条测量记录，不能删除，否则这些记录会失去基线、目标和实际值。请改为编辑该 KPI。")]
    [InlineData("en", "Business KPIs", "Lower is better", "Value per unit (CNY)", "KPI OEE added.",
        "KPI DEF (缺陷率) has 1 measurements in the program's cohorts, so it cannot be removed; they would lose their baseline, target and actual. Edit the KPI instead.")]
    public async Task Hr_adds_a_kpi_and_is_told_why_a_measured_one_stays(string culture, string title, string direction, string valueHeader, string added, string refused)
    {
        UseCulture(culture);
        var panel = Render<ProgramKpiPanel>(p => p.Add(c => c.ProgramCode, "LEAN"));

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=kpi-code]").Select(c => c.TextContent).ShouldBe(["DEF"]));
        panel.Find("h2").TextContent.ShouldBe(title);
        panel.Find("[data-testid=kpi-table]").TextContent.ShouldContain(direction);
        panel.Find("[data-testid=kpi-table] thead").TextContent.ShouldContain(valueHeader);

        Fill(panel, "kpi-code-input", "OEE");
        Fill(panel, "kpi-name-input", "设备综合效率");
        Fill(panel, "kpi-unit-input", "%");
        Fill(panel, "kpi-value-input", "50");
        await panel.Find("[data-testid=kpi-save]").ClickAsync(new());
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=kpi-code]").Select(c => c.TextContent).ShouldBe(["DEF", "OEE"]));
        panel.Find("[data-testid=kpi-done]").TextContent.Trim().ShouldBe(added);
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=kpi-form] .mud-input-error").ShouldBeEmpty()); // the fresh form does not complain

        await panel.FindAll("[data-testid=kpi-remove]")[0].ClickAsync(new());
        await panel.Find("[data-testid=kpi-remove-confirm]").ClickAsync(new());
        panel.WaitForAssertion(() => panel.Find("[data-testid=write-error]").TextContent.ShouldBe(refused));
        (await _database.CreateContext().Kpis.CountAsync(Ct)).ShouldBe(2);
    }

    [Theory]
    [InlineData("zh-CN", "共 8,000.00 CNY，1 项（ROI 的分母）。", "讲师费")]
    [InlineData("en", "8,000.00 CNY in 1 items (the ROI denominator).", "讲师费")]
    public async Task Hr_adds_a_program_cost_and_reads_the_total(string culture, string total, string description)
    {
        UseCulture(culture);
        var panel = Render<ProgramCostPanel>(p => p.Add(c => c.ProgramCode, "LEAN"));
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=no-costs]").Count.ShouldBe(1));

        panel.Find("input[data-testid=cost-description-input]").Change(description);
        panel.Find("input[data-testid=cost-amount-input]").Change("8000");
        await panel.Find("[data-testid=cost-save]").ClickAsync(new());

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=cost-description]").Select(c => c.TextContent).ShouldBe([description]));
        panel.Find("[data-testid=cost-total]").TextContent.Trim().ShouldBe(total);
        panel.Find("[data-testid=cost-amount]").TextContent.ShouldBe("8,000.00");
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=cost-form] .mud-input-error").ShouldBeEmpty()); // the fresh form does not complain
    }
}
