namespace TrainingEval.Dashboard.Data;

/// <summary>
/// Who is making changes, for the audit trail. The dashboard has no sign-in yet, so the default names
/// the configured operator; a sign-in feature replaces this registration with the signed-in user.
/// </summary>
public interface ICurrentActor
{
    string Name { get; }
}

public sealed class CurrentActor(string name) : ICurrentActor
{
    /// <summary>The actor of start-up work (migrations, demo data, scheduled recomputation).</summary>
    public const string System = "system";

    public string Name { get; } = string.IsNullOrWhiteSpace(name) ? System : name.Trim();
}
