namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>
/// Thrown by a service when the current user may not reach a record. Pages show the "not allowed" page and the
/// API answers 403; the denial has already been logged by <see cref="IRecordAccess"/>. The message never names
/// the record's content, only what was asked for.
/// </summary>
public sealed class AccessDeniedException(string resource) : Exception($"Access to {resource} is not allowed.")
{
    /// <summary>What was asked for, e.g. "learner 42" or "cohort SAFE-OPS-202504".</summary>
    public string Resource { get; } = resource;
}
