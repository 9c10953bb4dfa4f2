namespace TrainingEval.Dashboard.Localization;

/// <summary>Resource anchor for sign-in, accounts, access and the audit trail (Resources/Localization/AccountStrings*.resx).</summary>
public sealed class AccountStrings;
