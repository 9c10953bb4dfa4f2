namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>
/// A write the data layer refused, with a message fit for a user. The UI shows <see cref="Exception.Message"/>
/// (or localises by the concrete type); raw provider exceptions never reach it. Nothing of the refused
/// write was saved.
/// </summary>
public abstract class DataWriteException : Exception
{
    protected DataWriteException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A value that must be unique is already used, e.g. an employee number.</summary>
public sealed class DuplicateValueException(string entity, string field, string? value, Exception? inner = null)
    : DataWriteException(value is null
        ? $"Another {entity} already has this {field}."
        : $"Another {entity} already has the {field} '{value}'.", inner)
{
    public string Entity { get; } = entity;
    public string Field { get; } = field;
    public string? Value { get; } = value;
}

/// <summary>A record refers to one that does not exist, or a record still referred to was to be deleted.</summary>
public sealed class ReferenceConstraintException(string message, Exception? inner = null) : DataWriteException(message, inner);

/// <summary>A value breaks a CHECK rule of the schema (the message is the rule's own).</summary>
public sealed class CheckConstraintException(string checkName, string message, Exception? inner = null) : DataWriteException(message, inner)
{
    public string CheckName { get; } = checkName;
}

/// <summary>A required value is missing.</summary>
public sealed class MissingValueException(string entity, string field, Exception? inner = null)
    : DataWriteException($"The {field} of a {entity} is required.", inner)
{
    public string Entity { get; } = entity;
    public string Field { get; } = field;
}

/// <summary>Someone else changed the same record since it was read; the caller should reload and retry.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : DataWriteException(message, inner);

/// <summary>Input refused before anything was written; one message per problem.</summary>
public sealed class DataValidationException(IReadOnlyList<string> errors)
    : DataWriteException(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;

    public DataValidationException(string error) : this([error]) { }
}

/// <summary>A record that was asked for by id does not exist (any more).</summary>
public sealed class RecordNotFoundException(string entity, object key)
    : DataWriteException($"The {entity} {key} does not exist.")
{
    public string Entity { get; } = entity;
}

/// <summary>
/// The database refused the write because it cannot be written at all (read-only, or its disk is full): nothing was
/// saved, reading keeps working, and the installation is in read-only mode until a write works again (issue 19 item 10).
/// </summary>
public sealed class DatabaseReadOnlyException(Exception? inner = null)
    : DataWriteException("Nothing was saved: the database cannot be written right now (it is read-only or its disk is full). " +
        "Everything can still be read; try again once the storage is fixed.", inner);

/// <summary>
/// The database cannot be opened for writing at start-up (a read-only file or folder, a full disk, a path that cannot
/// exist). The product writes from its first moment (migrations, recomputing what a stopped write left, the audit trail),
/// so it does not start; the message says what is wrong and what to change (issue 19 item 10).
/// </summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
