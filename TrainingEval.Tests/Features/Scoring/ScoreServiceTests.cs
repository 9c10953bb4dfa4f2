using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Scoring;

public sealed class ScoreServiceTests : IAsyncLifetime
{
    private static readonly DateTime Today = new(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private Services _services = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(Today));
        _data = await TestData.CreateAsync(_database, learners: 4);
        _services = new Services(_database);
        // Learner 0: the spec's worked example (reaction and learning). Learner 1: a weaker learner. Learner 2: nothing.
        await using var db = _database.CreateContext();
        var survey = new SatisfactionSurvey { Code = "满意度", CohortId = _data.Cohort.Id, Name = "满意度", OpenedOn = TestData.End, ItemCount = 5 };
        var pre = new Assessment { Code = "训前", CohortId = _data.Cohort.Id, Kind = AssessmentKind.PreTest, Name = "训前", HeldOn = TestData.Start };
        var final = new Assessment { Code = "结业", CohortId = _data.Cohort.Id, Kind = AssessmentKind.FinalExam, Name = "结业", HeldOn = TestData.End, PracticalMaxScore = 100 };
        var sessions = Enumerable.Range(1, 10).Select(k => new CohortSession { CohortId = _data.Cohort.Id, Sequence = k, HeldOn = TestData.Start.AddDays(k), Name = "课", DurationMinutes = 60 }).ToList();
        db.AddRange(survey, pre, final);
        db.AddRange(sessions);
        await db.SaveChangesAsync(Ct);
        db.SurveyResponses.Add(new SurveyResponse { SurveyId = survey.Id, EnrollmentId = _data[0].Id, SubmittedAt = Today, ItemScores = [4, 4, 4, 5, 4] });
        db.Attendance.AddRange(sessions.Select((s, i) => new AttendanceRecord { SessionId = s.Id, EnrollmentId = _data[0].Id, Status = i == 0 ? AttendanceStatus.Absent : AttendanceStatus.Present }));
        db.Interactions.AddRange(Enumerable.Range(0, 6).Select(_ => new Interaction { EnrollmentId = _data[0].Id, OccurredAt = Today, Kind = InteractionKind.Post }));
        db.AssessmentResults.AddRange(
            new AssessmentResult { AssessmentId = pre.Id, EnrollmentId = _data[0].Id, Score = 40 },
            new AssessmentResult { AssessmentId = final.Id, EnrollmentId = _data[0].Id, Score = 85, PracticalScore = 70 },
            new AssessmentResult { AssessmentId = final.Id, EnrollmentId = _data[1].Id, Score = 50, PracticalScore = 40 });
        db.Attendance.Add(new AttendanceRecord { SessionId = sessions[0].Id, EnrollmentId = _data[1].Id, Status = AttendanceStatus.Late });
        db.Enrollments.Attach(_data[3]).Entity.Status = EnrollmentStatus.Withdrawn;
        db.AuditingEnabled = false;
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Stored_scores_equal_the_domain_engine_on_the_same_observations()
    {
        var result = await _services.Scores.RecomputeCohortAsync(_data.Cohort.Id, Ct);

        result.LearnersScored.ShouldBe(3);
        await using var db = _database.CreateContext();
        var stored = await db.LearnerScores.SingleAsync(s => s.EnrollmentId == _data[0].Id, Ct);
        var expected = new ScoringEngine(WeightProfile.Default).Score("0",
        [
            new(BuiltInIndicators.Satisfaction, 4.2), new(BuiltInIndicators.Attendance, 0.9), new(BuiltInIndicators.Interaction, 6),
            new(BuiltInIndicators.ExamTheory, 85), new(BuiltInIndicators.ExamPractical, 70), new(BuiltInIndicators.KnowledgeGain, 85, 40),
            // No application event anywhere in the cohort: it does not track them, so application is missing, not 0 (spec section 9).
        ]);
        stored.Reaction!.Value.ShouldBe(79, 1e-9);
        stored.Reaction.Value.ShouldBe(expected[KirkpatrickLevel.Reaction].Score!.Value, 1e-9);
        stored.Learning!.Value.ShouldBe(expected[KirkpatrickLevel.Learning].Score!.Value, 1e-9);
        stored.Composite!.Value.ShouldBe(expected.Composite!.Value, 1e-9);
        stored.Coverage.ShouldBe(expected.Coverage, 1e-9);
        stored.Tier.ShouldBe(expected.Tier);
        stored.Behavior.ShouldBeNull();
        stored.BehaviorCoverage.ShouldBe(0);
        stored.Results.ShouldBeNull();
        stored.ProfileVersionNumber.ShouldBe(1);
        stored.ComputedAt.ShouldBe(Today);
    }

