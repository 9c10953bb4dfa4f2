using Microsoft.AspNetCore.Components;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Scoring.Playground;

/// <summary>
/// 评分演练: an analyst tries one learner's raw values against a draft weight profile and sees every
/// score, with how it was computed, update as they type. Nothing is stored.
/// </summary>
public sealed partial class PlaygroundPage
{
    private IDisposable? _subscription;

    private IReadOnlyList<string> WeightSetProblems =>
        Problems(PlaygroundInputValidator.LevelWeightsSet)
            .Concat(KirkpatrickLevels.All.SelectMany(level => Problems(PlaygroundInputValidator.IndicatorWeightsSet(level))))
            .ToList();

    protected override void OnInitialized()
    {
        Session.EnsureCalculated();
        _subscription = Session.NotifyOnChange(EventCallback.Factory.Create(this, () => InvokeAsync(StateHasChanged)));
    }

    private string[] Problems(string propertyName) => Session.ProblemsOf(propertyName).ToArray();

    public void Dispose() => _subscription?.Dispose();
}
