namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>
/// The rules a session must keep, in one place: the sessions import (<c>Import.SessionImport</c>) and the sessions page
/// (<see cref="SessionFormValidator"/>, <see cref="SessionService"/>) both call them and only word the refusal their own way.
/// </summary>
public static class SessionRules
{
    /// <summary>A session ends after it starts (either time may be unknown for an imported session).</summary>
    public static bool EndsAfterStart(TimeOnly? start, TimeOnly? end) => end is null || start is null || end > start;

    /// <summary>A session is held on a day of its cohort's run.</summary>
    public static bool WithinCohort(DateOnly heldOn, DateOnly cohortStart, DateOnly cohortEnd) => heldOn >= cohortStart && heldOn <= cohortEnd;

    /// <summary>The length in minutes, when both times are known and in order.</summary>
    public static int? Duration(TimeOnly? start, TimeOnly? end) => start is { } s && end is { } e && e > s ? (int)(e - s).TotalMinutes : null;
}
