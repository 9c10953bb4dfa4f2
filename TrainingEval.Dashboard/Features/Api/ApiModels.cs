using System.Globalization;
using System.Text.Json.Serialization;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Api;

/// <summary>
/// 200 of <c>POST /api/v1/imports/{kind}</c>. <see cref="HealthIndexQueued"/>: the learning health index and alerts of the
/// weeks the records fall in are being computed in the background, so a caller reading them right after may see the old weeks.
/// </summary>
public sealed record ImportResponse(string Kind, int RowsRead, int Created, int Updated, int Unchanged, IReadOnlyList<string> RecomputedCohorts, bool HealthIndexQueued);

/// <summary>
/// 422 of an import, a problem document (RFC 9457) with every error of the file: how many (<see cref="ErrorCount"/>) and,
/// row by row, the first <see cref="ImportErrorList.MaxListed"/> (row, column, value, stable code, English message).
/// Nothing was written.
/// </summary>
public sealed record ImportProblem(string Type, string Title, int Status, string Detail, int ErrorCount, IReadOnlyList<ImportError> Errors);

/// <summary>422 of a profile: the validator's messages; nothing was saved.</summary>
public sealed record ValidationErrorsResponse(IReadOnlyList<string> Errors);

/// <summary>One learner's stored score in a cohort, as exported: numbers rounded to 2 decimals, null where none exists.</summary>
public sealed record LearnerScoreRow(
    [property: JsonPropertyName("employee_no")] string EmployeeNo,
    [property: JsonPropertyName("reaction")] double? Reaction,
    [property: JsonPropertyName("learning")] double? Learning,
    [property: JsonPropertyName("behavior")] double? Behavior,
    [property: JsonPropertyName("results")] double? Results,
    [property: JsonPropertyName("composite")] double? Composite,
    [property: JsonPropertyName("coverage")] double Coverage,
    [property: JsonPropertyName("tier")] string? Tier,
    [property: JsonPropertyName("passed")] bool? Passed,
    [property: JsonPropertyName("rank")] int? Rank)
{
    public static readonly string[] CsvHeader = ["employee_no", "reaction", "learning", "behavior", "results", "composite", "coverage", "tier", "passed", "rank"];

    public static double? Round(double? value) => value is { } v ? ScoreRounding.ForExport(v) : null;

    public static string? TierCode(Tier? tier) => tier switch
    {
        null => null,
        Domain.Scoring.Tier.Insufficient => "insufficient",
        { } t => t.ToString(),
    };

    public IEnumerable<string> CsvCells() =>
    [
        EmployeeNo, N(Reaction), N(Learning), N(Behavior), N(Results), N(Composite), N(Coverage), Tier ?? "",
        Passed is { } p ? (p ? "true" : "false") : "", Rank?.ToString(CultureInfo.InvariantCulture) ?? "",
    ];

    private static string N(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A cohort's status in the API: <c>planned</c>, <c>running</c>, <c>ended</c> or <c>closed</c> (the one rule, <see cref="CohortStatuses.Of"/>).</summary>
public static class ApiCohortStatus
{
    public static string Code(CohortStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>
/// A cohort's scores: the profile version they were computed with, the cohort's status and one row per scored learner.
/// <paramref name="Provisional"/> is true while the cohort has not ended: tiers, passes and ranks are then provisional as a whole.
/// </summary>
public sealed record CohortScoresResponse(string CohortCode, int? ProfileVersion, string Status, bool Provisional, IReadOnlyList<LearnerScoreRow> Learners);

/// <summary>One run of a program's history; <paramref name="Provisional"/> while the run has not ended (then it is not in the trend).</summary>
/// <param name="Learners">Scored enrollments of the run.</param>
public sealed record ProgramRunRow(int RunOrder, string CohortCode, DateOnly StartDate, string Status, bool Provisional, int? ProfileVersion, bool ProfileVersionChanged,
    int Learners, int Scored, double? MeanComposite, double? PassRate, double? MeanCoverage, double? Trend);

/// <param name="LatestRun">The program's latest ended run with a mean composite (its "latest run" headline); null when none.</param>
public sealed record ProgramHistoryResponse(string ProgramCode, string Name, int CurrentProfileVersion, double? TrendSlopePerRun, string? LatestRun, IReadOnlyList<ProgramRunRow> Runs);

/// <summary>One cohort of a learner's trajectory.</summary>
/// <param name="Status">The cohort's status (<see cref="ApiCohortStatus"/>).</param>
/// <param name="EnrollmentStatus">The learner's enrollment: <c>enrolled</c>, <c>completed</c> or <c>withdrawn</c>.</param>
/// <param name="Provisional">The cohort has not ended: tier, pass and rank are provisional as a whole.</param>
public sealed record TrajectoryRow(string CohortCode, DateOnly StartDate, DateOnly EndDate, bool IsClosed, string Status, string EnrollmentStatus, bool Provisional,
    double? Reaction, double? Learning, double? Behavior, double? Results, double? Composite, double? Coverage, string? Tier, bool? Passed, int? Rank, int RankedCount);

public sealed record TrajectoryResponse(string EmployeeNo, string Name, IReadOnlyList<TrajectoryRow> Cohorts);

public sealed record HealthRow(int IsoYear, int IsoWeek, DateOnly WeekEnd, double? Index);

public sealed record HealthResponse(string EmployeeNo, IReadOnlyList<HealthRow> Weeks);

/// <summary>A weight profile as JSON (spec section 3); codes as in the spec (<c>likert5</c>, <c>renormalize</c>).</summary>
public sealed record ProfileRequest
{
    public string Name { get; init; } = "Default";
    public required LevelWeightsRequest LevelWeights { get; init; }
    public required IReadOnlyList<IndicatorRequest> Indicators { get; init; }
    public string Policy { get; init; } = "renormalize";
    public TiersRequest? Tiers { get; init; }
    public double PassMark { get; init; } = WeightProfile.Default.PassMark;
    public double ExamPassLine { get; init; } = WeightProfile.Default.ExamPassLine;
    public int ApplicationWindowDays { get; init; } = WeightProfile.Default.ApplicationWindowDays;

    /// <summary>The version the change is based on; a newer saved version makes the request a 409. Omit to build on the current one.</summary>
    public int? BasedOnVersion { get; init; }
    public string? ChangeNote { get; init; }

    /// <exception cref="DataValidationException">A level, normalisation or policy code is unknown.</exception>
    public WeightProfile ToDomain()
    {
        var errors = new List<string>();
        var policy = Policy.Trim().ToLowerInvariant() switch
        {
            "renormalize" => MissingDataPolicy.Renormalize,
            "zero" => MissingDataPolicy.Zero,
            _ => (MissingDataPolicy?)null,
        };
        if (policy is null)
            errors.Add($"Unknown policy '{Policy}'; use renormalize or zero.");
        var indicators = new List<IndicatorDefinition>();
        foreach (var i in Indicators ?? [])
        {
            var levelKnown = Enum.TryParse<KirkpatrickLevel>(i.Level, ignoreCase: true, out var level) && Enum.IsDefined(level);
            if (!levelKnown)
                errors.Add($"Indicator {i.Code}: unknown level '{i.Level}'; use reaction, learning, behavior or results.");
            if (!NormalizationCodes.TryParse(i.Normalization, out var normalization))
                errors.Add($"Indicator {i.Code}: unknown normalization '{i.Normalization}'.");
            var definition = BuiltInIndicators.WithParameters(
                new IndicatorDefinition { Code = i.Code, Level = level, Normalization = normalization, Weight = i.Weight, IsCustom = i.IsCustom },
                i.Max, i.Target, out var missing);
            if (definition is null)
                errors.Add($"Indicator {i.Code}: parameter {missing} is required for {normalization.ToCode()}.");
            else
                indicators.Add(definition);
        }
        if (errors.Count > 0)
            throw new DataValidationException(errors);
        return new WeightProfile
        {
            Name = Name,
            LevelWeights = new LevelWeights(LevelWeights.Reaction, LevelWeights.Learning, LevelWeights.Behavior, LevelWeights.Results),
            Indicators = indicators,
            Policy = policy!.Value,
            Tiers = Tiers is null ? TierThresholds.Default : new TierThresholds(Tiers.A, Tiers.B, Tiers.C),
            PassMark = PassMark,
            ExamPassLine = ExamPassLine,
            ApplicationWindowDays = ApplicationWindowDays,
        };
    }
}

public sealed record LevelWeightsRequest(double Reaction, double Learning, double Behavior, double Results);

public sealed record TiersRequest(double A, double B, double C);

public sealed record IndicatorRequest(string Code, string Level, string Normalization, double Weight, double? Max = null, double? Target = null, bool IsCustom = false);

public sealed record ProfileSavedResponse(string ProgramCode, int Version);
