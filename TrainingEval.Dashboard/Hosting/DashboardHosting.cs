using FluentValidation;
using MudBlazor.Services;
using MudBlazor;
using TrainingEval.Dashboard.Features.Account;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Programs;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Features.Scoring.Playground;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Hosting;

/// <summary>Service registrations and the request pipeline, kept out of Program.cs.</summary>
public static class DashboardHosting
{
    public static IHostApplicationBuilder AddDashboardServices(this IHostApplicationBuilder builder)
    {
        // `dotnet run` has no launch profile, so the app runs as Production from its build output; static
        // web assets (MudBlazor's CSS/JS, wwwroot) must still come from the build's manifest. A published
        // app has no such manifest and this does nothing.
        if (builder is WebApplicationBuilder web)
            web.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddDashboardComponentServices(builder.Configuration);
        builder.Services.AddDashboardSecurity();
        builder.AddTrainingData();
        builder.Services.AddTrainingEvalApi(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Everything the components need (options, localization, MudBlazor, validators, circuit state).
    /// bUnit tests call this too, so components are tested against the production registrations.
    /// </summary>
    public static IServiceCollection AddDashboardComponentServices(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<MudServicesConfiguration>? configureMud = null)
    {
        services.AddDashboardLocalization(configuration);
        services.AddMudServices(mud =>
        {
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            configureMud?.Invoke(mud);
        });
        services.AddTransient<MudLocalizer, MudBlazorTranslations>();
        services.AddValidatorsFromAssemblyContaining<PlaygroundInput>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddSingleton<IScoreChangeNotifier, InProcessScoreChangeNotifier>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<IRecordAccess, RecordAccess>();
        services.AddSingleton<AccountSetupState>();
        services.AddScoped<PlaygroundSession>();
        services.AddTransient<ScoreExplanation>();
        services.AddProgramAnalytics();
        services.AddCohortAnalytics();
        services.AddLearnerAnalytics();
        services.AddTableExport();
        services.AddReports();
        return services;
    }

    public static WebApplication UseDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseDashboardLocalization();
        app.UseDashboardSecurity();
        app.UseAntiforgery();
        // Assets and the language switch serve the sign-in page too, before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapImportTemplates();
        app.MapTrainingEvalApi();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();
        return app;
    }
}
