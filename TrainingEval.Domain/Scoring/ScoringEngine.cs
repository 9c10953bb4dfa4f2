using System.Buffers;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Domain.Scoring;

/// <summary>
/// Scores learners with one validated weight profile (spec section 4). Construct once per profile and
/// reuse: construction validates the profile and precomputes the lookups the batch path needs.
/// Thread-safe.
/// </summary>
public sealed class ScoringEngine
{
    // Above this many indicators the per-learner accumulators are rented once per batch instead of stackalloc'd.
    private const int StackAllocLimit = 128;

    private static readonly WeightProfileValidator Validator = new();

    private readonly WeightProfile _profile;
    private readonly Dictionary<string, int> _indexByCode;

    // By profile index (the index of WeightProfile.Indicators and ObservationTable.Indicator).
    private readonly NormalizationSpec[] _specs;
    private readonly int[] _slotOf;

    // By slot: the indicators grouped by level, so a level's weights and points are one contiguous span.
    private readonly IndicatorDefinition[] _indicatorOfSlot;
    private readonly double[] _slotWeights;
    private readonly int[] _levelStart;
    private readonly double[] _levelWeights;
    private readonly int[] _examSlots;

    /// <exception cref="InvalidWeightProfileException">The profile breaks a rule of spec section 3.</exception>
    public ScoringEngine(WeightProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var validation = Validator.Validate(profile);
        if (!validation.IsValid)
        {
            throw new InvalidWeightProfileException(validation.Errors.Select(e => e.ErrorMessage).ToList());
        }
        _profile = profile;

        var indicators = profile.Indicators;
        var count = indicators.Count;
        _indexByCode = new Dictionary<string, int>(count, StringComparer.OrdinalIgnoreCase);
        _specs = new NormalizationSpec[count];
        for (var i = 0; i < count; i++)
        {
            _indexByCode.Add(indicators[i].Code, i);
            _specs[i] = NormalizationSpec.Of(indicators[i]);
        }

        _slotOf = new int[count];
        _indicatorOfSlot = new IndicatorDefinition[count];
        _slotWeights = new double[count];
        _levelStart = new int[KirkpatrickLevels.Count + 1];
        _levelWeights = new double[KirkpatrickLevels.Count];
        var slot = 0;
        foreach (var level in KirkpatrickLevels.All)
        {
            _levelStart[(int)level] = slot;
            _levelWeights[(int)level] = profile.LevelWeights[level];
            for (var i = 0; i < count; i++)
            {
                if (indicators[i].Level == level)
                {
                    _slotOf[i] = slot;
                    _indicatorOfSlot[slot] = indicators[i];
                    _slotWeights[slot] = indicators[i].Weight;
                    slot++;
                }
            }
        }
        _levelStart[KirkpatrickLevels.Count] = slot;
        _examSlots = [.. BuiltInIndicators.ExamParts.Select(IndicatorIndex).Where(i => i >= 0).Select(i => _slotOf[i])];
    }

    public WeightProfile Profile => _profile;

    /// <summary>Index of an indicator in <see cref="WeightProfile.Indicators"/>, for <see cref="ObservationTable"/>; -1 when unknown.</summary>
    public int IndicatorIndex(string? code) =>
        code is not null && _indexByCode.TryGetValue(code, out var index) ? index : -1;

