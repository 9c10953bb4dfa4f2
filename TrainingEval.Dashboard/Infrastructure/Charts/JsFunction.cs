using System.Text.Json.Serialization;
using System.Text.Json;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>
/// A JavaScript function expression used where ApexCharts takes a callback (formatters). On Blazor
/// Server a .NET callback would be an asynchronous round trip per label, and ApexCharts calls
/// formatters synchronously, so formatters are written in JavaScript and compiled in the browser
/// by ApexChart.razor.js. Only ever build these from code, never from user input.
/// </summary>
/// <example><c>new JsFunction("v => v == null ? '' : v.toFixed(1)")</c></example>
[JsonConverter(typeof(JsFunctionJsonConverter))]
public sealed record JsFunction
{
    /// <summary>The property name ApexChart.razor.js looks for when it revives functions from JSON.</summary>
    internal const string JsonMarker = "__jsFunction";

    public JsFunction(string source)
    {
        if (string.IsNullOrWhiteSpace(source))
            throw new ArgumentException("A chart formatter needs a JavaScript function expression, e.g. \"v => v.toFixed(1)\".", nameof(source));
        Source = source;
    }

    public string Source { get; }

    public static implicit operator JsFunction(string source) => new(source);

    public override string ToString() => Source;
}

/// <summary>Writes <c>{"__jsFunction": "source"}</c> so the module can tell a function from a plain string.</summary>
internal sealed class JsFunctionJsonConverter : JsonConverter<JsFunction>
{
    public override JsFunction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"Expected an object with \"{JsFunction.JsonMarker}\".");
        string? source = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == JsFunction.JsonMarker)
                source = reader.GetString();
        }
        return new JsFunction(source ?? throw new JsonException($"Missing \"{JsFunction.JsonMarker}\"."));
    }

    public override void Write(Utf8JsonWriter writer, JsFunction value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(JsFunction.JsonMarker, value.Source);
        writer.WriteEndObject();
    }
}
