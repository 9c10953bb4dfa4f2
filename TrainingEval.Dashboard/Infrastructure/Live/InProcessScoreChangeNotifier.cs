using System.Collections.Immutable;

namespace TrainingEval.Dashboard.Infrastructure.Live;

/// <summary>The single-server <see cref="IScoreChangeNotifier"/>: a singleton shared by all circuits.</summary>
public sealed partial class InProcessScoreChangeNotifier(ILogger<InProcessScoreChangeNotifier> logger) : IScoreChangeNotifier
{
    // Copy-on-write: publishing iterates a snapshot while circuits subscribe and dispose concurrently.
    private ImmutableList<Func<CohortScoresChanged, Task>> _subscribers = [];

    public IDisposable Subscribe(Func<CohortScoresChanged, Task> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(onChange));
        return new Subscription(this, onChange);
    }

    public async Task PublishAsync(CohortScoresChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var subscriber in _subscribers)
        {
            try
            {
                await subscriber(change);
            }
#pragma warning disable CA1031 // One broken page (e.g. a dropped circuit) must not keep the others stale.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSubscriberFailed(logger, ex, change.CohortId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A score-change subscriber failed for cohort {CohortId}")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, int cohortId);

    private sealed class Subscription(InProcessScoreChangeNotifier owner, Func<CohortScoresChanged, Task> onChange) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner._subscribers, list => list.Remove(onChange));
    }
}
