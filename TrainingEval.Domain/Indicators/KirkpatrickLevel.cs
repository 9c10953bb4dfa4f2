namespace TrainingEval.Domain.Indicators;

/// <summary>The four Kirkpatrick levels, in order. Values are stable array indexes.</summary>
public enum KirkpatrickLevel
{
    Reaction = 0,
    Learning = 1,
    Behavior = 2,
    Results = 3,
}

public static class KirkpatrickLevels
{
    public const int Count = 4;

    public static readonly IReadOnlyList<KirkpatrickLevel> All =
        [KirkpatrickLevel.Reaction, KirkpatrickLevel.Learning, KirkpatrickLevel.Behavior, KirkpatrickLevel.Results];
}
