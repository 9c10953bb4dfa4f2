using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Notifications;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.Health;

/// <summary>
/// Computes the last finished ISO week at start-up and then whenever a new week has finished (checked every
/// <see cref="HealthOptions.CheckInterval"/>). Safe to run in several app instances: the snapshot run is idempotent
/// and the unique (learner, week) key settles a race. Off with <c>TrainingEval:Health:BackgroundJobEnabled = false</c>.
/// </summary>
public sealed partial class HealthSnapshotJob(
    HealthSnapshotService snapshots,
    DigestWriter digests,
    TimeProvider clock,
    CurrentActor actor,
    IOptions<HealthOptions> options,
    ILogger<HealthSnapshotJob> logger) : BackgroundService
{
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
                await snapshots.ComputeWeekAsync(week, cancellationToken: stoppingToken);
                await digests.WriteAsync(week, stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The learning health snapshot of {Week} failed; it is tried again at the next check")]
    private static partial void LogFailed(ILogger logger, Exception exception, Domain.Comparisons.IsoWeek week);
}
