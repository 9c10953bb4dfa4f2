using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Tests.Support;

/// <summary>
/// Base of the tests of one migration on a database that predates it: an empty SQLite database in memory, open for the
/// whole test, which the test migrates to the migration before, fills as the older version left it, then migrates on.
/// (Not <see cref="TestDatabase"/>: that one starts fully migrated.)
/// </summary>
public abstract class SqliteMigrationTest : IAsyncLifetime
{
    private SqliteConnection _connection = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _connection = new SqliteConnection(DatabaseProviderSetup.SqliteConnectionString(":memory:"));
        await _connection.OpenAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A context on the test's database; the memory database lives as long as the test's connection.</summary>
    protected TrainingDbContext Context() =>
        new(new DbContextOptionsBuilder<TrainingDbContext>().UseSqlite(_connection).Options, new CurrentActor(), TimeProvider.System);
}
