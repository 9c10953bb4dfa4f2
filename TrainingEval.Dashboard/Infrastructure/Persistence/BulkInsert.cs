using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>
/// Inserts many rows of one entity type with a single prepared INSERT, built from the EF model (table,
/// columns, the provider's quoting and value conversions), inside the context's current transaction.
/// For loads where nothing needs the generated keys back (the demo's weekly records) it is an order of
/// magnitude faster than change tracking. The statement is plain INSERT, so it works on any provider.
/// Bypasses the audit trail and the concurrency-token logic: only for bulk loads that own their audit line.
/// </summary>
public static class BulkInsert
{
    /// <summary>How often <c>written</c> is told the count (rows).</summary>
    public const int ReportEvery = 10_000;

    /// <param name="withKeys">Insert the rows' own key values instead of letting the database generate them.</param>
    public static Task InsertAsync<T>(TrainingDbContext db, IReadOnlyList<T> rows, bool withKeys, CancellationToken cancellationToken = default) where T : class =>
        InsertAsync(db, rows, withKeys, written: null, cancellationToken);

    /// <inheritdoc cref="InsertAsync{T}(TrainingDbContext, IReadOnlyList{T}, bool, CancellationToken)"/>
    /// <param name="written">Told how many rows are written so far, every <see cref="ReportEvery"/> rows and at the end.</param>
    public static async Task InsertAsync<T>(TrainingDbContext db, IReadOnlyList<T> rows, bool withKeys, Action<int>? written, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Bulk inserts run inside a transaction so a failure leaves nothing half-written.");

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties()
            .Where(p => withKeys || !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = properties.Select((_, i) => sql.GenerateParameterName("p" + i)).ToArray();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();

        var connection = db.Database.GetDbConnection();
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction.GetDbTransaction();
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", names)})";

        // The type mappings build the parameters once (DbType, size, null handling); each row then only sets the values,
        // converted as the mapping would (enums to numbers, JSON collections to text), and reruns the prepared statement.
        var converters = mappings.Select(m => m.Converter).ToArray();
        for (var i = 0; i < properties.Length; i++)
            command.Parameters.Add(mappings[i].CreateParameter(command, names[i], getters[i].GetClrValue(rows[0]), properties[i].IsNullable));
        await command.PrepareAsync(cancellationToken);
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0)
            {
                for (var i = 0; i < properties.Length; i++)
                {
                    var value = getters[i].GetClrValue(rows[r]);
                    command.Parameters[i].Value = (value is null ? null : converters[i] is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                }
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (written is not null && (r + 1) % ReportEvery == 0)
                written(r + 1);
        }
        written?.Invoke(rows.Count);
        if (withKeys)
            await AdvanceIdentityAsync(db, entityType, table, command.Transaction, cancellationToken);
    }

    /// <summary>
    /// After rows were written with their own keys: on PostgreSQL an identity column's sequence does not see them, so the
    /// next row EF adds would be given a key already taken. Moves the sequence past the highest key. (SQLite's
    /// AUTOINCREMENT-less integer keys take MAX + 1 by themselves.)
    /// </summary>
    private static async Task AdvanceIdentityAsync(TrainingDbContext db, IEntityType entityType, StoreObjectIdentifier table, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || entityType.FindPrimaryKey()?.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } key]
            || key.ClrType != typeof(int) && key.ClrType != typeof(long))
            return;
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var column = key.GetColumnName(table)!;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        // Names from the EF model, never from data; pg_get_serial_sequence takes the table as SQL text and the column as written.
        command.CommandText = $"SELECT setval(pg_get_serial_sequence('{tableName}', '{column}'), MAX({sql.DelimitIdentifier(column)})) FROM {tableName}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
