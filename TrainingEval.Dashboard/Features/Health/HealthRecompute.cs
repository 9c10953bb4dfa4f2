using System.Threading.Channels;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Health;

/// <summary>
/// Cohorts whose records changed (an import) and whose weekly learning health snapshots and alerts must be computed
/// again. An import only queues them and returns: recomputing two years of weeks for a university's 12,000 learners
/// takes seconds, and a company loading its history imports several files in a row — what is queued while a
/// recompute runs is merged into the next one, so five files cost one or two recomputes, not five.
/// </summary>
public sealed class HealthRecomputes
{
    private readonly Channel<int[]> _channel = Channel.CreateUnbounded<int[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<Func<IReadOnlyCollection<int>, Task>> _listeners = [];
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public void Enqueue(IReadOnlyCollection<int> cohortIds)
    {
        ArgumentNullException.ThrowIfNull(cohortIds);
        if (cohortIds.Count == 0)
            return;
        lock (_channel)
        {
            if (_pending++ == 0)
                _idle = NewIdle(completed: false);
        }
        _channel.Writer.TryWrite([.. cohortIds]);
    }

    /// <summary>True while something is queued or being computed.</summary>
    public bool IsBusy => Volatile.Read(ref _pending) > 0;

    /// <summary>Completes when nothing is queued or being computed (tests, and a page that waits for the index).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_channel)
            return _idle.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Calls <paramref name="onComputed"/> with the cohorts of every recompute that finished (on the worker's thread) until
    /// the returned subscription is disposed, so an open page showing a cohort's health index reads it again.
    /// </summary>
    public IDisposable NotifyOnComputed(Func<IReadOnlyCollection<int>, Task> onComputed)
    {
        ArgumentNullException.ThrowIfNull(onComputed);
        lock (_listeners)
            _listeners.Add(onComputed);
        return new Subscription(this, onComputed);
    }

    /// <summary>Tells the listeners; one that fails (a closed page) does not stop the others or the worker.</summary>
    internal async Task ComputedAsync(IReadOnlyCollection<int> cohorts)
    {
        Func<IReadOnlyCollection<int>, Task>[] listeners;
        lock (_listeners)
            listeners = [.. _listeners];
        foreach (var listener in listeners)
        {
            try
            {
                await listener(cohorts);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or TaskCanceledException)
            {
                // The listener's circuit is gone or going; it unsubscribes when disposed.
            }
        }
    }

    private sealed class Subscription(HealthRecomputes owner, Func<IReadOnlyCollection<int>, Task> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._listeners)
                owner._listeners.Remove(listener);
        }
    }

    /// <summary>Takes everything queued so far as one set of cohorts; waits for the first item.</summary>
    internal async Task<(HashSet<int> Cohorts, int Items)> TakeAsync(CancellationToken cancellationToken)
    {
        var first = await _channel.Reader.ReadAsync(cancellationToken);
        var cohorts = new HashSet<int>(first);
        var items = 1;
        while (_channel.Reader.TryRead(out var more))
        {
            cohorts.UnionWith(more);
            items++;
        }
        return (cohorts, items);
    }

    internal void Done(int items)
    {
        lock (_channel)
        {
            _pending -= items;
            if (_pending == 0)
                _idle.TrySetResult();
        }
    }

    /// <summary>Computes what is queued now, in this call: for a host without <see cref="HealthRecomputeWorker"/> (tests, benchmarks, tools).</summary>
    public async Task<HealthRun?> RunPendingAsync(HealthSnapshotService health, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(health);
        if (!_channel.Reader.TryPeek(out _))
            return null;
        var (cohorts, items) = await TakeAsync(cancellationToken);
        try
        {
            var run = await health.ComputeForCohortsAsync(cohorts, cancellationToken);
            await ComputedAsync(cohorts);
            return run;
        }
        finally
        {
            Done(items);
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
            source.SetResult();
        return source;
    }
}

/// <summary>Runs the queued health recomputes in the background, as the system (like the weekly job), one merged set at a time.</summary>
public sealed partial class HealthRecomputeWorker(HealthRecomputes queue, HealthSnapshotService health, CurrentActor actor, ILogger<HealthRecomputeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var system = actor.As(UserContext.System);
        while (!stoppingToken.IsCancellationRequested)
        {
            var (cohorts, items) = await queue.TakeAsync(stoppingToken);
            try
            {
                await health.ComputeForCohortsAsync(cohorts, stoppingToken);
                await queue.ComputedAsync(cohorts);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next import of these cohorts, or the weekly job for the latest week, tries again; the app keeps serving.
                LogFailed(logger, ex, cohorts.Count);
            }
            finally
            {
                queue.Done(items);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recomputing the learning health index of {Cohorts} imported cohorts failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, int cohorts);
}
