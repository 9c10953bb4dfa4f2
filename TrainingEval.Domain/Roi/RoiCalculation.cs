namespace TrainingEval.Domain.Roi;

/// <summary>
/// One KPI's contribution to the benefit (spec section 8). <paramref name="Improvement"/> is the total change in
/// the KPI's units over the measured learners or teams, signed so that positive is better (a fall of a
/// lower-is-better KPI counts positive). <paramref name="ValuePerUnitPerMonth"/> is the money one unit of
/// improvement is worth per month it lasts; <paramref name="PeriodMonths"/> is the stated period.
/// </summary>
public sealed record KpiBenefitInput(
    string KpiCode,
    double Improvement,
    decimal ValuePerUnitPerMonth,
    int PeriodMonths,
    double Attribution,
    double Confidence);

/// <summary>One KPI's benefit: gross value of the improvement over the period, and after attribution and confidence.</summary>
public sealed record KpiBenefit(KpiBenefitInput Input, decimal GrossValue, decimal Benefit);

/// <summary>A cost item (trainer, materials, venue, learners' time, other) in the company's currency.</summary>
public sealed record CostInput(string Category, decimal Amount);

/// <summary>ROI at one attribution level applied to every KPI (the sensitivity view).</summary>
public sealed record RoiSensitivityPoint(double Attribution, decimal Benefit, double? RoiPercent);

/// <summary>
/// Phillips level-5 ROI (spec section 8): benefit = Σ improvement × value per unit × attribution × confidence
/// over the period; cost = Σ cost items; ROI % = (benefit − cost) / cost × 100; BCR = benefit / cost.
/// With no cost the ratios are undefined and null (<see cref="IsDefined"/> false), never infinite.
/// Money is <see cref="decimal"/>, rounded to cents only for display.
/// </summary>
public sealed record RoiCalculation(
    IReadOnlyList<KpiBenefit> Benefits,
    IReadOnlyList<CostInput> Costs,
    decimal TotalBenefit,
    decimal TotalCost,
    double? RoiPercent,
    double? BenefitCostRatio,
    IReadOnlyList<RoiSensitivityPoint> Sensitivity)
{
    public const double MinimumSensitivityAttribution = 0.25;
    public const double MaximumSensitivityAttribution = 1.0;
    public const double SensitivityStep = 0.05;

    /// <summary>Default period over which a KPI improvement is counted: Phillips' one year for short programs.</summary>
    public const int DefaultPeriodMonths = 12;

    public bool IsDefined => RoiPercent is not null;

    public static RoiCalculation Of(IReadOnlyList<KpiBenefitInput> kpis, IReadOnlyList<CostInput> costs)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(costs);
        foreach (var k in kpis)
            Check(k);
        if (costs.Any(c => c.Amount < 0))
            throw new ArgumentException("Cost amounts cannot be negative.", nameof(costs));

        var benefits = kpis.Select(k =>
        {
            var gross = Money(k.Improvement) * k.ValuePerUnitPerMonth * k.PeriodMonths;
            return new KpiBenefit(k, gross, gross * Money(k.Attribution) * Money(k.Confidence));
        }).ToList();
        var totalBenefit = benefits.Sum(b => b.Benefit);
        var totalCost = costs.Sum(c => c.Amount);

        var steps = (int)Math.Round((MaximumSensitivityAttribution - MinimumSensitivityAttribution) / SensitivityStep);
        var sensitivity = Enumerable.Range(0, steps + 1)
            .Select(i => Math.Round(MinimumSensitivityAttribution + i * SensitivityStep, 2))
            .Select(a =>
            {
                var benefit = benefits.Sum(b => b.GrossValue * Money(a) * Money(b.Input.Confidence));
                return new RoiSensitivityPoint(a, benefit, Roi(benefit, totalCost));
            })
            .ToList();

        return new(benefits, costs, totalBenefit, totalCost, Roi(totalBenefit, totalCost),
            totalCost == 0 ? null : (double)(totalBenefit / totalCost), sensitivity);
    }

    private static double? Roi(decimal benefit, decimal cost) =>
        cost == 0 ? null : (double)((benefit - cost) / cost * 100);

    private static decimal Money(double value) => (decimal)value;

    private static void Check(KpiBenefitInput k)
    {
        if (!double.IsFinite(k.Improvement))
            throw new ArgumentException($"KPI {k.KpiCode}: the improvement must be a finite number.", nameof(k));
        if (k.Attribution is < 0 or > 1 || double.IsNaN(k.Attribution))
            throw new ArgumentException($"KPI {k.KpiCode}: attribution {k.Attribution} is outside 0–1.", nameof(k));
        if (k.Confidence is < 0 or > 1 || double.IsNaN(k.Confidence))
            throw new ArgumentException($"KPI {k.KpiCode}: confidence {k.Confidence} is outside 0–1.", nameof(k));
        if (k.ValuePerUnitPerMonth < 0)
            throw new ArgumentException($"KPI {k.KpiCode}: the value per unit cannot be negative.", nameof(k));
        if (k.PeriodMonths < 1)
            throw new ArgumentException($"KPI {k.KpiCode}: the period must be at least one month.", nameof(k));
    }
}
