namespace TrainingEval.Dashboard.Shared.Localization;

/// <summary>Resource anchor for sign-in, accounts, access and the audit trail (.resx files beside this class).</summary>
public sealed class AccountStrings;
