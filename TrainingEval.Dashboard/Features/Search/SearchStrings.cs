namespace TrainingEval.Dashboard.Features.Search;

/// <summary>The words of the search box and the search page (SearchStrings.resx, SearchStrings.zh-CN.resx).</summary>
public sealed class SearchStrings;
