using Microsoft.AspNetCore.Components;
using TrainingEval.Dashboard.Infrastructure.Live;

namespace TrainingEval.Dashboard.Shared;

/// <summary>
/// Base of the pages that show stored scores: loads on every parameter change (the URL holds the
/// state), cancels a load that a newer one overtook, and reloads when <see cref="IScoreChangeNotifier"/>
/// reports a change to a cohort the page shows — through <see cref="ComponentBase.InvokeAsync(Func{Task})"/>,
/// as the notification arrives on another circuit's thread.
/// </summary>
public abstract class LiveScoresPage : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private CancellationTokenSource? _load;

    [Inject] private IScoreChangeNotifier Notifier { get; set; } = default!;

    /// <summary>True until the first load finished: the page shows skeletons.</summary>
    protected bool Loading { get; private set; } = true;

    /// <summary>Loads the page's data for its current parameters; the token is cancelled when a newer load starts.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Whether the page shows the cohort whose scores changed.</summary>
    protected abstract bool Shows(CohortScoresChanged change);

    protected override void OnInitialized() => _subscription = Notifier.Subscribe(OnScoresChangedAsync);

    protected override Task OnParametersSetAsync() => ReloadAsync();

    /// <summary>Loads again; an earlier load still running is cancelled and its result dropped.</summary>
    protected async Task ReloadAsync()
    {
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
            await LoadAsync(token);
            Loading = false;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer load replaced this one; it renders its own result.
        }
    }

    private Task OnScoresChangedAsync(CohortScoresChanged change) =>
        Shows(change) ? InvokeAsync(async () =>
        {
            await ReloadAsync();
            StateHasChanged();
        }) : Task.CompletedTask;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        _subscription?.Dispose();
        _subscription = null;
        _load?.Cancel();
        _load?.Dispose();
        _load = null;
    }
}
