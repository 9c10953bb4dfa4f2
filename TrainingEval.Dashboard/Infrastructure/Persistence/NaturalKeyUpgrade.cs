using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>Records that become one identity under spec section 9's matching: the same code in another letter case or with spaces around it.</summary>
public sealed record CaseDuplicate(string Table, string Field, string Key, IReadOnlyList<(int Id, string Written)> Records);

/// <summary>
/// The database holds records that spec section 9 says are the same (e.g. learners <c>HX0001</c> and <c>hx0001</c>),
/// so the natural-key migration cannot give each a unique key. Nothing is merged silently: the app refuses to start
/// and names them, so an administrator can rename or merge them and start again.
/// </summary>
public sealed class CaseDuplicatesException(IReadOnlyList<CaseDuplicate> duplicates) : Exception(Describe(duplicates))
{
    public IReadOnlyList<CaseDuplicate> Duplicates { get; } = duplicates;

    private static string Describe(IReadOnlyList<CaseDuplicate> duplicates)
    {
        var text = new StringBuilder();
        text.Append("TrainingEval cannot upgrade the database: codes and employee numbers now match ignoring letter case and surrounding spaces ")
            .Append("(evaluation model, section 9), and these records would be the same one. Nothing was changed; rename or merge them, then start again.");
        foreach (var d in duplicates)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}- {d.Table}.{d.Field} {d.Key}: ")
                .AppendJoin(", ", d.Records.Select(r => string.Create(CultureInfo.InvariantCulture, $"'{r.Written}' (Id {r.Id})")));
        }
        return text.ToString();
    }
}

/// <summary>
/// Guards and completes the migration that gives codes and employee numbers their natural keys
/// (<c>NaturalKeys</c>, <see cref="NaturalKey"/>). Before it runs: reads the codes as stored and refuses, naming
/// them, when two would share a key. The migration itself fills the keys in SQL (<c>UPPER(TRIM(x))</c>, portable);
/// SQL's UPPER folds only ASCII letters on SQLite, so after it runs every key is recomputed with .NET's rule.
/// </summary>
public static class NaturalKeyUpgrade
{
    /// <summary>The migration that adds the key columns and their unique indexes.</summary>
    public const string MigrationName = "NaturalKeys";

    /// <summary>Each table with a code matched by key: table, column as written, key column, and the column a key is unique within (if any).</summary>
    private static readonly (string Table, string Column, string KeyColumn, string? Scope)[] Codes =
    [
        ("Programs", "Code", "CodeKey", null),
        ("Cohorts", "Code", "CodeKey", null),
        ("Learners", "EmployeeNumber", "EmployeeNumberKey", null),
        ("Mentors", "EmployeeNumber", "EmployeeNumberKey", null),
        ("Kpis", "Code", "CodeKey", "ProgramId"),
    ];

    public static async Task<bool> IsPendingAsync(TrainingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        // A new database (nothing applied) has no rows to check.
        return applied.Any() && pending.Any(m => m.EndsWith("_" + MigrationName, StringComparison.Ordinal));
    }

    /// <summary>The records that would share a key, read from the tables as they are before the migration.</summary>
    public static async Task<IReadOnlyList<CaseDuplicate>> FindDuplicatesAsync(TrainingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = new List<CaseDuplicate>();
        foreach (var (table, column, _, scope) in Codes)
        {
            // Identifiers come from the list above, never from data.
            var sql = $"SELECT \"Id\", \"{column}\" AS \"Written\", {(scope is null ? "0" : $"\"{scope}\"")} AS \"Scope\" FROM \"{table}\"";
            var rows = await db.Database.SqlQueryRaw<CodeRow>(sql).ToListAsync(cancellationToken);
            foreach (var group in rows.GroupBy(r => (r.Scope, Key: NaturalKey.Of(r.Written))).Where(g => g.Count() > 1))
                found.Add(new CaseDuplicate(table, column, group.Key.Key, [.. group.OrderBy(r => r.Id).Select(r => (r.Id, r.Written))]));
        }
        return found;
    }

    /// <summary>Sets every key to .NET's <see cref="NaturalKey.Of"/> where the migration's SQL folded it differently (non-ASCII letters, tabs).</summary>
    /// <returns>How many keys were corrected.</returns>
    public static async Task<int> RecomputeKeysAsync(TrainingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var corrected = 0;
        foreach (var (table, column, keyColumn, _) in Codes)
        {
            // Identifiers come from the list above, never from data; the values are parameters.
            var select = $"SELECT \"Id\", \"{column}\" AS \"Written\", \"{keyColumn}\" AS \"Key\" FROM \"{table}\"";
            var update = $"UPDATE \"{table}\" SET \"{keyColumn}\" = {{0}} WHERE \"Id\" = {{1}}";
            var rows = await db.Database.SqlQueryRaw<KeyRow>(select).ToListAsync(cancellationToken);
            foreach (var row in rows.Where(r => r.Key != NaturalKey.Of(r.Written)))
                corrected += await db.Database.ExecuteSqlRawAsync(update, [NaturalKey.Of(row.Written), row.Id], cancellationToken);
        }
        return corrected;
    }

    private sealed record CodeRow(int Id, string Written, int Scope);

    private sealed record KeyRow(int Id, string Written, string Key);
}
