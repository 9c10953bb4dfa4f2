namespace TrainingEval.Dashboard.Shared.Localization;

/// <summary>
/// Resource anchor for the shell's text (app bar, navigation, errors), in
/// the .resx files beside this class. Use as <c>IStringLocalizer&lt;SharedStrings&gt;</c>.
/// </summary>
public sealed class SharedStrings;
