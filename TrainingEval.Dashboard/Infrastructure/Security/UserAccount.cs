using Microsoft.AspNetCore.Identity;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>
/// A sign-in account. Mentors' and learners' accounts link to their record, which is what per-record access is
/// decided on; staff and executive accounts link to nothing.
/// </summary>
public sealed class UserAccount : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public required string DisplayName { get; set; }
    public int? LearnerId { get; set; }
    public Learner? Learner { get; set; }
    public int? MentorId { get; set; }
    public Mentor? Mentor { get; set; }
    public DateTime CreatedAt { get; set; }
}
