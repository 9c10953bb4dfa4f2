using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Programs.Manage;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;
using static TrainingEval.Tests.Features.Programs.ProgramManagementTests;

namespace TrainingEval.Tests.Features.Programs;

/// <summary>
/// A program's KPIs and cost items from its edit page: written as rows of the kpis and cost_items imports (their checks
/// and messages), a KPI code already in the program refused on add, a KPI with measurements kept, and every add, edit and
/// removal audited.
/// </summary>
public sealed class ProgramKpiCostsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private ProgramKpiCosts _service = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0)));
        _data = await TestData.CreateAsync(_database);
        _service = new ProgramKpiCosts(ImportTestKit.Service(_database), _database.Factory, new Services(_database).Access);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static ProgramKpiInput Defects() => new() { Code = "DEF", Name = "缺陷率", Unit = "%", Direction = KpiDirection.LowerIsBetter, ValuePerUnit = 1200.5m };

    [Fact]
    public async Task An_added_kpi_is_listed_with_its_unit_direction_and_value_and_audited()
    {
        (await _service.SaveKpiAsync("lean", Defects(), adding: true, Ct)).ShouldBeEmpty();

        var row = (await _service.ListKpisAsync("LEAN", Ct)).ShouldHaveSingleItem();
        (row.Code, row.Name, row.Unit, row.Direction, row.ValuePerUnit, row.Measurements).ShouldBe(("DEF", "缺陷率", "%", KpiDirection.LowerIsBetter, 1200.5m, 0));
        await using var db = _database.CreateContext();
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(Kpi) && a.Action == AuditAction.Added, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Adding_a_code_the_program_has_in_another_letter_case_is_refused_and_the_kpi_is_unchanged()
    {
        await _service.SaveKpiAsync("LEAN", Defects(), adding: true, Ct);

        var errors = await _service.SaveKpiAsync("LEAN", new ProgramKpiInput { Code = "def", Name = "别的", Unit = "件", ValuePerUnit = 1 }, adding: true, Ct);

        errors.Select(En).ShouldBe(["Program LEAN has a KPI with the code DEF already (codes ignore letter case); edit that one, or choose another code."]);
        errors.Select(Zh).ShouldBe(["培训项目 LEAN 已有代码为 DEF 的 KPI（代码不区分大小写）；请编辑该 KPI，或换一个代码。"]);
        (await _service.ListKpisAsync("LEAN", Ct)).ShouldHaveSingleItem().Name.ShouldBe("缺陷率");
    }

    [Fact]
    public async Task Editing_a_kpi_changes_it_and_the_audit_names_the_old_and_new_value()
    {
        await _service.SaveKpiAsync("LEAN", Defects(), adding: true, Ct);
        var edit = Defects();
        edit.Name = "一次合格率";
        edit.Direction = KpiDirection.HigherIsBetter;
        edit.ValuePerUnit = 800;

        (await _service.SaveKpiAsync("LEAN", edit, adding: false, Ct)).ShouldBeEmpty();

        var row = (await _service.ListKpisAsync("LEAN", Ct)).ShouldHaveSingleItem();
        (row.Name, row.Direction, row.ValuePerUnit).ShouldBe(("一次合格率", KpiDirection.HigherIsBetter, 800m));
        await using var db = _database.CreateContext();
        var line = await db.AuditTrail.SingleAsync(a => a.EntityType == nameof(Kpi) && a.Property == nameof(Kpi.Name), Ct);
        (line.OldValue, line.NewValue).ShouldBe(("缺陷率", "一次合格率"));
    }

    [Fact]
    public async Task A_negative_value_per_unit_is_refused_with_the_imports_message()
    {
        var input = Defects();
        input.ValuePerUnit = -3;

        var errors = await _service.SaveKpiAsync("LEAN", input, adding: true, Ct);

        errors.Select(En).ShouldHaveSingleItem().ShouldContain("value_per_unit");
        errors.Select(En).Single().ShouldContain("-3");
        (await _service.ListKpisAsync("LEAN", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_kpi_with_measurements_is_not_removed_and_one_without_is_removed_and_audited()
    {
        await _service.SaveKpiAsync("LEAN", Defects(), adding: true, Ct);
        await _service.SaveKpiAsync("LEAN", new ProgramKpiInput { Code = "OEE", Name = "设备综合效率", Unit = "%", ValuePerUnit = 10 }, adding: true, Ct);
        await using (var db = _database.CreateContext())
        {
            var kpi = await db.Kpis.SingleAsync(k => k.Code == "DEF", Ct);
            db.KpiMeasurements.AddRange(_data.Enrollments.Take(2).Select(e => new KpiMeasurement { KpiId = kpi.Id, CohortId = _data.Cohort.Id, EnrollmentId = e.Id, Baseline = 5, Target = 3 }));
            await db.SaveChangesAsync(Ct);
        }

        var refused = await _service.RemoveKpiAsync("LEAN", "def", Ct);
        var removed = await _service.RemoveKpiAsync("LEAN", "OEE", Ct);

        refused.Select(En).ShouldBe(["KPI DEF (缺陷率) has 2 measurements in the program's cohorts, so it cannot be removed; they would lose their baseline, target and actual. Edit the KPI instead."]);
        refused.Select(Zh).ShouldBe(["KPI DEF（缺陷率）在该项目的班期中已有 2 条测量记录，不能删除，否则这些记录会失去基线、目标和实际值。请改为编辑该 KPI。"]);
        removed.ShouldBeEmpty();
        (await _service.ListKpisAsync("LEAN", Ct)).Select(k => (k.Code, k.Measurements)).ShouldBe([("DEF", 2)]);
        await using var check = _database.CreateContext();
        (await check.AuditTrail.SingleAsync(a => a.EntityType == nameof(Kpi) && a.Action == AuditAction.Deleted, Ct)).OldValue!.ShouldContain("设备综合效率");
        (await _service.RemoveKpiAsync("LEAN", "OEE", Ct)).Select(En).ShouldBe(["KPI OEE is no longer in program LEAN; someone removed it meanwhile."]);
    }

    [Fact]
    public async Task Costs_for_the_program_and_for_a_cohort_are_listed_and_the_same_item_again_changes_its_amount()
    {
        var venue = new ProgramCostInput { Category = CostCategory.Venue, Description = "培训教室", Amount = 3000, IncurredOn = new DateTime(2026, 3, 2) };
        var trainer = new ProgramCostInput { CohortCode = "lean-1", Category = CostCategory.Trainer, Description = "讲师费", Amount = 8000.456m, IncurredOn = new DateTime(2026, 3, 20) };

        (await _service.SaveCostAsync("LEAN", venue, Ct)).ShouldBeEmpty();
        (await _service.SaveCostAsync("LEAN", trainer, Ct)).ShouldBeEmpty();
        venue.Amount = 3500;
        (await _service.SaveCostAsync("LEAN", venue, Ct)).ShouldBeEmpty();

        (await _service.ListCostsAsync("lean", Ct)).Select(c => (c.CohortCode, c.Category, c.Description, c.Amount, c.IncurredOn)).ShouldBe([
            (null, CostCategory.Venue, "培训教室", 3500m, new DateOnly(2026, 3, 2)),
            ("LEAN-1", CostCategory.Trainer, "讲师费", 8000.46m, new DateOnly(2026, 3, 20)),
        ]);
        await using var db = _database.CreateContext();
        var line = await db.AuditTrail.SingleAsync(a => a.EntityType == nameof(ProgramCostItem) && a.Property == nameof(ProgramCostItem.Amount), Ct);
        (decimal.Parse(line.OldValue!, CultureInfo.InvariantCulture), decimal.Parse(line.NewValue!, CultureInfo.InvariantCulture)).ShouldBe((3000m, 3500m));
    }

    [Fact]
    public async Task A_negative_amount_or_an_unknown_cohort_is_refused_and_nothing_is_written()
    {
        var negative = await _service.SaveCostAsync("LEAN", new ProgramCostInput { Category = CostCategory.Other, Description = "退款", Amount = -10, IncurredOn = new DateTime(2026, 3, 2) }, Ct);
        var unknown = await _service.SaveCostAsync("LEAN", new ProgramCostInput { CohortCode = "NOPE", Category = CostCategory.Other, Description = "茶歇", Amount = 10, IncurredOn = new DateTime(2026, 3, 2) }, Ct);

        negative.Select(En).ShouldHaveSingleItem().ShouldContain("amount");
        unknown.Select(En).ShouldHaveSingleItem().ShouldContain("NOPE");
        (await _service.ListCostsAsync("LEAN", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_removed_cost_item_is_gone_and_audited()
    {
        await _service.SaveCostAsync("LEAN", new ProgramCostInput { Category = CostCategory.Materials, Description = "教材", Amount = 600, IncurredOn = new DateTime(2026, 3, 2) }, Ct);
        var item = (await _service.ListCostsAsync("LEAN", Ct)).Single();

        (await _service.RemoveCostAsync("LEAN", item.Id, item.Description, Ct)).ShouldBeEmpty();

        (await _service.ListCostsAsync("LEAN", Ct)).ShouldBeEmpty();
        await using var db = _database.CreateContext();
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(ProgramCostItem) && a.Action == AuditAction.Deleted, Ct)).ShouldBe(1);
        (await _service.RemoveCostAsync("LEAN", item.Id, item.Description, Ct)).Select(Zh).ShouldBe(["费用项“教材”已不在培训项目 LEAN 中；有人刚刚删除了它。"]);
    }

    [Fact]
    public async Task The_forms_field_rules_speak_both_languages()
    {
        var kpis = new ProgramKpiInputValidator(Localizer<ProgramKpiInput>());
        var costs = new ProgramCostInputValidator(Localizer<ProgramKpiInput>());
        var kpi = new ProgramKpiInput { Code = "", Name = "x", Unit = "", ValuePerUnit = -1 };
        var cost = new ProgramCostInput { Description = "", Amount = -1, IncurredOn = null };
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            (await kpis.ValidateAsync(kpi, Ct)).Errors.Select(e => e.ErrorMessage).ShouldBe(["Enter the KPI code.", "Enter the unit (e.g. %, defects, hours).", "Must be 0 or more."]);
            (await costs.ValidateAsync(cost, Ct)).Errors.Select(e => e.ErrorMessage).ShouldBe(["Describe the cost.", "Must be 0 or more.", "Enter the date the cost was incurred."]);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            (await kpis.ValidateAsync(kpi, Ct)).Errors.Select(e => e.ErrorMessage).ShouldBe(["请填写 KPI 代码。", "请填写单位（如 %、缺陷数、小时）。", "不能小于 0。"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
