using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Api;

/// <summary>Configuration <c>Api</c>: the bootstrap key (env <c>Api__BootstrapKey</c>); empty means none is accepted.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The name the audit trail gives calls made with the bootstrap key.</summary>
    public const string BootstrapKeyName = "bootstrap-key";

    public string? BootstrapKey { get; set; }
}

/// <summary>
/// The "ApiKey" scheme: reads <c>X-Api-Key</c>, accepts the configured bootstrap key (role HR analyst) or an
/// unrevoked key whose SHA-256 hash is stored, and signs the call in as the key (name = key name, one role).
/// No header → no result (401 on a protected endpoint); an unknown key → failure (401). Denials are audited.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<TrainingDbContext> contexts,
    IOptionsMonitor<ApiOptions> api,
    ApiAudit audit,
    ApiRefusals refusals) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
            return AuthenticateResult.NoResult();
        var key = values.ToString().Trim();
        var bootstrap = api.CurrentValue.BootstrapKey;
        if (!string.IsNullOrWhiteSpace(bootstrap)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Hash(key)), Encoding.UTF8.GetBytes(Hash(bootstrap.Trim()))))
            return Success(ApiOptions.BootstrapKeyName, Roles.HrAnalyst);

        var hash = Hash(key);
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var stored = await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new { k.Name, k.Role }).FirstOrDefaultAsync(Context.RequestAborted);
        return stored is null ? AuthenticateResult.Fail("Unknown or revoked API key.") : Success(stored.Name, stored.Role);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A client that keeps knocking without a valid key gets 429 and no more audit rows (issue 19: 13,268 rows in 10 s).
        if (!refusals.Admit(Context))
        {
            await RequestRateLimits.TooManyAsync(Context);
            return;
        }
        await audit.WriteAsync(Context, "anonymous", StatusCodes.Status401Unauthorized);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(statusCode: 401, title: "An API key is required",
            detail: $"Send a valid key in the {HeaderName} header.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await audit.WriteAsync(Context, Context.User.Identity?.Name ?? "unknown", StatusCodes.Status403Forbidden);
        await Results.Problem(statusCode: 403, title: "Not allowed",
            detail: "This API key's role may not call this endpoint.").ExecuteAsync(Context);
    }

    private static AuthenticateResult Success(string name, string role)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>One audit line per API call: who (key name), which endpoint (method and path) and the outcome (status code).</summary>
public sealed class ApiAudit(IDbContextFactory<TrainingDbContext> contexts, CurrentActor actors)
{
    /// <param name="actor">Whom the call is written down for: the key's name, or "anonymous" when no key was accepted.</param>
    public async Task WriteAsync(HttpContext http, string actor, int status)
    {
        var path = http.Request.Path.Value ?? "";
        using var caller = actors.As(actor);
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        db.AddAudit("api", Cut(path, Infrastructure.Persistence.Entities.AuditEntry.EntityKeyMaxLength), Infrastructure.Persistence.Entities.AuditAction.ApiCall,
            http.Request.Method, null, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
