namespace TrainingEval.Dashboard.Scoring;

/// <summary>
/// Resource anchor for the playground's validation messages and the plain-language breakdown, in
/// Resources/Scoring/ScoringMessages*.resx.
/// </summary>
public sealed class ScoringMessages;
