using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Sqlite;

/// <summary>Reads SQLite's constraint errors (extended result codes and their message text).</summary>
public sealed partial class SqliteErrorReader : IProviderErrorReader
{
    // Extended result codes of SQLITE_CONSTRAINT (19); https://sqlite.org/rescode.html
    private const int ConstraintCheck = 275;
    private const int ConstraintForeignKey = 787;
    private const int ConstraintNotNull = 1299;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    // Primary result codes: SQLITE_READONLY (a read-only file, folder or connection) and SQLITE_FULL (the disk, or
    // max_page_count). https://sqlite.org/rescode.html
    private const int ReadOnly = 8;
    private const int Full = 13;

    public bool IsStorageUnwritable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: ReadOnly or Full })
                return true;
        }
        return false;
    }

    public ProviderConstraintError? Read(Exception providerException)
    {
        if (providerException is not SqliteException { SqliteErrorCode: 19 } sqlite)
            return null;

        // The extended code is not always set (e.g. a foreign key checked at the end of a statement), so the
        // message, whose wording SQLite keeps stable, is the fallback.
        var message = sqlite.Message;
        return sqlite.SqliteExtendedErrorCode switch
        {
            ConstraintUnique or ConstraintPrimaryKey => ColumnsError(ConstraintFailure.Unique, message),
            ConstraintNotNull => ColumnsError(ConstraintFailure.NotNull, message),
            ConstraintForeignKey => new ProviderConstraintError(ConstraintFailure.ForeignKey, null, [], null),
            ConstraintCheck => CheckError(message),
            _ when message.Contains("UNIQUE constraint failed", StringComparison.Ordinal) => ColumnsError(ConstraintFailure.Unique, message),
            _ when message.Contains("NOT NULL constraint failed", StringComparison.Ordinal) => ColumnsError(ConstraintFailure.NotNull, message),
            _ when message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal) => new ProviderConstraintError(ConstraintFailure.ForeignKey, null, [], null),
            _ when message.Contains("CHECK constraint failed", StringComparison.Ordinal) => CheckError(message),
            _ => new ProviderConstraintError(ConstraintFailure.Unknown, null, [], null),
        };
    }

    private static ProviderConstraintError CheckError(string message) =>
        new(ConstraintFailure.Check, null, [], CheckName().Match(message) is { Success: true } m ? m.Groups[1].Value : null);

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
