using MathNet.Numerics.Statistics;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Compare;

/// <summary>
/// Five-number summary of a cohort's composites for the box plot, quantiles by R-7 (Excel
/// PERCENTILE.INC, the definition HR analysts get in a spreadsheet), plus the mean.
/// </summary>
public sealed record CompositeSpread(double Min, double Q1, double Median, double Q3, double Max, double Mean)
{
    /// <summary>Null when no learner has a composite.</summary>
    public static CompositeSpread? Of(IEnumerable<double> composites)
    {
        var sorted = composites.Order().ToArray();
        if (sorted.Length == 0)
            return null;
        double Q(double tau) => SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
        return new CompositeSpread(sorted[0], Q(0.25), Q(0.5), Q(0.75), sorted[^1], sorted.Average());
    }
}

/// <summary>One cohort in the side-by-side comparison.</summary>
public sealed record ComparedCohort(CohortRunInfo Cohort, string ProgramCode, string ProgramName, string? ProgramNameEn, CohortSummary Summary, CompositeSpread? Spread)
{
    public string ProgramDisplayName(System.Globalization.CultureInfo? culture = null) => Bilingual.Pick(ProgramName, ProgramNameEn, culture);
}

/// <summary>Reads the cohort-vs-cohort page (<c>/compare?cohorts=A,B</c>).</summary>
public sealed class CohortComparisonQueries(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access, TimeProvider clock)
{
    public const int MinCohorts = 2;
    public const int MaxCohorts = 4;

    /// <summary>The cohorts with these codes, in the order given; codes that match no cohort are left out.</summary>
    public async Task<IReadOnlyList<ComparedCohort>> LoadAsync(IReadOnlyList<string> cohortCodes, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Readers, "cohort comparison");
        ArgumentNullException.ThrowIfNull(cohortCodes);
        var codes = cohortCodes.Distinct(NaturalKey.Comparer).Take(MaxCohorts).ToArray();
        var keys = codes.Select(NaturalKey.Of).ToArray();
        if (codes.Length == 0)
            return [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cohortQuery = db.Cohorts.AsNoTracking().Where(c => keys.Contains(c.CodeKey));
        var cohorts = await StoredScores.CohortInfoAsync(cohortQuery, StoredScores.Today(clock), cancellationToken);
        var programIds = cohorts.Select(c => c.ProgramId).Distinct().ToArray();
        var programs = await db.Programs.AsNoTracking()
            .Where(p => programIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.Name, p.NameEn })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var byCohort = StoredScores.ByCohort(await StoredScores.LoadAsync(db, cohortQuery, null, cancellationToken));

        var byCode = cohorts.ToDictionary(c => c.Code, NaturalKey.Comparer);
        return [.. codes.Where(byCode.ContainsKey).Select(code =>
        {
            var cohort = byCode[code];
            var program = programs[cohort.ProgramId];
            var learners = byCohort.GetValueOrDefault(cohort.Id) ?? [];
            var spread = CompositeSpread.Of(learners.Where(l => l.Composite is not null).Select(l => l.Composite!.Value));
            return new ComparedCohort(cohort, program.Code, program.Name, program.NameEn, CohortSummary.Of(learners), spread);
        })];
    }
}
