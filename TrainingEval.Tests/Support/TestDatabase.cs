using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Tests.Support;

/// <summary>
/// A real SQLite database in memory, migrated with the committed migrations, behind an
/// <see cref="IDbContextFactory{TContext}"/> like the app's. Migrating once per test run and copying
/// the result with SQLite's backup API keeps each test's database fresh and cheap.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly Lazy<Task<SqliteConnection>> Template = new(CreateTemplateAsync);

    private readonly SqliteConnection _connection;

    private TestDatabase(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        Clock = clock;
        Factory = new ConnectionFactory(connection, clock);
    }

    public IDbContextFactory<TrainingDbContext> Factory { get; }

    public TimeProvider Clock { get; }

    public static async Task<TestDatabase> CreateAsync(TimeProvider? clock = null)
    {
        var template = await Template.Value;
        var connection = new SqliteConnection(DatabaseProviderSetup.SqliteConnectionString(":memory:"));
        await connection.OpenAsync();
        lock (template)
            template.BackupDatabase(connection);
        return new TestDatabase(connection, clock ?? TimeProvider.System);
    }

    public TrainingDbContext CreateContext() => Factory.CreateDbContext();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static async Task<SqliteConnection> CreateTemplateAsync()
    {
        var connection = new SqliteConnection(DatabaseProviderSetup.SqliteConnectionString(":memory:"));
        await connection.OpenAsync();
        await using var db = new ConnectionFactory(connection, TimeProvider.System).CreateDbContext();
        await db.Database.MigrateAsync();
        return connection;
    }

    private sealed class ConnectionFactory(SqliteConnection connection, TimeProvider clock) : IDbContextFactory<TrainingDbContext>
    {
        private readonly DbContextOptions<TrainingDbContext> _options = new DbContextOptionsBuilder<TrainingDbContext>()
            .UseSqlite(connection)
            .Options;

        public TrainingDbContext CreateDbContext() => new(_options) { Clock = clock };
    }
}
