using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
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
public sealed class CohortQueries(IDbContextFactory<TrainingDbContext> factory, ObservationCollector collector, TimeProvider clock, IRecordAccess access)
{
    /// <summary>The cohort with this code (exactly as stored), or null.</summary>
    public async Task<CohortInfo?> FindCohortAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var trimmed = code.Trim();
        var cohort = await db.Cohorts.AsNoTracking()
            .Where(c => c.Code == trimmed)
            .Select(c => new CohortInfo(c.Id, c.Code, c.Name, c.NameEn, c.ProgramId, c.Program!.Code, c.Program.Name, c.Program.NameEn,
                c.StartDate, c.EndDate, c.ClosedAt != null))
            .FirstOrDefaultAsync(cancellationToken);
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
    /// stored scores; a learner whose score is not stored yet has none. The profile is the version the
    /// stored scores name, else the one recorded at closing, else the program's current one.
    /// </summary>
    public async Task<StoredCohortScores> LoadStoredScoresAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureCanReadCohortAsync(cohortId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.CohortId == cohortId && e.Status != EnrollmentStatus.Withdrawn);
        // A mentor sees their own mentees of the cohort, never the others by name.
        if (!user.ReadsEverything)
            enrollments = enrollments.Where(e => e.MentorId == user.MentorId);
        var rows = await enrollments
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                Learner = new CohortLearner(e.Id, e.LearnerId, e.Learner!.DepartmentId, e.Learner.EmployeeNumber, e.Learner.Name, e.Learner.NameEn,
                    e.Learner.Department!.Code, e.Learner.Department.Name, e.Learner.Department.NameEn),
                Score = db.LearnerScores.Where(s => s.EnrollmentId == e.Id).Select(s => new
                {
                    s.Reaction, s.Learning, s.Behavior, s.Results,
                    s.ReactionCoverage, s.LearningCoverage, s.BehaviorCoverage, s.ResultsCoverage,
                    s.Composite, s.Coverage, s.Tier, s.Passed, s.Rank, s.ProfileVersionId,
                }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var versionId = rows.Where(r => r.Score is not null).GroupBy(r => r.Score!.ProfileVersionId)
            .OrderByDescending(g => g.Count()).Select(g => (int?)g.Key).FirstOrDefault();
        var profile = await LoadProfileAsync(db, cohortId, versionId, cancellationToken);

        var scores = new LearnerScore[rows.Count];
        var ranks = new int?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Score is not { } s)
                continue;
            scores[i] = new LearnerScore
            {
                Reaction = s.Reaction, Learning = s.Learning, Behavior = s.Behavior, Results = s.Results,
                ReactionCoverage = s.ReactionCoverage, LearningCoverage = s.LearningCoverage,
                BehaviorCoverage = s.BehaviorCoverage, ResultsCoverage = s.ResultsCoverage,
                Composite = s.Composite, Coverage = s.Coverage, Tier = s.Tier, Passed = s.Passed,
            };
            ranks[i] = s.Rank;
        }
        var set = new CohortScoreSet
        {
            Learners = [.. rows.Select(r => r.Learner)],
            Scores = scores,
            Ranks = ranks,
            Weights = profile?.Profile.LevelWeights ?? LevelWeights.Default,
            ProfileVersion = profile?.Version ?? 0,
        };
        return new StoredCohortScores(set, profile);
    }

    /// <summary>
    /// The raw observations of <paramref name="learners"/> as an <see cref="ObservationTable"/> for
    /// <paramref name="profile"/>'s indicators, rows in the order of <paramref name="learners"/>. Collected
    /// with the same collectors as the stored scores; a draft that changes only weights and the policy
    /// keeps the profile's indicator list, so the table stays valid for every draft of the page.
    /// </summary>
    public async Task<ObservationTable> LoadObservationsAsync(CohortInfo cohort, WeightProfile profile, IReadOnlyList<CohortLearner> learners, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(profile);
        await access.EnsureInRoleAsync(Roles.Readers, "what-if weights");
        ArgumentNullException.ThrowIfNull(learners);
        var engine = new ScoringEngine(profile);
        var scope = new CollectionScope
        {
            CohortId = cohort.Id,
            StartDate = cohort.StartDate,
            EndDate = cohort.EndDate,
            Profile = profile,
            AsOf = clock.GetUtcNow().UtcDateTime,
            Enrollments = [.. learners.Select(l => new ScoredEnrollment(l.EnrollmentId, l.LearnerId, l.DepartmentId))],
            IsPartial = false,
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var sink = await collector.CollectAsync(db, scope, cancellationToken);
        var builder = new ObservationTableBuilder(engine);
        foreach (var learner in learners)
        {
            builder.StartLearner(learner.EmployeeNumber);
            foreach (var o in sink.For(learner.EnrollmentId))
                builder.Add(o.IndicatorCode, o.Raw.Value, o.Raw.Baseline, o.Raw.Target);
        }
        return builder.Build();
    }

    private static async Task<CohortProfile?> LoadProfileAsync(TrainingDbContext db, int cohortId, int? versionId, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new { c.ProgramId, c.ProfileVersionId, c.Program!.CurrentProfileVersion })
            .FirstAsync(cancellationToken);
        var versions = db.ProfileVersions.AsNoTracking();
        var id = versionId ?? cohort.ProfileVersionId;
        var version = id is { } known
            ? await versions.FirstOrDefaultAsync(v => v.Id == known, cancellationToken)
            : await versions.Where(v => v.ProgramId == cohort.ProgramId).OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        return version is null ? null : new CohortProfile(version.Id, version.Version, version.ToDomain(), cohort.CurrentProfileVersion);
    }
}
