namespace TrainingEval.Dashboard.Features.Search;

public static class SearchFeature
{
    /// <summary>The search across learners, cohorts and programs (the app bar's box and <c>/search</c>).</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services) => services.AddScoped<GlobalSearchQueries>();
}
