using Microsoft.AspNetCore.Components;
using TrainingEval.Dashboard.Infrastructure.Live;

namespace TrainingEval.Dashboard.Shared;

/// <summary>
/// Base of every page that shows stored scores: loads when its parameters change (the URL holds the state),
/// cancels a load that a newer one overtook, and when <see cref="IScoreChangeNotifier"/> reports a change to a
/// cohort the page shows, reloads — on the renderer's dispatcher (<see cref="ComponentBase.InvokeAsync(Func{Task})"/>),
/// as the notification arrives on the thread of the circuit that saved the scores.
/// </summary>
/// <remarks>
/// A page implements <see cref="LoadAsync"/> and <see cref="Shows"/>. It may say what its data depends on
/// (<see cref="LoadKey"/>, so that e.g. a theme switch does not load again) and what a change does instead of a
/// plain reload (<see cref="OnShownScoresChangedAsync"/>, e.g. the cohort page keeps a what-if draft).
/// </remarks>
public abstract class LiveScoresPage : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private CancellationTokenSource? _load;
    private object? _loadedKey;
    private bool _loadedOnce;
    private bool _disposed;

    [Inject] private IScoreChangeNotifier Notifier { get; set; } = default!;

    /// <summary>True until the first load finished: the page shows skeletons.</summary>
    protected bool Loading { get; private set; } = true;

    /// <summary>Loads the page's data for its current parameters; the token is cancelled when a newer load starts.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Whether the page shows the cohort (and learners) whose scores changed. Runs on the dispatcher.</summary>
    protected abstract bool Shows(CohortScoresChanged change);

    /// <summary>
    /// What the loaded data depends on (route and query values): a parameter change that leaves it equal — the
    /// cascaded theme, a table's sort — loads nothing. Null, the default, loads on every parameter change; a constant
    /// loads once.
    /// </summary>
    protected virtual object? LoadKey => null;

    /// <summary>
    /// What a change to scores the page <see cref="Shows"/> does; by default <see cref="ReloadAsync()"/>. The page
    /// renders afterwards.
    /// </summary>
    protected virtual Task OnShownScoresChangedAsync(CohortScoresChanged change) => ReloadAsync();

    protected override void OnInitialized() => _subscription = Notifier.Subscribe(OnScoresChangedAsync);

    protected override Task OnParametersSetAsync()
    {
        var key = LoadKey;
        if (_loadedOnce && key is not null && Equals(key, _loadedKey))
            return Task.CompletedTask;
        _loadedOnce = true;
        _loadedKey = key;
        return ReloadAsync();
    }

    /// <summary>Loads again; an earlier load still running is cancelled and its result dropped.</summary>
    protected Task ReloadAsync() => ReloadAsync(LoadAsync);

    /// <summary>
    /// Runs <paramref name="load"/> (e.g. a partial reload) as the page's current load: a load still running is
    /// cancelled, and this one is cancelled when a newer one starts. Completes quietly when cancelled.
    /// </summary>
    protected async Task ReloadAsync(Func<CancellationToken, Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var previous = _load;
        _load = new CancellationTokenSource();
        var token = _load.Token;
        if (previous is not null)
        {
            await previous.CancelAsync();
            previous.Dispose();
        }
        try
        {
            await load(token);
            Loading = false;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer load replaced this one; it renders its own result.
        }
    }

    // The notifier calls this on the saving circuit's thread: everything else happens on this page's dispatcher.
    private Task OnScoresChangedAsync(CohortScoresChanged change) => InvokeAsync(async () =>
    {
        if (_disposed || !Shows(change))
            return;
        await OnShownScoresChangedAsync(change);
        if (!_disposed)
            StateHasChanged();
    });

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        _disposed = true;
        _subscription?.Dispose();
        _subscription = null;
        _load?.Cancel();
        _load?.Dispose();
        _load = null;
    }
}
