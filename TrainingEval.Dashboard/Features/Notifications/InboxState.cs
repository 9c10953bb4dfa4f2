namespace TrainingEval.Dashboard.Features.Notifications;

/// <summary>
/// Circuit state of the notification centre: whatever changes the user's inbox (marking entries read, a save that
/// raised an alert) says so here, and the bell in the app bar re-counts. Subscribers dispose their subscription.
/// </summary>
public sealed class InboxState
{
    private readonly List<Func<Task>> _handlers = [];

    public IDisposable NotifyOnChange(Func<Task> handler)
    {
        lock (_handlers)
            _handlers.Add(handler);
        return new Subscription(this, handler);
    }

    public async Task ChangedAsync()
    {
        Func<Task>[] handlers;
        lock (_handlers)
            handlers = [.. _handlers];
        foreach (var handler in handlers)
            await handler();
    }

    private sealed class Subscription(InboxState owner, Func<Task> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._handlers)
                owner._handlers.Remove(handler);
        }
    }
}
