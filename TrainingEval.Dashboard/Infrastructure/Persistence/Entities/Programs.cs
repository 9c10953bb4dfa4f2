using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>A training program (培训项目); its cohorts are its history.</summary>
public sealed class TrainingProgram : IBilingualName, IConcurrencyVersioned, IAudited
{
    public const int CodeMaxLength = 40;
    public const int CategoryMaxLength = 100;

    private string _code = "";

    public int Id { get; set; }

    /// <summary>As first written; <see cref="CodeKey"/> is what matches (spec section 9).</summary>
    public required string Code
    {
        get => _code;
        set
        {
            _code = value;
            CodeKey = NaturalKey.Of(value);
        }
    }

    /// <summary>The code trimmed and upper-cased (<see cref="NaturalKey"/>); unique.</summary>
    public string CodeKey { get; private set; } = "";
    public required string Name { get; set; }
    public string? NameEn { get; set; }

    /// <summary>Free grouping of programs, e.g. "Safety" or "Leadership" (from imports).</summary>
    public string? Category { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }

    /// <summary>The version number of the program's current weight profile; moves only forward.</summary>
    public int CurrentProfileVersion { get; set; }

    public int Revision { get; set; }

    public List<Cohort> Cohorts { get; } = [];
    public List<WeightProfileVersion> ProfileVersions { get; } = [];
    public List<Kpi> Kpis { get; } = [];
    public List<ProgramCostItem> CostItems { get; } = [];
}

/// <summary>
/// One immutable version of a program's weight profile. A change inserts the next version; rows are
/// never updated, so a closed cohort's recorded version always means the same weights.
/// Mapped to and from <c>Domain.Profiles.WeightProfile</c> by <c>WeightProfileMapping</c> only.
/// </summary>
public sealed class WeightProfileVersion : IAppendOnly
{
    public const int ChangeNoteMaxLength = 500;

    public int Id { get; set; }
    public int ProgramId { get; set; }
    public TrainingProgram? Program { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public double ReactionWeight { get; set; }
    public double LearningWeight { get; set; }
    public double BehaviorWeight { get; set; }
    public double ResultsWeight { get; set; }
    public Domain.Profiles.MissingDataPolicy Policy { get; set; }
    public double TierA { get; set; }
    public double TierB { get; set; }
    public double TierC { get; set; }
    public double PassMark { get; set; }
    public double ExamPassLine { get; set; }
    public int ApplicationWindowDays { get; set; }

    /// <summary>Stored as one JSON column: a profile is read and written whole.</summary>
    public List<ProfileIndicator> Indicators { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public string? ChangeNote { get; set; }
}

/// <summary>One indicator of a stored profile version (owned, JSON).</summary>
public sealed class ProfileIndicator
{
    public required string Code { get; set; }
    public Domain.Indicators.KirkpatrickLevel Level { get; set; }
    public Domain.Indicators.Normalization Normalization { get; set; }
    public double Weight { get; set; }
    public double Max { get; set; }
    public double Target { get; set; }
    public bool IsCustom { get; set; }
}

public enum CostCategory
{
    Trainer,
    Materials,
    Venue,
    LearnerTime,
    Other,
}

/// <summary>A cost of running a program (ROI denominator); optionally tied to one cohort.</summary>
public sealed class ProgramCostItem : IAudited
{
    public int Id { get; set; }
    public int ProgramId { get; set; }
    public TrainingProgram? Program { get; set; }
    public int? CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public CostCategory Category { get; set; }
    public required string Description { get; set; }
    public string? DescriptionEn { get; set; }

    /// <summary>In the company's currency; non-negative.</summary>
    public decimal Amount { get; set; }
    public DateOnly IncurredOn { get; set; }
}
