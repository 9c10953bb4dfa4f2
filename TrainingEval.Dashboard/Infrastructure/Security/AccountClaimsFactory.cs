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
        if (user.LearnerId is { } learnerId)
        {
            identity.AddClaim(new Claim(TrainingEvalClaims.LearnerId, learnerId.ToString(CultureInfo.InvariantCulture)));
            await using var db = await contexts.CreateDbContextAsync();
            var employeeNumber = await db.Learners.Where(l => l.Id == learnerId).Select(l => l.EmployeeNumber).FirstAsync();
            identity.AddClaim(new Claim(TrainingEvalClaims.EmployeeNumber, employeeNumber));
        }
        if (user.MentorId is { } mentorId)
            identity.AddClaim(new Claim(TrainingEvalClaims.MentorId, mentorId.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
