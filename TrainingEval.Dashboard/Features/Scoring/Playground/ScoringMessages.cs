namespace TrainingEval.Dashboard.Features.Scoring.Playground;

/// <summary>
/// Resource anchor for the playground's validation messages and the plain-language breakdown, in
/// the .resx files beside this class.
/// </summary>
public sealed class ScoringMessages;
