using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Identity;
using TrainingEval.Domain.Plans;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>The profile version a cohort's scores use, and the program's current version (what a save builds on).</summary>
public sealed record CohortProfile(int VersionId, int Version, WeightProfile Profile, int ProgramCurrentVersion);

/// <summary>A cohort's stored scores with the profile they were computed with.</summary>
public sealed record StoredCohortScores(CohortScoreSet Scores, CohortProfile? Profile);

/// <summary>
/// Read queries of the cohort page: the cohort, its learners with their stored scores (one context per
/// call, no tracking, small projections) and the raw observations a what-if draft is scored from.
/// </summary>
public sealed class CohortQueries(IDbContextFactory<TrainingDbContext> factory, ScorePipeline pipeline, IRecordAccess access, TimeProvider clock)
{
    /// <summary>The cohort with this code (ignoring case and surrounding spaces, spec section 9), with its status today, or null.</summary>
    public async Task<CohortInfo?> FindCohortAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var trimmed = code.Trim();
        var cohort = await CohortInfos.FindAsync(db.Cohorts.AsNoTracking(), trimmed, StoredScores.Today(clock), cancellationToken);
        if (cohort is null)
        {
            await access.EnsureInRoleAsync(Roles.Readers, $"cohort {trimmed}");
            return null;
        }
        await access.EnsureCanReadCohortAsync(cohort.Id, cancellationToken);
        return cohort;
    }

    /// <summary>
    /// The cohort's scored learners (every enrollment that is not withdrawn, by enrollment id) with their
    /// stored scores; a learner whose score is not stored yet has none. The profile is the one the cohort
    /// uses (<see cref="ProfileResolver"/>).
    /// </summary>
    public async Task<StoredCohortScores> LoadStoredScoresAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureCanReadCohortAsync(cohortId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.CohortId == cohortId && e.Status != EnrollmentStatus.Withdrawn);
        // A mentor sees their own mentees of the cohort, never the others by name; the cohort's trainers see all of them.
        if (!await access.SeesWholeCohortAsync(cohortId, cancellationToken))
            enrollments = enrollments.Where(e => user.MentorId != null && e.MentorId == user.MentorId);
        var learners = await enrollments
            .OrderBy(e => e.Id)
            .Select(e => new CohortLearner(e.Id, e.LearnerId, e.Learner!.DepartmentId, e.Learner.EmployeeNumber, e.Learner.Name, e.Learner.NameEn,
                e.Learner.Department!.Code, e.Learner.Department.Name, e.Learner.Department.NameEn))
            .ToListAsync(cancellationToken);
        var stored = await db.LearnerScores.AsNoTracking().Where(s => s.CohortId == cohortId)
            .ToDictionaryAsync(s => s.EnrollmentId, cancellationToken);
        var profile = await LoadProfileAsync(db, cohortId, cancellationToken);

        var scores = new LearnerScore[learners.Count];
        var ranks = new int?[learners.Count];
        for (var i = 0; i < learners.Count; i++)
        {
            if (!stored.TryGetValue(learners[i].EnrollmentId, out var record))
                continue;
            scores[i] = record.ToScore();
            ranks[i] = record.Rank;
        }
        var set = new CohortScoreSet
        {
            Learners = learners,
            Scores = scores,
            Ranks = ranks,
            Weights = profile?.Profile.LevelWeights ?? LevelWeights.Default,
            ProfileVersion = profile?.Version ?? 0,
        };
        return new StoredCohortScores(set, profile);
    }

    /// <summary>
    /// The raw observations of <paramref name="learners"/> as an <see cref="ObservationTable"/> for
    /// <paramref name="profile"/>'s indicators, rows in the order of <paramref name="learners"/>, through the
    /// same <see cref="ScorePipeline"/> as the stored scores; a draft that changes only weights and the
    /// policy keeps the profile's indicator list, so the table stays valid for every draft of the page.
    /// </summary>
    public async Task<ObservationTable> LoadObservationsAsync(CohortInfo cohort, WeightProfile profile, IReadOnlyList<CohortLearner> learners, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(profile);
        await access.EnsureInRoleAsync(Roles.Readers, "what-if weights");
        ArgumentNullException.ThrowIfNull(learners);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await pipeline.CollectAsync(db, new CohortWindow(cohort.Id, cohort.StartDate, cohort.EndDate), ScorePipeline.EngineFor(profile),
            [.. learners.Select(l => new ScoredEnrollment(l.EnrollmentId, l.LearnerId, l.DepartmentId, l.EmployeeNumber))], isPartial: false, cancellationToken);
    }

    /// <summary>Which kinds of record the cohort tracks (spec section 9), for the cohort page's plan line.</summary>
    public async Task<EvaluationPlan> LoadPlanAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        await access.EnsureCanReadCohortAsync(cohortId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await EvaluationPlans.LoadAsync(db, cohortId, cancellationToken);
    }

    private static async Task<CohortProfile?> LoadProfileAsync(TrainingDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        var current = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => c.Program!.CurrentProfileVersion).FirstAsync(cancellationToken);
        var version = await ProfileResolver.ResolveAsync(db, cohortId, cancellationToken);
        return version is null ? null : new CohortProfile(version.Id, version.Version, version.ToDomain(), current);
    }
}

/// <summary>Reads a <see cref="CohortInfo"/> with its status by the one rule (<see cref="CohortStatuses.Of"/>).</summary>
internal static class CohortInfos
{
    public static async Task<CohortInfo?> FindAsync(IQueryable<Cohort> cohorts, string code, DateOnly today, CancellationToken cancellationToken)
    {
        var key = NaturalKey.Of(code);
        var c = await cohorts
            .Where(c => c.CodeKey == key)
            .Select(c => new
            {
                c.Id, c.Code, c.Name, c.NameEn, c.ProgramId, ProgramCode = c.Program!.Code, ProgramName = c.Program.Name, ProgramNameEn = c.Program.NameEn,
                c.StartDate, c.EndDate, IsClosed = c.ClosedAt != null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return c is null ? null
            : new CohortInfo(c.Id, c.Code, c.Name, c.NameEn, c.ProgramId, c.ProgramCode, c.ProgramName, c.ProgramNameEn, c.StartDate, c.EndDate,
                c.IsClosed, CohortStatuses.Of(c.StartDate, c.EndDate, c.IsClosed, today));
    }
}
