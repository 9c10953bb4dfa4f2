using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace TrainingEval.Dashboard.Infrastructure.Persistence;

/// <summary>
/// Whether the database can be written right now (issue 19 item 10). A write that fails because the database is
/// read-only or its disk is full puts the whole installation in read-only mode: pages keep reading and say so in a
/// banner, writes are refused with one clear message (API: 503 problem), sign-in still works. The next write that
/// succeeds, or <see cref="DatabaseWriteProbe"/> finding the database writable again, ends it.
/// </summary>
/// <remarks>
/// Learned from failures rather than checked before each write: a check would cost every write a round trip, and
/// the failure it predicts can start between the check and the write anyway.
/// </remarks>
public sealed partial class DatabaseWriteState(IProviderErrorReader reader, TimeProvider clock, ILogger<DatabaseWriteState> logger)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _since;

    /// <summary>True while the last write the database refused for storage reasons has not been followed by one that worked.</summary>
    public bool IsReadOnly
    {
        get
        {
            lock (_gate)
                return _since is not null;
        }
    }

    /// <summary>When read-only mode began; null while the database is writable.</summary>
    public DateTimeOffset? Since
    {
        get
        {
            lock (_gate)
                return _since;
        }
    }

    /// <summary>Raised (on the thread that saw the change) when read-only mode begins or ends; banners re-render on it.</summary>
    public event Action? Changed;

    /// <summary>
    /// True (and read-only mode begins) when <paramref name="exception"/> says the database cannot be written at all; for
    /// failures that reach a caller without passing a context's interceptors (e.g. beginning a write transaction).
    /// </summary>
    public bool Recognise(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not DatabaseReadOnlyException && !reader.IsStorageUnwritable(exception))
            return false;
        MarkUnwritable(exception);
        return true;
    }

    public void MarkUnwritable(Exception cause)
    {
        lock (_gate)
        {
            if (_since is not null)
                return;
            _since = clock.GetUtcNow();
        }
        LogReadOnly(logger, cause, cause.Message);
        Changed?.Invoke();
    }

    public void MarkWritable()
    {
        lock (_gate)
        {
            if (_since is null)
                return;
            _since = null;
        }
        LogWritable(logger);
        Changed?.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The database refused a write because it is read-only or full ({Reason}); the dashboard is read-only until a write works again")]
    private static partial void LogReadOnly(ILogger logger, Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database can be written again; read-only mode ended")]
    private static partial void LogWritable(ILogger logger);
}

/// <summary>
/// Feeds <see cref="DatabaseWriteState"/> from every command, transaction and save of every context: a storage
/// failure (as the provider's <see cref="IProviderErrorReader"/> reads it) starts read-only mode, a save that wrote
/// rows ends it. It never changes what the caller sees; <see cref="DataErrorTranslator"/> does that.
/// </summary>
public sealed class DatabaseWriteStateInterceptor(DatabaseWriteState state)
    : DbCommandInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Observe(eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Observe(eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Observe(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Observe(eventData.Exception);
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(result);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(result);
        return ValueTask.FromResult(result);
    }

    private void Saved(int rows)
    {
        if (rows > 0)
            state.MarkWritable();
    }

    private void Observe(Exception exception) => state.Recognise(exception);
}

/// <summary>
/// While the installation is read-only, tries a harmless write every <see cref="DatabaseOptions.WriteProbeSeconds"/>
/// seconds, so read-only mode ends once the administrator has fixed the storage even if nobody tries to save.
/// </summary>
public sealed partial class DatabaseWriteProbe(
    DatabaseWriteState state,
    IDbContextFactory<TrainingDbContext> contexts,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<DatabaseWriteProbe> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.WriteProbeSeconds)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!state.IsReadOnly)
                continue;
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                await DatabaseProviderSetup.ProbeWriteAsync(db.Database, stoppingToken);
                state.MarkWritable();
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
            {
                LogStillUnwritable(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The database still cannot be written: {Reason}")]
    private static partial void LogStillUnwritable(ILogger logger, string reason);
}
