using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.Account;

/// <summary>One demo sign-in per role; the passwords are public (README, sign-in page in demo mode).</summary>
public sealed record DemoAccount(string UserName, string Password, string Role);

/// <summary>Creates the roles at every start, the demo accounts on a demo database, and the first admin account.</summary>
public sealed class AccountSeeder(
    UserManager<UserAccount> users,
    RoleManager<IdentityRole> roles,
    TrainingDbContext db,
    AccountSetupState setupState,
    IStringLocalizer<AccountStrings> text,
    CurrentActor actor,
    TimeProvider clock)
{
    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("admin", "Demo-Admin-2026", Roles.Admin),
        new("analyst", "Demo-Analyst-2026", Roles.HrAnalyst),
        new("mentor", "Demo-Mentor-2026", Roles.Mentor),
        new("trainer", "Demo-Trainer-2026", Roles.Trainer),
        new("executive", "Demo-Executive-2026", Roles.Executive),
        new("learner", "Demo-Learner-2026", Roles.Learner),
    ];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
        }
    }

    /// <summary>
    /// On a database without accounts: the demo mentor is the mentor with the most enrollments and the demo learner
    /// the learner with the most scored cohorts, so both accounts open onto pages full of data.
    /// </summary>
    public async Task<bool> SeedDemoAccountsAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
            return false;
        // Start-up work: Identity saves the pending audit lines with each account it creates, so the whole seed is the system's.
        using var system = actor.As(UserContext.System);
        var mentor = await db.Enrollments
            .Where(e => e.MentorId != null)
            .GroupBy(e => e.MentorId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .FirstOrDefaultAsync(cancellationToken);
        var learner = await db.LearnerScores
            .Where(s => s.Composite != null)
            .GroupBy(s => s.LearnerId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (int?)g.Key)
            .FirstOrDefaultAsync(cancellationToken);
        var names = new Dictionary<string, string>
        {
            ["admin"] = "系统管理员 Admin",
            ["analyst"] = "HR 分析师 Analyst",
            ["executive"] = "高管 Executive",
            ["trainer"] = "讲师 Trainer",
        };
        foreach (var demo in DemoAccounts)
        {
            var account = new UserAccount
            {
                UserName = demo.UserName,
                DisplayName = names.GetValueOrDefault(demo.UserName) ?? demo.UserName,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                MentorId = demo.Role == Roles.Mentor ? mentor : null,
                LearnerId = demo.Role == Roles.Learner ? learner : null,
            };
            if (account.MentorId is { } mentorId)
                account.DisplayName = await db.Mentors.Where(m => m.Id == mentorId).Select(m => m.Name).FirstAsync(cancellationToken);
            if (account.LearnerId is { } learnerId)
                account.DisplayName = await db.Learners.Where(l => l.Id == learnerId).Select(l => l.Name).FirstAsync(cancellationToken);
            Check(await users.CreateAsync(account, demo.Password));
            Check(await users.AddToRoleAsync(account, demo.Role));
            db.AddAudit(nameof(UserAccount), demo.UserName, AuditAction.Added, "Roles", null, demo.Role);
            if (demo.Role == Roles.Trainer)
                await LinkDemoTrainerAsync(account, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        setupState.MarkHasAccounts();
        return true;
    }

    /// <summary>The demo trainer runs the cohorts running today (at most three), else the three that started last.</summary>
    private async Task LinkDemoTrainerAsync(UserAccount trainer, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cohorts = await db.Cohorts.Where(c => c.StartDate <= today && c.EndDate >= today && c.ClosedAt == null)
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Id).Select(c => new { c.Id, c.Code }).Take(3).ToListAsync(cancellationToken);
        if (cohorts.Count == 0)
            cohorts = await db.Cohorts.OrderByDescending(c => c.StartDate).ThenBy(c => c.Id).Select(c => new { c.Id, c.Code }).Take(3).ToListAsync(cancellationToken);
        foreach (var cohort in cohorts)
        {
            db.CohortTrainers.Add(new CohortTrainer { CohortId = cohort.Id, UserId = trainer.Id });
            db.AddAudit(nameof(CohortTrainer), cohort.Code, AuditAction.Added, "Trainer", null, trainer.UserName);
        }
    }

    /// <summary>The first start without demo data: the one account that can create all others.</summary>
    public async Task<IdentityResult> CreateFirstAdminAsync(string userName, string displayName, string password, CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
            return IdentityResult.Failed(new IdentityError { Code = "SetupDone", Description = text["Setup_AlreadyDone"] });
        var account = new UserAccount
        {
            UserName = userName.Trim(),
            DisplayName = displayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
            return created;
        Check(await users.AddToRoleAsync(account, Roles.Admin));
        // Nobody is signed in yet: the first administrator creates their own account.
        using (actor.As(account.UserName))
        {
            db.AddAudit(nameof(UserAccount), account.UserName, AuditAction.Added, "Roles", null, Roles.Admin);
            await db.SaveChangesAsync(cancellationToken);
        }
        setupState.MarkHasAccounts();
        return created;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>Remembers, per app instance, whether any account exists, so the setup redirect costs one query at most.</summary>
public sealed class AccountSetupState
{
    private volatile bool _hasAccounts;

    public bool HasAccounts => _hasAccounts;

    public void MarkHasAccounts() => _hasAccounts = true;
}

/// <summary>Until an account exists (no demo data), every page request goes to the first-admin setup page.</summary>
public sealed class FirstAdminSetupMiddleware(RequestDelegate next, AccountSetupState state)
{
    public async Task InvokeAsync(HttpContext context, IDbContextFactory<TrainingDbContext> contexts)
    {
        if (!state.HasAccounts && IsPageRequest(context.Request))
        {
            await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
            if (await db.Users.AnyAsync(context.RequestAborted))
                state.MarkHasAccounts();
            else if (!context.Request.Path.StartsWithSegments(SecurityHosting.SetupPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Redirect(SecurityHosting.SetupPath);
                return;
            }
        }
        await next(context);
    }

    // Static files, the framework and culture switches pass; page navigations are redirected.
    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !Path.HasExtension(request.Path.Value)
        && !request.Path.StartsWithSegments("/_framework")
        && !request.Path.StartsWithSegments("/_blazor")
        && !request.Path.StartsWithSegments("/_content")
        && !request.Path.StartsWithSegments("/culture")
        && !request.Path.StartsWithSegments("/api");
}
