namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>The texts of the sessions, roster and check-in pages and of their services' refusals (AttendanceStrings(.zh-CN).resx).</summary>
public sealed class AttendanceStrings;