    [Fact]
    public async Task Saving_scores_tells_open_pages_which_cohort_changed()
    {
        var notifier = new InProcessScoreChangeNotifier(NullLogger<InProcessScoreChangeNotifier>.Instance);
        var heard = new List<CohortScoresChanged>();
        using var subscription = notifier.Subscribe(c => { heard.Add(c); return Task.CompletedTask; });
        var scores = new CohortScoreService(_database.Factory, ScorePipeline.CreateDefault(_database.Clock), _database.Clock, notifier);

        await scores.RecomputeCohortAsync(_data.Cohort.Id, Ct);
        await scores.RecomputeLearnersAsync(_data.Cohort.Id, [_data[0].Id], Ct);

        heard.Count.ShouldBe(2);
        heard.ShouldAllBe(c => c.CohortId == _data.Cohort.Id);
    }

    [Fact]
    public async Task Withdrawn_learners_are_not_scored_and_silent_learners_score_zero_counts()
    {
        await _services.Scores.RecomputeCohortAsync(_data.Cohort.Id, Ct);

        await using var db = _database.CreateContext();
        var rows = await db.LearnerScores.Where(s => s.CohortId == _data.Cohort.Id).ToDictionaryAsync(s => s.EnrollmentId, Ct);
        rows.ShouldNotContainKey(_data[3].Id);
        rows[_data[0].Id].Rank.ShouldBe(1);
        rows[_data[1].Id].Rank.ShouldBe(2);
        // No records of their own, but the cohort tracks interactions (learner 0 posted): interaction 0. It tracks no
        // application events, so that indicator is missing rather than 0 (spec section 9).
        rows[_data[2].Id].Composite.ShouldBe(0);
        rows[_data[2].Id].Coverage.ShouldBe(15 * 0.2 / 100, 1e-9);
        rows[_data[2].Id].Tier.ShouldBe(Tier.Insufficient);
        rows[_data[2].Id].Rank.ShouldBe(3);
    }

    [Fact]
    public async Task Recomputing_one_learner_changes_only_that_learner_and_reranks_the_cohort()
    {
        await _services.Scores.RecomputeCohortAsync(_data.Cohort.Id, Ct);
        await using (var db = _database.CreateContext())
        {
            db.StoredObservations.Add(new StoredObservation { EnrollmentId = _data[2].Id, IndicatorCode = BuiltInIndicators.ExamTheory, Value = 100, Source = "补录", RecordedAt = Today });
            db.StoredObservations.Add(new StoredObservation { EnrollmentId = _data[2].Id, IndicatorCode = BuiltInIndicators.Interaction, Value = 10, Source = "补录", RecordedAt = Today });
            db.StoredObservations.Add(new StoredObservation { EnrollmentId = _data[2].Id, IndicatorCode = BuiltInIndicators.Application, Value = 4, Source = "补录", RecordedAt = Today });
            db.StoredObservations.Add(new StoredObservation { EnrollmentId = _data[0].Id, IndicatorCode = BuiltInIndicators.ExamTheory, Value = 0, Source = "补录", RecordedAt = Today });
            await db.SaveChangesAsync(Ct);
        }
        DateTime before;
        await using (var db = _database.CreateContext())
            before = (await db.LearnerScores.SingleAsync(s => s.EnrollmentId == _data[0].Id, Ct)).ComputedAt;
        ((FixedClock)_database.Clock).UtcNow = Today.AddHours(1);

        await _services.Scores.RecomputeLearnersAsync(_data.Cohort.Id, [_data[2].Id], Ct);

        await using var check = _database.CreateContext();
        var rows = await check.LearnerScores.Where(s => s.CohortId == _data.Cohort.Id).ToDictionaryAsync(s => s.EnrollmentId, Ct);
        rows[_data[2].Id].Composite.ShouldBe(100);
        rows[_data[2].Id].Rank.ShouldBe(1);
        rows[_data[0].Id].Rank.ShouldBe(2);
        rows[_data[1].Id].Rank.ShouldBe(3);
        // Learner 0's own stored value was not recollected: only learner 2 was touched.
        rows[_data[0].Id].ComputedAt.ShouldBe(before);
        rows[_data[2].Id].ComputedAt.ShouldBe(Today.AddHours(1));
    }

