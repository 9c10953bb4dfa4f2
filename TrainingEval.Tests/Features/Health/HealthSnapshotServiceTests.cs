using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;
using TrainingEval.Tests.Support;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Tests.Features.Health;

/// <summary>The weekly snapshot run over a real database: components from records, idempotent reruns, alerts once.</summary>
public class HealthSnapshotServiceTests : IAsyncLifetime
{
    /// <summary>SQLite here; <see cref="PostgresHealthSnapshotServiceTests"/> runs every test again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The cohort runs 2026-03-02 … 2026-04-24; week 12 ends Sunday 2026-03-22.
    private static readonly IsoWeek Week12 = new(2026, 12);
    private static readonly IsoWeek Week13 = new(2026, 13);

    private TestDatabase _database = null!;
    private TestData _data = null!;
    private Services _services = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, new FixedClock(new DateTime(2026, 4, 1, 12, 0, 0)));
        _data = await TestData.CreateAsync(_database, learners: 3);
        _services = new Services(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sessions on the given days with one attendance status per learner each.</summary>
    private async Task AddSessionsAsync(params (DateOnly Day, AttendanceStatus[] Statuses)[] sessions)
    {
        await using var db = _database.CreateContext();
        var seq = await db.Sessions.CountAsync(Ct);
        foreach (var (day, statuses) in sessions)
        {
            var session = new CohortSession { CohortId = _data.Cohort.Id, Sequence = ++seq, HeldOn = day, Name = $"课 {seq}", DurationMinutes = 90 };
            db.Sessions.Add(session);
            for (var i = 0; i < statuses.Length; i++)
                db.Attendance.Add(new AttendanceRecord { Session = session, EnrollmentId = _data[i].Id, Status = statuses[i] });
        }
        db.AuditingEnabled = false;
        await db.SaveChangesAsync(Ct);
    }

    private async Task<List<LearningHealthSnapshot>> SnapshotsAsync()
    {
        await using var db = _database.CreateContext();
        return await db.HealthSnapshots.AsNoTracking().OrderBy(s => s.IsoWeek).ThenBy(s => s.LearnerId).ToListAsync(Ct);
    }

    private async Task<T> QueryAsync<T>(Func<Dashboard.Infrastructure.Persistence.TrainingDbContext, Task<T>> query)
    {
        await using var db = _database.CreateContext();
        return await query(db);
    }

    private async Task<List<Alert>> AlertsAsync()
    {
        await using var db = _database.CreateContext();
        return await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Attendance_punctuality_performance_and_engagement_come_from_the_window()
    {
        const AttendanceStatus P = AttendanceStatus.Present, L = AttendanceStatus.Late, A = AttendanceStatus.Absent, E = AttendanceStatus.Excused;
        await AddSessionsAsync((new(2026, 3, 10), [P, A, P]), (new(2026, 3, 17), [L, E, P]));
        await using (var db = _database.CreateContext())
        {
            foreach (var due in new[] { new DateTime(2026, 3, 15, 23, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 20, 23, 0, 0, DateTimeKind.Utc) })
            {
                var assignment = new Assignment { Code = $"作业 {due:dd}", CohortId = _data.Cohort.Id, Name = $"作业 {due:dd}", AssignedOn = new(2026, 3, 9), DueAt = due };
                db.Assignments.Add(assignment);
                db.Submissions.Add(new Submission { Assignment = assignment, EnrollmentId = _data[0].Id, SubmittedAt = due.AddHours(-1) });
                db.Submissions.Add(new Submission { Assignment = assignment, EnrollmentId = _data[1].Id, SubmittedAt = due.AddDays(1) });
            }
            foreach (var (day, points) in new[] { (new DateOnly(2026, 3, 11), 35.0), (new DateOnly(2026, 3, 18), 45.0) })
            {
                var quiz = new Assessment { Code = $"测验 {day:dd}", CohortId = _data.Cohort.Id, Kind = AssessmentKind.Quiz, Name = $"测验 {day:dd}", HeldOn = day, MaxScore = 50 };
                db.Assessments.Add(quiz);
                db.AssessmentResults.Add(new AssessmentResult { Assessment = quiz, EnrollmentId = _data[0].Id, Score = points });
            }
            var pre = new Assessment { Code = "前测", CohortId = _data.Cohort.Id, Kind = AssessmentKind.PreTest, Name = "前测", HeldOn = new(2026, 3, 3) };
            db.Assessments.Add(pre);
            db.AssessmentResults.Add(new AssessmentResult { Assessment = pre, EnrollmentId = _data[0].Id, Score = 10 });
            // Interactions: 4, 2, 0 ⇒ median 2.
            foreach (var (learner, count) in new[] { (0, 4), (1, 2) })
                for (var k = 0; k < count; k++)
                    db.Interactions.Add(new Interaction { EnrollmentId = _data[learner].Id, OccurredAt = new DateTime(2026, 3, 12, 10, k, 0, DateTimeKind.Utc), Kind = InteractionKind.Post });
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }

        await _services.Health.ComputeWeekAsync(Week12, cancellationToken: Ct);

        var snapshots = await SnapshotsAsync();
        snapshots.Count.ShouldBe(3);
        var first = snapshots[0];
        first.Attendance.ShouldBe(75);        // present + late over 2 sessions
        first.Punctuality.ShouldBe(100);
        first.Performance.ShouldBe(80);       // 35 and 45 of 50; the pre-test is not a quiz or exam
        first.Engagement.ShouldBe(100);       // 4 over median 2, capped
        first.Index!.Value.ShouldBe((30 * 75 + 25 * 100 + 25 * 80 + 20 * 100) / 100.0, 1e-9);
        first.Band.ShouldBe(LearningHealthBand.Healthy);
        var second = snapshots[1];
        second.Attendance.ShouldBeNull();     // absent once, excused once: one counted session is too few (spec section 9)
        second.Punctuality.ShouldBe(50);      // late twice
        second.Performance.ShouldBeNull();    // no result: renormalised away
        second.Engagement.ShouldBe(100);
        second.Index!.Value.ShouldBe((25 * 50 + 20 * 100) / 45.0, 1e-9);
        snapshots[2].Punctuality.ShouldBe(0); // missing twice
        snapshots[2].Engagement.ShouldBe(0);
        (first.IsoYear, first.IsoWeek, first.WeekEnd).ShouldBe((2026, 12, new DateOnly(2026, 3, 22)));
    }

    [Fact]
    public async Task A_cohort_s_first_week_with_one_session_has_no_index_and_raises_nothing()
    {
        // Spec section 9: a component needs two items. One session held: no attendance, and (the cohort having met once) no engagement.
        await AddSessionsAsync((new(2026, 3, 3), [AttendanceStatus.Absent, AttendanceStatus.Present, AttendanceStatus.Present]));

        await _services.Health.ComputeWeekAsync(new IsoWeek(2026, 10), cancellationToken: Ct);

        var snapshots = await SnapshotsAsync();
        snapshots.Count.ShouldBe(3);
        snapshots.ShouldAllBe(s => s.Index == null && s.Band == null && s.Attendance == null && s.Engagement == null);
        (await AlertsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Rerunning_a_week_changes_nothing()
    {
        const AttendanceStatus P = AttendanceStatus.Present, A = AttendanceStatus.Absent;
        await AddSessionsAsync((new(2026, 3, 10), [P, A, A]), (new(2026, 3, 17), [P, A, P]));
        var first = await _services.Health.ComputeWeekAsync(Week12, cancellationToken: Ct);
        var before = await SnapshotsAsync();
        var alertsBefore = await AlertsAsync();

        ((FixedClock)_database.Clock).UtcNow = new DateTime(2026, 4, 2, 9, 0, 0, DateTimeKind.Utc);
        var again = await _services.Health.ComputeWeekAsync(Week12, cancellationToken: Ct);

        first.Inserted.ShouldBe(3);
        (again.Inserted, again.Updated, again.Unchanged, again.AlertsRaised).ShouldBe((0, 0, 3, 0));
        (await SnapshotsAsync()).ShouldBe(before, ignoreOrder: false, comparer: new SnapshotComparer());
        (await AlertsAsync()).Select(a => (a.Id, a.Type, a.Status)).ShouldBe(alertsBefore.Select(a => (a.Id, a.Type, a.Status)));
    }

    [Fact]
    public async Task A_rerun_after_the_alert_was_resolved_does_not_raise_it_again_for_that_week()
    {
        await AddSessionsAsync(
            (new(2026, 3, 10), [AttendanceStatus.Absent, AttendanceStatus.Present, AttendanceStatus.Present]),
            (new(2026, 3, 11), [AttendanceStatus.Absent, AttendanceStatus.Present, AttendanceStatus.Present]));
        await _services.Health.ComputeWeekAsync(Week12, cancellationToken: Ct);
        var alert = (await AlertsAsync()).Single();
        alert.Type.ShouldBe(AlertType.AtRisk);
        alert.Suggestion.ShouldBe("attendance");
        await _services.Alerts.ResolveAsync(alert.Id, alert.Revision, "Agreed a schedule.", Ct);

        await _services.Health.ComputeWeekAsync(Week12, cancellationToken: Ct);

        (await AlertsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_alert_type_is_not_raised_again_while_one_is_open()
    {
        await AddSessionsAsync(
            (new(2026, 3, 10), [AttendanceStatus.Absent, AttendanceStatus.Present, AttendanceStatus.Present]),
            (new(2026, 3, 11), [AttendanceStatus.Absent, AttendanceStatus.Present, AttendanceStatus.Present]),
            (new(2026, 3, 24), [AttendanceStatus.Absent, AttendanceStatus.Present, AttendanceStatus.Present]),
            (new(2026, 3, 25), [AttendanceStatus.Absent, AttendanceStatus.Present, AttendanceStatus.Present]));
        await _services.Health.ComputeWeeksAsync(Week12, Week13, cancellationToken: Ct);

        var alerts = await AlertsAsync();
        alerts.Count(a => a.Type == AlertType.AtRisk).ShouldBe(1);
        alerts.Single().MentorId.ShouldBe(_data.Mentor.Id);
        await using var db = _database.CreateContext();
        (await db.Notifications.CountAsync(Ct)).ShouldBe(2); // the mentor's and HR's
    }

    /// <summary>Learner 1 interacts once (in both weeks' windows): with the cohort median 0 their engagement is 100, the others' 0.</summary>
    /// <summary>
    /// One interaction of the third learner long before the weeks under test: the cohort then tracks interactions (its
    /// evaluation plan's default, spec section 9), so engagement is measured — 0 for learners who did not interact.
    /// </summary>
    private async Task TrackInteractionsAsync()
    {
        await using var db = _database.CreateContext();
        db.Interactions.Add(new Interaction { EnrollmentId = _data[2].Id, OccurredAt = new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc), Kind = InteractionKind.Post });
        db.AuditingEnabled = false;
        await db.SaveChangesAsync(Ct);
    }

    private async Task AddOneInteractionOfTheFirstLearnerAsync()
    {
        await using var db = _database.CreateContext();
        db.Interactions.Add(new Interaction { EnrollmentId = _data[0].Id, OccurredAt = new DateTime(2026, 3, 18, 10, 0, 0, DateTimeKind.Utc), Kind = InteractionKind.Post });
        db.AuditingEnabled = false;
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_fall_of_10_points_that_stays_out_of_at_risk_raises_lhi_drop()
    {
        const AttendanceStatus P = AttendanceStatus.Present, L = AttendanceStatus.Late;
        // One interaction makes the cohort track interactions (its evaluation plan's default, spec section 9), so engagement counts.
        // Week 12: attendance 100, engagement 100 ⇒ 100. Week 13's window holds both weeks' sessions:
        // attendance (1 + 1 + 0.5 + 0.5 + 0.5) / 5 = 70 ⇒ (30·70 + 20·100) / 50 = 82: a fall of 18, still healthy.
        await AddOneInteractionOfTheFirstLearnerAsync();
        await AddSessionsAsync((new(2026, 3, 17), [P, P, P]), (new(2026, 3, 18), [P, P, P]));
        await _services.Health.ComputeWeekAsync(Week12, cancellationToken: Ct);
        await AddSessionsAsync((new(2026, 3, 24), [L, P, P]), (new(2026, 3, 25), [L, P, P]), (new(2026, 3, 26), [L, P, P]));

        await _services.Health.ComputeWeekAsync(Week13, cancellationToken: Ct);

        var drop = (await AlertsAsync()).Single(a => a.LearnerId == _data[0].LearnerId);
        (drop.Type, drop.Detail, drop.Suggestion).ShouldBe((AlertType.LhiDrop, "100.0 → 82.0", "attendance"));
        (drop.IsoYear, drop.IsoWeek).ShouldBe((2026, 13));
    }

    [Fact]
    public async Task A_fall_of_10_points_into_at_risk_raises_one_alert_that_names_both()
    {
        const AttendanceStatus P = AttendanceStatus.Present, L = AttendanceStatus.Late;
        await TrackInteractionsAsync();
        // Nobody interacts in the window, so engagement is 0 for all (0 over max(1, median 0)). Week 12: (30·100 + 20·0) / 50 = 60.
        // Week 13: attendance 70 ⇒ (30·70) / 50 = 42: a fall of 18 and a move into at risk — one alert, one card (spec section 9).
        await AddSessionsAsync((new(2026, 3, 17), [P, P, P]), (new(2026, 3, 18), [P, P, P]));
        await _services.Health.ComputeWeekAsync(Week12, cancellationToken: Ct);
        await AddSessionsAsync((new(2026, 3, 24), [L, P, P]), (new(2026, 3, 25), [L, P, P]), (new(2026, 3, 26), [L, P, P]));

        await _services.Health.ComputeWeekAsync(Week13, cancellationToken: Ct);

        var alert = (await AlertsAsync()).ShouldHaveSingleItem();
        (alert.Type, alert.Detail, alert.LearnerId, alert.Suggestion).ShouldBe((AlertType.AtRisk, "lhi_drop+at_risk: 60.0 → 42.0", _data[0].LearnerId, "engagement"));
        await using var db = _database.CreateContext();
        (await db.Notifications.CountAsync(n => n.AlertId == alert.Id, Ct)).ShouldBe(2); // the mentor's and HR's: one alert each
        var rerun = await _services.Health.ComputeWeekAsync(Week13, cancellationToken: Ct);
        rerun.AlertsRaised.ShouldBe(0);
    }

    [Fact]
    public async Task A_fall_into_at_risk_while_an_at_risk_alert_is_open_is_told_once_as_an_lhi_drop_naming_both()
    {
        const AttendanceStatus P = AttendanceStatus.Present, L = AttendanceStatus.Late;
        await TrackInteractionsAsync();
        await AddSessionsAsync((new(2026, 3, 17), [P, P, P]), (new(2026, 3, 18), [P, P, P]));
        await _services.Health.ComputeWeekAsync(Week12, cancellationToken: Ct);
        await using (var db = _database.CreateContext())
        {
            db.Alerts.Add(new Alert
            {
                LearnerId = _data[0].LearnerId, EnrollmentId = _data[0].Id, MentorId = _data.Mentor.Id, Type = AlertType.AtRisk, Status = AlertStatus.Acknowledged,
                RaisedAt = new DateTime(2026, 3, 9, 6, 0, 0, DateTimeKind.Utc), Detail = "→ 55.0", Suggestion = "attendance", IsoYear = 2026, IsoWeek = 10,
            });
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }
        await AddSessionsAsync((new(2026, 3, 24), [L, P, P]), (new(2026, 3, 25), [L, P, P]), (new(2026, 3, 26), [L, P, P]));

        await _services.Health.ComputeWeekAsync(Week13, cancellationToken: Ct);

        var raised = (await AlertsAsync()).Where(a => a.IsoWeek == 13).ShouldHaveSingleItem();
        (raised.Type, raised.Detail).ShouldBe((AlertType.LhiDrop, "lhi_drop+at_risk: 60.0 → 42.0"));
    }

    [Fact]
    public async Task The_first_snapshot_of_a_cohort_never_compares_with_an_earlier_cohort_s()
    {
        // The learner's last index, 95, is from a cohort that ended last year. Week 12 is their first week in this one: 60.
        await TrackInteractionsAsync();
        await using (var db = _database.CreateContext())
        {
            var old = new IsoWeek(2025, 20);
            db.HealthSnapshots.Add(new LearningHealthSnapshot
            {
                LearnerId = _data[0].LearnerId, IsoYear = old.Year, IsoWeek = old.Week, WeekEnd = old.End, Index = 95, Band = LearningHealthBand.Healthy,
                ComputedAt = new DateTime(2025, 5, 18, 6, 0, 0, DateTimeKind.Utc),
            });
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }
        await AddSessionsAsync((new(2026, 3, 17), [AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Present]),
            (new(2026, 3, 18), [AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Present]));

        await _services.Health.ComputeWeekAsync(Week12, cancellationToken: Ct);

        (await SnapshotsAsync()).Single(s => s.LearnerId == _data[0].LearnerId && s.IsoWeek == 12).Index.ShouldBe(60);
        (await AlertsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_result_15_points_below_the_earlier_mean_raises_score_drop()
    {
        await using (var db = _database.CreateContext())
        {
            foreach (var (day, score) in new[] { (new DateOnly(2026, 3, 4), 80.0), (new DateOnly(2026, 3, 11), 90.0), (new DateOnly(2026, 3, 18), 70.0) })
            {
                var quiz = new Assessment { Code = $"Quiz {day:MM-dd}", CohortId = _data.Cohort.Id, Kind = AssessmentKind.Quiz, Name = $"Quiz {day:MM-dd}", HeldOn = day };
                db.Assessments.Add(quiz);
                db.AssessmentResults.Add(new AssessmentResult { Assessment = quiz, EnrollmentId = _data[0].Id, Score = score });
            }
            db.AuditingEnabled = false;
            await db.SaveChangesAsync(Ct);
        }

        await _services.Health.ComputeWeekAsync(Week12, cancellationToken: Ct);

        var alert = (await AlertsAsync()).Single(a => a.Type == AlertType.ScoreDrop);
        var third = await QueryAsync(db => db.Assessments.SingleAsync(a => a.Name == "Quiz 03-18", Ct));
        (alert.Detail, alert.Suggestion, alert.EnrollmentId).ShouldBe(($"assessment:{third.Id}: 85.0 → 70.0", "performance", _data[0].Id));
    }

    [Fact]
    public async Task A_rating_a_point_below_the_previous_raises_competency_drop_once()
    {
        var ratings = _services.Ratings;
        await ratings.RecordSheetAsync(_data[0].Id, _data.Mentor.Id, [new RatingLine("initiative", 4, null, 0), new RatingLine("attitude", 4, null, 0)], Ct);
        await ratings.RecordSheetAsync(_data[0].Id, _data.Mentor.Id, [new RatingLine("initiative", 3, "Fewer questions", 1), new RatingLine("attitude", 4, null, 1)], Ct);
        await ratings.RecordSheetAsync(_data[0].Id, _data.Mentor.Id, [new RatingLine("attitude", 2, null, 2)], Ct);

        var alert = (await AlertsAsync()).Single();
        (alert.Type, alert.Suggestion, alert.Detail, alert.MentorId).ShouldBe((AlertType.CompetencyDrop, "dimension:initiative", "initiative: 4 → 3", _data.Mentor.Id));
    }

    [Fact]
    public async Task A_mentor_of_another_learner_may_not_rate_or_resolve()
    {
        await using (var db = _database.CreateContext())
        {
            db.Mentors.Add(new Mentor { EmployeeNumber = "M002", Name = "李师傅", DepartmentId = _data.Department.Id });
            await db.SaveChangesAsync(Ct);
        }
        _services.User = new UserContext("li", new HashSet<string> { Roles.Mentor }, null, _data.Mentor.Id + 1);
        await Should.ThrowAsync<AccessDeniedException>(() =>
            _services.Ratings.RecordSheetAsync(_data[0].Id, _data.Mentor.Id + 1, [new RatingLine("initiative", 4, null, 0)], Ct));
    }

    private sealed class SnapshotComparer : IEqualityComparer<LearningHealthSnapshot>
    {
        public bool Equals(LearningHealthSnapshot? x, LearningHealthSnapshot? y) =>
            x!.Id == y!.Id && x.Index == y.Index && x.Band == y.Band && x.ComputedAt == y.ComputedAt && x.Attendance == y.Attendance;

        public int GetHashCode(LearningHealthSnapshot obj) => obj.Id;
    }
}

/// <summary>The same tests on PostgreSQL (issue 18).</summary>
public sealed class PostgresHealthSnapshotServiceTests : HealthSnapshotServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
