using TrainingEval.Domain.Indicators;

namespace TrainingEval.Domain.Profiles;

/// <summary>The weight of each Kirkpatrick level in the composite; they sum to 100.</summary>
public readonly record struct LevelWeights(double Reaction, double Learning, double Behavior, double Results)
{
    public static LevelWeights Default { get; } = new(15, 25, 35, 25);

    public double this[KirkpatrickLevel level] => level switch
    {
        KirkpatrickLevel.Reaction => Reaction,
        KirkpatrickLevel.Learning => Learning,
        KirkpatrickLevel.Behavior => Behavior,
        KirkpatrickLevel.Results => Results,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public double Sum => Reaction + Learning + Behavior + Results;

    public LevelWeights With(KirkpatrickLevel level, double weight) => level switch
    {
        KirkpatrickLevel.Reaction => this with { Reaction = weight },
        KirkpatrickLevel.Learning => this with { Learning = weight },
        KirkpatrickLevel.Behavior => this with { Behavior = weight },
        KirkpatrickLevel.Results => this with { Results = weight },
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
