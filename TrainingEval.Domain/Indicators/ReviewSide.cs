namespace TrainingEval.Domain.Indicators;

/// <summary>Which side of a training a performance review is: the rating before it, or the first one after.</summary>
public enum ReviewSide
{
    Before,
    After,
}
