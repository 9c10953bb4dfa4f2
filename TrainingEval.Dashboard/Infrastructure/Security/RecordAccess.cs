using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>
/// Per-record authorization, called at the start of every service method that takes an id — pages hide what a
/// role cannot use, but this is what enforces it. A denial is logged and thrown as <see cref="AccessDeniedException"/>.
/// </summary>
/// <remarks>
/// The rules (issue 5): admins and HR analysts reach everything; executives read every cohort and learner but
/// change nothing; a mentor reads and rates only learners they mentor in a cohort (the enrollment's mentor) and
/// opens only cohorts where they have a mentee; a trainer (issue 16) reads the cohorts they are a trainer of, with all
/// their learners, and schedules those cohorts' sessions and takes their attendance; a learner reads only their own records.
/// </remarks>
public interface IRecordAccess
{
    Task<UserContext> EnsureCanReadLearnerAsync(int learnerId, CancellationToken cancellationToken = default);

    Task<UserContext> EnsureCanReadCohortAsync(int cohortId, CancellationToken cancellationToken = default);

    /// <summary>Rating a learner in a cohort: the enrollment's mentor, or staff.</summary>
    Task<UserContext> EnsureCanRateAsync(int enrollmentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Logging a record in a learner's own name (an application case): only the learner of the enrollment. Nobody answers
    /// for someone else, staff included (they import records of a system of record instead).
    /// </summary>
    Task<UserContext> EnsureIsLearnerOfAsync(int enrollmentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reviewing a learner's application case as mentor <paramref name="mentorId"/>: that mentor, when they are the enrollment's
    /// mentor or one of its cohort's mentors (<c>CohortMentor</c>), or staff reviewing in the mentor's workspace.
    /// </summary>
    Task<UserContext> EnsureCanReviewAsync(int enrollmentId, int mentorId, CancellationToken cancellationToken = default);

    /// <summary>Scheduling a cohort's sessions and taking their attendance: staff, or a trainer of the cohort.</summary>
    Task<UserContext> EnsureCanRunCohortAsync(int cohortId, CancellationToken cancellationToken = default);

    /// <summary>Whether the user sees every learner of the cohort by name (staff, executives, its trainers), not only their mentees.</summary>
    Task<bool> SeesWholeCohortAsync(int cohortId, CancellationToken cancellationToken = default);

    /// <summary>The cohorts the user is a trainer of (none for anyone else).</summary>
    Task<IReadOnlyList<int>> TrainedCohortIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Role-level checks for whole features (imports, weight profiles, users, the audit trail).</summary>
    Task<UserContext> EnsureInRoleAsync(string roles, string resource);

    /// <summary>The learners the user may see by name: <c>null</c> means all of them.</summary>
    Task<IReadOnlySet<int>?> VisibleLearnerIdsAsync(CancellationToken cancellationToken = default);
}

public sealed partial class RecordAccess(
    ICurrentUser currentUser,
    IDbContextFactory<TrainingDbContext> contexts,
    ILogger<RecordAccess> logger) : IRecordAccess
{
    public async Task<UserContext> EnsureCanReadLearnerAsync(int learnerId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.ReadsEverything || user.LearnerId == learnerId)
            return user;
        if (user.MentorId is { } mentorId)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.Enrollments.AnyAsync(e => e.LearnerId == learnerId && e.MentorId == mentorId, cancellationToken))
                return user;
        }
        if (user.IsTrainer)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await TrainedBy(db, user).AnyAsync(t => t.Cohort!.Enrollments.Any(e => e.LearnerId == learnerId), cancellationToken))
                return user;
        }
        throw Deny(user, $"learner {learnerId}");
    }

    public async Task<UserContext> EnsureCanReadCohortAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.ReadsEverything)
            return user;
        if (user.MentorId is { } mentorId)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.Enrollments.AnyAsync(e => e.CohortId == cohortId && e.MentorId == mentorId, cancellationToken))
                return user;
        }
        if (await TrainsAsync(user, cohortId, cancellationToken))
            return user;
        throw Deny(user, $"cohort {cohortId}");
    }

    public async Task<UserContext> EnsureCanRunCohortAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.SeesEverything || await TrainsAsync(user, cohortId, cancellationToken))
            return user;
        throw Deny(user, $"sessions of cohort {cohortId}");
    }

    public async Task<bool> SeesWholeCohortAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        return user.ReadsEverything || await TrainsAsync(user, cohortId, cancellationToken);
    }

    public async Task<IReadOnlyList<int>> TrainedCohortIdsAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsTrainer)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TrainedBy(db, user).Select(t => t.CohortId).ToListAsync(cancellationToken);
    }

    private async Task<bool> TrainsAsync(UserContext user, int cohortId, CancellationToken cancellationToken)
    {
        if (!user.IsTrainer)
            return false;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TrainedBy(db, user).AnyAsync(t => t.CohortId == cohortId, cancellationToken);
    }

    // The one place that says which cohorts an account trains: the cohort–trainer links of its account id.
    private static IQueryable<Persistence.Entities.CohortTrainer> TrainedBy(TrainingDbContext db, UserContext user) =>
        db.CohortTrainers.Where(t => t.UserId == user.UserId);

    public async Task<UserContext> EnsureCanRateAsync(int enrollmentId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.SeesEverything)
            return user;
        if (user.MentorId is { } mentorId)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.Enrollments.AnyAsync(e => e.Id == enrollmentId && e.MentorId == mentorId, cancellationToken))
                return user;
        }
        throw Deny(user, $"ratings of enrollment {enrollmentId}");
    }

    public async Task<UserContext> EnsureIsLearnerOfAsync(int enrollmentId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.LearnerId is { } learnerId)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.Enrollments.AnyAsync(e => e.Id == enrollmentId && e.LearnerId == learnerId, cancellationToken))
                return user;
        }
        throw Deny(user, $"records in the name of the learner of enrollment {enrollmentId}");
    }

    public async Task<UserContext> EnsureCanReviewAsync(int enrollmentId, int mentorId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.SeesEverything || user.MentorId == mentorId)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await ReviewableBy(db, mentorId).AnyAsync(e => e.Id == enrollmentId, cancellationToken))
                return user;
        }
        throw Deny(user, $"reviews of enrollment {enrollmentId} as mentor {mentorId}");
    }

    /// <summary>
    /// The enrollments mentor <paramref name="mentorId"/> reviews application cases of: their own mentees and the learners of
    /// the cohorts they mentor. One rule for the access check and the workspace's list of cases waiting.
    /// </summary>
    public static IQueryable<Persistence.Entities.Enrollment> ReviewableBy(TrainingDbContext db, int mentorId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Enrollments.Where(e => e.MentorId == mentorId || db.CohortMentors.Any(m => m.CohortId == e.CohortId && m.MentorId == mentorId));
    }

    public async Task<UserContext> EnsureInRoleAsync(string roles, string resource)
    {
        var user = await currentUser.GetAsync();
        if (roles.Split(',', StringSplitOptions.TrimEntries).Any(user.IsInRole))
            return user;
        throw Deny(user, resource);
    }

    public async Task<IReadOnlySet<int>?> VisibleLearnerIdsAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.ReadsEverything)
            return null;
        var visible = new HashSet<int>();
        if (user.LearnerId is { } own)
            visible.Add(own);
        if (user.MentorId is { } mentorId)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            visible.UnionWith(await db.Enrollments
                .Where(e => e.MentorId == mentorId)
                .Select(e => e.LearnerId)
                .Distinct()
                .ToListAsync(cancellationToken));
        }
        if (user.IsTrainer)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            visible.UnionWith(await TrainedBy(db, user)
                .SelectMany(t => t.Cohort!.Enrollments.Select(e => e.LearnerId))
                .Distinct()
                .ToListAsync(cancellationToken));
        }
        return visible;
    }

    private AccessDeniedException Deny(UserContext user, string resource)
    {
        LogDenied(logger, user.Name, string.Join(',', user.Roles), resource);
        return new AccessDeniedException(resource);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access denied: {User} ({Roles}) asked for {Resource}")]
    private static partial void LogDenied(ILogger logger, string user, string roles, string resource);
}
