using System.Text.Json;
using Bunit;
using TrainingEval.Dashboard.Infrastructure.Charts;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Cohorts;

/// <summary>
/// bUnit context for the cohort page: production component services, the demo database behind the
/// data services, and the chart module set up so the series and options handed to each chart can be read back.
/// </summary>
public abstract class CohortPageTestContext : DashboardTestContext
{
    protected CohortPageTestContext(TestDatabase database)
    {
        CohortDemoDatabase.Register(Services, database);
        Module = JSInterop.SetupModule(ApexChart.ModulePath);
        Module.Setup<bool>("create", _ => true).SetResult(true);
        Module.SetupVoid("updateOptions", _ => true).SetVoidResult();
        Module.SetupVoid("updateSeries", _ => true).SetVoidResult();
        Module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    protected BunitJSModuleInterop Module { get; }

    /// <summary>
    /// The module calls of one chart in order. The component talks to the module through a handle of its
    /// own; the chart's <c>Id</c> is in the options it creates the chart with (<c>chart.id</c>).
    /// </summary>
    private IEnumerable<(string Call, IReadOnlyList<object?> Args)> CallsOf(string chartId)
    {
        string? handle = null;
        foreach (var call in Module.Invocations)
        {
            var args = call.Arguments;
            if (call.Identifier == "create")
            {
                var id = JsonDocument.Parse((string)args[2]!).RootElement.GetProperty("chart").GetProperty("id").GetString();
                if (id != chartId)
                    continue;
                handle = (string?)args[1];
                yield return (call.Identifier, args);
            }
            else if (handle is not null && args.Count > 0 && (string?)args[0] == handle)
            {
                yield return (call.Identifier, args);
            }
        }
    }

    /// <summary>The series most recently sent to the chart <paramref name="chartId"/>; null when none was sent.</summary>
    protected JsonElement? LatestSeries(string chartId)
    {
        string? json = null;
        foreach (var (call, args) in CallsOf(chartId))
        {
            json = call switch
            {
                "create" => (string?)args[3],
                "updateOptions" when args[2] is string series => series,
                "updateSeries" => (string?)args[1],
                _ => json,
            };
        }
        return json is null ? null : JsonDocument.Parse(json).RootElement;
    }

    /// <summary>The options most recently sent to the chart <paramref name="chartId"/>.</summary>
    protected JsonElement? LatestOptions(string chartId)
    {
        string? json = null;
        foreach (var (call, args) in CallsOf(chartId))
        {
            json = call switch
            {
                "create" => (string?)args[2],
                "updateOptions" => (string?)args[1],
                _ => json,
            };
        }
        return json is null ? null : JsonDocument.Parse(json).RootElement;
    }

    protected int SeriesUpdates(string chartId) =>
        CallsOf(chartId).Count(c => c.Call == "updateSeries" || (c.Call == "updateOptions" && c.Args[2] is not null));

    protected static IReadOnlyList<string> Categories(JsonElement options) =>
        [.. options.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(c => c.GetString()!)];

    /// <summary>The plain values of each series (null for a gap), by series name.</summary>
    protected static IReadOnlyDictionary<string, double?[]> Values(JsonElement series) =>
        series.EnumerateArray().ToDictionary(
            s => s.GetProperty("name").GetString()!,
            s => s.GetProperty("data").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray());
}
