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
/// opens only cohorts where they have a mentee; a learner reads only their own records.
/// </remarks>
public interface IRecordAccess
{
    Task<UserContext> EnsureCanReadLearnerAsync(int learnerId, CancellationToken cancellationToken = default);

    Task<UserContext> EnsureCanReadCohortAsync(int cohortId, CancellationToken cancellationToken = default);

    /// <summary>Rating a learner in a cohort: the enrollment's mentor, or staff.</summary>
    Task<UserContext> EnsureCanRateAsync(int enrollmentId, CancellationToken cancellationToken = default);

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
        throw Deny(user, $"cohort {cohortId}");
    }

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
