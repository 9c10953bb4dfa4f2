using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>How options and series are written for ApexCharts: camelCase, nulls omitted, enums as camelCase strings.</summary>
internal static class ChartJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The JSON only ever reaches JSON.parse in the chart module, never HTML, so Chinese labels
        // can stay readable instead of becoming \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
