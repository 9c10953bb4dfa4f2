namespace TrainingEval.Dashboard.Localization;

/// <summary>
/// Resource anchor for the reports' text — the pages and the PDF/XLSX exports say the same things — in
/// Resources/Localization/ReportStrings*.resx. Use as <c>IStringLocalizer&lt;ReportStrings&gt;</c>.
/// </summary>
public sealed class ReportStrings;
