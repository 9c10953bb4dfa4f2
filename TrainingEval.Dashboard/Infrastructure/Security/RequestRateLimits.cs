using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>Configuration <c>TrainingEval:RateLimits</c>: requests per minute and client (issue 19, ASVS 2.2.1, 13.2.6).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "TrainingEval:RateLimits";

    /// <summary>Sign-in form posts per minute from one address: enough for a shared office address, far too few to guess passwords.</summary>
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Refused API calls (no or a wrong key) per minute from one address that are answered 401 and audited; more get 429.</summary>
    public int RefusedApiPerMinute { get; set; } = 60;

    /// <summary>API calls per minute from one address: an integration's whole load, well above the read benchmark's.</summary>
    public int ApiPerMinute { get; set; } = 120_000;
}

/// <summary>
/// ASP.NET Core's rate limiter over the two doors an attacker can knock on without an account, per client address: the
/// sign-in form (a few dozen posts a minute) and the REST API (an integration's load). Calls without a valid key are
/// limited again, tighter, where they are refused (<see cref="ApiRefusals"/>), because the key is only checked by the
/// API's authorization, after this middleware. A limited call is a 429 problem document with Retry-After and writes no
/// audit row: refused calls are counted and logged once per minute instead, so a flood cannot fill the audit trail.
/// </summary>
public static partial class RequestRateLimits
{
    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<RefusedCallCounter>();
        services.AddSingleton<ApiRefusals>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.OnRejected = (context, _) => TooManyAsync(context.HttpContext);
        });
        return services;
    }

    /// <summary>The 429 answer: a problem document (JSON for the API and for the sign-in post alike) with Retry-After.</summary>
    public static async ValueTask TooManyAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.RequestServices.GetRequiredService<RefusedCallCounter>().Count(http);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "60";
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: "This client sent too many requests in the last minute; wait a minute and try again.").ExecuteAsync(http);
    }

    internal static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var limits = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var address = AddressOf(http);
        var path = http.Request.Path;
        if (HttpMethods.IsPost(http.Request.Method) && path.Equals(SecurityHosting.LoginPath, StringComparison.OrdinalIgnoreCase))
            return PerMinute("sign-in:" + address, limits.SignInPerMinute);
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            return PerMinute("api:" + address, limits.ApiPerMinute);
        return RateLimitPartition.GetNoLimiter("unlimited");
    }

    internal static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}

/// <summary>
/// Calls refused for a missing or wrong API key, per address and minute: up to <see cref="RateLimitOptions.RefusedApiPerMinute"/>
/// are answered 401 and audited one row each; beyond that they get 429 and are only counted.
/// </summary>
public sealed class ApiRefusals(Microsoft.Extensions.Options.IOptionsMonitor<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        address => RequestRateLimits.PerMinute(address, options.CurrentValue.RefusedApiPerMinute));

    /// <summary>True while this address is within its refusals for the minute (the call may be audited as a 401).</summary>
    public bool Admit(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = _limiter.AttemptAcquire(RequestRateLimits.AddressOf(http));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Refused calls per minute, logged as one line per minute and door (never one audit row per call).</summary>
public sealed partial class RefusedCallCounter(ILogger<RefusedCallCounter> logger, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private long _minute = -1;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>How many calls were refused in the current minute, per door ("sign-in", "api").</summary>
    public IReadOnlyDictionary<string, int> CurrentMinute
    {
        get
        {
            lock (_gate)
                return new Dictionary<string, int>(_counts);
        }
    }

    public void Count(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var door = http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? "api" : "sign-in";
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        lock (_gate)
        {
            if (minute != _minute)
            {
                foreach (var (name, count) in _counts)
                    Refused(logger, count, name, DateTimeOffset.FromUnixTimeSeconds(_minute * 60).ToString("u", CultureInfo.InvariantCulture));
                _counts.Clear();
                _minute = minute;
            }
            _counts[door] = _counts.GetValueOrDefault(door) + 1;
            if (_counts[door] == 1)
                FirstRefused(logger, door, http.Connection.RemoteIpAddress?.ToString() ?? "local");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit: {Count} {Door} calls refused in the minute from {Minute}")]
    private static partial void Refused(ILogger logger, int count, string door, string minute);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached at the {Door} door (first refused client this minute: {Address})")]
    private static partial void FirstRefused(ILogger logger, string door, string address);
}
