using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Domain.Scoring;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Shared;

/// <summary>
/// App-relative links to the pages that list or show records, with their filters in the URL: what a chart's bars, slices
/// and points drill down to (<c>ChartPoint.Href</c>) and what tables link to. One place, so a drill and a table link to
/// the same record read the same.
/// </summary>
public static class RecordLinks
{
    /// <summary>Where the cohort page's learner table starts (its element id), so a drill into it lands on the table.</summary>
    public const string LearnerTableAnchor = "learners";

    /// <summary>The cohort page (horizontal comparison).</summary>
    public static string Cohort(string code) => "cohorts/" + Uri.EscapeDataString(code);

    /// <summary>The cohort page with its learner table filtered to one tier (<c>?tier=D</c>, shown as a chip over the table).</summary>
    public static string CohortTier(string code, Tier tier) => $"{Cohort(code)}?tier={tier}#{LearnerTableAnchor}";

    /// <summary>
    /// The cohort page with its learner table sorted by a column (<c>CohortSortColumns</c>: a level, the composite), best
    /// first: where a box of the distribution, a spoke of the cohort mean or a report's level bar leads, so the learners
    /// behind that measure stand in order (the table's sorted header shows it).
    /// </summary>
    public static string CohortSortedBy(string code, string column) =>
        $"{Cohort(code)}?sort={Uri.EscapeDataString(column)}&dir=desc#{LearnerTableAnchor}";

    /// <summary>The cohort list of the cohorts that measure <paramref name="level"/>, in the program and date range of <paramref name="filter"/>.</summary>
    public static string CohortsMeasuring(KirkpatrickLevel level, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new List<string> { $"{MeasuresKey}={level}" };
        if (filter.ProgramCode is { } program)
            query.Add($"{DashboardFilter.ProgramKey}={Uri.EscapeDataString(program)}");
        AddDates(query, filter);
        return "cohorts?" + string.Join('&', query);
    }

    /// <summary>The cohort list of the cohorts with scores in the program and date range of <paramref name="filter"/>.</summary>
    public static string ScoredCohorts(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new List<string> { $"{ScoredKey}=true" };
        if (filter.ProgramCode is { } program)
            query.Add($"{DashboardFilter.ProgramKey}={Uri.EscapeDataString(program)}");
        AddDates(query, filter);
        return "cohorts?" + string.Join('&', query);
    }

    /// <summary>The cohort list's filter "cohorts with scores" (<c>?scored=true</c>).</summary>
    public const string ScoredKey = "scored";

    /// <summary>The cohort list's filter "cohorts measuring a level" (<c>?measures=Behavior</c>).</summary>
    public const string MeasuresKey = "measures";

    /// <summary>Where a cohort's row is (its element id) in a learner's cohort table and on the growth report.</summary>
    public static string CohortRowId(string code) => "cohort-" + code;

    /// <summary>A learner's growth report (which the learner may open too), at the row of one cohort when given.</summary>
    public static string LearnerGrowth(string employeeNumber, string? cohortCode = null) =>
        "reports/learners/" + Uri.EscapeDataString(employeeNumber) + (cohortCode is null ? "" : "#" + Uri.EscapeDataString(CohortRowId(cohortCode)));

    /// <summary>The learner's own page at the row of one of their cohorts (a learner cannot open cohort pages).</summary>
    public static string MyCohort(string cohortCode) => "me#" + Uri.EscapeDataString(CohortRowId(cohortCode));

    /// <summary>A program's history of runs (the historical view).</summary>
    public static string Program(string code) => "programs/" + Uri.EscapeDataString(code);

    /// <summary>The learner page (vertical comparison).</summary>
    public static string Learner(string employeeNumber) => "learners/" + Uri.EscapeDataString(employeeNumber);

    /// <summary>
    /// The learners with a score of <paramref name="tier"/> in the cohorts of <paramref name="filter"/> (program, start dates)
    /// and of its department: what a tier slice of the overview holds, as people (<c>/learners?tier=D&amp;…</c>).
    /// </summary>
    public static string LearnersOfTier(Tier tier, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new List<string> { $"tier={tier}" };
        if (filter.ProgramCode is { } program)
            query.Add($"{DashboardFilter.ProgramKey}={Uri.EscapeDataString(program)}");
        if (filter.DepartmentCode is { } department)
            query.Add($"{DashboardFilter.DepartmentKey}={Uri.EscapeDataString(department)}");
        AddDates(query, filter);
        return "learners?" + string.Join('&', query);
    }

    /// <summary>The cohort list filtered to a program, keeping the date range of <paramref name="filter"/> (the view drilled from).</summary>
    public static string CohortsOfProgram(string programCode, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new List<string> { $"{DashboardFilter.ProgramKey}={Uri.EscapeDataString(programCode)}" };
        AddDates(query, filter);
        return "cohorts?" + string.Join('&', query);
    }

    private static void AddDates(List<string> query, DashboardFilter filter)
    {
        if (filter.From is { } from)
            query.Add($"{DashboardFilter.FromKey}={from.ToString(DashboardFilter.DateFormat, System.Globalization.CultureInfo.InvariantCulture)}");
        if (filter.To is { } to)
            query.Add($"{DashboardFilter.ToKey}={to.ToString(DashboardFilter.DateFormat, System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
