using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace TrainingEval.Dashboard.Data.Sqlite;

/// <summary>Reads SQLite's constraint errors (extended result codes and their message text).</summary>
public sealed partial class SqliteErrorReader : IProviderErrorReader
{
    // Extended result codes of SQLITE_CONSTRAINT (19); https://sqlite.org/rescode.html
    private const int ConstraintCheck = 275;
    private const int ConstraintForeignKey = 787;
    private const int ConstraintNotNull = 1299;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    public ProviderConstraintError? Read(Exception providerException)
    {
        if (providerException is not SqliteException { SqliteErrorCode: 19 } sqlite)
            return null;

        return sqlite.SqliteExtendedErrorCode switch
        {
            ConstraintUnique or ConstraintPrimaryKey => ColumnsError(ConstraintFailure.Unique, sqlite.Message),
            ConstraintNotNull => ColumnsError(ConstraintFailure.NotNull, sqlite.Message),
            ConstraintForeignKey => new ProviderConstraintError(ConstraintFailure.ForeignKey, null, [], null),
            ConstraintCheck => new ProviderConstraintError(ConstraintFailure.Check, null, [], CheckName().Match(sqlite.Message) is { Success: true } m ? m.Groups[1].Value : null),
            _ => new ProviderConstraintError(ConstraintFailure.Unknown, null, [], null),
        };
    }

    /// <summary>"UNIQUE constraint failed: Learners.EmployeeNumber, …" → table and columns.</summary>
    private static ProviderConstraintError ColumnsError(ConstraintFailure failure, string message)
    {
        var match = FailedColumns().Match(message);
        if (!match.Success)
            return new ProviderConstraintError(failure, null, [], null);
        var parts = match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('.', 2))
            .Where(p => p.Length == 2)
            .ToList();
        return new ProviderConstraintError(failure, parts.FirstOrDefault()?[0], parts.Select(p => p[1]).ToList(), null);
    }

    [GeneratedRegex(@"constraint failed: ([^']+)")]
    private static partial Regex FailedColumns();

    [GeneratedRegex(@"CHECK constraint failed: (\w+)")]
    private static partial Regex CheckName();
}
