using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Configurations;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>The constraint a provider reported, in provider-neutral terms.</summary>
public enum ConstraintFailure
{
    Unknown,
    Unique,
    ForeignKey,
    Check,
    NotNull,
}

/// <summary>
/// What a provider's error says: which constraint failed, and on which table/columns or check name if it says.
/// SQLite names a unique key's columns; PostgreSQL names the constraint (<paramref name="ConstraintName"/>, the index's
/// name), whose columns the translator reads from the EF model.
/// </summary>
public sealed record ProviderConstraintError(ConstraintFailure Failure, string? Table, IReadOnlyList<string> Columns, string? CheckName, string? ConstraintName = null);

/// <summary>Reads a provider's exception; one implementation per database provider (see <c>Sqlite/</c> and <c>Postgres/</c>).</summary>
public interface IProviderErrorReader
{
    ProviderConstraintError? Read(Exception providerException);

    /// <summary>
    /// True when the exception (or one it wraps) says the database cannot be written at all — read-only, or its disk
    /// full — rather than that this write broke a rule: the installation then goes read-only (<see cref="DatabaseWriteState"/>).
    /// </summary>
    bool IsStorageUnwritable(Exception exception);
}

/// <summary>
/// Turns a <see cref="DbUpdateException"/> into a <see cref="DataWriteException"/> with a domain message:
/// the provider-specific part (reading the error code) is behind <see cref="IProviderErrorReader"/>;
/// naming the entity, field and value comes from the EF model and the failed entries.
/// </summary>
public static partial class DataErrorTranslator
{
    public static DataWriteException Translate(DbUpdateException exception, IProviderErrorReader reader, IModel model)
    {
        if (reader.IsStorageUnwritable(exception))
            return new DatabaseReadOnlyException(exception);

        if (exception is DbUpdateConcurrencyException)
        {
            var entity = exception.Entries.Count > 0 ? Describe(exception.Entries[0].Metadata) : "record";
            return new ConcurrencyConflictException(
                $"This {entity} was changed by someone else since you opened it. Reload it to see their change, then apply yours again.", exception);
        }

        var error = exception.InnerException is null ? null : reader.Read(exception.InnerException);
        var entry = exception.Entries.Count > 0 ? exception.Entries[0] : null;
        switch (error?.Failure)
        {
            case ConstraintFailure.Unique:
            {
                var entityType = FindEntityType(model, error.Table) ?? entry?.Metadata;
                var entityName = entityType is null ? "record" : Describe(entityType);
                // A natural-key column (CodeKey, EmployeeNumberKey) is named by the field it normalises, with the value as typed.
                var properties = entityType is null ? [] : ColumnsOf(error, entityType).Select(c => FindProperty(entityType, c)).OfType<IProperty>().Select(p => KeySource(entityType, p)).ToList();
                var field = properties.Count == 0 ? "key" : string.Join(" and ", properties.Select(p => Words(p.Name)));
                var failed = entry is not null && entityType is not null && entry.Metadata == entityType
                    ? entry
                    : exception.Entries.FirstOrDefault(e => e.Metadata == entityType);
                // Foreign-key parts of a composite unique key are not what the user typed; name the others' values.
                var shown = properties.Where(p => !p.IsForeignKey()).ToList();
                var value = failed is null || shown.Count == 0
                    ? null
                    : string.Join(", ", shown.Select(p => Convert.ToString(failed.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
                return new DuplicateValueException(entityName, field, value, exception);
            }
            case ConstraintFailure.ForeignKey:
            {
                var entityName = entry is null ? "record" : Describe(entry.Metadata);
                return entry?.State == EntityState.Deleted
                    ? new ReferenceConstraintException($"This {entityName} cannot be deleted because other records still refer to it.", exception)
                    : new ReferenceConstraintException($"This {entityName} refers to a record that does not exist (it may just have been deleted).", exception);
            }
            case ConstraintFailure.Check:
            {
                var check = error.CheckName is null ? null : DataChecks.Find(error.CheckName);
                return check is null
                    ? new CheckConstraintException(error.CheckName ?? "", "A value is outside its allowed range.", exception)
                    : new CheckConstraintException(check.Name, check.Message, exception);
            }
            case ConstraintFailure.NotNull:
            {
                var entityType = FindEntityType(model, error.Table) ?? entry?.Metadata;
                var property = entityType is null || error.Columns.Count == 0 ? null : FindProperty(entityType, error.Columns[0]);
                return new MissingValueException(entityType is null ? "record" : Describe(entityType), property is null ? "value" : Words(property.Name), exception);
            }
            default:
                return new ReferenceConstraintException("The change could not be saved because it conflicts with stored data.", exception);
        }
    }

    /// <summary>The columns the provider named, else those of the unique index or key it named.</summary>
    private static IReadOnlyList<string> ColumnsOf(ProviderConstraintError error, IEntityType entityType)
    {
        if (error.Columns.Count > 0 || error.ConstraintName is null)
            return error.Columns;
        var properties = entityType.GetIndexes().FirstOrDefault(i => string.Equals(i.GetDatabaseName(), error.ConstraintName, StringComparison.Ordinal))?.Properties
            ?? entityType.GetKeys().FirstOrDefault(k => string.Equals(k.GetName(), error.ConstraintName, StringComparison.Ordinal))?.Properties;
        return properties is null ? [] : [.. properties.Select(p => p.GetColumnName())];
    }

    private static IEntityType? FindEntityType(IModel model, string? table) =>
        table is null ? null : model.GetEntityTypes().FirstOrDefault(t => string.Equals(t.GetTableName(), table, StringComparison.OrdinalIgnoreCase) && !t.IsOwned());

    private static IProperty? FindProperty(IEntityType entityType, string column) =>
        entityType.GetProperties().FirstOrDefault(p => string.Equals(p.GetColumnName(), column, StringComparison.OrdinalIgnoreCase));

    private static IProperty KeySource(IEntityType entityType, IProperty property) =>
        property.Name.EndsWith("Key", StringComparison.Ordinal) && entityType.FindProperty(property.Name[..^3]) is { } source ? source : property;

    private static string Describe(IReadOnlyTypeBase entityType) => Words(entityType.ClrType.Name);

    /// <summary>"EmployeeNumber" → "employee number".</summary>
    internal static string Words(string pascal) => PascalBoundary().Replace(pascal, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex PascalBoundary();

    internal static string Describe(EntityEntry entry) => Describe(entry.Metadata);
}
