using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.WhatIf;

/// <summary>
/// A what-if draft of one program's weight profile, owned by the page that shows it (create one per
/// page with <c>new</c>; it is not a DI service, so leaving the page drops the draft). The page's
/// <see cref="Components.WhatIf.WhatIfPanel"/> edits it; the page listens with <see cref="NotifyOnChange"/>
/// and rescores its charts from <see cref="PreviewEngine"/>.
/// <para>
/// Sliders move one weight at a time, so a draft's weights rarely sum to exactly 100. The preview scales
/// each weight set to 100 first — the composite and level scores only depend on the ratios of the
/// weights, so the result is exactly what the normalised profile would give — while saving requires
/// the sums the validator asks for (<see cref="Problems"/>; <see cref="ScaleTo100"/> fixes them).
/// </para>
/// </summary>
public sealed class WhatIfSession
{
    private static readonly WeightProfileValidator Validator = new();

    private readonly List<Func<Task>> _subscribers = [];
    private WeightProfile _draft;
    private ScoringEngine? _previewEngine;
    private bool _previewBuilt;

    /// <param name="programId">The program whose profile this drafts.</param>
    /// <param name="baseProfile">The profile the draft starts from (the version the page's stored scores use).</param>
    /// <param name="baseVersion">Version number of <paramref name="baseProfile"/>.</param>
    /// <param name="programCurrentVersion">The program's newest version: a save is based on it.</param>
    public WhatIfSession(int programId, WeightProfile baseProfile, int baseVersion, int programCurrentVersion)
    {
        ArgumentNullException.ThrowIfNull(baseProfile);
        ProgramId = programId;
        Base = baseProfile;
        BaseVersion = baseVersion;
        ProgramCurrentVersion = programCurrentVersion;
        _draft = baseProfile;
    }

    public int ProgramId { get; }

    /// <summary>The stored profile the draft started from.</summary>
    public WeightProfile Base { get; private set; }

    public int BaseVersion { get; private set; }

    public int ProgramCurrentVersion { get; private set; }

    /// <summary>The draft as edited (equal to <see cref="Base"/> until something changes).</summary>
    public WeightProfile Draft => _draft;

    /// <summary>True once a setting differs from <see cref="Base"/>.</summary>
    public bool IsDraft { get; private set; }

    /// <summary>
    /// The engine for the draft with each weight set scaled to 100; null when the draft cannot be scored
    /// at all (every level weight 0, or a weighted level whose indicator weights are all 0).
    /// </summary>
    public ScoringEngine? PreviewEngine
    {
        get
        {
            if (!_previewBuilt)
            {
                _previewEngine = Normalized(_draft) is { } normalized ? TryEngine(normalized) : null;
                _previewBuilt = true;
            }
            return _previewEngine;
        }
    }

    /// <summary>Sum of the level weights of the draft.</summary>
    public double LevelWeightSum => _draft.LevelWeights.Sum;

    /// <summary>Sum of the indicator weights of one level of the draft.</summary>
    public double IndicatorWeightSum(KirkpatrickLevel level) => WeightProfileValidator.IndicatorWeightSum(_draft.Indicators, level);

    /// <summary>What stops the draft from being saved (empty when it can be saved); each failure carries a <see cref="WeightProfileErrors"/> code the UI words.</summary>
    public IReadOnlyList<FluentValidation.Results.ValidationFailure> Problems() => Validator.Validate(_draft).Errors;

    public Task SetLevelWeightAsync(KirkpatrickLevel level, double weight) =>
        ChangeAsync(_draft with { LevelWeights = _draft.LevelWeights.With(level, Weight(weight)) });

    /// <exception cref="ArgumentException">The profile has no such indicator.</exception>
    public Task SetIndicatorWeightAsync(string code, double weight)
    {
        var index = IndexOf(code);
        var indicators = _draft.Indicators.ToArray();
        indicators[index] = indicators[index] with { Weight = Weight(weight) };
        return ChangeAsync(_draft with { Indicators = indicators });
    }

    public Task SetPolicyAsync(MissingDataPolicy policy) => ChangeAsync(_draft with { Policy = policy });

