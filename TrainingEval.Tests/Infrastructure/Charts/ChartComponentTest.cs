using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TrainingEval.Dashboard.Infrastructure.Charts;

namespace TrainingEval.Tests.Infrastructure.Charts;

/// <summary>
/// bUnit context for <see cref="ApexChart"/>: strict JS interop with the chart module set up, so an
/// unexpected JS call fails the test. Disposed asynchronously as bUnit 2 requires.
/// </summary>
public abstract class ChartComponentTest : IAsyncDisposable
{
    protected ChartComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Strict;
        Module = Context.JSInterop.SetupModule(ApexChart.ModulePath);
        // The chart's text alternative (its data-table toggle) is a localized MudBlazor button.
        Context.Services.AddLocalization();
        Context.Services.AddMudServices();
    }

    protected BunitContext Context { get; } = new();

    protected BunitJSModuleInterop Module { get; }

    protected IReadOnlyList<JSRuntimeInvocation> Calls(string identifier) =>
        [.. Module.Invocations.Where(i => i.Identifier == identifier)];

    /// <summary>Every module function called, sorted by name: bUnit groups invocations by identifier, so order is not kept.</summary>
    protected IReadOnlyList<string> CallsMade() => [.. Module.Invocations.Select(i => i.Identifier).Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
