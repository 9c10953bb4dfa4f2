using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Domain.Scoring;

/// <summary>The batch path: columnar table, rejected learners, malformed tables.</summary>
public class ScoreBatchTests
{
    private static readonly ScoringEngine Engine = new(TestProfiles.Default);

    [Fact]
    public void Rejected_values_are_collected_and_only_their_learner_is_left_default()
    {
        var builder = new ObservationTableBuilder(Engine);
        builder.StartLearner("E1001");
        builder.Add(BuiltInIndicators.Satisfaction, 4.2);
        builder.StartLearner("E1002");
        builder.Add(BuiltInIndicators.Satisfaction, 6);
        builder.Add(BuiltInIndicators.Attendance, 1.5);
        builder.StartLearner("E1003");
        var results = new LearnerScore[3];
        results[1].Composite = 42; // stale content from an earlier batch must be cleared

        var errors = Engine.ScoreBatch(builder.Build(), results);

        errors.Select(e => e.Message).ShouldBe(
        [
            "Learner E1002, indicator satisfaction: value 6 is outside the allowed range 1–5.",
            "Learner E1002, indicator attendance: value 1.5 is outside the allowed range 0–1.",
        ]);
        results[0].Reaction!.Value.ShouldBe(80, 1e-9);
        results[1].ShouldBe(default);
        results[2].Composite.ShouldBeNull();
        results[2].Coverage.ShouldBe(0);
    }

    [Fact]
    public void The_builder_refuses_an_unknown_indicator_code()
    {
        var builder = new ObservationTableBuilder(Engine);
        builder.StartLearner("E1001");
        Should.Throw<ArgumentException>(() => builder.Add("shoe_size", 42)).Message.ShouldContain("shoe_size");
    }

    [Fact]
    public void The_builder_needs_a_learner_first() =>
        Should.Throw<InvalidOperationException>(() => new ObservationTableBuilder(Engine).Add(BuiltInIndicators.Satisfaction, 3));

    [Fact]
    public void Results_must_have_room_for_every_learner()
    {
        var builder = new ObservationTableBuilder(Engine);
        builder.StartLearner("E1001");
        builder.StartLearner("E1002");
        Should.Throw<ArgumentException>(() => Engine.ScoreBatch(builder.Build(), new LearnerScore[1]));
    }

    [Fact]
    public void A_table_naming_an_indicator_index_outside_the_profile_is_refused()
    {
        var table = new ObservationTable
        {
            LearnerIds = ["E1001"],
            LearnerStart = [0, 1],
            Indicator = [99],
            Value = [1],
            Baseline = [double.NaN],
            Target = [double.NaN],
        };
        Should.Throw<ArgumentException>(() => Engine.ScoreBatch(table, new LearnerScore[1]));
    }

    [Fact]
    public void The_batch_path_allocates_nothing_per_learner()
    {
        var engine = new ScoringEngine(TestProfiles.Zero);
        var table = CompleteTable(engine, 20_000);
        var results = new LearnerScore[table.LearnerCount];
        engine.ScoreBatch(table, results); // warm-up: JIT and static initialisation allocate once

        var before = GC.GetAllocatedBytesForCurrentThread();
        var errors = engine.ScoreBatch(table, results);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        errors.ShouldBeEmpty();
        results.ShouldAllBe(r => r.Coverage == 1 && r.Composite != null);
        // The smallest heap object is 24 bytes: under one byte per learner means no allocation per learner.
        allocated.ShouldBeLessThan(table.LearnerCount);
    }

    /// <summary>Every learner has one allowed observation of every built-in indicator.</summary>
    private static ObservationTable CompleteTable(ScoringEngine engine, int learners)
    {
        var builder = new ObservationTableBuilder(engine);
        for (var i = 0; i < learners; i++)
        {
            builder.StartLearner($"E{i}");
            foreach (var o in TestProfiles.Complete)
            {
                builder.Add(o.IndicatorCode, o.Raw.Value, o.Raw.Baseline, o.Raw.Target);
            }
        }
        return builder.Build();
    }

    [Fact]
    public void Indicator_index_follows_the_profile_order()
    {
        Engine.IndicatorIndex(BuiltInIndicators.Satisfaction).ShouldBe(0);
        Engine.IndicatorIndex(BuiltInIndicators.Performance).ShouldBe(11);
        Engine.IndicatorIndex("shoe_size").ShouldBe(-1);
    }
}
