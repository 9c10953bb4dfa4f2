using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Applications;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Applications;

/// <summary>
/// Application cases end to end in the service: a learner logs a case in their own cohort, it waits, their mentor confirms it
/// (it counts, the learner is rescored) or asks for more (the learner edits it, it waits again). Refusals name the learner,
/// the field, the value and why, in the reader's language, and leave nothing half-saved. The cohort ran 2026-03-02 to
/// 2026-04-24; "today" is 2026-05-10, inside its 60-day tracking window (2026-04-25 to 2026-06-23).
/// </summary>
public sealed class ApplicationCaseServiceTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 5, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Applied = new(2026, 5, 3);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private Services _services = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(Now));
        _data = await TestData.CreateAsync(_database);
        _services = new Services(_database);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private UserContext Learner(int i) => TestUsers.Learner(_data[i].LearnerId) with { Name = $"learner{i + 1}" };

    private UserContext MentorUser => TestUsers.Mentor(_data.Mentor.Id) with { Name = "mentor.wang" };

    private async Task<ApplicationCaseRow> SubmitAsync(int i, DateOnly? day = null, string description = "用 5S 整理工位", string? result = "找工具的时间减半")
    {
        _services.User = Learner(i);
        return await _services.Applications.SubmitAsync(_data[i].LearnerId, _data[i].Id, day ?? Applied, description, result, Ct);
    }

    private async Task<List<ApplicationEvent>> CasesAsync()
    {
        await using var db = _database.CreateContext();
        return await db.ApplicationEvents.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private async Task<LearnerScoreRecord?> ScoreAsync(int i)
    {
        await using var db = _database.CreateContext();
        return await db.LearnerScores.AsNoTracking().SingleOrDefaultAsync(s => s.EnrollmentId == _data[i].Id, Ct);
    }

    [Fact]
    public async Task A_pending_case_does_not_count_and_a_confirmed_one_counts_and_rescores_the_learner()
    {
        var logged = await SubmitAsync(0);
        await SubmitAsync(1);

        logged.Status.ShouldBe(ApplicationCaseStatus.Pending);
        logged.InWindow.ShouldBeTrue();
        (await CasesAsync())[0].SubmittedAt.ShouldBe(Now);
        // Logging is not yet evidence: nobody was rescored.
        (await ScoreAsync(0)).ShouldBeNull();
        _services.User = Learner(0);
        (await _services.Applications.ForLearnerAsync(_data[0].LearnerId, Ct)).Enrolments.Single().Counted.ShouldBe(0);

        _services.User = MentorUser;
        var waiting = await _services.Applications.WaitingForMentorAsync(_data.Mentor.Id, Ct);
        waiting.Select(w => w.EmployeeNumber).ShouldBe(["E001", "E002"]);
        var confirmed = await _services.Applications.ConfirmAsync(logged.Id, waiting[0].Case.Revision, _data.Mentor.Id, isKeyEvent: true, "很好的改善", Ct);

        confirmed.Status.ShouldBe(ApplicationCaseStatus.Confirmed);
        confirmed.IsKeyEvent.ShouldBeTrue();
        var stored = (await CasesAsync())[0];
        stored.ReviewedByMentorId.ShouldBe(_data.Mentor.Id);
        stored.ReviewedAt.ShouldBe(Now);
        stored.ReviewNote.ShouldBe("很好的改善");
        // The confirmation rescored the learner: application (a behaviour indicator) now has one event; E002's case still waits.
        var score = await ScoreAsync(0);
        score.ShouldNotBeNull();
        score.ComputedAt.ShouldBe(Now);
        score.Behavior.ShouldNotBeNull();
        (await _services.Applications.WaitingForMentorAsync(_data.Mentor.Id, Ct)).Select(w => w.EmployeeNumber).ShouldBe(["E002"]);
        (await _services.Applications.WaitingForMentorAsync(_data.Mentor.Id, Ct))[0].Counted.ShouldBe(0);
        _services.User = Learner(0);
        (await _services.Applications.ForLearnerAsync(_data[0].LearnerId, Ct)).Enrolments.Single().Counted.ShouldBe(1);
    }

    [Fact]
    public async Task Every_write_is_audited_under_the_name_of_who_made_it()
    {
        var logged = await SubmitAsync(0);
        _services.User = MentorUser;
        await _services.Applications.ConfirmAsync(logged.Id, logged.Revision, _data.Mentor.Id, false, null, Ct);

        await using var db = _database.CreateContext();
        var audit = await db.AuditTrail.AsNoTracking().Where(a => a.EntityType == nameof(ApplicationEvent)).OrderBy(a => a.Id).ToListAsync(Ct);
        audit[0].ShouldSatisfyAllConditions(
            a => a.Action.ShouldBe(AuditAction.Added),
            a => a.Actor.ShouldBe("learner1"),
            a => a.NewValue!.ShouldContain("用 5S 整理工位"));
        var status = audit.Single(a => a.Action == AuditAction.Modified && a.Property == nameof(ApplicationEvent.Status));
        status.Actor.ShouldBe("mentor.wang");
        status.OldValue.ShouldBe(nameof(ApplicationCaseStatus.Pending));
        status.NewValue.ShouldBe(nameof(ApplicationCaseStatus.Confirmed));
        status.EntityKey.ShouldBe(audit[0].EntityKey);
    }

    [Fact]
    public async Task A_learner_cannot_log_for_someone_else_and_nothing_is_saved()
    {
        _services.User = Learner(0);
        // Another learner's enrollment, and another learner's id with one's own enrollment.
        await Should.ThrowAsync<AccessDeniedException>(() =>
            _services.Applications.SubmitAsync(_data[1].LearnerId, _data[1].Id, Applied, "代填", null, Ct));
        await Should.ThrowAsync<AccessDeniedException>(() =>
            _services.Applications.SubmitAsync(_data[1].LearnerId, _data[0].Id, Applied, "代填", null, Ct));
        // Staff and mentors import records; they do not log cases in a learner's name.
        _services.User = MentorUser;
        await Should.ThrowAsync<AccessDeniedException>(() =>
            _services.Applications.SubmitAsync(_data[0].LearnerId, _data[0].Id, Applied, "代填", null, Ct));
        _services.User = TestUsers.Analyst;
        await Should.ThrowAsync<AccessDeniedException>(() =>
            _services.Applications.SubmitAsync(_data[0].LearnerId, _data[0].Id, Applied, "代填", null, Ct));

        (await CasesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_learner_cannot_edit_someone_elses_case()
    {
        var theirs = await SubmitAsync(1);
        _services.User = Learner(0);

        await Should.ThrowAsync<AccessDeniedException>(() =>
            _services.Applications.ResubmitAsync(theirs.Id, theirs.Revision, _data[0].LearnerId, _data[0].Id, Applied, "改成我的", null, Ct));

        (await CasesAsync()).Single().ShouldSatisfyAllConditions(
            c => c.EnrollmentId.ShouldBe(_data[1].Id),
            c => c.Description.ShouldBe("用 5S 整理工位"));
    }

    [Theory]
    [InlineData("en", "2026-05-11", "x", "The date 2026-05-11 is in the future: log an application once it has happened (today is 2026-05-10).")]
    [InlineData("zh-CN", "2026-05-11", "x", "日期 2026-05-11 在未来：请在应用发生后再记录（今天是 2026-05-10）。")]
    [InlineData("en", "2026-03-01", "x", "The date 2026-03-01 is before cohort LEAN-1 started (2026-03-02): an application of what was learned comes after the training has begun.")]
    [InlineData("zh-CN", "2026-03-01", "x", "日期 2026-03-01 早于班期 LEAN-1 的开班日期 2026-03-02：训后应用应发生在培训开始之后。")]
    [InlineData("en", "2026-05-03", "  ", "Describe what you applied: the field is empty.")]
    [InlineData("zh-CN", "2026-05-03", "", "请填写“应用了什么”：该项为空。")]
    public async Task Bad_input_is_refused_with_a_message_in_the_readers_language(string culture, string day, string description, string message)
    {
        using var scope = new CultureScope(culture);
        var ex = await Should.ThrowAsync<DataValidationException>(() => SubmitAsync(0, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), description));

        ex.Errors.ShouldBe([message]);
        (await CasesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Too_long_texts_say_the_limit_and_the_length()
    {
        using var scope = new CultureScope("en");
        var ex = await Should.ThrowAsync<DataValidationException>(() => SubmitAsync(0, description: new string('a', Bilingual.TextMaxLength + 1), result: new string('b', Bilingual.TextMaxLength + 5)));

        ex.Errors.ShouldBe([
            $"What you applied may be at most {Bilingual.TextMaxLength} characters; it has {Bilingual.TextMaxLength + 1}.",
            $"The result may be at most {Bilingual.TextMaxLength} characters; it has {Bilingual.TextMaxLength + 5}.",
        ]);
    }

    [Fact]
    public async Task Markup_in_free_text_is_kept_as_text_not_refused()
    {
        var logged = await SubmitAsync(0, description: "<script>alert('x')</script> 改善", result: "<b>好</b>");

        // Stored as typed; every page shows it through Razor, which escapes it (see ApplicationCaseCardsTests).
        logged.Description.ShouldBe("<script>alert('x')</script> 改善");
        (await CasesAsync()).Single().Result.ShouldBe("<b>好</b>");
    }

    [Fact]
    public async Task A_day_outside_the_tracking_window_is_kept_but_does_not_count()
    {
        // During the cohort: after its start, so it may be logged, but before the window opens the day after its end.
        var during = await SubmitAsync(0, new DateOnly(2026, 4, 20));
        during.InWindow.ShouldBeFalse();
        _services.User = MentorUser;
        await _services.Applications.ConfirmAsync(during.Id, during.Revision, _data.Mentor.Id, false, null, Ct);

        _services.User = Learner(0);
        var mine = await _services.Applications.ForLearnerAsync(_data[0].LearnerId, Ct);
        mine.Cases.Single().Status.ShouldBe(ApplicationCaseStatus.Confirmed);
        mine.Enrolments.Single().ShouldSatisfyAllConditions(
            e => e.Counted.ShouldBe(0),
            e => e.WindowFirst.ShouldBe(new DateOnly(2026, 4, 25)),
            e => e.WindowLast.ShouldBe(new DateOnly(2026, 6, 23)));
    }

    [Fact]
    public async Task Asking_for_more_sends_the_case_back_and_the_learners_edit_makes_it_pending_again()
    {
        var logged = await SubmitAsync(0);
        _services.User = MentorUser;
        using (new CultureScope("en"))
        {
            var empty = await Should.ThrowAsync<DataValidationException>(() =>
                _services.Applications.AskForMoreAsync(logged.Id, logged.Revision, _data.Mentor.Id, " ", Ct));
            empty.Errors.ShouldBe(["Say what more you need from the learner: the note is empty."]);
        }
        var asked = await _services.Applications.AskForMoreAsync(logged.Id, logged.Revision, _data.Mentor.Id, "请补充节省了多少分钟", Ct);
        asked.Status.ShouldBe(ApplicationCaseStatus.NeedsMore);
        (await _services.Applications.WaitingForMentorAsync(_data.Mentor.Id, Ct)).ShouldBeEmpty();

        _services.User = Learner(0);
        var mine = (await _services.Applications.ForLearnerAsync(_data[0].LearnerId, Ct)).Cases.Single();
        mine.ShouldSatisfyAllConditions(c => c.Status.ShouldBe(ApplicationCaseStatus.NeedsMore), c => c.ReviewNote.ShouldBe("请补充节省了多少分钟"));
        var again = await _services.Applications.ResubmitAsync(mine.Id, mine.Revision, _data[0].LearnerId, _data[0].Id, Applied, "用 5S 整理工位", "每班节省 20 分钟", Ct);

        again.Status.ShouldBe(ApplicationCaseStatus.Pending);
        _services.User = MentorUser;
        var waiting = (await _services.Applications.WaitingForMentorAsync(_data.Mentor.Id, Ct)).Single();
        waiting.Case.Result.ShouldBe("每班节省 20 分钟");
        waiting.Case.ReviewNote.ShouldBe("请补充节省了多少分钟");
    }

    [Fact]
    public async Task A_review_of_a_case_that_changed_since_it_was_opened_is_refused()
    {
        var logged = await SubmitAsync(0);
        _services.User = MentorUser;
        var opened = (await _services.Applications.WaitingForMentorAsync(_data.Mentor.Id, Ct)).Single().Case;
        // The learner edits the case while the mentor has it open.
        _services.User = Learner(0);
        await _services.Applications.ResubmitAsync(logged.Id, logged.Revision, _data[0].LearnerId, _data[0].Id, Applied, "用 5S 整理工位和工具柜", null, Ct);

        _services.User = MentorUser;
        using var scope = new CultureScope("en");
        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            _services.Applications.ConfirmAsync(opened.Id, opened.Revision, _data.Mentor.Id, false, null, Ct));

        ex.Message.ShouldBe("学员1's case of 2026-05-03 changed since you opened it (the learner edited it or another mentor reviewed it): reload, then review it again.");
        (await CasesAsync()).Single().Status.ShouldBe(ApplicationCaseStatus.Pending);
        (await ScoreAsync(0)).ShouldBeNull();
    }

    [Fact]
    public async Task Confirming_a_confirmed_case_is_refused_with_who_confirmed_it()
    {
        var logged = await SubmitAsync(0);
        _services.User = MentorUser;
        var confirmed = await _services.Applications.ConfirmAsync(logged.Id, logged.Revision, _data.Mentor.Id, false, null, Ct);

        using var scope = new CultureScope("zh-CN");
        var ex = await Should.ThrowAsync<DataValidationException>(() =>
            _services.Applications.ConfirmAsync(logged.Id, confirmed.Revision, _data.Mentor.Id, true, null, Ct));

        ex.Errors.ShouldBe(["学员1 在 2026-05-03 的案例已由 王师傅 于 2026-05-10 确认：未做任何更改。"]);
        (await CasesAsync()).Single().IsKeyEvent.ShouldBeFalse();
    }

    [Fact]
    public async Task Only_mentors_of_the_learner_or_the_cohort_review_its_cases()
    {
        var logged = await SubmitAsync(0);
        Mentor other, cohortMentor;
        await using (var db = _database.CreateContext())
        {
            other = new Mentor { EmployeeNumber = "M002", Name = "李师傅", DepartmentId = _data.Department.Id };
            cohortMentor = new Mentor { EmployeeNumber = "M003", Name = "赵师傅", DepartmentId = _data.Department.Id };
            db.Mentors.AddRange(other, cohortMentor);
            await db.SaveChangesAsync(Ct);
            db.CohortMentors.Add(new CohortMentor { CohortId = _data.Cohort.Id, MentorId = cohortMentor.Id });
            await db.SaveChangesAsync(Ct);
        }

        _services.User = TestUsers.Mentor(other.Id);
        await Should.ThrowAsync<AccessDeniedException>(() => _services.Applications.ConfirmAsync(logged.Id, logged.Revision, other.Id, false, null, Ct));
        (await _services.Applications.WaitingForMentorAsync(other.Id, Ct)).ShouldBeEmpty();
        // Naming another mentor does not make one them.
        await Should.ThrowAsync<AccessDeniedException>(() => _services.Applications.ConfirmAsync(logged.Id, logged.Revision, _data.Mentor.Id, false, null, Ct));
        _services.User = Learner(0);
        await Should.ThrowAsync<AccessDeniedException>(() => _services.Applications.ConfirmAsync(logged.Id, logged.Revision, _data.Mentor.Id, false, null, Ct));
        (await CasesAsync()).Single().Status.ShouldBe(ApplicationCaseStatus.Pending);

        _services.User = TestUsers.Mentor(cohortMentor.Id);
        (await _services.Applications.WaitingForMentorAsync(cohortMentor.Id, Ct)).Single().Case.Id.ShouldBe(logged.Id);
        await _services.Applications.ConfirmAsync(logged.Id, logged.Revision, cohortMentor.Id, false, null, Ct);
        (await CasesAsync()).Single().ReviewedByMentorId.ShouldBe(cohortMentor.Id);
    }

    [Fact]
    public async Task An_import_of_the_same_application_confirms_the_learners_pending_case_instead_of_adding_a_second()
    {
        await SubmitAsync(0, description: "5S in the cell");

        var result = await ImportTestKit.Service(_database).ImportCsvAsync(ImportKind.ApplicationEvents, """
            cohort_code,employee_no,occurred_on,description,key_event
            LEAN-1,E001,2026-05-03,5s in the cell,yes
            """);

        result.ShouldSatisfyAllConditions(r => r.Created.ShouldBe(0), r => r.Updated.ShouldBe(1), r => r.RecomputedCohorts.ShouldBe(["LEAN-1"]));
        (await CasesAsync()).Single().ShouldSatisfyAllConditions(
            c => c.Status.ShouldBe(ApplicationCaseStatus.Confirmed),
            c => c.IsKeyEvent.ShouldBeTrue(),
            c => c.Result.ShouldBe("找工具的时间减半"));
    }
}
