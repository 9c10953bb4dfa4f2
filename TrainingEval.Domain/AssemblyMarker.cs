namespace TrainingEval.Domain;

/// <summary>Anchors reflection over this assembly (tests, validator scans).</summary>
public sealed class AssemblyMarker;
