using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Attendance;

/// <summary>Marking on the roster: written like the import writes attendance, rescored, audited; two markers at once — the second is told what changed.</summary>
public sealed class RosterMarkingTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 3, 10);
    private TestDatabase _database = null!;
    private AttendanceKit _kit = null!;
    private int _session;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Utc)));
        _kit = new AttendanceKit(_database, await TestData.CreateAsync(_database));
        _session = await _kit.ScheduleAsync(Day);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_roster_lists_every_enrolled_learner_with_the_code_and_the_window()
    {
        _kit.LocalNow(Day, 8, 50);

        var roster = (await _kit.Attendance.RosterAsync(_session, Ct))!;

        roster.Lines.Select(l => l.EmployeeNumber).ShouldBe(["E001", "E002", "E003"]);
        roster.Code.ShouldBe(await _kit.CodeOfAsync(_session));
        roster.State.ShouldBe(Dashboard.Features.Attendance.CheckInState.Open);
        roster.Window!.LateFrom.ShouldBe(Day.ToDateTime(new TimeOnly(9, 10)));
    }

    [Fact]
    public async Task A_mark_is_stored_audited_and_rescores_the_learners_attendance()
    {
        _kit.LocalNow(Day, 9, 30);

        await _kit.Attendance.MarkAsync(_session, _kit.Data[0].Id, AttendanceStatus.Late, null, Ct);

        var mark = (await _kit.MarkOfAsync(_session, 0))!;
        mark.Status.ShouldBe(AttendanceStatus.Late);
        mark.MarkedBy.ShouldBe("analyst");
        mark.SelfCheckIn.ShouldBeFalse();
        await using var db = _database.CreateContext();
        var audit = await db.AuditTrail.Where(a => a.EntityType == nameof(AttendanceRecord)).ToListAsync(Ct);
        audit.ShouldNotBeEmpty();
        audit.ShouldAllBe(a => a.Actor == "analyst");
        // attendance = (present + 0.5·late) / countable = 0.5 → the learner has a stored score row from the rescore.
        (await db.LearnerScores.CountAsync(s => s.EnrollmentId == _kit.Data[0].Id, Ct)).ShouldBe(1);
    }

    [Theory]
    [InlineData("en", "bob marked 学员1 (E001) as Absent at 2026-03-10 09:31, after you opened the roster; your mark was not saved. The roster now shows theirs; mark again to change it.")]
    [InlineData("zh-CN", "bob 在你打开名单后于 2026-03-10 09:31 将 学员1 (E001) 登记为“缺勤”；你的登记未保存。名单已显示其登记，如需更改请再次登记。")]
    public async Task The_second_of_two_markers_is_told_what_changed(string culture, string message)
    {
        _kit.LocalNow(Day, 9, 30);
        await _kit.Attendance.MarkAsync(_session, _kit.Data[0].Id, AttendanceStatus.Present, null, Ct);
        var read = (await _kit.Attendance.RosterAsync(_session, Ct))!.Lines[0];
        // bob and the analyst both opened the roster at revision 0; bob saves first.
        var bob = await _kit.TrainerAsync("bob", linked: true);
        _kit.User = bob;
        _kit.LocalNow(Day, 9, 31);
        await _kit.Attendance.MarkAsync(_session, _kit.Data[0].Id, AttendanceStatus.Absent, read.Revision, Ct);
        _kit.User = TestUsers.Analyst;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            _kit.Attendance.MarkAsync(_session, _kit.Data[0].Id, AttendanceStatus.Excused, read.Revision, Ct));

        ex.Message.ShouldBe(message);
        (await _kit.MarkOfAsync(_session, 0))!.Status.ShouldBe(AttendanceStatus.Absent);
    }

    [Fact]
    public async Task A_first_mark_racing_another_first_mark_is_a_conflict_too()
    {
        _kit.LocalNow(Day, 9, 30);
        await _kit.Attendance.MarkAsync(_session, _kit.Data[1].Id, AttendanceStatus.Present, null, Ct);

        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            _kit.Attendance.MarkAsync(_session, _kit.Data[1].Id, AttendanceStatus.Absent, null, Ct));

        ex.Message.ShouldStartWith("analyst marked 学员2 (E002) as Present at 2026-03-10 09:30");
    }

    [Fact]
    public async Task A_withdrawn_learner_cannot_be_marked()
    {
        await using (var db = _database.CreateContext())
        {
            var e = await db.Enrollments.SingleAsync(x => x.Id == _kit.Data[2].Id, Ct);
            e.Status = EnrollmentStatus.Withdrawn;
            await db.SaveChangesAsync(Ct);
        }

        var ex = await Should.ThrowAsync<DataValidationException>(() =>
            _kit.Attendance.MarkAsync(_session, _kit.Data[2].Id, AttendanceStatus.Present, null, Ct));

        ex.Errors.ShouldBe(["This learner is not (or no longer) enrolled in the session's cohort; reload the roster."]);
        (await _kit.MarkOfAsync(_session, 2)).ShouldBeNull();
    }

    [Fact]
    public async Task Everyone_not_yet_marked_is_marked_absent_in_one_go_and_rescored()
    {
        _kit.LocalNow(Day, 9, 30);
        await _kit.Attendance.MarkAsync(_session, _kit.Data[0].Id, AttendanceStatus.Present, null, Ct);
        var unmarked = (await _kit.Attendance.RosterAsync(_session, Ct))!.Lines.Where(l => l.Status is null).Select(l => l.EnrollmentId).ToList();

        var result = await _kit.Attendance.MarkUnmarkedAbsentAsync(_session, unmarked, Ct);

        result.Marked.ShouldBe(2);
        result.Skipped.ShouldBeEmpty();
        (await _kit.MarkOfAsync(_session, 0))!.Status.ShouldBe(AttendanceStatus.Present);
        (await _kit.MarkOfAsync(_session, 1))!.Status.ShouldBe(AttendanceStatus.Absent);
        (await _kit.MarkOfAsync(_session, 2))!.MarkedBy.ShouldBe("analyst");
        await using var db = _database.CreateContext();
        (await db.LearnerScores.CountAsync(s => s.EnrollmentId == _kit.Data[2].Id, Ct)).ShouldBe(1);
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(AttendanceRecord), Ct)).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Theory]
    [InlineData("en", "学员2 (E002) was marked meanwhile by bob as Excused and was left as it is.")]
    [InlineData("zh-CN", "学员2 (E002) 在此期间已由 bob 登记为“请假”，保持不变。")]
    public async Task A_learner_marked_since_the_roster_was_read_keeps_their_mark_and_is_named(string culture, string sentence)
    {
        _kit.LocalNow(Day, 9, 30);
        var unmarked = (await _kit.Attendance.RosterAsync(_session, Ct))!.Lines.Select(l => l.EnrollmentId).ToList();
        _kit.User = await _kit.TrainerAsync("bob", linked: true);
        await _kit.Attendance.MarkAsync(_session, _kit.Data[1].Id, AttendanceStatus.Excused, null, Ct);
        _kit.User = TestUsers.Analyst;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        var result = await _kit.Attendance.MarkUnmarkedAbsentAsync(_session, unmarked, Ct);

        result.Marked.ShouldBe(2);
        result.Skipped.ShouldBe([sentence]);
        (await _kit.MarkOfAsync(_session, 1))!.Status.ShouldBe(AttendanceStatus.Excused);
        (await _kit.MarkOfAsync(_session, 0))!.Status.ShouldBe(AttendanceStatus.Absent);
    }

    [Fact]
    public async Task Marking_the_rest_absent_refuses_a_withdrawn_learner_and_writes_nothing()
    {
        await using (var db = _database.CreateContext())
        {
            var e = await db.Enrollments.SingleAsync(x => x.Id == _kit.Data[2].Id, Ct);
            e.Status = EnrollmentStatus.Withdrawn;
            await db.SaveChangesAsync(Ct);
        }

        await Should.ThrowAsync<DataValidationException>(() =>
            _kit.Attendance.MarkUnmarkedAbsentAsync(_session, [_kit.Data[0].Id, _kit.Data[2].Id], Ct));

        (await _kit.MarkOfAsync(_session, 0)).ShouldBeNull();
    }
}
