using BenchmarkDotNet.Attributes;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Benchmarks;

/// <summary>
/// The batch path of the scoring engine: a cohort-sized table of learners × 12 built-in indicators
/// scored with the default profile. Target: ≥ 10 million observations/s on one core, and allocated
/// bytes per operation that do not grow with the number of learners (the results array is reused).
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ScoringEngine _engine = null!;
    private ObservationTable _table = null!;
    private LearnerScore[] _results = [];

    [Params(10_000, 100_000)]
    public int Learners { get; set; }

    public int Observations => _table.RowCount;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new ScoringEngine(WeightProfile.Default);
        _table = CreateTable(_engine, Learners, seed: 42);
        _results = new LearnerScore[Learners];
        if (_engine.ScoreBatch(_table, _results).Count != 0)
        {
            throw new InvalidOperationException("The generated observations must all be allowed.");
        }
    }

    [Benchmark]
    public int ScoreBatch() => _engine.ScoreBatch(_table, _results).Count;

    /// <summary>One allowed observation of every built-in indicator per learner, in profile order.</summary>
    internal static ObservationTable CreateTable(ScoringEngine engine, int learners, int seed)
    {
        var random = new Random(seed);
        var indicators = engine.Profile.Indicators;
        var rows = learners * indicators.Count;
        var ids = new string[learners];
        var start = new int[learners + 1];
        var indicator = new int[rows];
        var value = new double[rows];
        var baseline = new double[rows];
        var target = new double[rows];
        var row = 0;
        for (var learner = 0; learner < learners; learner++)
        {
            ids[learner] = $"E{learner + 1:D6}";
            start[learner] = row;
            for (var i = 0; i < indicators.Count; i++, row++)
            {
                indicator[row] = i;
                (value[row], baseline[row], target[row]) = indicators[i].Normalization switch
                {
                    Normalization.Likert5 => (1 + 4 * random.NextDouble(), double.NaN, double.NaN),
                    Normalization.Rate => (random.NextDouble(), double.NaN, double.NaN),
                    Normalization.Percent => (100 * random.NextDouble(), double.NaN, double.NaN),
                    Normalization.Score => (indicators[i].Max * random.NextDouble(), double.NaN, double.NaN),
                    Normalization.CountTarget => (random.Next(0, 15), double.NaN, double.NaN),
                    Normalization.Gain => (100 * random.NextDouble(), 100 * random.NextDouble(), double.NaN),
                    Normalization.RatingChange => (1 + 4 * random.NextDouble(), 1 + 4 * random.NextDouble(), double.NaN),
                    Normalization.TargetAchievement => (80 + 50 * random.NextDouble(), 100, 120),
                    _ => throw new InvalidOperationException(),
                };
            }
        }
        start[learners] = row;
        return new ObservationTable
        {
            LearnerIds = ids,
            LearnerStart = start,
            Indicator = indicator,
            Value = value,
            Baseline = baseline,
            Target = target,
        };
    }
}
