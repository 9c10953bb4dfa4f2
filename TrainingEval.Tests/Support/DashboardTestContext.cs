using System.Globalization;
using Bunit.TestDoubles;
using Bunit;
using Microsoft.Extensions.Configuration;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Security;

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

    /// <summary>Renders and handles events in <paramref name="name"/> (e.g. "en", "zh-CN") until the test ends.</summary>
    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
