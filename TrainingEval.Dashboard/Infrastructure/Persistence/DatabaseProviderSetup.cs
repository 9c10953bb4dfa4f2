using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Postgres;
using TrainingEval.Dashboard.Infrastructure.Persistence.Sqlite;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>
/// Everything provider-specific lives here and in <c>Sqlite/</c> and <c>Postgres/</c>: the connection, its pragmas,
/// how its errors read, which context type (and so which migration set) it uses. Queries and services use plain LINQ
/// (free-text matching through <see cref="TextSearch"/>).
/// </summary>
public static class DatabaseProviderSetup
{
    /// <param name="writeState">The installation's read-only state, fed by every command of the contexts (null for tools).</param>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string baseFolder, DatabaseWriteState? writeState = null)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var path = SqliteFilePath(options, baseFolder);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                builder.UseSqlite(SqliteConnectionString(path), o => o.MigrationsAssembly(typeof(TrainingDbContext).Assembly.GetName().Name))
                    .AddInterceptors(new SqlitePragmaInterceptor(options.BusyTimeoutMilliseconds));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(PostgresConnectionString(options), o => o.MigrationsAssembly(typeof(TrainingDbContext).Assembly.GetName().Name));
                break;
            default:
                throw new InvalidOperationException($"Database provider '{options.Provider}' is not supported; use {DatabaseProvider.Sqlite} or {DatabaseProvider.Postgres}.");
        }
        builder.AddInterceptors(TextSearchInterceptor.For(options.Provider));
        if (writeState is not null)
            builder.AddInterceptors(new DatabaseWriteStateInterceptor(writeState));
    }

    /// <summary>
    /// A context of the provider's own type: each type has its own migration set (EF picks migrations by the context
    /// type in their <c>[DbContext]</c> attribute), so SQLite keeps its history and PostgreSQL starts from the current model.
    /// </summary>
    public static TrainingDbContext CreateContext(DatabaseProvider provider, DbContextOptions<TrainingDbContext> options, ICurrentActor actor, TimeProvider clock) =>
        provider == DatabaseProvider.Postgres ? new PostgresTrainingDbContext(options, actor, clock) : new TrainingDbContext(options, actor, clock);

    /// <summary>The configured PostgreSQL connection string; a clear start-up error when it is missing.</summary>
    public static string PostgresConnectionString(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
            throw new InvalidOperationException(
                $"{DatabaseOptions.Section}:Provider is {DatabaseProvider.Postgres} but {DatabaseOptions.Section}:PostgresConnectionString is empty. " +
                "Set it, for example in the environment variable TrainingEval__Database__PostgresConnectionString=\"Host=db;Database=trainingeval;Username=trainingeval;Password=…\".");
        return options.PostgresConnectionString;
    }

    /// <summary>The absolute path of the SQLite file: relative paths resolve against <paramref name="baseFolder"/>.</summary>
    public static string SqliteFilePath(DatabaseOptions options, string baseFolder)
    {
        if (string.IsNullOrWhiteSpace(options.SqlitePath))
            throw new InvalidOperationException($"{DatabaseOptions.Section}:SqlitePath is empty; set it to a file path such as data/trainingeval.db.");
        return Path.GetFullPath(Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(baseFolder, options.SqlitePath));
    }

    public static string SqliteConnectionString(string dataSource) => new SqliteConnectionStringBuilder
    {
        DataSource = dataSource,
        ForeignKeys = true,
        Pooling = true,
    }.ToString();

    /// <summary>
    /// A write that changes nothing but needs the database writable: SQLite rewrites its header with the user version it
    /// already has, which a read-only file or connection refuses; PostgreSQL rewrites one migration-history row with
    /// its own value, which a read-only server refuses and which needs WAL space. (A full disk may still accept it; the
    /// next real write then starts read-only mode again.)
    /// </summary>
    public static async Task ProbeWriteAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlRawAsync(
                "UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\" " +
                "WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")", cancellationToken);
            return;
        }
        if (!database.IsSqlite())
            throw new InvalidOperationException($"No write probe for provider {database.ProviderName}.");
        var connection = database.GetDbConnection();
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "PRAGMA user_version";
            var version = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            await using var write = connection.CreateCommand();
            // A number read from the database itself, never user input (PRAGMA takes no parameters).
            write.CommandText = "PRAGMA user_version = " + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static readonly SqliteErrorReader SqliteErrors = new();
    private static readonly PostgresErrorReader PostgresErrors = new();

    public static IProviderErrorReader ErrorReaderFor(DatabaseFacade database) =>
        database.IsSqlite() ? SqliteErrors : database.IsNpgsql() ? PostgresErrors : NoProviderErrors.Instance;

    public static IProviderErrorReader ErrorReaderFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteErrors,
        DatabaseProvider.Postgres => PostgresErrors,
        _ => NoProviderErrors.Instance,
    };

    /// <summary>Any provider's constraint error, read by the reader of the provider that raised it (for code that sees the raw exception).</summary>
    public static ProviderConstraintError? ReadConstraintError(Exception exception) =>
        SqliteErrors.Read(exception) ?? PostgresErrors.Read(exception);

    private sealed class NoProviderErrors : IProviderErrorReader
    {
        public static readonly NoProviderErrors Instance = new();

        public ProviderConstraintError? Read(Exception providerException) => null;

        public bool IsStorageUnwritable(Exception exception) => false;
    }
}