    /// <summary>Scores one learner with the full breakdown.</summary>
    /// <exception cref="ObservationRejectedException">A value is outside its range or names an unknown indicator; all such values are listed.</exception>
    public ScoreCard Score(string learnerId, IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(learnerId);
        ArgumentNullException.ThrowIfNull(observations);
        var count = _specs.Length;
        var sums = new double[count];
        var counts = new int[count];
        List<ObservationError>? errors = null;
        foreach (var observation in observations)
        {
            var index = IndicatorIndex(observation.IndicatorCode);
            if (index < 0)
            {
                (errors ??= []).Add(new ObservationError(learnerId, observation.IndicatorCode ?? "",
                    new RawValueProblem(RawValuePart.Indicator, observation.Raw.Value, "one of the profile's indicator codes")));
                continue;
            }
            var raw = observation.Raw;
            var baseline = raw.Baseline ?? double.NaN;
            var target = raw.Target ?? double.NaN;
            ref readonly var spec = ref _specs[index];
            var fault = spec.Validate(raw.Value, baseline, target);
            if (fault != RawValueFault.None)
            {
                (errors ??= []).Add(new ObservationError(learnerId, _profile.Indicators[index].Code,
                    Normalizer.Describe(spec, fault, raw.Value, baseline, target)!));
                continue;
            }
            var slot = _slotOf[index];
            sums[slot] += spec.Points(raw.Value, baseline, target);
            counts[slot]++;
        }
        if (errors is not null)
        {
            throw new ObservationRejectedException(errors);
        }

        var points = new double[count];
        MeanPoints(sums, counts, points);
        var score = default(LearnerScore);
        Aggregate(points, ref score);

        var levels = new LevelScore[KirkpatrickLevels.Count];
        foreach (var level in KirkpatrickLevels.All)
        {
            var l = (int)level;
            var indicators = new IndicatorScore[_levelStart[l + 1] - _levelStart[l]];
            for (var s = _levelStart[l]; s < _levelStart[l + 1]; s++)
            {
                indicators[s - _levelStart[l]] = new IndicatorScore(_indicatorOfSlot[s], counts[s] > 0 ? points[s] : null, counts[s]);
            }
            levels[l] = new LevelScore(level, _levelWeights[l], score.LevelScore(level), score.LevelCoverage(level), indicators);
        }
        return new ScoreCard(learnerId, levels, score.Composite, score.Coverage, score.Tier, score.Passed)
        {
            ExamPassed = score.ExamPassed,
        };
    }

    /// <summary>
    /// Scores every learner of <paramref name="table"/> into <paramref name="results"/> (one per learner,
    /// same order). No heap allocation per learner. Rejected values are collected into the returned
    /// list (empty when all were allowed) and those learners' results are left default.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than the table's learners, or the table is malformed.</exception>
    public IReadOnlyList<ObservationError> ScoreBatch(ObservationTable table, Span<LearnerScore> results)
    {
        ArgumentNullException.ThrowIfNull(table);
        var learners = table.LearnerCount;
        var rows = table.RowCount;
        if (results.Length < learners)
        {
            throw new ArgumentException($"Results has room for {results.Length} learners; the table has {learners}.", nameof(results));
        }
        if (table.LearnerStart.Length != learners + 1 || table.LearnerStart[0] != 0 || table.LearnerStart[learners] != rows
            || table.Value.Length != rows || table.Baseline.Length != rows || table.Target.Length != rows)
        {
            throw new ArgumentException("The observation table's arrays do not fit together (LearnerStart, Indicator, Value, Baseline, Target).", nameof(table));
        }

        var count = _specs.Length;
        double[]? rentedDoubles = null;
        int[]? rentedCounts = null;
        var sums = count <= StackAllocLimit ? stackalloc double[count] : (rentedDoubles = ArrayPool<double>.Shared.Rent(2 * count)).AsSpan(0, count);
        var points = count <= StackAllocLimit ? stackalloc double[count] : rentedDoubles.AsSpan(count, count);
        var counts = count <= StackAllocLimit ? stackalloc int[count] : (rentedCounts = ArrayPool<int>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            List<ObservationError>? errors = null;
            var indicatorColumn = table.Indicator;
            var values = table.Value;
            var baselines = table.Baseline;
            var targets = table.Target;
            for (var learner = 0; learner < learners; learner++)
            {
                var start = table.LearnerStart[learner];
                var end = table.LearnerStart[learner + 1];
                if (start > end)
                {
                    throw new ArgumentException($"LearnerStart decreases at learner {learner}.", nameof(table));
                }
                sums.Clear();
                counts.Clear();
                var rejected = false;
                for (var row = start; row < end; row++)
                {
                    var index = indicatorColumn[row];
                    if ((uint)index >= (uint)count)
                    {
                        throw new ArgumentException($"Row {row} names indicator index {index}; the profile has {count} indicators.", nameof(table));
                    }
                    ref readonly var spec = ref _specs[index];
                    var value = values[row];
                    var baseline = baselines[row];
                    var target = targets[row];
                    var fault = spec.Validate(value, baseline, target);
                    if (fault != RawValueFault.None)
                    {
                        (errors ??= []).Add(new ObservationError(table.LearnerIds[learner], _profile.Indicators[index].Code,
                            Normalizer.Describe(spec, fault, value, baseline, target)!));
                        rejected = true;
                        continue;
                    }
                    var slot = _slotOf[index];
                    sums[slot] += spec.Points(value, baseline, target);
                    counts[slot]++;
                }
                ref var result = ref results[learner];
                result = default;
                if (!rejected)
                {
                    MeanPoints(sums, counts, points);
                    Aggregate(points, ref result);
                }
            }
            return errors is null ? Array.Empty<ObservationError>() : errors;
        }
        finally
        {
            if (rentedDoubles is not null)
            {
                ArrayPool<double>.Shared.Return(rentedDoubles);
            }
            if (rentedCounts is not null)
            {
                ArrayPool<int>.Shared.Return(rentedCounts);
            }
        }
    }

