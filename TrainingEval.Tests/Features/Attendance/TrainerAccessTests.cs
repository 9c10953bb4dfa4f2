using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Attendance;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Attendance;

/// <summary>A trainer runs only the cohorts they are linked to; only staff link trainers; the rules are IRecordAccess's.</summary>
public sealed class TrainerAccessTests : IAsyncLifetime
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
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_linked_trainer_opens_and_marks_the_roster_and_schedules_sessions()
    {
        _kit.User = await _kit.TrainerAsync("zhang", linked: true);

        (await _kit.Attendance.RosterAsync(_session, Ct))!.Lines.Count.ShouldBe(3);
        await _kit.Attendance.MarkAsync(_session, _kit.Data[0].Id, AttendanceStatus.Present, null, Ct);
        await _kit.Sessions.SaveAsync(_kit.Data.Cohort.Id, new SessionInput { HeldOn = "2026-03-17", Start = "09:00", End = "11:00", Title = "第二讲" }, Ct);
        (await _kit.Sessions.GetAsync("LEAN-1", Ct))!.ManagesTrainers.ShouldBeFalse();
        (await _kit.Sessions.MyCohortsAsync(Ct)).ShouldHaveSingleItem().Code.ShouldBe("LEAN-1");
    }

    [Fact]
    public async Task A_trainer_of_another_cohort_can_neither_open_nor_write_this_roster()
    {
        _kit.User = await _kit.TrainerAsync("li", linked: false);

        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Attendance.RosterAsync(_session, Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Attendance.MarkAsync(_session, _kit.Data[0].Id, AttendanceStatus.Present, null, Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Sessions.GetAsync("LEAN-1", Ct));
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Sessions.DeleteAsync(_session, Ct));
        await Should.ThrowAsync<AccessDeniedException>(() =>
            _kit.Sessions.SaveAsync(_kit.Data.Cohort.Id, new SessionInput { HeldOn = "2026-03-17", Start = "09:00", End = "11:00", Title = "x" }, Ct));
        (await _kit.MarkOfAsync(_session, 0)).ShouldBeNull();
    }

    [Fact]
    public async Task A_trainer_reads_their_cohort_and_its_learners_but_no_other_learner()
    {
        var trainer = await _kit.TrainerAsync("wu", linked: true);
        var access = TestUsers.AccessFor(_database.Factory, trainer);
        int outsider;
        await using (var db = _database.CreateContext())
        {
            var learner = new Learner { EmployeeNumber = "X900", Name = "外人", DepartmentId = _kit.Data.Department.Id, Position = "工程师" };
            db.Learners.Add(learner);
            await db.SaveChangesAsync(Ct);
            outsider = learner.Id;
        }

        await access.EnsureCanReadCohortAsync(_kit.Data.Cohort.Id, Ct);
        (await access.SeesWholeCohortAsync(_kit.Data.Cohort.Id, Ct)).ShouldBeTrue();
        await access.EnsureCanReadLearnerAsync(_kit.Data[0].LearnerId, Ct);
        await Should.ThrowAsync<AccessDeniedException>(() => access.EnsureCanReadLearnerAsync(outsider, Ct));
        (await access.VisibleLearnerIdsAsync(Ct))!.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_mentor_without_mentees_in_the_cohort_sees_none_of_its_learners()
    {
        // The cohort query filters by the mentor's id; an account with no mentor id must not match enrollments without a mentor.
        var access = TestUsers.AccessFor(_database.Factory, TestUsers.Mentor(_kit.Data.Mentor.Id));
        (await access.SeesWholeCohortAsync(_kit.Data.Cohort.Id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_staff_link_trainers_and_the_link_is_audited()
    {
        var trainer = await _kit.TrainerAsync("zhao", linked: false);
        _kit.User = trainer;
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Sessions.AddTrainerAsync(_kit.Data.Cohort.Id, trainer.UserId!, Ct));

        _kit.User = TestUsers.Analyst;
        (await _kit.Sessions.GetAsync("LEAN-1", Ct))!.TrainerCandidates.ShouldHaveSingleItem().UserName.ShouldBe("zhao");
        await _kit.Sessions.AddTrainerAsync(_kit.Data.Cohort.Id, trainer.UserId!, Ct);

        _kit.User = trainer;
        (await _kit.Attendance.RosterAsync(_session, Ct)).ShouldNotBeNull();
        await using var db = _database.CreateContext();
        var line = await db.AuditTrail.SingleAsync(a => a.EntityType == nameof(CohortTrainer), Ct);
        (line.EntityKey, line.NewValue, line.Actor).ShouldBe(("LEAN-1", "zhao", "analyst"));

        _kit.User = TestUsers.Analyst;
        await _kit.Sessions.RemoveTrainerAsync(_kit.Data.Cohort.Id, trainer.UserId!, Ct);
        _kit.User = trainer;
        await Should.ThrowAsync<AccessDeniedException>(() => _kit.Attendance.RosterAsync(_session, Ct));
    }

    [Fact]
    public async Task An_account_that_is_not_a_trainer_cannot_be_linked()
    {
        var ex = await Should.ThrowAsync<DataValidationException>(() => _kit.Sessions.AddTrainerAsync(_kit.Data.Cohort.Id, "no-such-account", Ct));
        ex.Errors.ShouldBe([AttendanceKit.Text["Val_NotATrainer"].Value]);
    }
}
