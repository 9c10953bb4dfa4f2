using MathNet.Numerics;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Comparisons;

/// <summary>One run of a program: its cohort, start date, status, the profile version its scores use, and its learners' scores.</summary>
/// <param name="ProfileVersion">The weight profile version the scores were computed with; null when unknown (no scores yet).</param>
/// <param name="Status">Where the cohort stands today (<see cref="CohortStatuses.Of"/>): a run that has not ended is provisional as a whole.</param>
public sealed record CohortRun(string CohortCode, DateOnly StartDate, CohortStatus Status, int? ProfileVersion, IReadOnlyList<LearnerScore> Learners);

/// <summary>One cohort in a program's history.</summary>
/// <param name="RunOrder">1 for the program's first cohort by start date, 2 for the next, …; the x of the trend.</param>
/// <param name="ProfileVersionChanged">
/// The weight profile version differs from the one of the nearest earlier run that has a version: the
/// runs before and after are not weighted alike, so a step in the line may be the weights, not the training.
/// </param>
/// <param name="Trend">The trend line's value at this run; null when there is no trend.</param>
public sealed record CohortHistoryPoint(
    int RunOrder,
    string CohortCode,
    DateOnly StartDate,
    CohortStatus Status,
    int? ProfileVersion,
    bool ProfileVersionChanged,
    CohortSummary Summary,
    double? Trend)
{
    /// <summary>The run has not ended: its pass rate, tier mix and mean are provisional as a whole and it is not in the trend.</summary>
    public bool IsProvisional => Status.ResultsAreProvisional();
}

/// <summary>
/// The least-squares line of mean composite over run order (x = 1, 2, …), fitted over the ended runs that have
/// a mean composite (a running cohort's mean is provisional, so it never bends the line). <see cref="Slope"/> is
/// the change in mean composite per run.
/// </summary>
public sealed record ProgramTrend(double Intercept, double Slope, int RunsFitted)
{
    public double At(int runOrder) => Intercept + Slope * runOrder;
}

/// <summary>
/// The historical comparison (历史对比) of one program, spec section 6: per cohort in start order,
/// n, mean composite, mean per level, pass rate, mean coverage, and the trend.
/// </summary>
public sealed record ProgramHistory(IReadOnlyList<CohortHistoryPoint> Cohorts, ProgramTrend? Trend)
{
    /// <summary>A trend needs at least this many ended runs with a mean composite; with fewer there is no line to draw.</summary>
    public const int MinimumRunsForTrend = 2;

    public static ProgramHistory Empty { get; } = new([], null);

    /// <summary>Runs whose profile version changed from the previous run.</summary>
    public IEnumerable<CohortHistoryPoint> ProfileChanges => Cohorts.Where(c => c.ProfileVersionChanged);

    /// <summary>
    /// The program's "latest run" (spec section 9): its latest ended run (by start order) with a mean composite;
    /// null when no ended run has one. A running cohort is never the headline unless the reader picks it (<see cref="Run"/>).
    /// </summary>
    public CohortHistoryPoint? LatestEnded => Cohorts.LastOrDefault(c => !c.IsProvisional && c.Summary.MeanComposite is not null);

    /// <summary>The run of this cohort (codes compared ignoring case and surrounding spaces); null when the history has none.</summary>
    public CohortHistoryPoint? Run(string? cohortCode) =>
        string.IsNullOrWhiteSpace(cohortCode) ? null
            : Cohorts.FirstOrDefault(c => string.Equals(c.CohortCode, cohortCode.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The headline run: the one the reader picked when the history has it, else <see cref="LatestEnded"/>.</summary>
    public CohortHistoryPoint? Headline(string? picked) => Run(picked) ?? LatestEnded;

    /// <summary>
    /// Orders the runs by start date (then cohort code, so equal dates keep a stable order), summarises
    /// each and fits the trend over the ended runs with <see cref="Fit.Line(double[], double[])"/>.
    /// </summary>
    public static ProgramHistory Build(IEnumerable<CohortRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var ordered = runs
            .OrderBy(r => r.StartDate)
            .ThenBy(r => r.CohortCode, StringComparer.Ordinal)
            .ToList();

        var summaries = ordered.Select(r => CohortSummary.Of(r.Learners is LearnerScore[] array ? array : [.. r.Learners])).ToList();

        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Status.HasEnded() && summaries[i].MeanComposite is { } mean)
            {
                xs.Add(i + 1);
                ys.Add(mean);
            }
        }

        ProgramTrend? trend = null;
        if (xs.Count >= MinimumRunsForTrend)
        {
            var (intercept, slope) = Fit.Line([.. xs], [.. ys]);
            trend = new ProgramTrend(intercept, slope, xs.Count);
        }

        var points = new List<CohortHistoryPoint>(ordered.Count);
        int? previousVersion = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var run = ordered[i];
            var changed = run.ProfileVersion is { } version && previousVersion is { } previous && version != previous;
            if (run.ProfileVersion is not null)
                previousVersion = run.ProfileVersion;
            points.Add(new CohortHistoryPoint(i + 1, run.CohortCode, run.StartDate, run.Status, run.ProfileVersion, changed, summaries[i], trend?.At(i + 1)));
        }

        return new ProgramHistory(points, trend);
    }
}
