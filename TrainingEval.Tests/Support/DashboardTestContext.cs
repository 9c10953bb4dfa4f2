using System.Globalization;
using Bunit.TestDoubles;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Tests.Support;

/// <summary>
/// Base of every bUnit test: the dashboard's production component registrations (localization from
/// the real resx files, options from the repository root's appsettings.json, validators, circuit
/// state) with MudBlazor's test settings — no transitions, no popover-provider check — and loose
/// JS interop. Each test sets its UI culture with <see cref="UseCulture"/>.
/// </summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        var configuration = new ConfigurationManager();
        configuration.AddRootAppSettings();
        Services.AddDashboardComponentServices(configuration, mud =>
        {
            mud.PopoverOptions.CheckForPopoverProvider = false;
            mud.SnackbarConfiguration.ShowTransitionDuration = 0;
            mud.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Pages render for a signed-in HR analyst unless a test signs in someone else.
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("analyst");
        Authorization.SetRoles(Roles.HrAnalyst);
    }

    /// <summary>The signed-in user of the rendered components (bUnit's fake authentication state).</summary>
    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>The level and tier names in the current UI culture.</summary>
    protected IStringLocalizer<EvaluationStrings> Terms => Services.GetRequiredService<IStringLocalizer<EvaluationStrings>>();

    /// <summary>Renders every component of the test inside the theme cascade MainLayout gives pages (light until this is called).</summary>
    protected void UseTheme(ThemeState theme) => RenderTree.Add<CascadingValue<ThemeState>>(p => p.Add(c => c.Value, theme));

    /// <summary>Renders and handles events in <paramref name="name"/> (e.g. "en", "zh-CN") until the test ends.</summary>
    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
