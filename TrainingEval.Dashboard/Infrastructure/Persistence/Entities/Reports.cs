namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>
/// The ROI assumptions (Phillips level 5) for one KPI in one cohort, set by HR on the ROI report: how much of the
/// KPI's improvement is due to the training, how sure the estimate is, what a unit is worth per month and over how
/// many months the benefit counts. A KPI without a row uses <see cref="Defaults"/>. Edits are audited (old/new).
/// </summary>
public sealed class RoiAssumption : IAudited, IConcurrencyVersioned
{
    public const int NoteMaxLength = 500;
    public const int MaxPeriodMonths = 60;

    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public int KpiId { get; set; }
    public Kpi? Kpi { get; set; }

    /// <summary>Share of the improvement attributed to the training, 0–1.</summary>
    public double Attribution { get; set; }

    /// <summary>Confidence in the estimate, 0–1 (Phillips' error adjustment).</summary>
    public double Confidence { get; set; }

    /// <summary>Money value of one unit of improvement per month; starts as the KPI's own value per unit.</summary>
    public decimal ValuePerUnit { get; set; }

    public int PeriodMonths { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public int Revision { get; set; }

    /// <summary>What a KPI without stored assumptions uses; the report marks them as defaults not yet reviewed.</summary>
    public static class Defaults
    {
        public const double Attribution = 0.5;
        public const double Confidence = 0.8;
        public const int PeriodMonths = Domain.Roi.RoiCalculation.DefaultPeriodMonths;
    }
}

public enum PromotionDecisionKind
{
    Accepted,
    Declined,
    Deferred,
}

/// <summary>HR's decision on a promotion suggestion (晋升建议) for a learner, resting on one cohort. Audited.</summary>
public sealed class PromotionDecision : IAudited, IConcurrencyVersioned
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int LearnerId { get; set; }
    public Learner? Learner { get; set; }

    /// <summary>The learner's latest cohort, on which the suggestion rests.</summary>
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public PromotionDecisionKind Decision { get; set; }
    public string? Note { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }
    public int Revision { get; set; }
}
