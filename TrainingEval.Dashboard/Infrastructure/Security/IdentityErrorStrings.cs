namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>Resource anchor for ASP.NET Core Identity's error messages (.resx files beside this class).</summary>
public sealed class IdentityErrorStrings;
