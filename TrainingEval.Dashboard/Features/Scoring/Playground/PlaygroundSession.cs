using FluentValidation.Results;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Scoring.Playground;

/// <summary>A score card with exactly the profile and raw values it was computed from, for explaining it.</summary>
public sealed record ScoredInput(ScoreCard Card, WeightProfile Profile, IReadOnlyDictionary<string, RawValue> RawValues);

/// <summary>
/// The playground's circuit state: the input being edited, its validation problems and the last
/// score card computed from a valid input. Components change <see cref="Input"/>, call
/// <see cref="Recalculate"/>, and subscribers re-render through <see cref="NotifyOnChange"/>.
/// </summary>
public sealed class PlaygroundSession(IValidator<PlaygroundInput> validator)
{
    private readonly IValidator<PlaygroundInput> _validator = validator;
    private readonly List<EventCallback> _subscribers = [];
    private bool _initialized;

    public PlaygroundInput Input { get; private set; } = PlaygroundInput.WorkedExample();

    /// <summary>The last valid input's result; null until one was computed.</summary>
    public ScoredInput? LastValid { get; private set; }

    /// <summary>Problems of the current input; results show <see cref="LastValid"/> while there are any.</summary>
    public IReadOnlyList<ValidationFailure> Problems { get; private set; } = [];

    /// <summary>Whether the shown results belong to an earlier input because the current one has problems.</summary>
    public bool IsStale => Problems.Count > 0;

    /// <summary>Computes the first result once per circuit (the worked example).</summary>
    public void EnsureCalculated()
    {
        if (_initialized)
            return;
        _initialized = true;
        Calculate();
    }

    /// <summary>Revalidates and rescores the current input, then tells subscribers.</summary>
    public Task Recalculate()
    {
        _initialized = true;
        Calculate();
        return NotifyAsync();
    }

    /// <summary>Starts over from the worked example of the evaluation model.</summary>
    public Task LoadWorkedExample()
    {
        Input = PlaygroundInput.WorkedExample();
        return Recalculate();
    }

    /// <summary>Keeps the profile, clears every raw value.</summary>
    public Task ClearValues()
    {
        foreach (var indicator in Input.Indicators)
        {
            indicator.Value = null;
            indicator.Baseline = null;
            indicator.Target = null;
        }
        return Recalculate();
    }

    /// <summary>Messages of one property path (e.g. <see cref="PlaygroundInputValidator.LevelWeightsSet"/>).</summary>
    public IEnumerable<string> ProblemsOf(string propertyName) =>
        Problems.Where(p => string.Equals(p.PropertyName, propertyName, StringComparison.Ordinal)).Select(p => p.ErrorMessage);

    /// <summary>Calls <paramref name="callback"/> after every recalculation until the returned handle is disposed.</summary>
    public IDisposable NotifyOnChange(EventCallback callback)
    {
        _subscribers.Add(callback);
        return new Subscription(() => _subscribers.Remove(callback));
    }

    private void Calculate()
    {
        var validation = _validator.Validate(Input);
        if (!validation.IsValid)
        {
            Problems = validation.Errors;
            return;
        }
        try
        {
            var profile = Input.ToProfile();
            var observations = Input.Observations();
            var card = new ScoringEngine(profile).Score("playground", observations);
            LastValid = new ScoredInput(card, profile, observations.ToDictionary(o => o.IndicatorCode, o => o.Raw, StringComparer.Ordinal));
            Problems = [];
        }
        catch (InvalidWeightProfileException e)
        {
            // The validator mirrors spec section 3, so this only happens if the two drift apart: show the engine's words.
            Problems = e.Errors.Select(message => new ValidationFailure(PlaygroundInputValidator.LevelWeightsSet, message)).ToList();
        }
        catch (ObservationRejectedException e)
        {
            Problems = e.Errors.Select(error => new ValidationFailure(error.IndicatorCode, error.Message)).ToList();
        }
    }

    private async Task NotifyAsync()
    {
        foreach (var subscriber in _subscribers.ToArray())
            await subscriber.InvokeAsync();
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
