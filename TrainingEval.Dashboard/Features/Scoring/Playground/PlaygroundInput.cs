using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Dashboard.Features.Scoring.Playground;

/// <summary>
/// What an analyst edits on the scoring playground: one learner's raw values and a draft weight
/// profile. Mutable for two-way binding; <see cref="ToProfile"/> and <see cref="Observations"/> turn
/// it into the domain's immutable inputs. A null value means "missing", never zero.
/// </summary>
public sealed class PlaygroundInput
{
    private PlaygroundInput(WeightProfile profile)
    {
        BaseProfile = profile;
        LevelWeights = new LevelWeightsInput(profile.LevelWeights);
        Policy = profile.Policy;
        Indicators = profile.Indicators.Select(i => new IndicatorInput(i)).ToList();
    }

    /// <summary>The profile the draft started from; supplies what the playground does not edit (tiers, pass mark).</summary>
    public WeightProfile BaseProfile { get; }

    public LevelWeightsInput LevelWeights { get; }

    public MissingDataPolicy Policy { get; set; }

    public IReadOnlyList<IndicatorInput> Indicators { get; }

    public IEnumerable<IndicatorInput> InLevel(KirkpatrickLevel level) => Indicators.Where(i => i.Level == level);

    public IndicatorInput this[string code] =>
        Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"The playground has no indicator '{code}'.");

    /// <summary>The profile with no values: every indicator missing.</summary>
    public static PlaygroundInput Empty(WeightProfile profile) => new(profile);

    /// <summary>The worked example of the evaluation model (spec section 4) on the default profile.</summary>
    public static PlaygroundInput WorkedExample()
    {
        var input = new PlaygroundInput(WeightProfile.Default);
        input[BuiltInIndicators.Satisfaction].Value = 4.2;
        input[BuiltInIndicators.Attendance].Value = 0.9;
        input[BuiltInIndicators.Interaction].Value = 6;
        input[BuiltInIndicators.ExamTheory].Value = 85;
        input[BuiltInIndicators.ExamPractical].Value = 70;
        input[BuiltInIndicators.Assignments].Value = 1.0;
        input[BuiltInIndicators.KnowledgeGain].Baseline = 40;
        input[BuiltInIndicators.KnowledgeGain].Value = 85;
        input[BuiltInIndicators.MentorRating].Value = 3.8;
        input[BuiltInIndicators.Application].Value = 3;
        return input;
    }

    /// <summary>The draft profile; only meaningful once the input has passed validation.</summary>
    public WeightProfile ToProfile() => BaseProfile with
    {
        LevelWeights = LevelWeights.ToLevelWeights(),
        Indicators = Indicators.Select(i => i.Definition with { Weight = i.Weight ?? 0 }).ToList(),
        Policy = Policy,
    };

    /// <summary>One observation per indicator that has a value.</summary>
    public IReadOnlyList<Observation> Observations() =>
        Indicators.Where(i => i.Value is not null).Select(i => new Observation(i.Code, i.Raw!.Value)).ToList();
}

/// <summary>One indicator's raw value (with pre value, baseline or target where its normalisation needs one) and weight.</summary>
public sealed class IndicatorInput(IndicatorDefinition definition)
{
    public IndicatorDefinition Definition { get; } = definition;

    public string Code => Definition.Code;

    public KirkpatrickLevel Level => Definition.Level;

    public Normalization Normalization => Definition.Normalization;

    /// <summary>The raw value (post value of gain and rating_change, actual of target_achievement); null = missing.</summary>
    public double? Value { get; set; }

    /// <summary>Pre value of gain and rating_change, baseline of target_achievement.</summary>
    public double? Baseline { get; set; }

    /// <summary>Target of target_achievement.</summary>
    public double? Target { get; set; }

    /// <summary>Weight inside the level; null while the field is empty (a validation error, not zero).</summary>
    public double? Weight { get; set; } = definition.Weight;

    /// <summary>
    /// Properties whose field holds text that is not a number (the field then reports null). Tracked so
    /// such text is an error, not silently "missing".
    /// </summary>
    public ISet<string> Unreadable { get; } = new HashSet<string>(StringComparer.Ordinal);

    public bool IsPresent => Value is not null;

    public RawValue? Raw => Value is { } value ? new RawValue(value, Baseline, Target) : null;
}

/// <summary>The four level weights as edited; null while a field is empty.</summary>
public sealed class LevelWeightsInput(LevelWeights weights)
{
    public double? Reaction { get; set; } = weights.Reaction;
    public double? Learning { get; set; } = weights.Learning;
    public double? Behavior { get; set; } = weights.Behavior;
    public double? Results { get; set; } = weights.Results;

    /// <summary>Levels whose field holds text that is not a number (see <see cref="IndicatorInput.Unreadable"/>).</summary>
    public ISet<string> Unreadable { get; } = new HashSet<string>(StringComparer.Ordinal);

    public double? this[KirkpatrickLevel level]
    {
        get => level switch
        {
            KirkpatrickLevel.Reaction => Reaction,
            KirkpatrickLevel.Learning => Learning,
            KirkpatrickLevel.Behavior => Behavior,
            KirkpatrickLevel.Results => Results,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
        };
        set
        {
            switch (level)
            {
                case KirkpatrickLevel.Reaction: Reaction = value; break;
                case KirkpatrickLevel.Learning: Learning = value; break;
                case KirkpatrickLevel.Behavior: Behavior = value; break;
                case KirkpatrickLevel.Results: Results = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(level), level, null);
            }
        }
    }

    public double Sum => (Reaction ?? 0) + (Learning ?? 0) + (Behavior ?? 0) + (Results ?? 0);

    public LevelWeights ToLevelWeights() => new(Reaction ?? 0, Learning ?? 0, Behavior ?? 0, Results ?? 0);
}
