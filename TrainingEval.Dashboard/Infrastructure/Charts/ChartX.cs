using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>
/// An x value: a category name, a number, or a point in time (sent as Unix milliseconds, which is
/// what a datetime axis expects). Converts implicitly from <see cref="string"/>, <see cref="double"/>
/// and <see cref="DateTimeOffset"/>.
/// </summary>
[JsonConverter(typeof(ChartXJsonConverter))]
public readonly record struct ChartX
{
    private ChartX(string? category, double number)
    {
        Category = category;
        Number = number;
    }

    /// <summary>The category name, or null for a numeric x.</summary>
    public string? Category { get; }

    /// <summary>The numeric x (Unix milliseconds for times); meaningless for a category.</summary>
    public double Number { get; }

    public bool IsCategory => Category is not null;

    public static ChartX FromCategory(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return new(category, 0);
    }

    public static ChartX FromNumber(double number)
    {
        if (!double.IsFinite(number))
            throw new ArgumentOutOfRangeException(nameof(number), number, "A chart x value must be a finite number.");
        return new(null, number);
    }

    public static ChartX FromTime(DateTimeOffset time) => new(null, time.ToUnixTimeMilliseconds());

    public static implicit operator ChartX(string category) => FromCategory(category);
    public static implicit operator ChartX(double number) => FromNumber(number);
    public static implicit operator ChartX(DateTimeOffset time) => FromTime(time);

    public override string ToString() => Category ?? Number.ToString(CultureInfo.InvariantCulture);
}

internal sealed class ChartXJsonConverter : JsonConverter<ChartX>
{
    public override ChartX Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => ChartX.FromCategory(reader.GetString()!),
            JsonTokenType.Number => ChartX.FromNumber(reader.GetDouble()),
            _ => throw new JsonException($"A chart x value must be a string or a number, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, ChartX value, JsonSerializerOptions options)
    {
        if (value.Category is { } category)
            writer.WriteStringValue(category);
        else
            writer.WriteNumberValue(value.Number);
    }
}
