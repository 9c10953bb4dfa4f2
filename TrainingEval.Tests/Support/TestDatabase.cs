using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Tests.Support;

/// <summary>
/// A real SQLite database in memory, migrated with the committed migrations, behind an
/// <see cref="IDbContextFactory{TContext}"/> like the app's. Migrating once per test run and copying
/// the result with SQLite's backup API keeps each test's database fresh and cheap.
/// </summary>
/// <remarks>
/// Its contexts audit with <see cref="Clock"/> and the production <see cref="CurrentActor"/> (<see cref="Actor"/>): with
/// no circuit and no request that is the system, unless a test scopes someone (<c>using (database.Actor.As("hr.li"))</c>).
/// Services wired by hand for a signed-in user take <see cref="FactoryFor"/> instead, as the app's factory would name
/// the circuit's user.
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly Lazy<Task<SqliteConnection>> Template = new(CreateTemplateAsync);

    private readonly SqliteConnection _connection;

    private TestDatabase(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        Clock = clock;
        Factory = new ConnectionFactory(connection, Actor, clock);
    }

    public IDbContextFactory<TrainingDbContext> Factory { get; }

    public TimeProvider Clock { get; }

    /// <summary>The actor of <see cref="Factory"/>'s contexts, as the app has one.</summary>
    public CurrentActor Actor { get; } = new();

    /// <summary>Contexts that audit as whoever <paramref name="user"/> is at the time of each save.</summary>
    public IDbContextFactory<TrainingDbContext> FactoryFor(ICurrentUser user) => new ConnectionFactory(_connection, new SignedInActor(user), Clock);

    /// <inheritdoc cref="FactoryFor(ICurrentUser)"/>
    public IDbContextFactory<TrainingDbContext> FactoryFor(UserContext user) => FactoryFor(new FixedCurrentUser(user));

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
        await using var db = new ConnectionFactory(connection, new CurrentActor(), TimeProvider.System).CreateDbContext();
        await db.Database.MigrateAsync();
        return connection;
    }

    private sealed class ConnectionFactory(SqliteConnection connection, ICurrentActor actor, TimeProvider clock) : IDbContextFactory<TrainingDbContext>
    {
        private readonly DbContextOptions<TrainingDbContext> _options = new DbContextOptionsBuilder<TrainingDbContext>()
            .UseSqlite(connection)
            .Options;

        public TrainingDbContext CreateDbContext() => new(_options, actor, clock);
    }

    /// <summary>The name of the user a test signs in, asked at each save like the app asks the circuit's user.</summary>
    private sealed class SignedInActor(ICurrentUser user) : ICurrentActor
    {
        public async ValueTask<string> GetNameAsync() => (await user.GetAsync()).Name;
    }
}
