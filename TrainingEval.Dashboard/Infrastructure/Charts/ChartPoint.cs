using System.Text.Json.Serialization;
using System.Text.Json;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>
/// One data point. Serializes the way ApexCharts expects for its kind: a plain number when there is
/// no x (categories come from <see cref="ChartXAxis.Categories"/>), <c>{x, y}</c> for a value,
/// <c>{x, y: [low, high]}</c> for a range and <c>{x, y: [min, q1, median, q3, max]}</c> for a box.
/// A null value leaves a gap.
/// </summary>
[JsonConverter(typeof(ChartPointJsonConverter))]
public sealed record ChartPoint
{
    private ChartPoint(ChartX? x, double? value, IReadOnlyList<double>? values)
    {
        X = x;
        Value = value;
        Values = values;
    }

    public ChartX? X { get; }

    /// <summary>The single value of a plain point (null for ranges, boxes and gaps).</summary>
    public double? Value { get; }

    /// <summary>The [low, high] of a range or the five numbers of a box; null for plain points.</summary>
    public IReadOnlyList<double>? Values { get; }

    /// <summary>Overrides the series colour for this point.</summary>
    public string? FillColor { get; init; }

    /// <summary>
    /// Where clicking this point (or its row's label in the chart's data table) leads: the records behind it, as an
    /// app-relative link such as <c>cohorts/LEAN-2025-03</c> (<see cref="ChartHref.Check"/>). Never sent to the browser
    /// with the data: the chart reports which point was clicked and the component navigates.
    /// </summary>
    public string? Href
    {
        get => _href;
        init => _href = ChartHref.Check(value);
    }

    private readonly string? _href;

    public ChartPointKind Kind => Values switch
    {
        null => ChartPointKind.Value,
        { Count: 2 } => ChartPointKind.Range,
        _ => ChartPointKind.Box,
    };

    /// <summary>A value on a category axis whose names come from the x axis.</summary>
    public static ChartPoint Of(double? value) => new(null, Finite(value), null);

    public static ChartPoint Of(ChartX x, double? value) => new(x, Finite(value), null);

    /// <summary>A band from <paramref name="low"/> to <paramref name="high"/> (range-area and range-bar charts).</summary>
    public static ChartPoint Range(ChartX x, double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || low > high)
            throw new ArgumentException($"A range needs finite low <= high, got [{low}, {high}] at x = {x}.", nameof(low));
        return new(x, null, [low, high]);
    }

    /// <summary>A box-plot point: minimum, lower quartile, median, upper quartile, maximum.</summary>
    public static ChartPoint Box(ChartX x, double min, double q1, double median, double q3, double max)
    {
        double[] five = [min, q1, median, q3, max];
        for (var i = 0; i < five.Length; i++)
        {
            if (!double.IsFinite(five[i]) || (i > 0 && five[i] < five[i - 1]))
                throw new ArgumentException($"A box needs finite min <= q1 <= median <= q3 <= max, got [{string.Join(", ", five)}] at x = {x}.", nameof(min));
        }
        return new(x, null, five);
    }

    private static double? Finite(double? value) =>
        value is { } v && !double.IsFinite(v)
            ? throw new ArgumentOutOfRangeException(nameof(value), v, "A chart value must be a finite number or null.")
            : value;
}

public enum ChartPointKind { Value, Range, Box }

internal sealed class ChartPointJsonConverter : JsonConverter<ChartPoint>
{
    public override ChartPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Chart points are only ever sent to the browser.");

    public override void Write(Utf8JsonWriter writer, ChartPoint value, JsonSerializerOptions options)
    {
        if (value.X is null && value.Values is null && value.FillColor is null)
        {
            WriteNumber(writer, value.Value);
            return;
        }

        writer.WriteStartObject();
        if (value.X is { } x)
        {
            writer.WritePropertyName("x");
            JsonSerializer.Serialize(writer, x, options);
        }
        writer.WritePropertyName("y");
        if (value.Values is { } values)
        {
            writer.WriteStartArray();
            foreach (var v in values)
                writer.WriteNumberValue(v);
            writer.WriteEndArray();
        }
        else
        {
            WriteNumber(writer, value.Value);
        }
        if (value.FillColor is { } fill)
            writer.WriteString("fillColor", fill);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, double? value)
    {
        if (value is { } v)
            writer.WriteNumberValue(v);
        else
            writer.WriteNullValue();
    }
}
