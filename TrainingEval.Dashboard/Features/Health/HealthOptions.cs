namespace TrainingEval.Dashboard.Features.Health;

/// <summary>Configuration section <c>TrainingEval:Health</c>: the weekly learning health snapshots and their alerts.</summary>
public sealed class HealthOptions
{
    public const string Section = "TrainingEval:Health";

    /// <summary>Runs the background job: the last finished week at start-up, then once a week. Tests turn it off.</summary>
    public bool BackgroundJobEnabled { get; set; } = true;

    /// <summary>How often the job looks for a newly finished week (it computes each week once; reruns change nothing).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The trailing window of each snapshot, in days (spec default 28).</summary>
    public int WindowDays { get; set; } = Domain.Health.LearningHealthIndex.DefaultWindowDays;

    /// <summary>
    /// When the demo company is seeded, its snapshot history is backfilled; alerts are raised only for this many most
    /// recent weeks, so mentors start with the alerts they could still act on rather than three years of them.
    /// </summary>
    public int BackfillAlertWeeks { get; set; } = 6;
}
