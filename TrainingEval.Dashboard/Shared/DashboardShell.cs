using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using MudBlazor;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Shared;

public static class DashboardShell
{
    /// <summary>
    /// What every page stands on: MudBlazor (in the app's language), the form validators beside their input models,
    /// the filter bar's lists, and the clock.
    /// </summary>
    public static IServiceCollection AddDashboardShell(this IServiceCollection services, Action<MudServicesConfiguration>? configureMud = null)
    {
        services.AddMudServices(mud =>
        {
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            configureMud?.Invoke(mud);
        });
        services.AddTransient<MudLocalizer, MudBlazorTranslations>();
        services.AddValidatorsFromAssemblyContaining<App>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<FilterOptionsQueries>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalTime>();
        return services;
    }
}
