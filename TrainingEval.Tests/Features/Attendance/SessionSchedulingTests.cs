using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Attendance;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Attendance;

/// <summary>Scheduling, editing and deleting sessions: the import's rules, each refusal's message in both languages, nothing half-written.</summary>
public sealed class SessionSchedulingTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 3, 10);
    private TestDatabase _database = null!;
    private AttendanceKit _kit = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Utc)));
        _kit = new AttendanceKit(_database, await TestData.CreateAsync(_database));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static SessionInput Input(string day = "2026-03-10", string start = "09:00", string end = "12:00", string title = "精益基础") =>
        new() { HeldOn = day, Start = start, End = end, Title = title, Place = "  Room 301 " };

    [Fact]
    public async Task A_scheduled_session_is_numbered_after_the_last_gets_a_code_and_is_audited()
    {
        var id = await _kit.Sessions.SaveAsync(_kit.Data.Cohort.Id, Input(), Ct);

        await using var db = _database.CreateContext();
        var session = await db.Sessions.SingleAsync(s => s.Id == id, Ct);
        session.Sequence.ShouldBe(1);
        session.StartTime.ShouldBe(new TimeOnly(9, 0));
        session.DurationMinutes.ShouldBe(180);
        session.Place.ShouldBe("Room 301");
        CheckInCodes.Normalize(session.CheckInCode).ShouldBe(session.CheckInCode);
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(CohortSession), Ct)).ShouldBe(0, "sessions are not audited rows; attendance is");
        _kit.Health.IsBusy.ShouldBeTrue("a new session is queued for the learning health index, as after the sessions import");
    }

    [Theory]
    [InlineData("en", "2026-03-10", "10:00", "09:30", "The session must end after it starts: the end 09:30 is not after the start 10:00.")]
    [InlineData("zh-CN", "2026-03-10", "10:00", "10:00", "课次必须在开始之后结束：结束时间 10:00 不晚于开始时间 10:00。")]
    [InlineData("en", "2026-05-01", "09:00", "10:00", "2026-05-01 is outside cohort LEAN-1, which runs 2026-03-02 – 2026-04-24.")]
    [InlineData("zh-CN", "2026-05-01", "09:00", "10:00", "2026-05-01 不在班期 LEAN-1 的时间范围内（2026-03-02 – 2026-04-24）。")]
    [InlineData("en", "", "09:00", "10:00", "Enter the day of the session.")]
    [InlineData("en", "2026-03-10", "nine", "10:00", "Enter the start time (HH:mm).")]
    public async Task Bad_sessions_are_refused_with_a_specific_message_and_nothing_is_written(string culture, string day, string start, string end, string message)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Sessions.SaveAsync(_kit.Data.Cohort.Id, Input(day, start, end), Ct));

        ex.Errors.ShouldContain(message);
        await using var db = _database.CreateContext();
        (await db.Sessions.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Two_sessions_at_the_same_day_and_start_are_refused()
    {
        await _kit.Sessions.SaveAsync(_kit.Data.Cohort.Id, Input(), Ct);

        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Sessions.SaveAsync(_kit.Data.Cohort.Id, Input(title: "again"), Ct));

        ex.Errors.ShouldBe(["Cohort LEAN-1 already has a session on 2026-03-10 at 09:00."]);
    }

    [Fact]
    public async Task The_import_refuses_the_same_wrong_order_with_its_own_words()
    {
        // One rule (SessionRules.EndsAfterStart) behind both the page and the sessions import.
        SessionRules.EndsAfterStart(new TimeOnly(10, 0), new TimeOnly(9, 30)).ShouldBeFalse();
        SessionRules.EndsAfterStart(new TimeOnly(9, 0), null).ShouldBeTrue();
        var result = await ImportTestKit.Service(_database).ImportCsvAsync(Dashboard.Features.Import.ImportKind.Sessions,
            "cohort_code,held_on,start_time,end_time,title\nLEAN-1,2026-03-10,10:00,09:30,精益基础\n");
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe("WrongOrder");
    }

    [Fact]
    public async Task A_session_is_edited_in_place()
    {
        var id = await _kit.Sessions.SaveAsync(_kit.Data.Cohort.Id, Input(), Ct);
        var edit = Input(start: "13:30", end: "15:00", title: "精益进阶");
        edit.Id = id;

        (await _kit.Sessions.SaveAsync(_kit.Data.Cohort.Id, edit, Ct)).ShouldBe(id);

        var view = await _kit.Sessions.GetAsync("lean-1", Ct);
        view!.Sessions.ShouldHaveSingleItem().Name.ShouldBe("精益进阶");
        view.Sessions[0].Start.ShouldBe(new TimeOnly(13, 30));
    }

    [Theory]
    [InlineData("en", "\"精益基础\" has 1 attendance marks and cannot be deleted; its attendance is part of the learners' scores. Change its date or title instead.")]
    [InlineData("zh-CN", "“精益基础”已有 1 条考勤记录，不能删除：这些考勤已计入学员得分。可以改它的日期或标题。")]
    public async Task A_session_with_attendance_cannot_be_deleted(string culture, string message)
    {
        var id = await _kit.Sessions.SaveAsync(_kit.Data.Cohort.Id, Input(), Ct);
        await _kit.Attendance.MarkAsync(id, _kit.Data[0].Id, AttendanceStatus.Present, null, Ct);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Sessions.DeleteAsync(id, Ct));

        ex.Errors.ShouldBe([message]);
        await using var db = _database.CreateContext();
        (await db.Sessions.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_session_without_attendance_is_deleted()
    {
        var id = await _kit.Sessions.SaveAsync(_kit.Data.Cohort.Id, Input(), Ct);

        await _kit.Sessions.DeleteAsync(id, Ct);

        await using var db = _database.CreateContext();
        (await db.Sessions.CountAsync(Ct)).ShouldBe(0);
    }
}
