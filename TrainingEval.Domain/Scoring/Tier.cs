namespace TrainingEval.Domain.Scoring;

/// <summary>学员分层. <see cref="Insufficient"/> when coverage is below one half.</summary>
public enum Tier
{
    A,
    B,
    C,
    D,
    Insufficient,
}
