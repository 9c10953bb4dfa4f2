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
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string baseFolder)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var path = SqliteFilePath(options, baseFolder);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                builder.UseSqlite(SqliteConnectionString(path), o => o.MigrationsAssembly(typeof(TrainingDbContext).Assembly.GetName().Name))
                    .AddInterceptors(new SqlitePragmaInterceptor(options.BusyTimeoutMilliseconds));
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

    public static IProviderErrorReader ErrorReaderFor(DatabaseFacade database) =>
        database.IsSqlite() ? new SqliteErrorReader() : NoProviderErrors.Instance;

    private sealed class NoProviderErrors : IProviderErrorReader
    {
        public static readonly NoProviderErrors Instance = new();

        public ProviderConstraintError? Read(Exception providerException) => null;
    }
}
