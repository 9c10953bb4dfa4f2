using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Programs;

/// <summary>A program's identity and current profile version.</summary>
public sealed record ProgramInfo(int Id, string Code, string Name, string? NameEn, string? Description, string? DescriptionEn, int CurrentProfileVersion) : IBilingualName
{
    public string? DisplayDescription(System.Globalization.CultureInfo? culture = null) =>
        Description is null ? null : Bilingual.Pick(Description, DescriptionEn, culture);
}

/// <summary>One row of the programs list.</summary>
/// <param name="Reach">The people trained and every stored score of the program's cohorts pooled (counted per enrollment).</param>
/// <param name="Latest">The latest ended run with scores, the "latest run" (spec section 9); null when no run has ended with scores.</param>
/// <param name="Running">Runs with scores that have not ended: the pooled pass rate includes provisional results.</param>
public sealed record ProgramListItem(ProgramInfo Program, int CohortCount, TrainingReach Reach, ProgramTrend? Trend, CohortHistoryPoint? Latest, int Running)
{
    public CohortSummary Summary => Reach.Enrollments;
}

/// <summary>A program's history as the program page shows it.</summary>
/// <param name="Cohorts">The cohorts in view by code (names, dates, status).</param>
/// <param name="CohortIds">The cohorts in view, so the page knows which score changes concern it.</param>
/// <param name="People">Distinct people with a stored score in the runs in view (a person in two runs counts once).</param>
public sealed record ProgramHistoryView(
    ProgramInfo Program,
    ProgramHistory History,
    IReadOnlyDictionary<string, CohortRunInfo> Cohorts,
    IReadOnlySet<int> CohortIds,
    DashboardFilter Filter,
    int People);

/// <summary>A program's weight profile version.</summary>
public sealed record ProgramProfile(int Version, WeightProfile Profile);

/// <summary>Reads the programs list (<c>/programs</c>) and a program's history (<c>/programs/{code}</c>), stored or under a draft profile.</summary>
public sealed class ProgramQueries(IDbContextFactory<TrainingDbContext> factory, ScorePipeline pipeline, IRecordAccess access, TimeProvider clock)
{
    public async Task<IReadOnlyList<ProgramListItem>> ListAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Readers, "programs");
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var programs = await Programs(db.Programs).ToListAsync(cancellationToken);
        var cohortQuery = StoredScores.Cohorts(db, filter with { ProgramCode = null, CohortCode = null });
        var cohorts = await StoredScores.CohortInfoAsync(cohortQuery, StoredScores.Today(clock), cancellationToken);
        var stored = await StoredScores.LoadAsync(db, cohortQuery, filter.DepartmentCode, cancellationToken);
        var byCohort = stored.GroupBy(s => s.CohortId).ToDictionary(g => g.Key, g => g.ToList());

        return [.. programs.Select(program =>
        {
            var own = cohorts.Where(c => c.ProgramId == program.Id).ToList();
            var history = Build(own, byCohort);
            var pooled = TrainingReach.Of(own.SelectMany(c => byCohort.GetValueOrDefault(c.Id) ?? []).Select(s => (s.LearnerId, s.Score)));
            var running = history.Cohorts.Count(c => c.IsProvisional && c.Summary.EnrollmentCount > 0);
            return new ProgramListItem(program, own.Count, pooled, history.Trend, history.LatestEnded, running);
        })];
    }

    /// <summary>The program's history from stored scores; null when no program has that code.</summary>
    public async Task<ProgramHistoryView?> HistoryAsync(string programCode, DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Readers, $"program {programCode}");
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var program = await Programs(db.Programs.Where(p => p.CodeKey == NaturalKey.Of(programCode))).FirstOrDefaultAsync(cancellationToken);
        if (program is null)
            return null;
        var scoped = filter with { ProgramCode = program.Code, CohortCode = null };
        var cohortQuery = StoredScores.Cohorts(db, scoped);
        var cohorts = await StoredScores.CohortInfoAsync(cohortQuery, StoredScores.Today(clock), cancellationToken);
        var stored = await StoredScores.LoadAsync(db, cohortQuery, filter.DepartmentCode, cancellationToken);
        var byCohort = stored.GroupBy(s => s.CohortId).ToDictionary(g => g.Key, g => g.ToList());
        return new ProgramHistoryView(program, Build(cohorts, byCohort), cohorts.ToDictionary(c => c.Code), cohorts.Select(c => c.Id).ToHashSet(), scoped,
            stored.Select(s => s.LearnerId).Distinct().Count());
    }

    /// <summary>
    /// The program's current weight profile, the base a what-if draft starts from; null when the program
    /// has no profile yet.
    /// </summary>
    public async Task<ProgramProfile?> CurrentProfileAsync(int programId, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Readers, $"profile of program {programId}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var version = await ProfileResolver.CurrentAsync(db, programId, cancellationToken);
        return version is null ? null : new ProgramProfile(version.Version, version.ToDomain());
    }

    /// <summary>
    /// The raw observations of every cohort in <paramref name="view"/> (learners in the view's department
    /// only), collected once for <paramref name="profile"/>'s indicators so that each what-if move only
    /// rescores (<see cref="ProgramDraftScoring"/>). A draft changes weights and the policy, never the
    /// indicator list, so the tables stay valid for every draft of the page.
    /// </summary>
    public async Task<IReadOnlyList<CohortObservations>> LoadObservationsAsync(ProgramHistoryView view, WeightProfile profile, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Readers, "what-if weights");
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(profile);
        var engine = ScorePipeline.EngineFor(profile);
        var department = view.Filter.DepartmentCode;
        var ids = view.CohortIds.ToArray();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => ids.Contains(e.CohortId) && e.Status != EnrollmentStatus.Withdrawn
                && (department == null || e.Learner!.Department!.Code == department))
            .OrderBy(e => e.Id)
            .Select(e => new { e.CohortId, Enrollment = new ScoredEnrollment(e.Id, e.LearnerId, e.Learner!.DepartmentId, e.Learner.EmployeeNumber) })
            .ToListAsync(cancellationToken);
        var byCohort = enrollments.GroupBy(e => e.CohortId).ToDictionary(g => g.Key, g => g.Select(e => e.Enrollment).ToList());

        var result = new List<CohortObservations>(view.Cohorts.Count);
        foreach (var cohort in view.Cohorts.Values.OrderBy(c => c.StartDate).ThenBy(c => c.Code, StringComparer.Ordinal))
        {
            var learners = byCohort.GetValueOrDefault(cohort.Id) ?? [];
            var table = await pipeline.CollectAsync(db, new CohortWindow(cohort.Id, cohort.StartDate, cohort.EndDate), engine, learners, isPartial: false, cancellationToken);
            result.Add(new CohortObservations(cohort.Code, cohort.StartDate, cohort.Status, table));
        }
        return result;
    }

    private static IQueryable<ProgramInfo> Programs(IQueryable<TrainingProgram> programs) =>
        programs.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new ProgramInfo(p.Id, p.Code, p.Name, p.NameEn, p.Description, p.DescriptionEn, p.CurrentProfileVersion));

    private static ProgramHistory Build(IEnumerable<CohortRunInfo> cohorts, Dictionary<int, List<StoredScore>> byCohort) =>
        ProgramHistory.Build(cohorts.Select(c =>
        {
            var own = byCohort.GetValueOrDefault(c.Id) ?? [];
            return new CohortRun(c.Code, c.StartDate, c.Status, StoredScores.ProfileVersionOf(c), own.ConvertAll(s => s.Score));
        }));
}
