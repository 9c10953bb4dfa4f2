namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>Configuration section <c>TrainingEval:CheckIn</c>: when learners may check in to a session with its code.</summary>
public sealed class CheckInOptions
{
    public const string Section = "TrainingEval:CheckIn";

    /// <summary>The largest value either setting accepts (a whole day).</summary>
    public const int MaxMinutes = 24 * 60;

    /// <summary>Check-in opens this many minutes before the session starts (and stays open until it ends).</summary>
    public int OpensMinutesBeforeStart { get; set; } = 15;

    /// <summary>A check-in more than this many minutes after the start is marked late.</summary>
    public int LateAfterMinutes { get; set; } = 10;

    /// <summary>Why these options cannot be used, or null when they can.</summary>
    public string? Problem() =>
        OpensMinutesBeforeStart is < 0 or > MaxMinutes || LateAfterMinutes is < 0 or > MaxMinutes
            ? $"{Section} needs OpensMinutesBeforeStart and LateAfterMinutes between 0 and {MaxMinutes} minutes."
            : null;
}
