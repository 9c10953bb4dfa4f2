using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>The cohort a page shows: its program, dates and status.</summary>
/// <param name="Status">Where the cohort stands today (<see cref="CohortStatuses.Of"/>).</param>
public sealed record CohortInfo(
    int Id,
    string Code,
    string Name,
    string? NameEn,
    int ProgramId,
    string ProgramCode,
    string ProgramName,
    string? ProgramNameEn,
    DateOnly StartDate,
    DateOnly EndDate,
    bool IsClosed,
    CohortStatus Status) : IBilingualName
{
    public string ProgramDisplayName(System.Globalization.CultureInfo? culture = null) => Bilingual.Pick(ProgramName, ProgramNameEn, culture);

    /// <summary>The cohort has not ended: its pass rate, tier mix and ranking are provisional as a whole (spec section 9).</summary>
    public bool ResultsAreProvisional => Status.ResultsAreProvisional();
}

/// <summary>A scored learner of the cohort (withdrawn learners are not scored).</summary>
public sealed record CohortLearner(
    int EnrollmentId,
    int LearnerId,
    int DepartmentId,
    string EmployeeNumber,
    string Name,
    string? NameEn,
    string DepartmentCode,
    string DepartmentName,
    string? DepartmentNameEn) : IBilingualName
{
    public string DepartmentDisplayName(System.Globalization.CultureInfo? culture = null) => Bilingual.Pick(DepartmentName, DepartmentNameEn, culture);
}

/// <summary>
/// The scores a cohort page draws: one <see cref="LearnerScore"/> and rank per learner (same order as
/// <see cref="Learners"/>), and the profile they were computed with — the stored official scores, or
/// a what-if draft scored live.
/// </summary>
public sealed class CohortScoreSet
{
    public required IReadOnlyList<CohortLearner> Learners { get; init; }

    /// <summary>Aligned with <see cref="Learners"/>; a learner without a score has a null composite.</summary>
    public required LearnerScore[] Scores { get; init; }

    /// <summary>Aligned with <see cref="Learners"/>; null for a learner without a composite.</summary>
    public required int?[] Ranks { get; init; }

    /// <summary>The level weights of the profile the scores come from (the stack of the ranking chart uses them).</summary>
    public required LevelWeights Weights { get; init; }

    /// <summary>The stored profile version number; null for a draft.</summary>
    public int? ProfileVersion { get; init; }

    public bool IsDraft => ProfileVersion is null;

    public int Count => Learners.Count;

    public static CohortScoreSet Empty(LevelWeights weights) => new() { Learners = [], Scores = [], Ranks = [], Weights = weights, ProfileVersion = 0 };
}

/// <summary>The distributions of the box plot: the composite and each level over the learners that have one.</summary>
public sealed record CohortDistributions(Distribution? Composite, IReadOnlyList<Distribution?> Levels)
{
    public static CohortDistributions Of(CohortScoreSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var n = set.Count;
        var composite = new double[n];
        var levels = new double[KirkpatrickLevels.Count][];
        for (var l = 0; l < levels.Length; l++)
            levels[l] = new double[n];
        for (var i = 0; i < n; i++)
        {
            ref readonly var s = ref set.Scores[i];
            composite[i] = s.Composite ?? double.NaN;
            levels[0][i] = s.Reaction ?? double.NaN;
            levels[1][i] = s.Learning ?? double.NaN;
            levels[2][i] = s.Behavior ?? double.NaN;
            levels[3][i] = s.Results ?? double.NaN;
        }
        return new CohortDistributions(Distribution.Of(composite), [.. levels.Select(l => Distribution.Of(l))]);
    }

    public Distribution? Level(KirkpatrickLevel level) => Levels[(int)level];
}
