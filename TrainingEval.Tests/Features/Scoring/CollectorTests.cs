using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Scoring;

/// <summary>Each collector against hand-made records of a three-learner cohort (2026-03-02 to 2026-04-24), "today" 2026-07-15.</summary>
public sealed class CollectorTests : IAsyncLifetime
{
    private static readonly DateTime Today = new(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(Today));
        _data = await TestData.CreateAsync(_database);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private CollectionScope Scope(DateTime? asOf = null, WeightProfile? profile = null, params int[] only) => new()
    {
        CohortId = _data.Cohort.Id,
        StartDate = TestData.Start,
        EndDate = TestData.End,
        Profile = profile ?? WeightProfile.Default,
        AsOf = asOf ?? Today,
        Enrollments = _data.Enrollments.Where(e => only.Length == 0 || only.Contains(e.Id))
            .Select(e => new ScoredEnrollment(e.Id, e.LearnerId, _data.Department.Id, e.Learner!.EmployeeNumber)).ToList(),
        IsPartial = only.Length > 0,
    };

    private async Task<ObservationSink> Collect(IIndicatorCollector collector, CollectionScope? scope = null)
    {
        await using var db = _database.CreateContext();
        var sink = new ObservationSink();
        await collector.CollectAsync(db, scope ?? Scope(), sink, Ct);
        return sink;
    }

    private async Task Add(params object[] entities)
    {
        await using var db = _database.CreateContext();
        db.AddRange(entities);
        await db.SaveChangesAsync(Ct);
    }

    private static double[] Values(ObservationSink sink, int enrollmentId, string code) =>
        sink.For(enrollmentId).Where(o => o.IndicatorCode == code).Select(o => o.Raw.Value).ToArray();

