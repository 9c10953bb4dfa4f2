using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>The cohort a sessions page or roster belongs to.</summary>
public sealed record SessionCohort(int Id, string Code, string Name, string? NameEn, DateOnly StartDate, DateOnly EndDate) : IBilingualName;

/// <summary>One scheduled session with its attendance counts.</summary>
public sealed record SessionRow(
    int Id, int Sequence, DateOnly HeldOn, TimeOnly? Start, TimeOnly? End, string Name, string? NameEn, string? Place,
    int Present, int Late, int Absent, int Excused) : IBilingualName
{
    public int Marked => Present + Late + Absent + Excused;
}

/// <summary>A trainer account, linked to a cohort or one that could be.</summary>
public sealed record TrainerRow(string UserId, string UserName, string DisplayName);

/// <summary>The sessions page: the cohort's sessions, how many learners are enrolled, and its trainers.</summary>
public sealed record SessionsView(
    SessionCohort Cohort, IReadOnlyList<SessionRow> Sessions, int Enrolled,
    IReadOnlyList<TrainerRow> Trainers, IReadOnlyList<TrainerRow> TrainerCandidates, bool ManagesTrainers);

/// <summary>A cohort a trainer runs, with its next session (today's or later).</summary>
public sealed record TrainerCohortRow(string Code, string Name, string? NameEn, DateOnly StartDate, DateOnly EndDate, int Sessions, SessionRow? Next) : IBilingualName
{
    /// <summary>The cohort's program, whose question bank the trainer edits.</summary>
    public string ProgramCode { get; init; } = "";
}
