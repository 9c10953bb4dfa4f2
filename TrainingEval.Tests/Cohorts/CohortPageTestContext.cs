using System.Text.Json;
using Bunit;
using TrainingEval.Dashboard.Components.Charts;
using TrainingEval.Tests.Data;
using TrainingEval.Tests.Infrastructure;

namespace TrainingEval.Tests.Cohorts;

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

    /// <summary>The series most recently sent to the chart <paramref name="chartId"/>; null when none was sent.</summary>
    protected JsonElement? LatestSeries(string chartId)
    {
        // The component keys browser charts by a per-instance handle; the chart id is in the options.
        string? json = null;
        string? handle = null;
        foreach (var call in Module.Invocations)
        {
            var args = call.Arguments;
            switch (call.Identifier)
            {
                case "create" when args[2] is string options && ChartIdOf(options) == chartId:
                    handle = (string?)args[1];
                    json = (string?)args[3];
                    break;
                case "updateOptions" when handle is not null && (string?)args[0] == handle && args[2] is string series:
                    json = series;
                    break;
                case "updateSeries" when handle is not null && (string?)args[0] == handle:
                    json = (string?)args[1];
                    break;
            }
        }
        return json is null ? null : JsonDocument.Parse(json).RootElement;
    }

    /// <summary>The options most recently sent to the chart <paramref name="chartId"/>.</summary>
    protected JsonElement? LatestOptions(string chartId)
    {
        string? json = null;
        foreach (var call in Module.Invocations)
        {
            var args = call.Arguments;
            if (call.Identifier == "create" && (string?)args[1] == chartId)
                json = (string?)args[2];
            else if (call.Identifier == "updateOptions" && (string?)args[0] == chartId)
                json = (string?)args[1];
        }
        return json is null ? null : JsonDocument.Parse(json).RootElement;
    }

    protected int SeriesUpdates(string chartId) => Module.Invocations.Count(c =>
        (c.Identifier == "updateSeries" && (string?)c.Arguments[0] == chartId)
        || (c.Identifier == "updateOptions" && (string?)c.Arguments[0] == chartId && c.Arguments[2] is not null));

    protected static IReadOnlyList<string> Categories(JsonElement options) =>
        [.. options.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(c => c.GetString()!)];

    /// <summary>The plain values of each series (null for a gap), by series name.</summary>
    protected static IReadOnlyDictionary<string, double?[]> Values(JsonElement series) =>
        series.EnumerateArray().ToDictionary(
            s => s.GetProperty("name").GetString()!,
            s => s.GetProperty("data").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray());

    private static string? ChartIdOf(string optionsJson)
    {
        using var options = JsonDocument.Parse(optionsJson);
        return options.RootElement.TryGetProperty("chart", out var chart) && chart.TryGetProperty("id", out var id) ? id.GetString() : null;
    }
}
