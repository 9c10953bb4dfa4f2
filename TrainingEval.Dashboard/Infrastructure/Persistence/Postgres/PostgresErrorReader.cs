using Npgsql;

namespace TrainingEval.Dashboard.Infrastructure.Persistence.Postgres;

/// <summary>
/// Reads PostgreSQL's constraint errors from their SQLSTATE and the fields <see cref="PostgresException"/> carries
/// (table, column, constraint name). Unlike SQLite, PostgreSQL names the violated unique index rather than its columns;
/// <see cref="DataErrorTranslator"/> finds the columns in the EF model by that name.
/// </summary>
public sealed class PostgresErrorReader : IProviderErrorReader
{
    // https://www.postgresql.org/docs/current/errcodes-appendix.html
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";
    private const string CheckViolation = "23514";
    private const string NotNullViolation = "23502";
    private const string ReadOnlyTransaction = "25006";
    private const string DiskFull = "53100";

    public ProviderConstraintError? Read(Exception providerException)
    {
        if (providerException is not PostgresException postgres)
            return null;
        return postgres.SqlState switch
        {
            UniqueViolation => new ProviderConstraintError(ConstraintFailure.Unique, postgres.TableName, [], null, postgres.ConstraintName),
            ForeignKeyViolation => new ProviderConstraintError(ConstraintFailure.ForeignKey, postgres.TableName, [], null, postgres.ConstraintName),
            CheckViolation => new ProviderConstraintError(ConstraintFailure.Check, postgres.TableName, [], postgres.ConstraintName, postgres.ConstraintName),
            NotNullViolation => new ProviderConstraintError(ConstraintFailure.NotNull, postgres.TableName, postgres.ColumnName is null ? [] : [postgres.ColumnName], null),
            _ when postgres.SqlState.StartsWith("23", StringComparison.Ordinal) => new ProviderConstraintError(ConstraintFailure.Unknown, postgres.TableName, [], null, postgres.ConstraintName),
            _ => null,
        };
    }

    /// <summary>
    /// A read-only server (a hot standby, <c>default_transaction_read_only</c>) or a full disk: the installation goes
    /// read-only, as with SQLite's read-only file or full disk.
    /// </summary>
    public bool IsStorageUnwritable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: ReadOnlyTransaction or DiskFull })
                return true;
        }
        return false;
    }
}
