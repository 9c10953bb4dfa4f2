using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>The background jobs that several instances over one PostgreSQL database must not run at the same time.</summary>
public enum SharedJob
{
    /// <summary>The weekly learning health snapshots, their alerts and the mentors' digests (<c>HealthSnapshotJob</c>).</summary>
    HealthSnapshots = 2,

    /// <summary>A round of the outbox sender: due report subscriptions written, due messages claimed and sent.</summary>
    OutboxRound = 3,
}

/// <summary>
/// Lets one instance at a time run a <see cref="SharedJob"/>: on PostgreSQL a session-level advisory try-lock on a
/// connection of its own (<c>pg_try_advisory_lock</c>, the key "TREVAL" + the job's number, beside the
/// <see cref="Postgres.StartupLock"/>), so a second instance skips the run instead of waiting or repeating it; released
/// when the holder is disposed, or by PostgreSQL when the holder's process dies. On SQLite one file has one dashboard:
/// the lock is always free and holds nothing. The unique keys behind each job (snapshot per learner and week, digest
/// per mentor and week, outbox dedupe key) still make a repeated run a no-op; the lock spares the work and the races.
/// </summary>
public sealed class JobLock(IDbContextFactory<TrainingDbContext> factory)
{
    private const long KeyBase = 0x5452_4556_414C_0000;

    /// <summary>Held: run the job, then dispose. Null: another instance is running it now; skip this period.</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(SharedJob job, CancellationToken cancellationToken = default)
    {
        string? connectionString;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            connectionString = db.Database.IsNpgsql() ? db.Database.GetConnectionString() : null;
        if (connectionString is null)
            return Held.Nothing;
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", KeyBase + (long)job);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                return new Held(connection, KeyBase + (long)job);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private sealed class Held(NpgsqlConnection? connection, long key) : IAsyncDisposable
    {
        public static readonly Held Nothing = new(null, 0);

        public async ValueTask DisposeAsync()
        {
            if (connection is null)
                return;
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing ends the session's hold in any case (the pool resets a returned connection).
                await connection.DisposeAsync();
            }
        }
    }
}
