namespace TrainingEval.Domain.Roi;

/// <summary>
/// What a KPI's unit means for its changes (spec section 8). A KPI measured in percent (an error rate, a yield)
/// changes by percentage points: from 3.2 % to 2.4 % is −0.8 points, not "−0.8 %" (which would read as a relative fall
/// of 0.8 % of 3.2). The reports word such changes as points, and a benefit built from them sums points.
/// </summary>
public static class MeasureUnits
{
    private static readonly string[] PercentUnits = ["%", "％", "percent", "pct", "百分比"];

    public static bool IsPercent(string? unit) =>
        unit is not null && PercentUnits.Contains(unit.Trim(), StringComparer.OrdinalIgnoreCase);
}
