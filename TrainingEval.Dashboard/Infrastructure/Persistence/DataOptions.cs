namespace TrainingEval.Dashboard.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,

    /// <summary>PostgreSQL, for more than one dashboard instance over one database (issue 18).</summary>
    Postgres,
}

/// <summary>Configuration section <c>TrainingEval:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "TrainingEval:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; a relative path is relative to the folder of the root <c>appsettings.json</c>.</summary>
    public string SqlitePath { get; set; } = "data/trainingeval.db";

    /// <summary>
    /// The PostgreSQL connection string (Npgsql's keywords: <c>Host=…;Database=…;Username=…;Password=…</c>), used when
    /// <see cref="Provider"/> is <see cref="DatabaseProvider.Postgres"/>. Empty in appsettings.json: the password belongs
    /// in the environment (<c>TrainingEval__Database__PostgresConnectionString</c>), not in a committed file.
    /// </summary>
    public string PostgresConnectionString { get; set; } = "";

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

    /// <summary>The company's size (null: the generator's defaults, 2000 employees, 60 mentors, 8 programs); smaller for quick trials and tests.</summary>
    public int? Employees { get; set; }

    /// <inheritdoc cref="Employees"/>
    public int? Mentors { get; set; }

    /// <inheritdoc cref="Employees"/>
    public int? Programs { get; set; }

    /// <summary>Scales every cohort's size (null: 1).</summary>
    public double? CohortSizeFactor { get; set; }
}
