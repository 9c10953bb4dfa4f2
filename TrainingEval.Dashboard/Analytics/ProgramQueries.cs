using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Components.Filters;
using TrainingEval.Dashboard.Data;
using TrainingEval.Dashboard.Data.Entities;
using TrainingEval.Dashboard.Data.Scoring;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Evaluation;

namespace TrainingEval.Dashboard.Analytics;

/// <summary>A program's identity and current profile version.</summary>
public sealed record ProgramInfo(int Id, string Code, string Name, string? NameEn, string? Description, string? DescriptionEn, int CurrentProfileVersion) : IBilingualName
{
    public string? DisplayDescription(System.Globalization.CultureInfo? culture = null) =>
        Description is null ? null : Bilingual.Pick(Description, DescriptionEn, culture);
}

/// <summary>One row of the programs list.</summary>
/// <param name="Summary">Every stored score of the program's cohorts pooled.</param>
/// <param name="Latest">The newest cohort with scores, for "latest run" figures; null when none has scores.</param>
public sealed record ProgramListItem(ProgramInfo Program, int CohortCount, CohortSummary Summary, ProgramTrend? Trend, CohortHistoryPoint? Latest);

/// <summary>A program's history as the program page shows it.</summary>
/// <param name="Cohorts">The cohorts in view by code (names, dates, closed state).</param>
/// <param name="CohortIds">The cohorts in view, so the page knows which score changes concern it.</param>
public sealed record ProgramHistoryView(
    ProgramInfo Program,
    ProgramHistory History,
    IReadOnlyDictionary<string, CohortInfo> Cohorts,
    IReadOnlySet<int> CohortIds,
    DashboardFilter Filter);

/// <summary>Reads the programs list (<c>/programs</c>) and a program's history (<c>/programs/{code}</c>), stored or under a draft profile.</summary>
public sealed class ProgramQueries(IDbContextFactory<TrainingDbContext> factory, CohortScoreService scores)
{
    public async Task<IReadOnlyList<ProgramListItem>> ListAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var programs = await Programs(db.Programs).ToListAsync(cancellationToken);
        var cohortQuery = StoredScores.Cohorts(db, filter with { ProgramCode = null, CohortCode = null });
        var cohorts = await StoredScores.CohortInfoAsync(cohortQuery, cancellationToken);
        var stored = await StoredScores.LoadAsync(db, cohortQuery, filter.DepartmentCode, cancellationToken);
        var byCohort = stored.GroupBy(s => s.CohortId).ToDictionary(g => g.Key, g => g.ToList());

        return [.. programs.Select(program =>
        {
            var own = cohorts.Where(c => c.ProgramId == program.Id).ToList();
            var history = Build(own, byCohort);
            var pooled = own.SelectMany(c => byCohort.GetValueOrDefault(c.Id) ?? []).Select(s => s.Score).ToArray();
            var latest = history.Cohorts.LastOrDefault(c => c.Summary.LearnerCount > 0);
            return new ProgramListItem(program, own.Count, CohortSummary.Of(pooled), history.Trend, latest);
        })];
    }

    /// <summary>The program's history from stored scores; null when no program has that code.</summary>
    public async Task<ProgramHistoryView?> HistoryAsync(string programCode, DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var program = await Programs(db.Programs.Where(p => p.Code == programCode)).FirstOrDefaultAsync(cancellationToken);
        if (program is null)
            return null;
        var scoped = filter with { ProgramCode = program.Code, CohortCode = null };
        var cohortQuery = StoredScores.Cohorts(db, scoped);
        var cohorts = await StoredScores.CohortInfoAsync(cohortQuery, cancellationToken);
        var stored = await StoredScores.LoadAsync(db, cohortQuery, filter.DepartmentCode, cancellationToken);
        var byCohort = stored.GroupBy(s => s.CohortId).ToDictionary(g => g.Key, g => g.ToList());
        return new ProgramHistoryView(program, Build(cohorts, byCohort), cohorts.ToDictionary(c => c.Code), cohorts.Select(c => c.Id).ToHashSet(), scoped);
    }

    /// <summary>
    /// What-if: the same cohorts rescored with a draft profile (nothing is stored). Every run then uses
    /// the draft, so no run is marked as a profile change.
    /// </summary>
    /// <exception cref="DataValidationException">The draft breaks the weight rules.</exception>
    public async Task<ProgramHistory> PreviewHistoryAsync(ProgramHistoryView view, WeightProfile draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(draft);
        HashSet<int>? inDepartment = null;
        if (view.Filter.DepartmentCode is { } department)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var ids = view.CohortIds.ToArray();
            inDepartment = [.. await db.Enrollments.AsNoTracking()
                .Where(e => ids.Contains(e.CohortId) && e.Learner!.Department!.Code == department)
                .Select(e => e.Id)
                .ToListAsync(cancellationToken)];
        }

        var runs = new List<CohortRun>(view.Cohorts.Count);
        foreach (var cohort in view.Cohorts.Values)
        {
            var preview = await scores.PreviewAsync(cohort.Id, draft, cancellationToken);
            var learners = preview
                .Where(p => inDepartment is null || inDepartment.Contains(p.EnrollmentId))
                .Select(p => p.Score)
                .ToArray();
            runs.Add(new CohortRun(cohort.Code, cohort.StartDate, null, learners));
        }
        return ProgramHistory.Build(runs);
    }

    private static IQueryable<ProgramInfo> Programs(IQueryable<TrainingProgram> programs) =>
        programs.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new ProgramInfo(p.Id, p.Code, p.Name, p.NameEn, p.Description, p.DescriptionEn, p.CurrentProfileVersion));

    private static ProgramHistory Build(IEnumerable<CohortInfo> cohorts, Dictionary<int, List<StoredScore>> byCohort) =>
        ProgramHistory.Build(cohorts.Select(c =>
        {
            var own = byCohort.GetValueOrDefault(c.Id) ?? [];
            return new CohortRun(c.Code, c.StartDate, StoredScores.ProfileVersionOf(c, own), own.ConvertAll(s => s.Score));
        }));
}
