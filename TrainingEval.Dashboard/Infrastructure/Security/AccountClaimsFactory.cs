using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>Adds the linked learner and mentor to the sign-in cookie so access checks need no user lookup.</summary>
public sealed class AccountClaimsFactory(
    IDbContextFactory<TrainingDbContext> contexts,
    UserManager<UserAccount> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<UserAccount, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TrainingEvalClaims.DisplayName, user.DisplayName));
        string? nameEn = null;
        if (user.LearnerId is { } learnerId)
        {
            identity.AddClaim(new Claim(TrainingEvalClaims.LearnerId, learnerId.ToString(CultureInfo.InvariantCulture)));
            await using var db = await contexts.CreateDbContextAsync();
            var learner = await db.Learners.Where(l => l.Id == learnerId).Select(l => new { l.EmployeeNumber, l.NameEn }).FirstAsync();
            identity.AddClaim(new Claim(TrainingEvalClaims.EmployeeNumber, learner.EmployeeNumber));
            nameEn = learner.NameEn;
        }
        if (user.MentorId is { } mentorId)
        {
            identity.AddClaim(new Claim(TrainingEvalClaims.MentorId, mentorId.ToString(CultureInfo.InvariantCulture)));
            await using var db = await contexts.CreateDbContextAsync();
            nameEn ??= await db.Mentors.Where(m => m.Id == mentorId).Select(m => m.NameEn).FirstAsync();
        }
        // A linked person's English name, so the app bar names them in the reader's language like every other name.
        if (!string.IsNullOrWhiteSpace(nameEn))
            identity.AddClaim(new Claim(TrainingEvalClaims.DisplayNameEn, nameEn));
        return identity;
    }
}
