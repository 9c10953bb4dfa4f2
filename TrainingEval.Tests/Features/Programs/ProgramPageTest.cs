using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Programs;

/// <summary>bUnit base for the overview, program and comparison pages: production registrations over the shared demo database.</summary>
public abstract class ProgramPageTest : DashboardTestContext, IClassFixture<DemoCompanyDatabase>
{
    protected ProgramPageTest(DemoCompanyDatabase demo)
    {
        Demo = demo;
        demo.AddTo(Services);
        ChartModule = JSInterop.SetupModule(ApexChart.ModulePath);
        ChartModule.Mode = JSRuntimeMode.Loose;
        UseCulture("en");
    }

    protected DemoCompanyDatabase Demo { get; }

    /// <summary>The chart module: its recorded calls are what the charts hand ApexCharts (see <see cref="PageColours"/>).</summary>
    protected BunitJSModuleInterop ChartModule { get; }

    protected void GoTo(string relativeUrl) => Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);

    /// <summary>The chart with this id, once the page has loaded and handed it data.</summary>
    protected static ApexChart Chart<TPage>(IRenderedComponent<TPage> page, string id) where TPage : class, IComponent =>
        page.FindComponents<ApexChart>().Select(c => c.Instance).Single(c => c.Id == id);
}
