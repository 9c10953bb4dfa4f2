using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Notifications;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Health;

/// <summary>
/// Computes the last finished ISO week at start-up and then whenever a new week has finished (checked every
/// <see cref="HealthOptions.CheckInterval"/>). Several instances over one PostgreSQL database run each week once: the
/// run holds the <see cref="SharedJob.HealthSnapshots"/> <see cref="JobLock"/>, and an instance that finds it held
/// leaves that week to the holder (which retries a failed run itself at its next check). Behind the lock the run is
/// idempotent anyway (the unique (learner, week) snapshot and (mentor, week) digest keys settle any race).
/// Off with <c>TrainingEval:Health:BackgroundJobEnabled = false</c>.
/// </summary>
public sealed partial class HealthSnapshotJob(
    HealthSnapshotService snapshots,
    DigestWriter digests,
    JobLock jobLock,
    TimeProvider clock,
    CurrentActor actor,
    IOptions<HealthOptions> options,
    ILogger<HealthSnapshotJob> logger) : BackgroundService
{
    /// <summary>
    /// The week's snapshots, alerts and digests, unless another instance is running them now (false: nothing done here).
    /// </summary>
    public async Task<bool> RunWeekAsync(Domain.Comparisons.IsoWeek week, CancellationToken cancellationToken = default)
    {
        await using var held = await jobLock.TryAcquireAsync(SharedJob.HealthSnapshots, cancellationToken);
        if (held is null)
        {
            LogLeftToAnotherInstance(logger, week);
            return false;
        }
        await snapshots.ComputeWeekAsync(week, cancellationToken: cancellationToken);
        await digests.WriteAsync(week, cancellationToken);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundJobEnabled)
            return;
        // Nobody asked for this run: its alerts are the system's.
        using var system = actor.As(UserContext.System);
        Domain.Comparisons.IsoWeek? done = null;
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            var week = HealthSnapshotService.LastFinishedWeek(clock.GetUtcNow().UtcDateTime);
            if (week == done)
                continue;
            try
            {
                // Ran here, or another instance is running it: either way this instance is done with the week.
                await RunWeekAsync(week, stoppingToken);
                done = week;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run (e.g. the database busy) is tried again at the next tick; the app keeps serving.
                LogFailed(logger, ex, week);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The learning health snapshot of {Week} is being run by another instance; this one skips it")]
    private static partial void LogLeftToAnotherInstance(ILogger logger, Domain.Comparisons.IsoWeek week);

    [LoggerMessage(Level = LogLevel.Error, Message = "The learning health snapshot of {Week} failed; it is tried again at the next check")]
    private static partial void LogFailed(ILogger logger, Exception exception, Domain.Comparisons.IsoWeek week);
}
