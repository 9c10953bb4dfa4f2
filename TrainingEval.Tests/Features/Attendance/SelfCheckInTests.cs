using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Attendance;

/// <summary>
/// A learner checks in with the session's code: inside the window only (15 minutes before the start until the end),
/// late after the 10-minute grace time, once (a second time says so), only for their own enrollment in that cohort.
/// </summary>
public sealed class SelfCheckInTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 3, 10);
    private TestDatabase _database = null!;
    private AttendanceKit _kit = null!;
    private int _session;
    private string _code = "";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Utc)));
        var data = await TestData.CreateAsync(_database);
        _kit = new AttendanceKit(_database, data);
        await using (var db = _database.CreateContext())
        {
            // Learner 3 withdrew on 2026-03-05.
            var withdrawn = await db.Enrollments.SingleAsync(e => e.Id == data[2].Id, Ct);
            withdrawn.Status = EnrollmentStatus.Withdrawn;
            withdrawn.WithdrawnOn = new DateOnly(2026, 3, 5);
            await db.SaveChangesAsync(Ct);
        }
        _session = await _kit.ScheduleAsync(Day);
        _code = await _kit.CodeOfAsync(_session);
        _kit.User = _kit.Learner(0);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Checking_in_before_the_grace_time_is_present_and_rescores_the_learner()
    {
        _kit.LocalNow(Day, 9, 5);
        await using (var before = _database.CreateContext())
            (await before.LearnerScores.CountAsync(Ct)).ShouldBe(0);

        var result = await _kit.Attendance.CheckInAsync(_code.ToLowerInvariant(), Ct);

        result.Status.ShouldBe(AttendanceStatus.Present);
        result.AlreadyCheckedIn.ShouldBeFalse();
        result.At.ShouldBe(Day.ToDateTime(new TimeOnly(9, 5)));
        var mark = await _kit.MarkOfAsync(_session, 0);
        mark!.Status.ShouldBe(AttendanceStatus.Present);
        mark.SelfCheckIn.ShouldBeTrue();
        mark.MarkedBy.ShouldBe("E001");
        await using var db = _database.CreateContext();
        // Rescored as after the attendance import: the learner has a stored score row now.
        (await db.LearnerScores.CountAsync(s => s.EnrollmentId == _kit.Data[0].Id, Ct)).ShouldBe(1);
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(AttendanceRecord) && a.Actor == "E001", Ct)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Checking_in_after_the_grace_time_is_late()
    {
        _kit.LocalNow(Day, 9, 11);

        var result = await _kit.Attendance.CheckInAsync(_code, Ct);

        result.Status.ShouldBe(AttendanceStatus.Late);
        (await _kit.MarkOfAsync(_session, 0))!.Status.ShouldBe(AttendanceStatus.Late);
    }

    [Fact]
    public async Task Checking_in_twice_changes_nothing_and_says_already_checked_in()
    {
        _kit.LocalNow(Day, 9, 0);
        await _kit.Attendance.CheckInAsync(_code, Ct);
        _kit.LocalNow(Day, 9, 40);

        var again = await _kit.Attendance.CheckInAsync(_code, Ct);

        again.AlreadyCheckedIn.ShouldBeTrue();
        again.Status.ShouldBe(AttendanceStatus.Present);
        again.At.ShouldBe(Day.ToDateTime(new TimeOnly(9, 0)));
        (await _kit.MarkOfAsync(_session, 0))!.Revision.ShouldBe(0);
    }

    [Theory]
    [InlineData("en", 8, 44, "Check-in for \"Lean basics\" opens at 2026-03-10 08:45.")]
    [InlineData("zh-CN", 8, 44, "“精益基础”的签到将于 2026-03-10 08:45 开始。")]
    [InlineData("en", 12, 1, "Check-in for \"Lean basics\" closed at 2026-03-10 12:00, when the session ended. Ask your trainer to mark your attendance.")]
    [InlineData("zh-CN", 12, 1, "“精益基础”的签到已于 2026-03-10 12:00（课次结束时）关闭。请联系讲师登记考勤。")]
    public async Task A_code_outside_the_window_is_refused(string culture, int hour, int minute, string message)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        _kit.LocalNow(Day, hour, minute);

        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Attendance.CheckInAsync(_code, Ct));

        ex.Errors.ShouldBe([message]);
        (await _kit.MarkOfAsync(_session, 0)).ShouldBeNull();
    }

    [Fact]
    public async Task The_window_opens_at_the_configured_minutes_before_the_start_and_lasts_until_the_end()
    {
        _kit.LocalNow(Day, 8, 45);
        (await _kit.Attendance.CheckInAsync(_code, Ct)).Status.ShouldBe(AttendanceStatus.Present);
        _kit.User = _kit.Learner(1);
        _kit.LocalNow(Day, 12, 0);
        (await _kit.Attendance.CheckInAsync(_code, Ct)).Status.ShouldBe(AttendanceStatus.Late);
    }

    [Theory]
    [InlineData("en", "ZZZZZZ", "No session has the code ZZZZZZ. Check the code on the trainer's screen and type it again.")]
    [InlineData("zh-CN", "ZZZZZZ", "没有签到码为 ZZZZZZ 的课次。请核对讲师屏幕上的签到码后重新输入。")]
    [InlineData("en", "12", "A check-in code is 6 letters and digits, as shown on the trainer's screen.")]
    [InlineData("zh-CN", "", "签到码由 6 个字母和数字组成，以讲师屏幕上显示的为准。")]
    public async Task A_wrong_code_is_refused(string culture, string code, string message)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        _kit.LocalNow(Day, 9, 0);

        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Attendance.CheckInAsync(code == "ZZZZZZ" && _code == code ? "YYYYYY" : code, Ct));

        ex.Errors.ShouldBe([message]);
    }

    [Theory]
    [InlineData("en", "You are not enrolled in cohort LEAN-1, so you cannot check in to its sessions.")]
    [InlineData("zh-CN", "你未报名班期 LEAN-1，不能签到其课次。")]
    public async Task A_learner_not_in_the_cohort_cannot_check_in(string culture, string message)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        int outsider;
        await using (var db = _database.CreateContext())
        {
            var learner = new Learner { EmployeeNumber = "X900", Name = "外人", DepartmentId = _kit.Data.Department.Id, Position = "工程师" };
            db.Learners.Add(learner);
            await db.SaveChangesAsync(Ct);
            outsider = learner.Id;
        }
        _kit.User = TestUsers.Learner(outsider);
        _kit.LocalNow(Day, 9, 0);

        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Attendance.CheckInAsync(_code, Ct));

        ex.Errors.ShouldBe([message]);
        await using var check = _database.CreateContext();
        (await check.Attendance.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_withdrawn_learner_cannot_check_in()
    {
        _kit.User = _kit.Learner(2);
        _kit.LocalNow(Day, 9, 0);

        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Attendance.CheckInAsync(_code, Ct));

        ex.Errors.ShouldBe(["You withdrew from cohort LEAN-1 on 2026-03-05, so you cannot check in to its sessions."]);
    }

    [Fact]
    public async Task Only_learner_accounts_check_in()
    {
        _kit.User = TestUsers.Analyst;
        _kit.LocalNow(Day, 9, 0);

        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Attendance.CheckInAsync(_code, Ct));
    }

    [Fact]
    public async Task An_absent_mark_set_before_the_learner_arrived_becomes_their_check_in()
    {
        _kit.User = TestUsers.Analyst;
        await _kit.Attendance.MarkAsync(_session, _kit.Data[0].Id, AttendanceStatus.Absent, null, Ct);
        _kit.User = _kit.Learner(0);
        _kit.LocalNow(Day, 9, 30);

        var result = await _kit.Attendance.CheckInAsync(_code, Ct);

        result.Status.ShouldBe(AttendanceStatus.Late);
        (await _kit.MarkOfAsync(_session, 0))!.Status.ShouldBe(AttendanceStatus.Late);
    }

    [Fact]
    public async Task Me_lists_the_session_while_its_check_in_is_open()
    {
        _kit.LocalNow(Day, 8, 30);
        (await _kit.Attendance.OpenForMeAsync(Ct)).ShouldBeEmpty();
        _kit.LocalNow(Day, 9, 0);
        var open = (await _kit.Attendance.OpenForMeAsync(Ct)).ShouldHaveSingleItem();
        open.CheckedIn.ShouldBeFalse();
        await _kit.Attendance.CheckInAsync(_code, Ct);
        (await _kit.Attendance.OpenForMeAsync(Ct)).ShouldHaveSingleItem().CheckedIn.ShouldBeTrue();
    }
}
