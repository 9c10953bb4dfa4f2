namespace TrainingEval.Dashboard.Features.Demo;

/// <summary>
/// The size and shape of the generated demo company. The defaults are the full company of the demo;
/// tests use smaller ones. Same spec (seed and reference date included) ⇒ same data, row for row.
/// </summary>
public sealed record DemoCompanySpec
{
    public const int DefaultSeed = 20_240_601;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>"Today" of the generated history: the newest cohort is still running on this date.</summary>
    public required DateOnly Today { get; init; }

    public int Employees { get; init; } = 2000;

    public int Mentors { get; init; } = 60;

    /// <summary>Programs to create, at most the 8 of the catalog.</summary>
    public int Programs { get; init; } = 8;

    /// <summary>Multiplies every cohort's size (1 = the demo's sizes of about 24–60 learners).</summary>
    public double CohortSizeFactor { get; init; } = 1;

    /// <summary>When set, every cohort has exactly this many learners (benchmarks use one large cohort).</summary>
    public int? CohortSizeOverride { get; init; }

    /// <summary>When set, each program keeps only its first runs up to this count (the newest run is always kept).</summary>
    public int? MaxCohortsPerProgram { get; init; }

    /// <summary>
    /// Names, titles and descriptions are always stored in both languages; free text a person typed
    /// (comments) is stored once, as written — in Chinese when true, in English otherwise.
    /// </summary>
    public bool ChineseFreeText { get; init; } = true;
}
