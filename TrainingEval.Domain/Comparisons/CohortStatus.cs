namespace TrainingEval.Domain.Comparisons;

/// <summary>
/// Where a cohort stands on a given day (the one status of the app, spec section 9): planned before its first day,
/// running from its first to its last day, ended once its last day has passed, closed once HR closed it (its
/// official scores then use the profile version frozen at closing). A closed cohort is closed whatever its dates say.
/// </summary>
public enum CohortStatus
{
    Planned,
    Running,
    Ended,
    Closed,
}

/// <summary>The cohort status rule and what it means for the cohort's results.</summary>
public static class CohortStatuses
{
    /// <summary>
    /// The status of a cohort running <paramref name="start"/>–<paramref name="end"/> (both days inclusive) on
    /// <paramref name="today"/>: closed when <paramref name="isClosed"/>, else planned before the start, running
    /// through the last day, ended after it.
    /// </summary>
    public static CohortStatus Of(DateOnly start, DateOnly end, bool isClosed, DateOnly today) =>
        isClosed ? CohortStatus.Closed
            : today < start ? CohortStatus.Planned
            : today <= end ? CohortStatus.Running
            : CohortStatus.Ended;

    /// <summary>Ended or closed: the cohort's last day has passed (or HR closed it).</summary>
    public static bool HasEnded(this CohortStatus status) => status is CohortStatus.Ended or CohortStatus.Closed;

    /// <summary>
    /// Running cohorts are provisional as a whole (spec section 9): the pass rate, tier mix and ranking of a cohort that
    /// has not ended are shown marked, never as final results — whatever each learner's coverage is.
    /// </summary>
    public static bool ResultsAreProvisional(this CohortStatus status) => !status.HasEnded();

    /// <summary>
    /// Whether a cohort is still followed up: running, or ended (or closed) with its last day at most
    /// <paramref name="trackingDays"/> days before <paramref name="today"/> — the application window in which
    /// on-the-job transfer is still being recorded. A planned cohort is not followed yet.
    /// </summary>
    public static bool IsTracked(CohortStatus status, DateOnly end, DateOnly today, int trackingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trackingDays);
        return status == CohortStatus.Running || (status.HasEnded() && today.DayNumber - end.DayNumber <= trackingDays);
    }
}
