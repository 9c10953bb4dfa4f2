using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Sqlite;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>
/// Everything provider-specific lives here and in <c>Sqlite/</c>: the connection, its pragmas and how
/// its errors read. Queries and services use plain LINQ, so adding PostgreSQL is a new case here plus
/// its own migrations.
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
                if (writeState is not null)
                    builder.AddInterceptors(new DatabaseWriteStateInterceptor(writeState));
                break;
            default:
                throw new InvalidOperationException($"Database provider '{options.Provider}' is not supported; use {DatabaseProvider.Sqlite}.");
        }
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
    /// already has, which a read-only file or connection refuses. (A full disk may still accept it; the next real write
    /// then starts read-only mode again.)
    /// </summary>
    public static async Task ProbeWriteAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!database.IsSqlite())
            throw new InvalidOperationException("Only SQLite is supported.");
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

    public static IProviderErrorReader ErrorReaderFor(DatabaseFacade database) =>
        database.IsSqlite() ? new SqliteErrorReader() : NoProviderErrors.Instance;

    public static IProviderErrorReader ErrorReaderFor(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? new SqliteErrorReader() : NoProviderErrors.Instance;

    private sealed class NoProviderErrors : IProviderErrorReader
    {
        public static readonly NoProviderErrors Instance = new();

        public ProviderConstraintError? Read(Exception providerException) => null;

        public bool IsStorageUnwritable(Exception exception) => false;
    }
}
