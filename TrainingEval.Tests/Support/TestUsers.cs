using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Tests.Support;

/// <summary>A user fixed for a test, as the sign-in would supply it.</summary>
public sealed class FixedCurrentUser(UserContext user) : ICurrentUser
{
    public UserContext User { get; set; } = user;

    public ValueTask<UserContext> GetAsync() => ValueTask.FromResult(User);
}

public static class TestUsers
{
    public static UserContext Analyst { get; } = In("analyst", Roles.HrAnalyst);

    public static UserContext Executive { get; } = In("executive", Roles.Executive);

    public static UserContext Mentor(int mentorId) => In("mentor", Roles.Mentor) with { MentorId = mentorId };

    public static UserContext Learner(int learnerId) => In("learner", Roles.Learner) with { LearnerId = learnerId };

    public static UserContext In(string name, params string[] roles) =>
        new(name, roles.ToHashSet(StringComparer.Ordinal), null, null);

    /// <summary>The production access rules for <paramref name="user"/> over a test database.</summary>
    public static RecordAccess AccessFor(IDbContextFactory<TrainingDbContext> factory, UserContext user) =>
        new(new FixedCurrentUser(user), factory, NullLogger<RecordAccess>.Instance);
}
