namespace TrainingEval.Dashboard.Localization;

/// <summary>Resource anchor for ASP.NET Core Identity's error messages (Resources/Localization/IdentityErrorStrings*.resx).</summary>
public sealed class IdentityErrorStrings;
