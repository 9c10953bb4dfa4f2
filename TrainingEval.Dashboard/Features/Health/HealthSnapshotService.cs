using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;

namespace TrainingEval.Dashboard.Features.Health;

/// <summary>What a snapshot run did.</summary>
public sealed record HealthRun(IsoWeek From, IsoWeek To, int Inserted, int Updated, int Unchanged, int Removed, int AlertsRaised, TimeSpan Elapsed)
{
    /// <summary>Untouched alerts of an earlier recompute after an import that the records no longer support.</summary>
    public int AlertsWithdrawn { get; init; }
}

/// <summary>
/// Computes the weekly learning health snapshots (spec section 5) and raises the index and score alerts, for every
/// learner or one. A run reads every record of the weeks' windows in a few set-based queries, computes in memory
/// with <see cref="LearningHealthIndex"/> and <see cref="AlertRules"/>, and writes snapshots and alerts in one
/// transaction. It is idempotent: a rerun of a week updates only values that changed and raises no alert twice
/// (alerts remember their week). Two app instances running the same week collide on the unique
/// (learner, year, week) index; the loser rolls back, re-reads and finds nothing left to do.
/// </summary>
public sealed partial class HealthSnapshotService(
    IDbContextFactory<TrainingDbContext> factory,
    TimeProvider clock,
    IOptions<HealthOptions> options,
    ILogger<HealthSnapshotService> logger,
    Notifications.Delivery.OutboxWriter? outbox = null)
{
    private const int MaxAttempts = 3;

    /// <summary>The latest week that has ended before <paramref name="utcNow"/>'s day.</summary>
    public static IsoWeek LastFinishedWeek(DateTime utcNow) => IsoWeek.Of(DateOnly.FromDateTime(utcNow).AddDays(-7));

    public Task<HealthRun> ComputeWeekAsync(IsoWeek week, int? learnerId = null, CancellationToken cancellationToken = default) =>
        ComputeWeeksAsync(week, week, learnerId, alertsFrom: null, cancellationToken);

    /// <summary>
    /// After records of these cohorts came in (an import): recomputes every finished week the cohorts touch — from the
    /// week of the earliest start to the last week whose window still reaches the latest end — for their learners, and
    /// raises the alerts of those weeks (an imported history is exactly what a mentor needs the alerts of). Returns null
    /// when none of the weeks has finished yet.
    /// </summary>
    public async Task<HealthRun?> ComputeForCohortsAsync(IReadOnlyCollection<int> cohortIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohortIds);
        if (cohortIds.Count == 0)
            return null;
        List<(DateOnly Start, DateOnly End)> dates;
        Dictionary<int, int> marked;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // Read before the records: a write marking a cohort while this runs keeps its mark (PendingRecomputes).
            marked = await PendingRecomputes.GenerationsAsync(db, cohortIds, cancellationToken);
            dates = [.. (await db.Cohorts.AsNoTracking().Select(c => new { c.Id, c.StartDate, c.EndDate }).WhereInAsync(cohortIds, c => c.Id, cancellationToken))
                .Select(c => (c.StartDate, c.EndDate))];
        }
        var run = await ComputeCohortWeeksAsync(cohortIds, dates, cancellationToken);
        if (marked.Count > 0)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await PendingRecomputes.HealthDoneAsync(db, marked, cancellationToken);
        }
        return run;
    }

    private async Task<HealthRun?> ComputeCohortWeeksAsync(IReadOnlyCollection<int> cohortIds, List<(DateOnly Start, DateOnly End)> dates, CancellationToken cancellationToken)
    {
        if (dates.Count == 0)
            return null;
        var from = IsoWeek.Of(dates.Min(d => d.Start));
        var last = IsoWeek.Of(dates.Max(d => d.End).AddDays(options.Value.WindowDays - 1));
        var finished = LastFinishedWeek(clock.GetUtcNow().UtcDateTime);
        var to = last < finished ? last : finished;
        if (to < from)
            return null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunAsync(from, to, null, alertsFrom: null, [.. cohortIds.Distinct()], cancellationToken);
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsUniqueViolation(ex))
            {
                LogRetry(logger, from, to, attempt);
            }
        }
    }

    /// <param name="alertsFrom">Raise alerts only for weeks from this one on (null: every week of the run).</param>
    public async Task<HealthRun> ComputeWeeksAsync(IsoWeek from, IsoWeek to, int? learnerId = null, IsoWeek? alertsFrom = null, CancellationToken cancellationToken = default)
    {
        if (to < from)
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The last week {to} is before the first {from}.");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunAsync(from, to, learnerId, alertsFrom, cohorts: null, cancellationToken);
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsUniqueViolation(ex))
            {
                // Another instance stored some of these weeks (or alerts) between our read and our write: read again.
                LogRetry(logger, from, to, attempt);
            }
        }
    }

    private static bool IsUniqueViolation(Exception ex) =>
        ex is DuplicateValueException
        || (ex is System.Data.Common.DbException provider && DatabaseProviderSetup.ReadConstraintError(provider)?.Failure == ConstraintFailure.Unique);

    /// <param name="cohorts">When given, only the learners of these cohorts (with every cohort they are in).</param>
    private async Task<HealthRun> RunAsync(IsoWeek from, IsoWeek to, int? learnerId, IsoWeek? alertsFrom, int[]? cohorts, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var windowDays = options.Value.WindowDays;
        var rangeStart = LearningHealthIndex.WindowStart(from.End, windowDays);
        var rangeEnd = to.End;
        var now = clock.GetUtcNow().UtcDateTime;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var activity = await ActivityWindow.LoadAsync(db, rangeStart, rangeEnd, learnerId, cohorts, cancellationToken);

        var learnerIds = activity.LearnerIds(learnerId, cohorts);
        // "One of the learners of the run", as SQL: no list of ids in the statement, however many learners an import touches.
        IQueryable<LearningHealthSnapshot> snapshots = db.HealthSnapshots;
        var alertRows = db.Alerts.AsNoTracking();
        if (cohorts is not null)
        {
            var inScope = db.Enrollments.Where(e => cohorts.Contains(e.CohortId)).Select(e => e.LearnerId);
            snapshots = snapshots.Where(s => inScope.Contains(s.LearnerId));
            alertRows = alertRows.Where(a => inScope.Contains(a.LearnerId));
        }
        var fromStart = from.Start;
        // The learner's latest earlier snapshot with an index; whether it counts as the previous one "in the same cohort"
        // is decided per week (AlertRules.IsSameCohort).
        var previous = (await snapshots.AsNoTracking()
                .Where(s => s.WeekEnd < fromStart && s.Index != null && (learnerId == null || s.LearnerId == learnerId))
                .GroupBy(s => s.LearnerId)
                .Select(g => new { LearnerId = g.Key, WeekEnd = g.Max(s => s.WeekEnd) })
                .Join(db.HealthSnapshots, g => new { g.LearnerId, g.WeekEnd }, s => new { s.LearnerId, s.WeekEnd }, (g, s) => new { s.LearnerId, s.IsoYear, s.IsoWeek, s.Index })
                .ToListAsync(cancellationToken))
            .ToDictionary(s => s.LearnerId, s => (Week: new IsoWeek(s.IsoYear, s.IsoWeek), Index: s.Index!.Value));

        var toEnd = to.End;
        // Read untracked: a run over two years of an imported university has half a million rows, and tracking them would
        // cost more than computing them. Changed rows are replaced (deleted and inserted again) at the end.
        var stored = await snapshots.AsNoTracking()
            .Where(s => s.WeekEnd >= fromStart && s.WeekEnd <= toEnd && (learnerId == null || s.LearnerId == learnerId))
            .ToDictionaryAsync(s => (s.LearnerId, new IsoWeek(s.IsoYear, s.IsoWeek)), cancellationToken);

        // A recompute after an import re-decides the alerts it raised itself for these weeks and nobody has touched yet: a
        // history loaded file by file (enrollments, assignments, then the hand-ins) is computed after each file, and an alert
        // raised from the half-loaded state ("every piece of homework missing") must not outlive the file that completes it.
        // Raised again alike, such an alert is kept as it is (with its read marks); no longer raised, or with other numbers,
        // it is withdrawn (and the new one raised). Acknowledged or resolved alerts are someone's work and stay.
        var retractable = new Dictionary<(int, AlertType, IsoWeek), (int Id, string Detail)>();
        if (cohorts is not null)
        {
            int first = from.Year * 100 + from.Week, last = to.Year * 100 + to.Week;
            foreach (var a in await alertRows
                .Where(a => a.Status == AlertStatus.Open && a.AcknowledgedAt == null && a.IsoYear != null
                    && a.IsoYear * 100 + a.IsoWeek >= first && a.IsoYear * 100 + a.IsoWeek <= last)
                .Select(a => new { a.Id, a.LearnerId, a.Type, a.IsoYear, a.IsoWeek, a.Detail })
                .ToListAsync(cancellationToken))
                retractable[(a.LearnerId, a.Type, new IsoWeek(a.IsoYear!.Value, a.IsoWeek!.Value))] = (a.Id, a.Detail);
        }
        var retractableIds = retractable.Values.Select(r => r.Id).ToHashSet();
        var openAlerts = (await alertRows
            .Where(a => a.Status != AlertStatus.Resolved && (learnerId == null || a.LearnerId == learnerId))
            .Select(a => new { a.Id, a.LearnerId, a.Type })
            .ToListAsync(cancellationToken)).Where(a => !retractableIds.Contains(a.Id)).Select(a => (a.LearnerId, a.Type)).ToHashSet();
        var weekAlerts = (await alertRows
            .Where(a => a.IsoYear != null && (learnerId == null || a.LearnerId == learnerId))
            .Select(a => new { a.Id, a.LearnerId, a.Type, a.IsoYear, a.IsoWeek })
            .ToListAsync(cancellationToken)).Where(a => !retractableIds.Contains(a.Id))
            .Select(a => (a.LearnerId, a.Type, new IsoWeek(a.IsoYear!.Value, a.IsoWeek!.Value))).ToHashSet();

        var inserts = new List<LearningHealthSnapshot>();
        var replaced = new List<int>();
        var alerts = new List<Alert>();
        int updated = 0, unchanged = 0;
        var seen = new HashSet<(int, IsoWeek)>();
        for (var week = from; week <= to; week = week.Next())
        {
            var raiseAlerts = alertsFrom is null || week >= alertsFrom.Value;
            foreach (var learner in activity.Compute(week, windowDays))
            {
                if (!learnerIds.Contains(learner.LearnerId))
                    continue;
                var index = LearningHealthIndex.Compute(learner.Components);
                var key = (learner.LearnerId, week);
                seen.Add(key);
                if (stored.TryGetValue(key, out var row))
                {
                    var id = row.Id;
                    if (Apply(row, index, now))
                    {
                        updated++;
                        replaced.Add(id);
                        row.Id = 0;
                        inserts.Add(row);
                    }
                    else
                    {
                        unchanged++;
                    }
                }
                else
                {
                    row = new LearningHealthSnapshot { LearnerId = learner.LearnerId, IsoYear = week.Year, IsoWeek = week.Week, WeekEnd = week.End };
                    Apply(row, index, now);
                    inserts.Add(row);
                }

                var before = previous.TryGetValue(learner.LearnerId, out var p) && AlertRules.IsSameCohort(learner.Active, p.Week, windowDays)
                    ? LearningHealthIndex.Compute(new HealthComponents(p.Index, null, null, null))
                    : null;
                if (raiseAlerts)
                {
                    if (AlertRules.ForWeek(before, index) is { } raised)
                        Raise(raised, learner.LearnerId, learner.Primary, week);
                    foreach (var (enrollment, result) in learner.ScoreDrops)
                        Raise(result, learner.LearnerId, enrollment, week);
                }
                if (index.Value is { } value)
                    previous[learner.LearnerId] = (week, value);
            }
        }

        var stale = stored.Where(s => !seen.Contains(s.Key)).Select(s => s.Value.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in stale.Concat(replaced).Chunk(BatchedLookup.ChunkSize))
            await db.HealthSnapshots.Where(s => chunk.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        // Withdrawn before the new ones are added: an alert raised a week later for the same cause takes the one open place.
        foreach (var chunk in retractable.Values.Select(r => r.Id).Chunk(BatchedLookup.ChunkSize))
        {
            await db.Notifications.Where(n => n.AlertId != null && chunk.Contains(n.AlertId.Value)).ExecuteDeleteAsync(cancellationToken);
            // Their messages still waiting (an hourly batch) are not sent; those already sent stay as history.
            await db.Outbox.Where(m => m.AlertId != null && chunk.Contains(m.AlertId.Value) && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled).SetProperty(m => m.AlertId, (int?)null), cancellationToken);
            await db.Alerts.Where(a => chunk.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        db.Alerts.AddRange(alerts);
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, inserts, withKeys: false, cancellationToken);
        foreach (var alert in alerts)
        {
            db.Notifications.Add(new Notification { Kind = NotificationKind.Alert, AlertId = alert.Id, IsoYear = alert.IsoYear!.Value, IsoWeek = alert.IsoWeek!.Value, CreatedAt = now });
            if (alert.MentorId is { } mentor)
                db.Notifications.Add(new Notification { Kind = NotificationKind.Alert, AlertId = alert.Id, MentorId = mentor, IsoYear = alert.IsoYear!.Value, IsoWeek = alert.IsoWeek!.Value, CreatedAt = now });
        }
        // The messages to the mentors commit with their alerts (the outbox): a crash after the commit loses none.
        if (outbox is not null && alerts.Count > 0)
            await outbox.AddForAlertsAsync(db, alerts, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var run = new HealthRun(from, to, inserts.Count - updated, updated, unchanged, stale.Count, alerts.Count, watch.Elapsed) { AlertsWithdrawn = retractable.Count };
        LogRun(logger, from, to, run.Inserted, run.Updated, run.Unchanged, run.AlertsRaised, run.AlertsWithdrawn, (long)run.Elapsed.TotalMilliseconds);
        return run;

        void Raise(RaisedAlert raised, int learner, EnrollmentRef? enrollment, IsoWeek week)
        {
            // One cause, one alert a week (spec section 9): a fall already told this week is not told again (also by a rerun);
            // a fall naming two causes is raised under the second when an alert of the first is still open.
            if (weekAlerts.Contains((learner, raised.Type, week)) || (raised.Also is { } also && weekAlerts.Contains((learner, also, week))))
                return;
            AlertType type;
            if (!openAlerts.Contains((learner, raised.Type)))
                type = raised.Type;
            else if (raised.Also is { } second && !openAlerts.Contains((learner, second)))
                type = second;
            else
                return;
            var detail = raised.Detail.Length > Alert.DetailMaxLength ? raised.Detail[..Alert.DetailMaxLength] : raised.Detail;
            if (retractable.TryGetValue((learner, type, week), out var earlier) && earlier.Detail == detail)
            {
                retractable.Remove((learner, type, week));
                // Raised again for the same week: the alert already there (and its notifications, read or not) stands.
                openAlerts.Add((learner, type));
                weekAlerts.Add((learner, type, week));
                return;
            }
            openAlerts.Add((learner, type));
            weekAlerts.Add((learner, type, week));
            alerts.Add(new Alert
            {
                LearnerId = learner,
                EnrollmentId = enrollment?.EnrollmentId,
                MentorId = enrollment?.MentorId,
                Type = type,
                Status = AlertStatus.Open,
                RaisedAt = now,
                Detail = detail,
                Suggestion = raised.Suggestion,
                IsoYear = week.Year,
                IsoWeek = week.Week,
            });
        }
    }

    /// <summary>Copies the index into the row; false when nothing changed (so a rerun leaves the row and its time alone).</summary>
    private static bool Apply(LearningHealthSnapshot row, HealthIndex index, DateTime now)
    {
        var c = index.Components;
        var band = index.Band;
        if (row.Id != 0 && row.Index == index.Value && row.Attendance == c.Attendance && row.Punctuality == c.Punctuality
            && row.Performance == c.Performance && row.Engagement == c.Engagement && row.Band == band)
            return false;
        row.Index = index.Value;
        row.Attendance = c.Attendance;
        row.Punctuality = c.Punctuality;
        row.Performance = c.Performance;
        row.Engagement = c.Engagement;
        row.Band = band;
        row.ComputedAt = now;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health snapshots {From}–{To}: {Inserted} new, {Updated} updated, {Unchanged} unchanged, {Alerts} alerts raised, {Withdrawn} withdrawn in {Ms} ms")]
    private static partial void LogRun(ILogger logger, IsoWeek from, IsoWeek to, int inserted, int updated, int unchanged, int alerts, int withdrawn, long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Health snapshots {From}–{To}: another instance wrote the same weeks; reading again (attempt {Attempt})")]
    private static partial void LogRetry(ILogger logger, IsoWeek from, IsoWeek to, int attempt);
}
