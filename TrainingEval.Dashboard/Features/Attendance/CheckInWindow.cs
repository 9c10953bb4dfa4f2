namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>Where a moment falls against a session's check-in window.</summary>
public enum CheckInState
{
    /// <summary>The session has no start or end time: learners cannot check in, the trainer marks the roster.</summary>
    NoTimes,
    NotYet,
    Open,
    Closed,
}

/// <summary>
/// A session's check-in window in the organisation's local time: from <see cref="OpensAt"/> (the configured minutes
/// before the start) until <see cref="EndsAt"/>; a check-in after <see cref="LateFrom"/> is late.
/// </summary>
public sealed record CheckInWindow(DateTime OpensAt, DateTime StartsAt, DateTime LateFrom, DateTime EndsAt)
{
    /// <summary>The window of a session on <paramref name="day"/>, or null when it has no start or end time.</summary>
    public static CheckInWindow? Of(DateOnly day, TimeOnly? start, TimeOnly? end, CheckInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (start is not { } s || end is not { } e)
            return null;
        var startsAt = day.ToDateTime(s);
        return new CheckInWindow(startsAt.AddMinutes(-options.OpensMinutesBeforeStart), startsAt, startsAt.AddMinutes(options.LateAfterMinutes), day.ToDateTime(e));
    }

    public CheckInState StateAt(DateTime localNow) =>
        localNow < OpensAt ? CheckInState.NotYet : localNow > EndsAt ? CheckInState.Closed : CheckInState.Open;

    /// <summary>Present up to the grace time after the start, late after it.</summary>
    public Infrastructure.Persistence.Entities.AttendanceStatus StatusAt(DateTime localNow) =>
        localNow > LateFrom ? Infrastructure.Persistence.Entities.AttendanceStatus.Late : Infrastructure.Persistence.Entities.AttendanceStatus.Present;
}
