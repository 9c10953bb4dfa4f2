using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Dashboard.Features.WhatIf;

/// <summary>
/// What-if weights for one program's profile: level-weight sliders, the missing-data policy, a drawer
/// with the indicator weights of each level, and "save as new profile version" / "discard".
/// The panel only edits <see cref="Session"/>; the hosting page subscribes with
/// <see cref="WhatIfSession.NotifyOnChange"/> and recomputes its charts from
/// <see cref="WhatIfSession.PreviewEngine"/>. Reused by the cohort and program pages.
/// </summary>
/// <example><code>
/// _whatIf = new WhatIfSession(programId, profile, version, programCurrentVersion);
/// _subscription = _whatIf.NotifyOnChange(() => InvokeAsync(RecomputeAndRender));
/// &lt;WhatIfPanel Session="_whatIf" OnSaved="OnProfileSavedAsync" /&gt;
/// </code></example>
public sealed partial class WhatIfPanel : IDisposable
{
    private IDisposable? _subscription;
    private WhatIfSession? _subscribedTo;
    private bool _drawerOpen;
    private bool _busy;
    private string? _changeNote;
    private IReadOnlyList<string> _problems = [];

    [Inject] private WeightProfileService Profiles { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    // Executives explore drafts; only HR analysts and admins save a new profile version (the service enforces it too).
    private bool _canSave;

    [CascadingParameter] private ThemeState Theme { get; set; } = ThemeState.Light;

    /// <summary>The draft this panel edits; owned by the page (one per page).</summary>
    [Parameter, EditorRequired] public required WhatIfSession Session { get; set; }

    /// <summary>Called after the draft was saved as a new profile version (the session's base is then that version).</summary>
    [Parameter] public EventCallback<ProfileVersionInfo> OnSaved { get; set; }

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private IReadOnlyList<KirkpatrickLevel> IndicatorSetsOff =>
        [.. KirkpatrickLevels.All.Where(l => Session.Draft.Indicators.Any(i => i.Level == l)
            && WeightProfileValidator.IndicatorSetProblem(Session.Draft.LevelWeights[l], Session.IndicatorWeightSum(l)) is not null)];

    protected override async Task OnInitializedAsync() => _canSave = (await CurrentUser.GetAsync()).SeesEverything;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_subscribedTo, Session))
            return;
        _subscription?.Dispose();
        _subscribedTo = Session;
        _problems = [];
        _subscription = Session.NotifyOnChange(() => InvokeAsync(StateHasChanged));
    }

    // The domain's rule (tolerance included): the notice, the Σ marks and the save button never disagree.
    private static bool SumsTo100(double sum) => WeightProfileValidator.SumsTo100(sum);

    /// <summary>The level's share of the composite after scaling, shown when the sliders do not sum to 100.</summary>
    private string? Share(KirkpatrickLevel level)
    {
        var sum = Session.LevelWeightSum;
        return SumsTo100(sum) || sum <= 0 ? null : ScoreFormat.Percent(Session.Draft.LevelWeights[level] / sum);
    }

    private async Task SaveAsync()
    {
        if (_busy)
            return;
        _problems = [.. Session.Problems().Select(Terms.ProfileProblem)];
        if (_problems.Count > 0)
            return;
        _busy = true;
        try
        {
            var saved = await Session.SaveAsync(Profiles, _changeNote);
            _changeNote = null;
            Snackbar.Add(string.Format(Culture, Text["Saved"], saved.Version), Severity.Success);
            await OnSaved.InvokeAsync(saved);
        }
        catch (DataValidationException ex)
        {
            _problems = ex.Errors;
        }
        catch (ConcurrencyConflictException ex)
        {
            _problems = [ex.Message];
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DiscardAsync()
    {
        _problems = [];
        _changeNote = null;
        await Session.DiscardAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
