namespace TrainingEval.Domain.Profiles;

/// <summary>What a missing indicator does to its level (spec section 4).</summary>
public enum MissingDataPolicy
{
    /// <summary>Level score over present indicators only; a level with none has no score.</summary>
    Renormalize,
    /// <summary>Missing indicators count as 0 and every level has a score.</summary>
    Zero,
}
