namespace TrainingEval.Dashboard.Features.Reports;

/// <summary>
/// Resource anchor for the reports' text — the pages and the PDF/XLSX exports say the same things — in
/// the .resx files beside this class. Use as <c>IStringLocalizer&lt;ReportStrings&gt;</c>.
/// </summary>
public sealed class ReportStrings;