    [Fact]
    public async Task Satisfaction_is_one_observation_per_response_the_mean_of_its_items()
    {
        var survey = new SatisfactionSurvey { Code = "满意度", CohortId = _data.Cohort.Id, Name = "满意度", OpenedOn = TestData.End, ItemCount = 4 };
        var pulse = new SatisfactionSurvey { Code = "课中", CohortId = _data.Cohort.Id, Name = "课中", OpenedOn = TestData.Start, ItemCount = 2 };
        await Add(survey, pulse);
        await Add(
            new SurveyResponse { SurveyId = survey.Id, EnrollmentId = _data[0].Id, SubmittedAt = Today, ItemScores = [4, 5, 4, 3] },
            new SurveyResponse { SurveyId = pulse.Id, EnrollmentId = _data[0].Id, SubmittedAt = Today, ItemScores = [2, 3] });

        var sink = await Collect(new SatisfactionCollector());

        Values(sink, _data[0].Id, BuiltInIndicators.Satisfaction).Order().ShouldBe([2.5, 4.0]);
        sink.For(_data[1].Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task Attendance_counts_late_as_half_and_ignores_excused()
    {
        var sessions = Enumerable.Range(1, 5).Select(k => new CohortSession { CohortId = _data.Cohort.Id, Sequence = k, HeldOn = TestData.Start.AddDays(7 * k), Name = $"第{k}课", DurationMinutes = 90 }).ToArray();
        await Add(sessions);
        var statuses = new[] { AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.Absent, AttendanceStatus.Excused, AttendanceStatus.Present };
        await Add(sessions.Select((s, i) => new AttendanceRecord { SessionId = s.Id, EnrollmentId = _data[0].Id, Status = statuses[i] }).ToArray<object>());
        await Add(new AttendanceRecord { SessionId = sessions[0].Id, EnrollmentId = _data[1].Id, Status = AttendanceStatus.Excused });

        var sink = await Collect(new AttendanceCollector());

        Values(sink, _data[0].Id, BuiltInIndicators.Attendance).ShouldBe([2.5 / 4]);
        Values(sink, _data[1].Id, BuiltInIndicators.Attendance).ShouldBeEmpty();
    }

    [Fact]
    public async Task Interaction_counts_every_kind_and_gives_silent_learners_zero()
    {
        await Add(
            new Interaction { EnrollmentId = _data[0].Id, OccurredAt = Today, Kind = InteractionKind.Post },
            new Interaction { EnrollmentId = _data[0].Id, OccurredAt = Today, Kind = InteractionKind.Question },
            new Interaction { EnrollmentId = _data[0].Id, OccurredAt = Today, Kind = InteractionKind.PollAnswer });

        var sink = await Collect(new InteractionCollector());

        Values(sink, _data[0].Id, BuiltInIndicators.Interaction).ShouldBe([3.0]);
        Values(sink, _data[1].Id, BuiltInIndicators.Interaction).ShouldBe([0.0]);
    }

    [Fact]
    public async Task Interaction_is_missing_before_the_cohort_starts()
    {
        var sink = await Collect(new InteractionCollector(), Scope(asOf: TestData.Start.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
        sink.For(_data[0].Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task Exam_parts_are_rescaled_and_gain_pairs_post_with_pre()
    {
        var pre = new Assessment { Code = "训前", CohortId = _data.Cohort.Id, Kind = AssessmentKind.PreTest, Name = "训前", HeldOn = TestData.Start, MaxScore = 50 };
        var final = new Assessment { Code = "结业", CohortId = _data.Cohort.Id, Kind = AssessmentKind.FinalExam, Name = "结业", HeldOn = TestData.End, MaxScore = 100, PracticalMaxScore = 40 };
        var quiz = new Assessment { Code = "测验", CohortId = _data.Cohort.Id, Kind = AssessmentKind.Quiz, Name = "测验", HeldOn = TestData.Start.AddDays(7), MaxScore = 10 };
        await Add(pre, final, quiz);
        await Add(
            new AssessmentResult { AssessmentId = pre.Id, EnrollmentId = _data[0].Id, Score = 20 },
            new AssessmentResult { AssessmentId = final.Id, EnrollmentId = _data[0].Id, Score = 85, PracticalScore = 28 },
            new AssessmentResult { AssessmentId = quiz.Id, EnrollmentId = _data[0].Id, Score = 9 },
            new AssessmentResult { AssessmentId = final.Id, EnrollmentId = _data[1].Id, Score = 70 });

        var sink = await Collect(new AssessmentCollector());

        Values(sink, _data[0].Id, BuiltInIndicators.ExamTheory).ShouldBe([85.0]);
        Values(sink, _data[0].Id, BuiltInIndicators.ExamPractical).ShouldBe([70.0]);
        var gain = sink.For(_data[0].Id).Single(o => o.IndicatorCode == BuiltInIndicators.KnowledgeGain);
        gain.Raw.Value.ShouldBe(85);
        gain.Raw.Baseline.ShouldBe(40);
        // No pre-test: no gain; no practical score: no practical observation.
        sink.For(_data[1].Id).Select(o => o.IndicatorCode).ShouldBe([BuiltInIndicators.ExamTheory]);
    }

    [Fact]
    public async Task A_post_test_is_preferred_to_the_final_exam_for_gain()
    {
        var pre = new Assessment { Code = "训前", CohortId = _data.Cohort.Id, Kind = AssessmentKind.PreTest, Name = "训前", HeldOn = TestData.Start };
        var post = new Assessment { Code = "训后", CohortId = _data.Cohort.Id, Kind = AssessmentKind.PostTest, Name = "训后", HeldOn = TestData.End };
        var final = new Assessment { Code = "结业", CohortId = _data.Cohort.Id, Kind = AssessmentKind.FinalExam, Name = "结业", HeldOn = TestData.End };
        await Add(pre, post, final);
        await Add(
            new AssessmentResult { AssessmentId = pre.Id, EnrollmentId = _data[0].Id, Score = 30 },
            new AssessmentResult { AssessmentId = post.Id, EnrollmentId = _data[0].Id, Score = 75 },
            new AssessmentResult { AssessmentId = final.Id, EnrollmentId = _data[0].Id, Score = 95 });

        var sink = await Collect(new AssessmentCollector());

        sink.For(_data[0].Id).Single(o => o.IndicatorCode == BuiltInIndicators.KnowledgeGain).Raw.ShouldBe(new RawValue(75, 30));
    }

    [Fact]
    public async Task Assignments_count_on_time_late_and_missing_over_those_due()
    {
        var due = TestData.Start.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
        var a1 = new Assignment { Code = "作业1", CohortId = _data.Cohort.Id, Name = "作业1", AssignedOn = TestData.Start, DueAt = due };
        var a2 = new Assignment { Code = "作业2", CohortId = _data.Cohort.Id, Name = "作业2", AssignedOn = TestData.Start, DueAt = due.AddDays(7) };
        var a3 = new Assignment { Code = "作业3", CohortId = _data.Cohort.Id, Name = "作业3", AssignedOn = TestData.Start, DueAt = due.AddDays(14) };
        var future = new Assignment { Code = "作业4", CohortId = _data.Cohort.Id, Name = "作业4", AssignedOn = TestData.Start, DueAt = Today.AddDays(10) };
        await Add(a1, a2, a3, future);
        await Add(
            new Submission { AssignmentId = a1.Id, EnrollmentId = _data[0].Id, SubmittedAt = due.AddHours(-1) },
            new Submission { AssignmentId = a2.Id, EnrollmentId = _data[0].Id, SubmittedAt = due.AddDays(8) },
            new Submission { AssignmentId = a1.Id, EnrollmentId = _data[1].Id, SubmittedAt = due },
            new Submission { AssignmentId = future.Id, EnrollmentId = _data[1].Id, SubmittedAt = Today.AddDays(-1) });

        var sink = await Collect(new AssignmentCollector());

        // Learner 0: on time, late, missing over 3 due ⇒ 1.5 / 3. Learner 1: on time, missing, missing, plus one handed in early ⇒ 2 / 4.
        Values(sink, _data[0].Id, BuiltInIndicators.Assignments).ShouldBe([0.5]);
        Values(sink, _data[1].Id, BuiltInIndicators.Assignments).ShouldBe([0.5]);
        Values(sink, _data[2].Id, BuiltInIndicators.Assignments).ShouldBe([0.0]);
    }

    [Fact]
    public async Task Mentor_rating_is_the_mean_of_the_latest_rating_per_dimension()
    {
        MentorRating R(string dim, int seq, int score) => new() { EnrollmentId = _data[0].Id, MentorId = _data.Mentor.Id, Dimension = dim, Score = score, Sequence = seq, RatedAt = Today };
        await Add(R("initiative", 1, 2), R("initiative", 2, 4), R("attitude", 1, 5));

        var sink = await Collect(new MentorRatingCollector());

        Values(sink, _data[0].Id, BuiltInIndicators.MentorRating).ShouldBe([4.5]);
        sink.For(_data[1].Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task Application_counts_events_in_the_window_only()
    {
        ApplicationEvent E(int i, int day) => new() { EnrollmentId = _data[i].Id, OccurredOn = TestData.End.AddDays(day), Description = "应用" };
        await Add(E(0, 0), E(0, 1), E(0, 30), E(0, 60), E(0, 61), E(1, 70));

        var closed = await Collect(new ApplicationCollector());
        Values(closed, _data[0].Id, BuiltInIndicators.Application).ShouldBe([3.0]);
        Values(closed, _data[1].Id, BuiltInIndicators.Application).ShouldBe([0.0]);

        var open = await Collect(new ApplicationCollector(), Scope(asOf: TestData.End.AddDays(40).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
        Values(open, _data[0].Id, BuiltInIndicators.Application).ShouldBe([2.0]);
        open.For(_data[1].Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task Application_counts_only_cases_a_mentor_confirmed()
    {
        ApplicationEvent E(int i, int day, ApplicationCaseStatus status) =>
            new() { EnrollmentId = _data[i].Id, OccurredOn = TestData.End.AddDays(day), Description = "应用", Status = status };
        await Add(E(0, 5, ApplicationCaseStatus.Confirmed), E(0, 6, ApplicationCaseStatus.Pending), E(0, 7, ApplicationCaseStatus.NeedsMore),
            E(1, 5, ApplicationCaseStatus.Pending));

        var sink = await Collect(new ApplicationCollector());

        Values(sink, _data[0].Id, BuiltInIndicators.Application).ShouldBe([1.0]);
        // The window has closed: a learner whose only case still waits has 0 confirmed applications.
        Values(sink, _data[1].Id, BuiltInIndicators.Application).ShouldBe([0.0]);
    }

    [Fact]
    public async Task A_cohort_with_only_unconfirmed_cases_does_not_track_applications()
    {
        await Add(new ApplicationEvent { EnrollmentId = _data[0].Id, OccurredOn = TestData.End.AddDays(3), Description = "应用", Status = ApplicationCaseStatus.Pending },
            new ApplicationEvent { EnrollmentId = _data[1].Id, OccurredOn = TestData.End.AddDays(4), Description = "应用", Status = ApplicationCaseStatus.NeedsMore });
        await using (var db = _database.CreateContext())
            (await EvaluationPlans.LoadAsync(db, [_data.Cohort.Id], Ct))[_data.Cohort.Id].Tracks(TrainingEval.Domain.Plans.RecordKind.ApplicationEvents).ShouldBeFalse();

        await Add(new ApplicationEvent { EnrollmentId = _data[2].Id, OccurredOn = TestData.End.AddDays(5), Description = "应用" });

        await using (var db = _database.CreateContext())
            (await EvaluationPlans.LoadAsync(db, [_data.Cohort.Id], Ct))[_data.Cohort.Id].Tracks(TrainingEval.Domain.Plans.RecordKind.ApplicationEvents).ShouldBeTrue();
    }

    [Fact]
    public async Task Application_window_follows_the_profile()
    {
        ApplicationEvent E(int day) => new() { EnrollmentId = _data[0].Id, OccurredOn = TestData.End.AddDays(day), Description = "应用" };
        await Add(E(5), E(20), E(40));

        var sink = await Collect(new ApplicationCollector(), Scope(profile: WeightProfile.Default with { ApplicationWindowDays = 30 }));

        Values(sink, _data[0].Id, BuiltInIndicators.Application).ShouldBe([2.0]);
    }

    [Fact]
    public async Task Reviews_give_behaviour_change_and_performance()
    {
        PerformanceReview R(int i, string on, double behavior, double overall) => new() { LearnerId = _data[i].LearnerId, ReviewedOn = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), BehaviorRating = behavior, OverallRating = overall };
        await Add(R(0, "2025-06-30", 2.5, 3), R(0, "2025-12-31", 3.0, 3.2), R(0, "2026-06-30", 3.8, 4.1), R(0, "2026-12-31", 4.5, 4.5),
                  R(1, "2026-06-30", 3.5, 3.4), R(2, "2025-12-31", 3.0, 3.0));

        var sink = await Collect(new PerformanceReviewCollector());

        sink.For(_data[0].Id).Single(o => o.IndicatorCode == BuiltInIndicators.BehaviorChange).Raw.ShouldBe(new RawValue(3.8, 3.0));
        Values(sink, _data[0].Id, BuiltInIndicators.Performance).ShouldBe([4.1]);
        // No review before: performance only. No review after: nothing.
        sink.For(_data[1].Id).Select(o => o.IndicatorCode).ShouldBe([BuiltInIndicators.Performance]);
        sink.For(_data[2].Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task Kpi_uses_the_learners_own_measurement_before_the_teams()
    {
        var scrap = new Kpi { ProgramId = _data.Program.Id, Code = "scrap", Name = "报废率", Unit = "%", Direction = KpiDirection.LowerIsBetter };
        var oee = new Kpi { ProgramId = _data.Program.Id, Code = "oee", Name = "OEE", Unit = "%", Direction = KpiDirection.HigherIsBetter };
        await Add(scrap, oee);
        await Add(
            new KpiMeasurement { KpiId = scrap.Id, CohortId = _data.Cohort.Id, EnrollmentId = _data[0].Id, Baseline = 3, Target = 2, Actual = 2.5 },
            new KpiMeasurement { KpiId = scrap.Id, CohortId = _data.Cohort.Id, DepartmentId = _data.Department.Id, Baseline = 4, Target = 3, Actual = 3.5 },
            new KpiMeasurement { KpiId = oee.Id, CohortId = _data.Cohort.Id, DepartmentId = _data.Department.Id, Baseline = 70, Target = 75, Actual = 74 },
            new KpiMeasurement { KpiId = oee.Id, CohortId = _data.Cohort.Id, EnrollmentId = _data[2].Id, Baseline = 70, Target = 75, Actual = null });

        var sink = await Collect(new KpiCollector());

        sink.For(_data[0].Id).Select(o => o.Raw).OrderBy(r => r.Value).ShouldBe([new RawValue(2.5, 3, 2), new RawValue(74, 70, 75)]);
        sink.For(_data[1].Id).Select(o => o.Raw).OrderBy(r => r.Value).ShouldBe([new RawValue(3.5, 4, 3), new RawValue(74, 70, 75)]);
        // An own measurement not yet taken does not hide the team's.
        sink.For(_data[2].Id).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Stored_observations_replace_derived_values_of_the_same_indicator_only()
    {
        var session = new CohortSession { CohortId = _data.Cohort.Id, Sequence = 1, HeldOn = TestData.Start, Name = "第一课", DurationMinutes = 90 };
        await Add(session);
        await Add(
            new AttendanceRecord { SessionId = session.Id, EnrollmentId = _data[0].Id, Status = AttendanceStatus.Absent },
            new AttendanceRecord { SessionId = session.Id, EnrollmentId = _data[1].Id, Status = AttendanceStatus.Present },
            new StoredObservation { EnrollmentId = _data[0].Id, IndicatorCode = BuiltInIndicators.Attendance, Value = 0.9, Source = "旧系统", RecordedAt = Today },
            new StoredObservation { EnrollmentId = _data[0].Id, IndicatorCode = "not_in_profile", Value = 1, Source = "旧系统", RecordedAt = Today });

        await using var db = _database.CreateContext();
        var sink = await ObservationCollector.CreateDefault().CollectAsync(db, Scope(), Ct);

        Values(sink, _data[0].Id, BuiltInIndicators.Attendance).ShouldBe([0.9]);
        Values(sink, _data[1].Id, BuiltInIndicators.Attendance).ShouldBe([1.0]);
        sink.For(_data[0].Id).ShouldNotContain(o => o.IndicatorCode == "not_in_profile");
        // The cohort has no interaction records at all: not tracked, so no derived 0 either (spec section 9).
        Values(sink, _data[0].Id, BuiltInIndicators.Interaction).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_partial_scope_collects_only_its_learners()
    {
        await Add(
            new Interaction { EnrollmentId = _data[0].Id, OccurredAt = Today, Kind = InteractionKind.Post },
            new Interaction { EnrollmentId = _data[1].Id, OccurredAt = Today, Kind = InteractionKind.Post });

        await using var db = _database.CreateContext();
        var sink = await ObservationCollector.CreateDefault().CollectAsync(db, Scope(only: _data[1].Id), Ct);

        sink.For(_data[0].Id).ShouldBeEmpty();
        Values(sink, _data[1].Id, BuiltInIndicators.Interaction).ShouldBe([1.0]);
    }
}
