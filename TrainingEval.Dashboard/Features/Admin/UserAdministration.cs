using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Admin;

public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? LearnerEmployeeNumber,
    string? MentorEmployeeNumber,
    bool IsLockedOut,
    int FailedAttempts);

public sealed record NewUser(
    string UserName,
    string DisplayName,
    string Password,
    IReadOnlyCollection<string> Roles,
    string? LearnerEmployeeNumber,
    string? MentorEmployeeNumber);

/// <summary>A change to accounts was refused; the messages say which field and why.</summary>
public sealed class AccountChangeException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Admins manage accounts here. Each operation runs in its own scope (fresh UserManager and DbContext) because a
/// circuit lives for hours, and writes its own audit lines: Identity's tables are not audited rows. The lines name
/// the admin as every save does (the circuit's signed-in user, see <see cref="CurrentActor"/>).
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, IRecordAccess access)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Admin, "user accounts");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                Learner = u.Learner!.EmployeeNumber,
                Mentor = u.Mentor!.EmployeeNumber,
                u.LockoutEnd,
                u.AccessFailedCount,
            })
            .ToListAsync(cancellationToken);
        var roleNames = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roleNames.ToLookup(r => r.UserId, r => r.Name!);
        return accounts
            .Select(a => new UserRow(a.Id, a.UserName!, a.DisplayName, [.. rolesByUser[a.Id].Order(StringComparer.Ordinal)],
                a.Learner, a.Mentor, a.LockoutEnd is { } end && end > now, a.AccessFailedCount))
            .ToList();
    }

    public async Task<string> CreateAsync(NewUser input, CancellationToken cancellationToken = default)
    {
        await access.EnsureInRoleAsync(Roles.Admin, "user accounts");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var text = Text(scope);

        var errors = new List<string>();
        var unknownRoles = input.Roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknownRoles.Count > 0)
            errors.Add(text["Users_UnknownRole", string.Join(", ", unknownRoles)]);
        var (learnerId, mentorId) = await ResolveLinksAsync(db, text, input.LearnerEmployeeNumber, input.MentorEmployeeNumber, errors, cancellationToken);
        if (errors.Count > 0)
            throw new AccountChangeException(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = new UserAccount
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            LearnerId = learnerId,
            MentorId = mentorId,
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(account, input.Password));
        if (input.Roles.Count > 0)
            Check(await users.AddToRolesAsync(account, input.Roles));
        db.AddAudit(nameof(UserAccount), account.UserName, AuditAction.Added, "Roles", null, string.Join(",", input.Roles.Order(StringComparer.Ordinal)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account.Id;
    }

    public async Task SetRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        var admin = await access.EnsureInRoleAsync(Roles.Admin, "user accounts");
        await using var scope = scopes.CreateAsyncScope();
        var text = Text(scope);
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw new AccountChangeException([text["Users_UnknownRole", string.Join(", ", unknown)]]);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var account = await users.FindByIdAsync(userId) ?? throw new AccountChangeException([text["Users_AccountGone"]]);
        var current = await users.GetRolesAsync(account);
        if (account.UserName == admin.Name && current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin))
            throw new AccountChangeException([text["Users_OwnAdminRole"]]);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.RemoveFromRolesAsync(account, current.Except(roles)));
        Check(await users.AddToRolesAsync(account, roles.Except(current)));
        db.AddAudit(nameof(UserAccount), account.UserName!, AuditAction.Modified, "Roles",
            string.Join(",", current.Order(StringComparer.Ordinal)), string.Join(",", roles.Order(StringComparer.Ordinal)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Locks an account until unlocked, or lifts a lock (also the automatic one after failed sign-ins).</summary>
    public async Task SetLockedAsync(string userId, bool locked, CancellationToken cancellationToken = default)
    {
        var admin = await access.EnsureInRoleAsync(Roles.Admin, "user accounts");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var text = Text(scope);
        var account = await users.FindByIdAsync(userId) ?? throw new AccountChangeException([text["Users_AccountGone"]]);
        if (locked && account.UserName == admin.Name)
            throw new AccountChangeException([text["Users_OwnLock"]]);
        var wasLocked = await users.IsLockedOutAsync(account);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.SetLockoutEndDateAsync(account, locked ? DateTimeOffset.MaxValue : null));
        if (!locked)
            Check(await users.ResetAccessFailedCountAsync(account));
        // A lock must end the user's open circuits at their next revalidation.
        Check(await users.UpdateSecurityStampAsync(account));
        db.AddAudit(nameof(UserAccount), account.UserName!, AuditAction.Modified, "Locked",
            wasLocked ? "true" : "false", locked ? "true" : "false");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<(int? LearnerId, int? MentorId)> ResolveLinksAsync(
        TrainingDbContext db, IStringLocalizer<AccountStrings> text, string? learnerNumber, string? mentorNumber, List<string> errors, CancellationToken cancellationToken)
    {
        int? learnerId = null, mentorId = null;
        if (!string.IsNullOrWhiteSpace(learnerNumber))
        {
            learnerId = await db.Learners.Where(l => l.EmployeeNumberKey == NaturalKey.Of(learnerNumber)).Select(l => (int?)l.Id).FirstOrDefaultAsync(cancellationToken);
            if (learnerId is null)
                errors.Add(text["Users_NoLearner", learnerNumber.Trim()]);
            else if (await db.Users.AnyAsync(u => u.LearnerId == learnerId, cancellationToken))
                errors.Add(text["Users_LearnerHasAccount", learnerNumber.Trim()]);
        }
        if (!string.IsNullOrWhiteSpace(mentorNumber))
        {
            mentorId = await db.Mentors.Where(m => m.EmployeeNumberKey == NaturalKey.Of(mentorNumber)).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (mentorId is null)
                errors.Add(text["Users_NoMentor", mentorNumber.Trim()]);
            else if (await db.Users.AnyAsync(u => u.MentorId == mentorId, cancellationToken))
                errors.Add(text["Users_MentorHasAccount", mentorNumber.Trim()]);
        }
        return (learnerId, mentorId);
    }

    // Messages in the admin's language: the circuit's culture is current while the operation runs.
    private static IStringLocalizer<AccountStrings> Text(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IStringLocalizer<AccountStrings>>();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new AccountChangeException([.. result.Errors.Select(e => e.Description)]);
    }
}
