using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>Who is asking: the signed-in user in a circuit, the caller of an API request, or the system (no request, no circuit).</summary>
public sealed record UserContext(string Name, IReadOnlySet<string> Roles, int? LearnerId, int? MentorId)
{
    /// <summary>Start-up work, the background jobs and tests of internal services act as the system.</summary>
    public static readonly UserContext System = new(
        "system", new HashSet<string>(StringComparer.Ordinal) { Security.Roles.Admin }, null, null);

    public static readonly UserContext Anonymous = new("anonymous", new HashSet<string>(StringComparer.Ordinal), null, null);

    /// <summary>A learner account's employee number (工号), for links to their own pages.</summary>
    public string? EmployeeNumber { get; init; }

    /// <summary>The account's id (<c>AspNetUsers.Id</c>), which a trainer's cohorts are linked to; null for the system and API keys.</summary>
    public string? UserId { get; init; }

    /// <summary>A trainer account: runs the sessions of the cohorts it is linked to (<c>CohortTrainer</c>).</summary>
    public bool IsTrainer => IsInRole(Security.Roles.Trainer) && UserId is not null;

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Admins and HR analysts see every record.</summary>
    public bool SeesEverything => IsInRole(Security.Roles.Admin) || IsInRole(Security.Roles.HrAnalyst);

    /// <summary>Executives read every cohort and may open learner pages, but change nothing.</summary>
    public bool ReadsEverything => SeesEverything || IsInRole(Security.Roles.Executive);

    public static UserContext FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return Anonymous;
        var roles = principal.FindAll(principal.Identities.First().RoleClaimType)
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);
        return new UserContext(
            principal.Identity.Name ?? "unknown",
            roles,
            IntClaim(principal, TrainingEvalClaims.LearnerId),
            IntClaim(principal, TrainingEvalClaims.MentorId))
        {
            EmployeeNumber = principal.FindFirst(TrainingEvalClaims.EmployeeNumber)?.Value,
            UserId = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value,
        };
    }

    private static int? IntClaim(ClaimsPrincipal principal, string type) =>
        int.TryParse(principal.FindFirst(type)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}

/// <summary>Claims the app adds to a signed-in user (and to an API key's principal).</summary>
public static class TrainingEvalClaims
{
    public const string LearnerId = "trainingeval:learner_id";
    public const string MentorId = "trainingeval:mentor_id";
    public const string DisplayName = "trainingeval:display_name";
    public const string DisplayNameEn = "trainingeval:display_name_en";
    public const string EmployeeNumber = "trainingeval:employee_no";
}

public interface ICurrentUser
{
    ValueTask<UserContext> GetAsync();
}

/// <summary>
/// Reads the user from Blazor's authentication state inside a circuit and from the request otherwise
/// (static pages, the REST API). <see cref="IHttpContextAccessor"/> is only a fallback because inside an
/// interactive circuit there is no current request.
/// </summary>
public sealed class CurrentUser(IServiceProvider services, IHttpContextAccessor http) : ICurrentUser
{
    private UserContext? _cached;
    private bool _watching;

    public async ValueTask<UserContext> GetAsync()
    {
        if (_cached is not null)
            return _cached;
        var principal = await FromCircuitAsync() ?? http.HttpContext?.User;
        // Neither a circuit nor a request: start-up, a background job or a tool acting on its own.
        var user = principal is null ? UserContext.System : UserContext.FromPrincipal(principal);
        // Cached until the circuit's authentication state changes (a revalidation that found the account signed out,
        // locked or changed: see RevalidatingIdentityStateProvider); a request scope is one call.
        if (user != UserContext.Anonymous)
            _cached = user;
        return user;
    }

    private async Task<ClaimsPrincipal?> FromCircuitAsync()
    {
        if (services.GetService(typeof(AuthenticationStateProvider)) is not AuthenticationStateProvider provider)
            return null;
        if (!_watching)
        {
            provider.AuthenticationStateChanged += _ => _cached = null;
            _watching = true;
        }
        try
        {
            return (await provider.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a circuit the server provider has no state yet ("called before SetAuthenticationState").
            return null;
        }
    }
}
