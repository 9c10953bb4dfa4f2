using Microsoft.AspNetCore.Components;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Reports;

/// <summary>
/// Base of the cohort report pages (<c>/reports/cohorts/{code}/…</c>): finds the cohort, then loads the report; a
/// load that a newer one overtook is dropped; a denial shows the "not allowed" notice instead of the report.
/// </summary>
public abstract class CohortReportBase : ComponentBase, IDisposable
{
    private CancellationTokenSource? _load;

    [Inject] private ReportIndexQueries Index { get; set; } = default!;

    [Parameter] public string Code { get; set; } = "";

    protected CohortInfo? Cohort { get; private set; }
    protected bool Loading { get; private set; } = true;
    protected bool NotFound { get; private set; }
    protected bool Denied { get; private set; }

    protected abstract Task LoadReportAsync(CohortInfo cohort, CancellationToken cancellationToken);

    protected override async Task OnParametersSetAsync()
    {
        _load?.Cancel();
        _load?.Dispose();
        _load = new CancellationTokenSource();
        var token = _load.Token;
        Loading = true;
        try
        {
            Cohort = await Index.FindCohortAsync(Code, token);
            NotFound = Cohort is null;
            if (Cohort is not null)
                await LoadReportAsync(Cohort, token);
        }
        catch (AccessDeniedException)
        {
            Denied = true;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        Loading = false;
    }

    /// <summary>Reloads the report (after an edit), keeping the page.</summary>
    protected async Task ReloadAsync()
    {
        if (Cohort is not null)
            await LoadReportAsync(Cohort, _load?.Token ?? CancellationToken.None);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        _load?.Cancel();
        _load?.Dispose();
        _load = null;
    }
}