    [Fact]
    public async Task A_value_outside_its_range_leaves_the_learner_unscored_with_the_engines_message()
    {
        await using (var db = _database.CreateContext())
        {
            db.StoredObservations.Add(new StoredObservation { EnrollmentId = _data[1].Id, IndicatorCode = BuiltInIndicators.Satisfaction, Value = 7, Source = "坏数据", RecordedAt = Today });
            await db.SaveChangesAsync(Ct);
        }

        var result = await _services.Scores.RecomputeCohortAsync(_data.Cohort.Id, Ct);

        result.LearnersRejected.ShouldBe(1);
        await using var check = _database.CreateContext();
        var row = await check.LearnerScores.SingleAsync(s => s.EnrollmentId == _data[1].Id, Ct);
        row.Composite.ShouldBeNull();
        row.Problem.ShouldNotBeNull();
        row.Problem.ShouldContain("satisfaction");
        row.Problem.ShouldContain("7");
    }

    [Fact]
    public async Task A_draft_scored_through_the_pipeline_changes_no_stored_score()
    {
        await _services.Scores.RecomputeCohortAsync(_data.Cohort.Id, Ct);
        var draft = WeightProfile.Default with { LevelWeights = new LevelWeights(100, 0, 0, 0) };

        var scored = await ScoreThroughPipelineAsync(draft);

        scored.Scores[0].Composite!.Value.ShouldBe(79, 1e-9);
        await using var db = _database.CreateContext();
        // Stored: (15·79 + 25·77.5) / 40 = 78.0625 with the default weights, not the draft's 79.
        (await db.LearnerScores.SingleAsync(s => s.EnrollmentId == _data[0].Id, Ct)).Composite!.Value.ShouldBe(78.0625, 1e-9);
    }

    [Fact]
    public async Task The_stored_profile_through_the_pipeline_gives_exactly_the_stored_scores()
    {
        await _services.Scores.RecomputeCohortAsync(_data.Cohort.Id, Ct);

        var scored = await ScoreThroughPipelineAsync(WeightProfile.Default);

        await using var db = _database.CreateContext();
        var stored = await db.LearnerScores.AsNoTracking().Where(s => s.CohortId == _data.Cohort.Id).OrderBy(s => s.EnrollmentId).ToListAsync(Ct);
        // exam_passed is not stored (pages do not show it); everything else is the same to the last bit.
        stored.Select(s => s.ToScore()).ShouldBe(scored.Scores.Select(s => s with { ExamPassed = null }));
    }

    [Fact]
    public async Task A_rejected_value_names_the_learner_by_employee_number()
    {
        await using (var db = _database.CreateContext())
        {
            db.StoredObservations.Add(new StoredObservation { EnrollmentId = _data[1].Id, IndicatorCode = BuiltInIndicators.Satisfaction, Value = 7, Source = "test" });
            await db.SaveChangesAsync(Ct);
        }

        var scored = await ScoreThroughPipelineAsync(WeightProfile.Default);

        scored.ProblemOf(1).ShouldNotBeNull().ShouldStartWith($"Learner {_data[1].Learner!.EmployeeNumber}, indicator satisfaction: value 7");
    }

    private async Task<ScoredTable> ScoreThroughPipelineAsync(WeightProfile profile)
    {
        var engine = new ScoringEngine(profile);
        await using var db = _database.CreateContext();
        var enrollments = await CohortScoreService.ScoredEnrollments(db, _data.Cohort.Id, null, Ct);
        var table = await ScorePipeline.CreateDefault(_database.Clock).CollectAsync(db,
            new CohortWindow(_data.Cohort.Id, TestData.Start, TestData.End), engine, enrollments, isPartial: false, Ct);
        return ScorePipeline.Score(engine, table);
    }

    [Fact]
    public async Task An_unknown_cohort_is_a_clear_error()
    {
        var ex = await Should.ThrowAsync<RecordNotFoundException>(() => _services.Scores.RecomputeCohortAsync(999, Ct));
        ex.Message.ShouldBe("The cohort 999 does not exist.");
    }
}
