using Bunit;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Reports;

/// <summary>The ROI assumption form refuses out-of-range values on the field, in the reader's language, and saves nothing.</summary>
public sealed class RoiAssumptionFormTests : DashboardTestContext
{
    private static RoiKpiLine Kpi(RoiAssumptionInput input) =>
        new(1, "SALES", "销售额", "Sales", "万元", "10k CNY", KpiDirection.HigherIsBetter, 12, false, 30, input, false, null, null);

    private (IRenderedComponent<RoiAssumptionForm> Form, Func<int> Saves) Render(RoiAssumptionInput input)
    {
        var saves = 0;
        var form = Render<RoiAssumptionForm>(p => p
            .Add(f => f.Kpi, Kpi(input))
            .Add(f => f.Input, input)
            .Add(f => f.Currency, "CNY")
            .Add(f => f.OnSave, () => saves++));
        return (form, () => saves);
    }

    private static string Errors(IRenderedComponent<RoiAssumptionForm> form) =>
        string.Join(" | ", form.FindAll(".mud-input-control-helper-container .mud-input-error").Select(e => e.TextContent.Trim()));

    [Fact]
    public void An_attribution_above_one_is_refused_in_Chinese()
    {
        UseCulture("zh-CN");
        var (form, saves) = Render(new RoiAssumptionInput { Attribution = 1.5, Confidence = 0.8, ValuePerUnit = 100, PeriodMonths = 72 });

        form.Find("[data-testid=roi-save]").Click();

        form.WaitForAssertion(() =>
        {
            Errors(form).ShouldContain("培训归因须在 0 到 1 之间（0 %–100 %），不能是 1.5。");
            Errors(form).ShouldContain("月数须为 1 到 60，不能是 72。");
        });
        saves().ShouldBe(0);
    }

    [Fact]
    public void A_negative_value_per_unit_is_refused_in_English()
    {
        UseCulture("en");
        var (form, saves) = Render(new RoiAssumptionInput { Attribution = 0.5, Confidence = 0.8, ValuePerUnit = -3, PeriodMonths = 12 });

        form.Find("[data-testid=roi-save]").Click();

        form.WaitForAssertion(() => Errors(form).ShouldBe("The value per unit cannot be negative (-3)."));
        saves().ShouldBe(0);
    }
}
