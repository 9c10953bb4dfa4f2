using System.Collections.Concurrent;
using System.Globalization;
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
        await audit.WriteAsync(Context, ApiAudit.Anonymous, StatusCodes.Status401Unauthorized);
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

/// <summary>
/// The audit trail of the API: who (key name), which endpoint (method and path) and the outcome (status code).
/// Writes, refusals and failures are written as they happen, one line each. Successful reads are counted instead and
/// written once a minute per key, path and status ("200 ×37"): a line per read capped the API near 190 reads a second
/// (issue 19), while a count per minute keeps the same answer to "who read what, when" at a fraction of the writes.
/// </summary>
public sealed partial class ApiAudit(IDbContextFactory<TrainingDbContext> contexts, CurrentActor actors, TimeProvider clock, ILogger<ApiAudit> logger)
{
    /// <summary>The actor of calls made without an accepted key.</summary>
    public const string Anonymous = "anonymous";

    private static readonly object AuditedItem = new();

    private readonly record struct ReadKey(long Minute, string Actor, string Method, string Path, int Status);

    private readonly ConcurrentDictionary<ReadKey, int> _reads = new();

    /// <summary>True once the call is written down (or counted): the audit middleware then leaves it alone.</summary>
    public static bool IsAudited(HttpContext http) => http?.Items.ContainsKey(AuditedItem) == true;

    /// <param name="actor">Whom the call is written down for: the key's name, or <see cref="Anonymous"/> when no key was accepted.</param>
    /// <remarks>
    /// A failing audit write (a full or read-only disk) is logged, never the call's failure: a read must keep working when
    /// the trail cannot grow, and a write has failed on its own by then.
    /// </remarks>
    public async Task WriteAsync(HttpContext http, string actor, int status)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[AuditedItem] = true;
        var path = Cut(http.Request.Path.Value ?? "", Infrastructure.Persistence.Entities.AuditEntry.EntityKeyMaxLength);
        // Successful reads, and anything a caller without a key gets besides the (separately limited) 401, are counted
        // per minute: a client scanning unknown paths must not write a row per request.
        var isRead = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) && status < 400;
        if (isRead || (actor == Anonymous && status != StatusCodes.Status401Unauthorized))
        {
            _reads.AddOrUpdate(new ReadKey(Minute(), actor, http.Request.Method, path, status), 1, (_, n) => n + 1);
            return;
        }
        try
        {
            using var caller = actors.As(actor);
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.AddAudit("api", path, Infrastructure.Persistence.Entities.AuditAction.ApiCall, http.Request.Method, null, status.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotWritten(logger, ex, http.Request.Method, path, status);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit line of API call {Method} {Path} ({Status}) could not be written")]
    private static partial void LogNotWritten(ILogger logger, Exception exception, string method, string path, int status);

    /// <summary>Reads counted but not yet written, summed over keys and paths (for tests and diagnostics).</summary>
    public int PendingReads => _reads.Values.Sum();

    /// <summary>
    /// Writes the counted reads of the minutes that are over (all of them when <paramref name="everything"/>, at shutdown),
    /// one line per key, method, path, status and minute, in one transaction per key.
    /// </summary>
    public async Task FlushAsync(bool everything = false, CancellationToken cancellationToken = default)
    {
        var now = Minute();
        var due = new List<(ReadKey Key, int Count)>();
        foreach (var key in _reads.Keys)
        {
            if ((everything || key.Minute < now) && _reads.TryRemove(key, out var count))
                due.Add((key, count));
        }
        foreach (var byActor in due.GroupBy(d => d.Key.Actor, StringComparer.Ordinal))
        {
            using var caller = actors.As(byActor.Key);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            foreach (var (key, count) in byActor.OrderBy(d => d.Key.Minute).ThenBy(d => d.Key.Path, StringComparer.Ordinal))
                db.AddAudit("api", key.Path, Infrastructure.Persistence.Entities.AuditAction.ApiCall, key.Method, null,
                    string.Create(CultureInfo.InvariantCulture, $"{key.Status} ×{count} ({DateTimeOffset.FromUnixTimeSeconds(key.Minute * 60):HH:mm} UTC)"));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private long Minute() => clock.GetUtcNow().ToUnixTimeSeconds() / 60;

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>Writes the API's counted reads every ten seconds, and whatever is left when the app stops.</summary>
public sealed partial class ApiAuditFlusher(ApiAudit audit, ILogger<ApiAuditFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushLoggingAsync(everything: false, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the rest.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushLoggingAsync(everything: true, CancellationToken.None);
    }

    private async Task FlushLoggingAsync(bool everything, CancellationToken cancellationToken)
    {
        try
        {
            await audit.FlushAsync(everything, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed write (e.g. the database is busy) must not stop the API; the counts of that flush are lost and logged.
            FlushFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the API read audit failed; the counts of that flush are lost")]
    private static partial void FlushFailed(ILogger logger, Exception exception);
}
