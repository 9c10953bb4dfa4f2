namespace TrainingEval.Dashboard.Features.SavedViews;

/// <summary>The words of saved views (SavedViewStrings.resx, SavedViewStrings.zh-CN.resx).</summary>
public sealed class SavedViewStrings;
