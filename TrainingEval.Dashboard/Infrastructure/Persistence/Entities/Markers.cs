namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>
/// An entity edited in place whose edits must not silently overwrite each other: <see cref="Revision"/>
/// is a concurrency token that <see cref="TrainingDbContext"/> increments on every update (SQLite has no
/// rowversion), so an update based on a stale revision fails and the second writer is told.
/// </summary>
public interface IConcurrencyVersioned
{
    int Revision { get; set; }
}

/// <summary>Every insert, update and delete of this entity is written to the audit trail.</summary>
public interface IAudited;

/// <summary>Rows are history: inserted once, never updated or deleted by the application.</summary>
public interface IAppendOnly;
