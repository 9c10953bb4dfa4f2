using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>
/// Writes the audit trail of every save, so no service ever names an actor or a time: each line of a save
/// names the current actor (<see cref="ICurrentActor"/>: the signed-in user, an API key, or the system user
/// for background work) and the <see cref="TimeProvider"/>'s time at the start of the save. It also refuses
/// updates and deletes of append-only history and increments the concurrency token of
/// <see cref="IConcurrencyVersioned"/> rows.
/// <para>
/// Audit lines of added rows need the keys the database generates, so a save with audited changes is
/// two saves in one transaction: the rows, then their lines — written together or not at all. The
/// interceptor opens that transaction when the caller has none, commits it after the lines are saved and
/// rolls it back when either save fails.
/// </para>
/// </summary>
public sealed class AuditTrailInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>What one save under way needs to finish its audit.</summary>
    internal sealed class SaveInProgress(List<AuditTrailInterceptor.PendingAudit> pending, string actor, DateTime at, IDbContextTransaction? ownTransaction)
    {
        public List<PendingAudit> Pending { get; } = pending;
        public string Actor { get; } = actor;
        public DateTime At { get; } = at;
        public IDbContextTransaction? OwnTransaction { get; } = ownTransaction;

        /// <summary>True while the audit lines themselves are saved (that save is not audited again).</summary>
        public bool WritingLines { get; set; }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not TrainingDbContext db || db.AuditInProgress is { WritingLines: true })
            return result;
        if (db.ChangeTracker.AutoDetectChangesEnabled)
            db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        GuardAppendOnly(entries);
        BumpRevisions(entries);
        var pending = db.AuditingEnabled ? CaptureAudit(entries) : [];
        var added = entries.Where(e => e is { State: EntityState.Added, Entity: AuditEntry }).Select(e => (AuditEntry)e.Entity).ToList();
        if (pending.Count == 0 && added.Count == 0)
            return result;

        // One actor and one instant for every line of the save.
        var by = CurrentActor.Normalize(await actor.GetNameAsync());
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var line in added)
        {
            line.Actor = by;
            line.At = at;
        }
        if (pending.Count > 0)
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            db.AuditInProgress = new SaveInProgress(pending, by, at, own);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not TrainingDbContext { AuditInProgress: { WritingLines: false } save } db)
            return result;
        try
        {
            save.WritingLines = true;
            db.AuditTrail.AddRange(save.Pending.SelectMany(p => p.Complete(save.Actor, save.At)));
            await db.SaveChangesAsync(true, cancellationToken);
            if (save.OwnTransaction is not null)
                await save.OwnTransaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.AuditInProgress = null;
            if (save.OwnTransaction is not null)
                await save.OwnTransaction.DisposeAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // The rows' save failed (or the lines' save, which then reports its own failure first): nothing of it stays.
        if (eventData.Context is TrainingDbContext { AuditInProgress: { WritingLines: false } save } db)
        {
            db.AuditInProgress = null;
            if (save.OwnTransaction is not null)
                await save.OwnTransaction.DisposeAsync();
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is TrainingDbContext { AuditInProgress: { WritingLines: false } save } db)
        {
            db.AuditInProgress = null;
            if (save.OwnTransaction is not null)
                await save.OwnTransaction.DisposeAsync();
        }
    }

    // The synchronous path is the same work; the context's SaveChanges already runs the async one.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private static void GuardAppendOnly(List<EntityEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Entity is IAppendOnly && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new DataValidationException($"A {DataErrorTranslator.Words(entry.Metadata.ClrType.Name)} is history: it cannot be changed or deleted, only followed by a new one.");
        }
    }

    private static void BumpRevisions(List<EntityEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry is { State: EntityState.Modified, Entity: IConcurrencyVersioned versioned })
            {
                var original = (int)entry.Property(nameof(IConcurrencyVersioned.Revision)).OriginalValue!;
                versioned.Revision = original + 1;
            }
        }
    }

    private static List<PendingAudit> CaptureAudit(List<EntityEntry> entries)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in entries)
        {
            if (entry.Entity is not IAudited || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var lines = new List<(string? Property, string? Old, string? New)>();
            switch (entry.State)
            {
                case EntityState.Added:
                    lines.Add((null, null, Snapshot(entry, current: true)));
                    break;
                case EntityState.Deleted:
                    lines.Add((null, Snapshot(entry, current: false), null));
                    break;
                default:
                    foreach (var property in entry.Properties)
                    {
                        if (!property.IsModified || property.Metadata.Name == nameof(IConcurrencyVersioned.Revision))
                            continue;
                        var old = Format(property.OriginalValue);
                        var now = Format(property.CurrentValue);
                        if (old != now)
                            lines.Add((property.Metadata.Name, old, now));
                    }
                    break;
            }
            if (lines.Count > 0)
                pending.Add(new PendingAudit(entry, entry.State switch
                {
                    EntityState.Added => AuditAction.Added,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Modified,
                }, lines));
        }
        return pending;
    }

    private static string Snapshot(EntityEntry entry, bool current)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey())
                continue;
            values[property.Metadata.Name] = Format(current ? property.CurrentValue : property.OriginalValue);
        }
        return JsonSerializer.Serialize(values, AuditJson.Options);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        // ISO like the import files and the API: the invariant culture's default would be "03/20/2026".
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        System.Collections.IEnumerable items => JsonSerializer.Serialize(items, AuditJson.Options),
        _ => value.ToString(),
    };

    internal sealed record PendingAudit(EntityEntry Entry, AuditAction Action, List<(string? Property, string? Old, string? New)> Lines)
    {
        public IEnumerable<AuditEntry> Complete(string actor, DateTime at)
        {
            var key = string.Join(",", Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(Entry.Property(p.Name).CurrentValue)));
            return Lines.Select(l => new AuditEntry
            {
                At = at,
                Actor = actor,
                EntityType = Entry.Metadata.ClrType.Name,
                EntityKey = key,
                Action = Action,
                Property = l.Property,
                OldValue = l.Old,
                NewValue = l.New,
            });
        }
    }
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