    /// <summary>Tier of a composite at the given coverage (insufficient below 0.5).</summary>
    public Tier TierOf(double composite, double coverage)
    {
        if (double.IsNaN(composite) || double.IsNaN(coverage))
        {
            throw new ArgumentException("Composite and coverage must be numbers.");
        }
        var tiers = _profile.Tiers;
        return !Thresholds.Reaches(coverage, InsufficientBelowCoverage) ? Tier.Insufficient
            : Thresholds.Reaches(composite, tiers.A) ? Tier.A
            : Thresholds.Reaches(composite, tiers.B) ? Tier.B
            : Thresholds.Reaches(composite, tiers.C) ? Tier.C
            : Tier.D;
    }

    /// <summary>Whether a composite reaches the profile's pass mark.</summary>
    public bool IsPassed(double composite) => Thresholds.Reaches(composite, _profile.PassMark);

    /// <summary>Spec section 4: coverage below one half gives tier insufficient.</summary>
    public const double InsufficientBelowCoverage = 0.5;

    /// <summary>An indicator's points are the mean of its observations' points; NaN marks it missing.</summary>
    private static void MeanPoints(ReadOnlySpan<double> sums, ReadOnlySpan<int> counts, Span<double> points)
    {
        for (var s = 0; s < points.Length; s++)
        {
            points[s] = counts[s] > 0 ? sums[s] / counts[s] : double.NaN;
        }
    }

    /// <summary>Level scores, coverage, composite, tier and pass from indicator points by slot (NaN = missing). Shared by both paths.</summary>
    private void Aggregate(ReadOnlySpan<double> points, ref LearnerScore result)
    {
        var policy = _profile.Policy;
        Span<double> levelScores = stackalloc double[KirkpatrickLevels.Count];
        Span<double> levelCoverage = stackalloc double[KirkpatrickLevels.Count];
        var allCovered = true;
        for (var l = 0; l < KirkpatrickLevels.Count; l++)
        {
            var start = _levelStart[l];
            var length = _levelStart[l + 1] - start;
            var level = WeightedMean.Of(_slotWeights.AsSpan(start, length), points.Slice(start, length), policy);
            levelScores[l] = level.Mean;
            levelCoverage[l] = level.Coverage;
            allCovered &= level.Coverage == 1 || _levelWeights[l] == 0;
        }

        // Under renormalize a level without a score is left out; under zero every weighted level has one.
        var composite = WeightedMean.Of(_levelWeights, levelScores, policy).Mean;
        var coverage = WeightedMean.Of(_levelWeights, levelCoverage, MissingDataPolicy.Zero).Mean;
        coverage = allCovered ? 1 : Math.Min(coverage, WeightedMean.BelowOne);

        result.Reaction = NullIfNaN(levelScores[0]);
        result.Learning = NullIfNaN(levelScores[1]);
        result.Behavior = NullIfNaN(levelScores[2]);
        result.Results = NullIfNaN(levelScores[3]);
        result.ReactionCoverage = levelCoverage[0];
        result.LearningCoverage = levelCoverage[1];
        result.BehaviorCoverage = levelCoverage[2];
        result.ResultsCoverage = levelCoverage[3];
        result.Coverage = coverage;
        if (double.IsNaN(composite))
        {
            // Spec section 9, "Nothing measured": coverage 0, tier insufficient, no composite, not passed.
            result.Composite = null;
            result.Tier = Tier.Insufficient;
            result.Passed = false;
        }
        else
        {
            result.Composite = composite;
            result.Tier = TierOf(composite, coverage);
            result.Passed = IsPassed(composite);
        }
        result.ExamPassed = ExamPassed(points);
    }

    private bool? ExamPassed(ReadOnlySpan<double> points)
    {
        bool? passed = null;
        foreach (var slot in _examSlots)
        {
            if (!double.IsNaN(points[slot]))
            {
                passed = (passed ?? true) && Thresholds.Reaches(points[slot], _profile.ExamPassLine);
            }
        }
        return passed;
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;
}

/// <summary>Thrown for a profile that breaks spec section 3; carries the validator's messages.</summary>
public sealed class InvalidWeightProfileException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
