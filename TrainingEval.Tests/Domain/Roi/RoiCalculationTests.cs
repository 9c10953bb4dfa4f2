using TrainingEval.Domain.Roi;

namespace TrainingEval.Tests.Domain.Roi;

/// <summary>
/// "benefit = Σ over KPIs of (improvement in units × monetary value per unit × attribution × confidence), over the
/// stated period; ROI % = (benefit − cost) / cost × 100; BCR = benefit / cost" (section 8).
/// </summary>
public class RoiCalculationTests
{
    private static readonly KpiBenefitInput Output = new("output", 10, 100m, 12, 0.5, 0.8);
    private static readonly KpiBenefitInput Errors = new("errors", -2, 50m, 12, 1, 1);
    private static readonly CostInput[] Costs = [new("Trainer", 1000m), new("Venue", 2000m)];

    [Fact]
    public void Benefit_cost_ROI_and_BCR_by_hand()
    {
        // output: 10 × 100 × 12 = 12,000 gross; × 0.5 × 0.8 = 4,800.
        // errors got worse: −2 × 50 × 12 = −1,200, × 1 × 1 = −1,200 (a loss counts against the training).
        // benefit 3,600; cost 3,000 ⇒ ROI = 600 / 3,000 × 100 = 20 %; BCR = 1.2.
        var roi = RoiCalculation.Of([Output, Errors], Costs);

        roi.Benefits.Select(b => b.GrossValue).ShouldBe([12000m, -1200m]);
        roi.Benefits.Select(b => b.Benefit).ShouldBe([4800m, -1200m]);
        roi.TotalBenefit.ShouldBe(3600m);
        roi.TotalCost.ShouldBe(3000m);
        roi.RoiPercent!.Value.ShouldBe(20, 1e-9);
        roi.BenefitCostRatio!.Value.ShouldBe(1.2, 1e-12);
    }

    [Fact]
    public void Sensitivity_replaces_every_attribution_from_25_to_100_percent_in_steps_of_5()
    {
        // At 25 %: 12,000 × 0.25 × 0.8 + (−1,200) × 0.25 × 1 = 2,400 − 300 = 2,100 ⇒ ROI −30 %.
        // At 100 %: 9,600 − 1,200 = 8,400 ⇒ ROI 180 %.
        var roi = RoiCalculation.Of([Output, Errors], Costs);

        roi.Sensitivity.Count.ShouldBe(16);
        roi.Sensitivity[0].Attribution.ShouldBe(0.25);
        roi.Sensitivity[0].Benefit.ShouldBe(2100m);
        roi.Sensitivity[0].RoiPercent!.Value.ShouldBe(-30, 1e-9);
        roi.Sensitivity[^1].Attribution.ShouldBe(1);
        roi.Sensitivity[^1].RoiPercent!.Value.ShouldBe(180, 1e-9);
        roi.Sensitivity.Select(p => p.RoiPercent).ShouldBeInOrder();
    }

    [Fact]
    public void Without_costs_ROI_and_BCR_are_undefined()
    {
        var roi = RoiCalculation.Of([Output], []);

        roi.TotalBenefit.ShouldBe(4800m);
        roi.IsDefined.ShouldBeFalse();
        roi.RoiPercent.ShouldBeNull();
        roi.BenefitCostRatio.ShouldBeNull();
        roi.Sensitivity.ShouldAllBe(p => p.RoiPercent == null);
    }

    [Fact]
    public void No_benefit_loses_the_whole_cost() =>
        RoiCalculation.Of([], Costs).RoiPercent.ShouldBe(-100);

    [Theory]
    [InlineData(1.1, 0.5)]
    [InlineData(0.5, -0.1)]
    public void Refuses_attribution_or_confidence_outside_0_to_1(double attribution, double confidence) =>
        Should.Throw<ArgumentException>(() => RoiCalculation.Of([Output with { Attribution = attribution, Confidence = confidence }], Costs));

    [Fact]
    public void Refuses_a_negative_cost() =>
        Should.Throw<ArgumentException>(() => RoiCalculation.Of([Output], [new("Other", -1m)]));
}
