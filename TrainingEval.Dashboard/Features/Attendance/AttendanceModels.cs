using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>One enrolled learner on a session's roster, with their mark as read (and its revision, to detect a change in between).</summary>
public sealed record RosterLine(
    int EnrollmentId, string EmployeeNumber, string Name, string? NameEn,
    AttendanceStatus? Status, int? Revision, string? MarkedBy, DateTime? MarkedAt, bool SelfCheckIn) : IBilingualName;

/// <summary>A session's roster: the session, its check-in code and window, and every enrolled (not withdrawn) learner.</summary>
public sealed record RosterView(
    SessionCohort Cohort, SessionRow Session, string? Code, CheckInWindow? Window, CheckInState State, IReadOnlyList<RosterLine> Lines);

/// <summary>What a check-in did: the session, the status given and when, and whether the learner had checked in before.</summary>
public sealed record CheckInResult(string CohortCode, string SessionName, string? SessionNameEn, AttendanceStatus Status, DateTime At, bool AlreadyCheckedIn) : IBilingualName
{
    public string Name => SessionName;
    public string? NameEn => SessionNameEn;
}

/// <summary>A session of the signed-in learner's whose check-in is open now.</summary>
public sealed record OpenCheckIn(int SessionId, string CohortCode, string Name, string? NameEn, TimeOnly Start, TimeOnly End, bool CheckedIn) : IBilingualName;

/// <summary>What "mark everyone not yet marked as absent" did: how many it marked, and who was marked meanwhile by someone else (one sentence each).</summary>
public sealed record AbsentMarking(int Marked, IReadOnlyList<string> Skipped);
