using System.Text.Json.Serialization;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>
/// A label formatter where ApexCharts takes a callback (axis labels, data labels, tooltips, a donut's total). ApexCharts
/// calls formatters synchronously, so a .NET callback (a round trip per label on Blazor Server) cannot be one; and code
/// sent to the browser would need the Content-Security-Policy's <c>'unsafe-eval'</c>. So a formatter is one of a fixed set of
/// kinds with parameters, and ApexChart.razor.js builds each kind from its own code.
/// </summary>
/// <remarks>A number formatter writes a number with <see cref="Digits"/> decimals and <see cref="Suffix"/>, a missing value as
/// <see cref="Missing"/>, and anything that is not a number (a category name) as it is.</remarks>
[JsonConverter(typeof(ChartFormatterJsonConverter))]
public sealed record ChartFormatter
{
    /// <summary>The property name ApexChart.razor.js looks for when it builds formatters from the JSON.</summary>
    internal const string JsonMarker = "__formatter";

    private ChartFormatter(string kind) => Kind = kind;

    /// <summary>"number", "asIs" or "seriesTotal" (the kinds ApexChart.razor.js knows).</summary>
    public string Kind { get; }

    public int Digits { get; private init; }

    public string Missing { get; private init; } = "";

    public string Suffix { get; private init; } = "";

    /// <summary>Numbers below this are left blank (a slice too thin for its label).</summary>
    public double? HideBelow { get; private init; }

    /// <summary>Numbers at or above this are left blank (a radar's outer ring, which the axis already names).</summary>
    public double? HideFrom { get; private init; }

    /// <summary>A number with <paramref name="digits"/> decimals, e.g. <c>Number(1, "—")</c>: 72.35 → "72.4", null → "—".</summary>
    public static ChartFormatter Number(int digits, string missing = "", string suffix = "", double? hideBelow = null, double? hideFrom = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 6);
        return new("number") { Digits = digits, Missing = missing, Suffix = suffix, HideBelow = hideBelow, HideFrom = hideFrom };
    }

    /// <summary>The value as it is (a count in a tooltip).</summary>
    public static ChartFormatter AsIs { get; } = new("asIs");

    /// <summary>A donut's total label: the sum of the series, with the reader's thousands separators.</summary>
    public static ChartFormatter SeriesTotal { get; } = new("seriesTotal");
}

/// <summary>Writes <c>{"__formatter": {"kind": …, …}}</c> so the module can tell a formatter from a plain object.</summary>
internal sealed class ChartFormatterJsonConverter : JsonConverter<ChartFormatter>
{
    public override ChartFormatter Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        throw new NotSupportedException("Chart formatters are only written to the browser, never read back.");

    public override void Write(System.Text.Json.Utf8JsonWriter writer, ChartFormatter value, System.Text.Json.JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(ChartFormatter.JsonMarker);
        writer.WriteString("kind", value.Kind);
        if (value.Kind == "number")
        {
            writer.WriteNumber("digits", value.Digits);
            writer.WriteString("missing", value.Missing);
            writer.WriteString("suffix", value.Suffix);
            if (value.HideBelow is { } below)
                writer.WriteNumber("hideBelow", below);
            if (value.HideFrom is { } from)
                writer.WriteNumber("hideFrom", from);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
