using MudBlazor.Services;
using TrainingEval.Dashboard.Features.Account;
using TrainingEval.Dashboard.Features.Applications;
using TrainingEval.Dashboard.Features.Surveys;
using TrainingEval.Dashboard.Features.Exams;
using TrainingEval.Dashboard.Features.Search;
using TrainingEval.Dashboard.Features.SavedViews;
using TrainingEval.Dashboard.Features.Admin;
using TrainingEval.Dashboard.Features.Api;
using TrainingEval.Dashboard.Features.Attendance;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Compare;
using TrainingEval.Dashboard.Features.Demo;
using TrainingEval.Dashboard.Features.Enrolment;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Features.MyLearning;
using TrainingEval.Dashboard.Features.Notifications;
using TrainingEval.Dashboard.Features.Overview;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Programs;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;

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
        {
            web.WebHost.UseStaticWebAssets();
            // No "Server: Kestrel" banner: it tells an attacker what to look up.
            web.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        }
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddDashboardComponentServices(builder.Configuration);
        builder.Services.AddDashboardSecurity(builder.Configuration);
        builder.Services.AddDashboardSecurityHeaders();
        builder.AddTrainingData();
        builder.Services.AddApi(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Everything the pages need: the shell, then one call per feature (each in its feature folder). bUnit tests call
    /// this too, so components are tested against the production registrations; the database, the sign-in and the
    /// REST API are the app's own (<see cref="AddDashboardServices"/>).
    /// </summary>
    public static IServiceCollection AddDashboardComponentServices(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<MudServicesConfiguration>? configureMud = null)
    {
        services.AddDashboardLocalization(configuration);
        services.AddDashboardShell(configureMud);
        services.AddRecordAccess();
        services.AddLiveScores();
        services.AddTableExport();

        services.AddScoring();
        services.AddProfiles();
        services.AddOverview();
        services.AddPrograms();
        services.AddCohorts();
        services.AddEnrolment();
        services.AddCompare();
        services.AddLearners();
        services.AddMyLearning();
        services.AddAttendance(configuration);
        services.AddMentoring();
        services.AddApplications();
        services.AddSurveys();
        services.AddExams();
        services.AddHealth(configuration);
        services.AddNotifications(configuration);
        services.AddReports();
        services.AddSearch();
        services.AddSavedViews();
        services.AddImport();
        services.AddAdmin();
        services.AddAccount();
        services.AddDemoCompany(configuration);
        return services;
    }

    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseDashboardSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Inside the two above: the REST API answers its errors as problem documents, never as the pages' HTML.
        app.UseApiProblems();
        app.UseDashboardLocalization();
        app.UseDashboardSecurity();
        app.UseAntiforgery();
        // Assets and the language switch serve the sign-in page too, before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapImportTemplates();
        app.MapUnsubscribe();
        app.MapTrainingEvalApi();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();
        return app;
    }
}
