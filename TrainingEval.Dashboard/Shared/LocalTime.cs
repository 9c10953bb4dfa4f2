using System.Globalization;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Hosting;

namespace TrainingEval.Dashboard.Shared;

/// <summary>
/// Writes stored UTC instants in the organisation's time zone (<see cref="TrainingEvalOptions.TimeZone"/>) with the
/// offset beside them, e.g. "2026-12-06 21:17:25 (UTC+08:00)", so nobody has to guess which clock a time is on.
/// </summary>
public sealed class LocalTime(IOptions<TrainingEvalOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    /// <summary>The instant in the organisation's zone.</summary>
    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>Date, time to the second and the zone's offset at that instant.</summary>
    public string Format(DateTime utc)
    {
        var local = ToLocal(utc);
        var offset = _zone.GetUtcOffset(local);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm:ss} (UTC{sign}{offset:hh\\:mm})");
    }
}
