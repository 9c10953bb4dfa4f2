using TrainingEval.Dashboard.Security;

namespace TrainingEval.Dashboard.Components.Layout;

/// <summary>Where each role starts: a page that belongs to one role sends everyone else here.</summary>
public static class StartPage
{
    /// <summary>A relative URL: learners 我的学习, mentors their workspace, everyone else the overview.</summary>
    public static string For(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.HrAnalyst) || user.IsInRole(Roles.Executive))
            return "";
        if (user.MentorId is not null)
            return "mentor";
        return user.LearnerId is not null ? "me" : "";
    }
}
