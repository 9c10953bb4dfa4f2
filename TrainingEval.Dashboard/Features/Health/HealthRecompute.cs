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
            return await health.ComputeForCohortsAsync(cohorts, cancellationToken);
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
