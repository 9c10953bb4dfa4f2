using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Tests.Support;

/// <summary>
/// A real SQLite database in memory, migrated with the committed migrations, behind an
/// <see cref="IDbContextFactory{TContext}"/> like the app's. Migrating once per test run and copying
/// the result with SQLite's backup API keeps each test's database fresh and cheap. With
/// <see cref="DatabaseProvider.Postgres"/>: a fresh database on the test run's <see cref="PostgresServer"/>, a copy of
/// one migrated with the PostgreSQL migrations, with the app's PostgreSQL context type.
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

    private readonly Func<ICurrentActor, IDbContextFactory<TrainingDbContext>> _factoryFor;
    private readonly Func<ValueTask> _dispose;

    private TestDatabase(DatabaseProvider provider, Func<ICurrentActor, IDbContextFactory<TrainingDbContext>> factoryFor, Func<ValueTask> dispose, TimeProvider clock)
    {
        Provider = provider;
        _factoryFor = factoryFor;
        _dispose = dispose;
        Clock = clock;
        Factory = factoryFor(Actor);
    }

    public DatabaseProvider Provider { get; }

    public IDbContextFactory<TrainingDbContext> Factory { get; }

    public TimeProvider Clock { get; }

    /// <summary>The actor of <see cref="Factory"/>'s contexts, as the app has one.</summary>
    public CurrentActor Actor { get; } = new();

    /// <summary>Contexts that audit as whoever <paramref name="user"/> is at the time of each save.</summary>
    public IDbContextFactory<TrainingDbContext> FactoryFor(ICurrentUser user) => _factoryFor(new SignedInActor(user));

    /// <inheritdoc cref="FactoryFor(ICurrentUser)"/>
    public IDbContextFactory<TrainingDbContext> FactoryFor(UserContext user) => FactoryFor(new FixedCurrentUser(user));

    public static async Task<TestDatabase> CreateAsync(TimeProvider? clock = null)
    {
        var template = await Template.Value;
        var connection = new SqliteConnection(DatabaseProviderSetup.SqliteConnectionString(":memory:"));
        await connection.OpenAsync();
        lock (template)
            template.BackupDatabase(connection);
        clock ??= TimeProvider.System;
        return new TestDatabase(DatabaseProvider.Sqlite, actor => new ConnectionFactory(connection, actor, clock), connection.DisposeAsync, clock);
    }

    /// <summary>A fresh migrated database of <paramref name="provider"/>; PostgreSQL skips the test where it is not installed (fails it in CI).</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TimeProvider? clock = null)
    {
        if (provider == DatabaseProvider.Sqlite)
            return await CreateAsync(clock);
        var server = await PostgresServer.GetAsync();
        var name = await server.CreateDatabaseAsync();
        clock ??= TimeProvider.System;
        var options = PostgresOptions(server.ConnectionString(name));
        return new TestDatabase(DatabaseProvider.Postgres, actor => new ProviderFactory(DatabaseProvider.Postgres, options, actor, clock),
            async () => await server.DropDatabaseAsync(name), clock);
    }

    /// <summary>The app's options for a PostgreSQL database (provider, interceptors), as its factory builds them.</summary>
    public static DbContextOptions<TrainingDbContext> PostgresOptions(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<TrainingDbContext>();
        DatabaseProviderSetup.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, PostgresConnectionString = connectionString }, Path.GetTempPath());
        return builder.Options;
    }

    public TrainingDbContext CreateContext() => Factory.CreateDbContext();

    public ValueTask DisposeAsync() => _dispose();

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
            .AddInterceptors(TextSearchInterceptor.For(DatabaseProvider.Sqlite))
            .Options;

        public TrainingDbContext CreateDbContext() => new(_options, actor, clock);
    }

    private sealed class ProviderFactory(DatabaseProvider provider, DbContextOptions<TrainingDbContext> options, ICurrentActor actor, TimeProvider clock) : IDbContextFactory<TrainingDbContext>
    {
        public TrainingDbContext CreateDbContext() => DatabaseProviderSetup.CreateContext(provider, options, actor, clock);
    }

    /// <summary>The name of the user a test signs in, asked at each save like the app asks the circuit's user.</summary>
    private sealed class SignedInActor(ICurrentUser user) : ICurrentActor
    {
        public async ValueTask<string> GetNameAsync() => (await user.GetAsync()).Name;
    }
}
