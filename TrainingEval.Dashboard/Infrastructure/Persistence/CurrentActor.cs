using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>Who the audit trail names for the changes being saved; <see cref="TrainingDbContext"/> asks at every save.</summary>
public interface ICurrentActor
{
    ValueTask<string> GetNameAsync();
}

/// <summary>
/// The actor of the work in progress, so that no service has to name it: the innermost <see cref="As(string)"/> scope
/// (start-up seeding and the background jobs as the system, the first administrator naming themselves, an API call
/// naming its key); else the signed-in user of the circuit (<see cref="CircuitActorHandler"/>) or of the HTTP request
/// (cookie or API key); else, with neither a circuit nor a request, the system. The name is never empty.
/// </summary>
/// <remarks>
/// One instance for the app: the scopes live in the async flow (<see cref="AsyncLocal{T}"/>), so they reach every
/// <c>await</c> below them and end with their <c>using</c>, whatever thread the work continues on.
/// </remarks>
public sealed class CurrentActor(IHttpContextAccessor? http = null) : ICurrentActor
{
    /// <summary>The actor of start-up work (migrations, demo data), scheduled recomputation and the weekly health job.</summary>
    public const string System = "system";

    private readonly AsyncLocal<Frame?> _current = new();

    /// <summary>Names <paramref name="name"/> for everything saved until the returned scope is disposed.</summary>
    public IDisposable As(string name) => Push(new Frame(Normalize(name), null));

    public IDisposable As(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return As(user.Name);
    }

    /// <summary>Names the signed-in <paramref name="user"/> (read only when something is saved) until the returned scope is disposed.</summary>
    public IDisposable SignedIn(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Push(new Frame(null, user));
    }

    public async ValueTask<string> GetNameAsync()
    {
        var frame = _current.Value;
        if (frame?.Name is { } name)
            return name;
        // The request's own user service, so the audit names exactly whom the access checks of the request saw.
        var user = frame?.User ?? http?.HttpContext?.RequestServices?.GetService<ICurrentUser>();
        return user is null ? System : Normalize((await user.GetAsync()).Name);
    }

    /// <summary>A name as the audit trail stores it: trimmed, at most <see cref="AuditEntry.ActorMaxLength"/> characters, the system when blank.</summary>
    public static string Normalize(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return System;
        return trimmed.Length <= AuditEntry.ActorMaxLength ? trimmed : trimmed[..AuditEntry.ActorMaxLength];
    }

    private Scope Push(Frame frame)
    {
        var outer = _current.Value;
        _current.Value = frame;
        return new Scope(this, outer);
    }

    /// <summary>Either a fixed name or a signed-in user asked lazily.</summary>
    private sealed record Frame(string? Name, ICurrentUser? User);

    private sealed class Scope(CurrentActor owner, Frame? outer) : IDisposable
    {
        public void Dispose() => owner._current.Value = outer;
    }
}
