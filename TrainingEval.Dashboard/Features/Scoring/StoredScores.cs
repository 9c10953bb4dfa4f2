using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Scoring;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Scoring;

/// <summary>One stored learner score, as the Domain's batch result so the Domain comparisons aggregate it.</summary>
public readonly record struct StoredScore(int CohortId, int LearnerId, int ProfileVersion, LearnerScore Score);

/// <summary>The cohort facts the program pages show next to the numbers.</summary>
/// <param name="Status">Where the cohort stands today (<see cref="CohortStatuses.Of"/>).</param>
public sealed record CohortRunInfo(
    int Id,
    string Code,
    string Name,
    string? NameEn,
    int ProgramId,
    DateOnly StartDate,
    DateOnly EndDate,
    bool IsClosed,
    int? ClosedProfileVersion,
    int ProgramCurrentVersion,
    CohortStatus Status) : IBilingualName
{
    /// <summary>The cohort has not ended: its pass rate, tier mix and ranking are provisional as a whole.</summary>
    public bool ResultsAreProvisional => Status.ResultsAreProvisional();
}

/// <summary>Shared read paths over <see cref="LearnerScoreRecord"/> for the overview, program and comparison queries.</summary>
internal static class StoredScores
{
    /// <summary>Cohorts that pass the program, cohort and date filters (department filters learners, not cohorts).</summary>
    public static IQueryable<Cohort> Cohorts(TrainingDbContext db, DashboardFilter filter)
    {
        var cohorts = db.Cohorts.AsNoTracking();
        if (filter.ProgramCode is { } program)
            cohorts = cohorts.Where(c => c.Program!.CodeKey == NaturalKey.Of(program));
        if (filter.CohortCode is { } cohort)
            cohorts = cohorts.Where(c => c.CodeKey == NaturalKey.Of(cohort));
        if (filter.From is { } from)
            cohorts = cohorts.Where(c => c.StartDate >= from);
        if (filter.To is { } to)
            cohorts = cohorts.Where(c => c.StartDate <= to);
        return cohorts;
    }

    /// <summary>The cohorts' facts, with their status on <paramref name="today"/>.</summary>
    public static async Task<List<CohortRunInfo>> CohortInfoAsync(IQueryable<Cohort> cohorts, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await cohorts
            .Select(c => new
            {
                c.Id, c.Code, c.Name, c.NameEn, c.ProgramId, c.StartDate, c.EndDate, IsClosed = c.ClosedAt != null,
                Closed = c.ProfileVersion != null ? (int?)c.ProfileVersion.Version : null, c.Program!.CurrentProfileVersion,
            })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(c => new CohortRunInfo(c.Id, c.Code, c.Name, c.NameEn, c.ProgramId, c.StartDate, c.EndDate,
            c.IsClosed, c.Closed, c.CurrentProfileVersion, CohortStatuses.Of(c.StartDate, c.EndDate, c.IsClosed, today)));
    }

    /// <summary>Today's date as the cohort status rule reads it: the app clock's UTC date.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Stored scores of the given cohorts, of learners in the filter's department when it has one.</summary>
    public static async Task<List<StoredScore>> LoadAsync(
        TrainingDbContext db, IQueryable<Cohort> cohorts, string? departmentCode, CancellationToken cancellationToken)
    {
        var scores = db.LearnerScores.AsNoTracking().Where(s => cohorts.Any(c => c.Id == s.CohortId));
        if (departmentCode is not null)
            scores = scores.Where(s => s.Learner!.Department!.Code == departmentCode);
        var rows = await scores.ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new StoredScore(r.CohortId, r.LearnerId, r.ProfileVersionNumber, r.ToScore()));
    }

    /// <summary>The batch results of each cohort, keyed by cohort id.</summary>
    public static Dictionary<int, LearnerScore[]> ByCohort(IEnumerable<StoredScore> scores) =>
        scores.GroupBy(s => s.CohortId).ToDictionary(g => g.Key, g => g.Select(s => s.Score).ToArray());

    /// <summary>The profile version a cohort's scores use (<see cref="ProfileResolver"/>).</summary>
    public static int ProfileVersionOf(CohortRunInfo cohort) =>
        ProfileResolver.VersionNumberOf(cohort.ClosedProfileVersion, cohort.ProgramCurrentVersion);
}
