namespace TrainingEval.Domain.Scoring;

/// <summary>
/// Columnar observations of many learners for <see cref="ScoringEngine.ScoreBatch"/>: learner
/// <c>i</c>'s observations are rows <c>LearnerStart[i]</c> up to <c>LearnerStart[i + 1]</c>. Columnar
/// arrays keep the hot path free of per-learner allocations.
/// </summary>
public sealed class ObservationTable
{
    /// <summary>Learner ids, in result order (used in error messages).</summary>
    public required IReadOnlyList<string> LearnerIds { get; init; }

    /// <summary>Length <c>LearnerIds.Count + 1</c>.</summary>
    public required int[] LearnerStart { get; init; }

    /// <summary>Index into the profile's indicators (<see cref="ScoringEngine.IndicatorIndex"/>).</summary>
    public required int[] Indicator { get; init; }

    public required double[] Value { get; init; }

    /// <summary>NaN where absent.</summary>
    public required double[] Baseline { get; init; }

    /// <summary>NaN where absent.</summary>
    public required double[] Target { get; init; }

    public int LearnerCount => LearnerIds.Count;

    public int RowCount => Indicator.Length;
}

/// <summary>Builds an <see cref="ObservationTable"/> learner by learner.</summary>
public sealed class ObservationTableBuilder(ScoringEngine engine)
{
    private readonly ScoringEngine _engine = engine ?? throw new ArgumentNullException(nameof(engine));
    private readonly List<string> _learnerIds = [];
    private readonly List<int> _learnerStart = [];
    private readonly List<int> _indicator = [];
    private readonly List<double> _value = [];
    private readonly List<double> _baseline = [];
    private readonly List<double> _target = [];

    /// <summary>Starts the next learner; observations added after belong to them.</summary>
    public void StartLearner(string learnerId)
    {
        ArgumentNullException.ThrowIfNull(learnerId);
        _learnerIds.Add(learnerId);
        _learnerStart.Add(_indicator.Count);
    }

    /// <exception cref="ArgumentException">Unknown indicator code.</exception>
    /// <exception cref="InvalidOperationException">No learner started yet.</exception>
    public void Add(string indicatorCode, double value, double? baseline = null, double? target = null)
    {
        if (_learnerIds.Count == 0)
        {
            throw new InvalidOperationException("Call StartLearner before adding observations.");
        }
        var index = _engine.IndicatorIndex(indicatorCode);
        if (index < 0)
        {
            throw new ArgumentException($"The weight profile has no indicator {indicatorCode}.", nameof(indicatorCode));
        }
        _indicator.Add(index);
        _value.Add(value);
        _baseline.Add(baseline ?? double.NaN);
        _target.Add(target ?? double.NaN);
    }

    public ObservationTable Build() => new()
    {
        LearnerIds = [.. _learnerIds],
        LearnerStart = [.. _learnerStart, _indicator.Count],
        Indicator = [.. _indicator],
        Value = [.. _value],
        Baseline = [.. _baseline],
        Target = [.. _target],
    };
}

/// <summary>Cohort ranks: by composite, highest first; ties (within <see cref="Thresholds.Tolerance"/>) share the lowest rank (1, 2, 2, 4); no composite, no rank.</summary>
public static class CohortRanking
{
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Rank(ReadOnlySpan<double?> composites, Span<int?> ranks)
    {
        if (ranks.Length != composites.Length)
        {
            throw new ArgumentException($"Ranks has {ranks.Length} places for {composites.Length} composites.", nameof(ranks));
        }
        var rankedCount = 0;
        foreach (var composite in composites)
        {
            if (composite is { } c && !double.IsNaN(c))
            {
                rankedCount++;
            }
        }
        // Sorted by the negated composite, so ascending order is highest composite first.
        var keys = new double[rankedCount];
        var learners = new int[rankedCount];
        var k = 0;
        for (var i = 0; i < composites.Length; i++)
        {
            ranks[i] = null;
            if (composites[i] is { } c && !double.IsNaN(c))
            {
                keys[k] = -c;
                learners[k] = i;
                k++;
            }
        }
        Array.Sort(keys, learners);
        // Spec section 9, "Ties": composites within the tolerance of the first of a tie group share its rank,
        // whatever the last binary digit says (60.1 and 60.099999999999994 are one score).
        var rank = 0;
        var groupKey = 0.0;
        for (var position = 0; position < rankedCount; position++)
        {
            if (position == 0 || !Thresholds.Ties(keys[position], groupKey))
            {
                rank = position + 1;
                groupKey = keys[position];
            }
            ranks[learners[position]] = rank;
        }
    }

    /// <summary>Ranks the composites of a batch result.</summary>
    public static void Rank(ReadOnlySpan<LearnerScore> scores, Span<int?> ranks)
    {
        var composites = new double?[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            composites[i] = scores[i].Composite;
        }
        Rank(composites, ranks);
    }

    /// <summary>Ranks of the given composites, in the same order.</summary>
    public static int?[] Rank(IReadOnlyList<double?> composites)
    {
        ArgumentNullException.ThrowIfNull(composites);
        var ranks = new int?[composites.Count];
        Rank([.. composites], ranks);
        return ranks;
    }
}
