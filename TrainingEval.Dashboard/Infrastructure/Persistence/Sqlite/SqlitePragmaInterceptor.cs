using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Sets the connection's pragmas each time EF opens it: WAL so readers never block the writer, a busy
/// timeout so a second writer waits instead of failing at once, and foreign keys on (also in the
/// connection string; repeated here because a pooled connection may have been opened elsewhere).
/// </summary>
public sealed class SqlitePragmaInterceptor(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly string _pragmas = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA journal_mode = WAL; PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    /// <summary>For connections opened outside EF (tests, tools): the same pragmas.</summary>
    public static void ApplyTo(DbConnection connection, int busyTimeoutMilliseconds = 5000) =>
        new SqlitePragmaInterceptor(busyTimeoutMilliseconds).Apply(connection);
}
