using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>Who is making changes, for the audit trail.</summary>
public interface ICurrentActor
{
    ValueTask<string> GetNameAsync();
}

/// <summary>A fixed actor: start-up work, tools and tests.</summary>
public sealed class CurrentActor(string name) : ICurrentActor
{
    /// <summary>The actor of start-up work (migrations, demo data, scheduled recomputation).</summary>
    public const string System = "system";

    public string Name { get; } = string.IsNullOrWhiteSpace(name) ? System : name.Trim();

    public ValueTask<string> GetNameAsync() => ValueTask.FromResult(Name);
}

/// <summary>The signed-in user (or API key) in a request or circuit; the system outside both.</summary>
public sealed class SignedInActor(ICurrentUser user) : ICurrentActor
{
    public async ValueTask<string> GetNameAsync() => (await user.GetAsync()).Name;
}
