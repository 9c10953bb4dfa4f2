using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Account;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>Sign-in (ASP.NET Core Identity on the training database), cookies, roles and the account endpoints.</summary>
public static class SecurityHosting
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string DeniedPath = "/account/denied";
    public const string SetupPath = "/account/setup";

    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestRateLimits(configuration);
        services.AddProductDataProtection(configuration);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        // Every endpoint needs a signed-in user unless it says otherwise ([AllowAnonymous] on the account pages).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<UserAccount>(options =>
            {
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = PasswordPolicy.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = PasswordPolicy.LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordGuessabilityValidator>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TrainingDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "TrainingEval.Auth";
            cookie.Cookie.HttpOnly = true;
            // Secure whenever the request is (always behind TLS in production); SameSite=Lax keeps the cookie off
            // cross-site posts while links into the app from mail or chat still arrive signed in.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = SessionPolicy.Lifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = DeniedPath;
        });
        // A cookie is only as good as the account behind it: its security stamp is checked against the database at
        // most SessionPolicy.RevalidationInterval after it was issued, so a sign-out, lock, role or password change
        // (each rotates the stamp) ends every session of that account within that time, copied cookies included.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SessionPolicy.RevalidationInterval);
        return services;
    }

    /// <summary>
    /// Who is asking (<see cref="ICurrentUser"/>: the circuit's user, else the request's) and what they may see
    /// (<see cref="IRecordAccess"/>); the components need these with or without the sign-in machinery (bUnit).
    /// </summary>
    public static IServiceCollection AddRecordAccess(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<IRecordAccess, RecordAccess>();
        return services;
    }

    public static WebApplication UseDashboardSecurity(this WebApplication app)
    {
        // Before authentication: with no account at all there is nobody to sign in as.
        app.UseMiddleware<FirstAdminSetupMiddleware>();
        app.UseAuthentication();
        // After authentication: an API call is counted against its key when the key is valid (RequestRateLimits).
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        // A form post with the antiforgery token, checked here rather than by form binding: a missing or stale token
        // (the page was open when the account signed out elsewhere) threw while reading the form, and re-running the
        // request as the error page threw again (a 500). Refused instead: a plain 400 that says what to do, not
        // re-executed into a page (a POST into the error page would fail its antiforgery check the same way).
        app.MapPost(LogoutPath, async (HttpContext context, IAntiforgery antiforgery, SignInManager<UserAccount> signIn, IStringLocalizer<AccountStrings> text) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                        pages.Enabled = false;
                    return Results.Text(text["Account_SignOutExpired"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
                }
                // Deleting the browser's cookie is not enough: a copy of it would still be valid for its whole lifetime.
                // Rotating the stamp makes every cookie issued before now invalid (this device's and any other's).
                if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
                    await signIn.UserManager.UpdateSecurityStampAsync(user);
                await signIn.SignOutAsync();
                return Results.LocalRedirect(LoginPath);
            })
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Where a user lands after signing in when no return URL was asked for.</summary>
    public static string HomeFor(UserContext user) => user switch
    {
        _ when user.ReadsEverything => "/",
        { MentorId: not null } => "/mentor",
        { LearnerId: not null } => "/me",
        { IsTrainer: true } => "/teaching",
        _ => "/playground",
    };

    /// <summary>
    /// At every start: the roles exist; on a demo database without accounts, the demo accounts too. Under the
    /// <see cref="Persistence.Postgres.StartupLock"/>, so instances starting together over one PostgreSQL database
    /// create each role and demo account once (the second would break the unique user-name index and not start).
    /// </summary>
    public static async Task InitializeAccountsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Persistence.TrainingDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        await using var startupLock = await Persistence.Postgres.StartupLock.AcquireAsync(db, cancellationToken);
        var seeder = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
        await seeder.EnsureRolesAsync();
        if (scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoDataOptions>>().Value.Enabled)
            await seeder.SeedDemoAccountsAsync(cancellationToken);
    }

    internal static bool IsLocalUrl(string? url) => DashboardLocalization.IsLocal(url);
}

/// <summary>How long a sign-in lasts and how soon a change to the account reaches its open sessions.</summary>
public static class SessionPolicy
{
    /// <summary>Sliding: eight working hours without a request end the session.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// How often a cookie (per request) and an open circuit check the account's security stamp: half a minute, so a
    /// sign-out, lock, role or password change ends other sessions within a minute. It costs one indexed read per
    /// session per interval.
    /// </summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromSeconds(30);
}

/// <summary>The password rules, shown on the forms that set one.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    /// <summary>zxcvbn score a new password must reach (3: "safely unguessable", see <see cref="PasswordGuessabilityValidator"/>).</summary>
    public const int MinimumGuessability = 3;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
}
