using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Postgres;

/// <summary>
/// Held while an instance prepares the database at start-up (migrations, then "is it empty? then seed the demo"), so
/// that instances starting together over one PostgreSQL database migrate and seed once: the others wait, then find
/// nothing pending and the demo there. A session-level advisory lock on a connection of its own: one SQL call each way,
/// released by PostgreSQL itself if the process dies (the session ends), and independent of the transactions EF opens
/// while migrating. (DistributedLock.Postgres wraps the same call; a dependency for two statements is not worth it.)
/// On SQLite, one file has one dashboard, so there is nothing to hold.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key, fixed for every TrainingEval instance ("TREVAL" + 1).</summary>
    public const long Key = 0x5452_4556_414C_0001;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    /// <summary>Waits for the lock (PostgreSQL) or returns at once (SQLite). Creates the database first when it does not exist yet, as migrating would.</summary>
    public static async Task<StartupLock> AcquireAsync(TrainingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
            return new StartupLock(null);
        var connection = await OpenAsync(db, cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(TrainingDbContext db, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString();
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
        }
        try
        {
            await db.Database.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it a moment ago.
        }
        connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
            return;
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            // Closing ends the session's hold in any case (a pooled connection is reset when it returns to the pool).
            await _connection.DisposeAsync();
        }
    }
}