    /// <summary>Scales every weight set of the draft to sum to 100 (keeping the ratios), so it can be saved.</summary>
    public Task ScaleTo100Async() => Normalized(_draft) is { } normalized ? ChangeAsync(normalized) : Task.CompletedTask;

    /// <summary>Drops the draft: back to <see cref="Base"/>.</summary>
    public Task DiscardAsync() => ChangeAsync(Base);

    /// <summary>
    /// Moves the base (after a save, or when the stored scores were recomputed). The draft's edits are
    /// kept when <paramref name="keepDraft"/> is true, otherwise the draft becomes the new base.
    /// </summary>
    public Task RebaseAsync(WeightProfile baseProfile, int baseVersion, int programCurrentVersion, bool keepDraft)
    {
        ArgumentNullException.ThrowIfNull(baseProfile);
        Base = baseProfile;
        BaseVersion = baseVersion;
        ProgramCurrentVersion = programCurrentVersion;
        return ChangeAsync(keepDraft ? _draft : baseProfile);
    }

    /// <summary>Saves the draft as the program's next profile version (stored scores of closed cohorts never change) and makes it the base.</summary>
    /// <exception cref="Data.DataValidationException">The draft breaks a rule of spec section 3.</exception>
    /// <exception cref="Data.ConcurrencyConflictException">Someone saved another version first.</exception>
    public async Task<ProfileVersionInfo> SaveAsync(WeightProfileService profiles, string? changeNote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var saved = await profiles.SaveAsync(ProgramId, _draft, ProgramCurrentVersion, changeNote, cancellationToken);
        await RebaseAsync(saved.Profile, saved.Version, saved.Version, keepDraft: false);
        return saved;
    }

    /// <summary>Calls <paramref name="onChange"/> after every change until the returned subscription is disposed.</summary>
    public IDisposable NotifyOnChange(Func<Task> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        _subscribers.Add(onChange);
        return new Subscription(this, onChange);
    }

    /// <summary>
    /// The profile with the level weights and each level's indicator weights scaled to sum to 100;
    /// null when a set that matters sums to 0.
    /// </summary>
    public static WeightProfile? Normalized(WeightProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var levels = profile.LevelWeights;
        if (levels.Sum <= 0)
            return null;
        var scaledLevels = new LevelWeights(
            levels.Reaction * 100 / levels.Sum, levels.Learning * 100 / levels.Sum,
            levels.Behavior * 100 / levels.Sum, levels.Results * 100 / levels.Sum);
        var indicators = profile.Indicators.ToArray();
        foreach (var level in KirkpatrickLevels.All)
        {
            var sum = WeightProfileValidator.IndicatorWeightSum(indicators, level);
            if (sum <= 0)
            {
                // A level weighted 0 may drop all its indicators; a weighted level needs one.
                if (scaledLevels[level] > 0 && indicators.Any(i => i.Level == level))
                    return null;
                continue;
            }
            for (var i = 0; i < indicators.Length; i++)
            {
                if (indicators[i].Level == level)
                    indicators[i] = indicators[i] with { Weight = indicators[i].Weight * 100 / sum };
            }
        }
        return profile with { LevelWeights = scaledLevels, Indicators = indicators };
    }

    private async Task ChangeAsync(WeightProfile draft)
    {
        _draft = draft;
        _previewBuilt = false;
        _previewEngine = null;
        IsDraft = WeightProfileDiff.Changes(Base, draft).Any();
        foreach (var subscriber in _subscribers.ToArray())
            await subscriber();
    }

    private int IndexOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        for (var i = 0; i < _draft.Indicators.Count; i++)
        {
            if (string.Equals(_draft.Indicators[i].Code, code, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        throw new ArgumentException($"The weight profile has no indicator {code}.", nameof(code));
    }

    private static double Weight(double weight) =>
        double.IsFinite(weight) && weight >= 0
            ? weight
            : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A weight must be a non-negative number.");

    private static ScoringEngine? TryEngine(WeightProfile profile)
    {
        try
        {
            return new ScoringEngine(profile);
        }
        catch (InvalidWeightProfileException)
        {
            return null;
        }
    }

    private sealed class Subscription(WhatIfSession owner, Func<Task> onChange) : IDisposable
    {
        public void Dispose() => owner._subscribers.Remove(onChange);
    }
}
