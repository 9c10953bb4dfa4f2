namespace TrainingEval.Dashboard.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
}

/// <summary>Configuration section <c>TrainingEval:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "TrainingEval:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; a relative path is relative to the folder of the root <c>appsettings.json</c>.</summary>
    public string SqlitePath { get; set; } = "data/trainingeval.db";

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>While the database cannot be written (read-only mode), how often a harmless write checks whether it can again.</summary>
    public int WriteProbeSeconds { get; set; } = 30;
}

/// <summary>Configuration section <c>TrainingEval:DemoData</c>: the demo company seeded into an empty database.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "TrainingEval:DemoData";

    public bool Enabled { get; set; } = true;

    /// <summary>The generator's seed: the same seed and reference date give the same company.</summary>
    public int Seed { get; set; } = Features.Demo.DemoCompanySpec.DefaultSeed;
}
