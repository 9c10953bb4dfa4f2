namespace TrainingEval.Dashboard.Localization;

/// <summary>
/// Resource anchor for the shell's text (app bar, navigation, errors), in
/// Resources/Localization/SharedStrings*.resx. Use as <c>IStringLocalizer&lt;SharedStrings&gt;</c>.
/// </summary>
public sealed class SharedStrings;
