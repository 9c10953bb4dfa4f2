using BenchmarkDotNet.Attributes;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.WhatIf;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Benchmarks;

/// <summary>
/// One what-if slider move on the cohort page for a 2,000-learner cohort, everything the server does
/// before it renders: the draft's preview engine (validation included), ScoreBatch over the observations
/// loaded once, ranking, the summary, the distributions, the ranking series with every bar shown
/// (the worst case, 2,000 bars), the box plot, the radar and the table's first page. Target: under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class CohortWhatIfBenchmarks
{
    private static readonly CohortChartLabels Labels = new(["Reaction", "Learning", "Behavior", "Results"], "Composite", "Distribution", "Mean", "Cohort mean");

    private ObservationTable _table = null!;
    private IReadOnlyList<CohortLearner> _learners = [];
    private WhatIfSession _session = null!;
    private double _reaction = 15;

    [Params(2_000)]
    public int Learners { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var engine = new ScoringEngine(WeightProfile.Default);
        _table = ScoringBenchmarks.CreateTable(engine, Learners, seed: 7);
        _learners = [.. Enumerable.Range(0, Learners).Select(i =>
            new CohortLearner(i + 1, i + 1, i % 12, $"E{i + 1:D6}", $"学员{i + 1}", $"Learner {i + 1}", $"D{i % 12:D2}", $"部门{i % 12}", $"Department {i % 12}"))];
        _session = new WhatIfSession(1, WeightProfile.Default, 1, 1);
    }

    [Benchmark]
    public int SliderMove()
    {
        // A different weight each time, so nothing is cached between moves.
        _reaction = _reaction >= 90 ? 5 : _reaction + 1;
        _session.SetLevelWeightAsync(KirkpatrickLevel.Reaction, _reaction).GetAwaiter().GetResult();
        var engine = _session.PreviewEngine ?? throw new InvalidOperationException("The draft must be scorable.");
        var scores = CohortDraftScoring.Score(engine, _table, _learners);
        var charts = CohortChartBuilder.Build(scores, Labels, CohortChartBuilder.MaxBars, l => l.NameEn!);
        var top = CohortChartBuilder.OrderByRank(scores)[0];
        var radar = CohortChartBuilder.Radar(scores, top, charts.Distributions, Labels, _learners[top].NameEn!);
        var page = new CohortLearnerQuery().Apply(scores, System.Globalization.CultureInfo.InvariantCulture, out _);
        return charts.Ranking.Shown + charts.Distribution.Categories.Count + radar.Series.Count + page.Count;
    }
}
