using FluentValidation;

namespace TrainingEval.Dashboard.Features.SavedViews;

public static class SavedViewsFeature
{
    /// <summary>Saved views: the service, its validator and the <c>/views</c> page.</summary>
    public static IServiceCollection AddSavedViews(this IServiceCollection services)
    {
        services.AddScoped<SavedViewService>();
        services.AddScoped<IValidator<SavedViewInput>, SavedViewInputValidator>();
        return services;
    }
}
