using System.Globalization;
using TrainingEval.Domain.Health;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Comparisons;

/// <summary>An ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday).</summary>
public readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Of(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    /// <summary>The week's Monday.</summary>
    public DateOnly Start => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>The week's Sunday, the day a weekly snapshot is taken.</summary>
    public DateOnly End => Start.AddDays(6);

    public IsoWeek Next() => Of(Start.AddDays(7));

    public IsoWeek Previous() => Of(Start.AddDays(-7));

    /// <summary>Reads ISO notation ("2026-W05", also "2026-w5"); false for anything else or a week the year lacks.</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        var parts = text?.Trim().Split('-', 2);
        if (parts is not [var y, var w] || w.Length < 2 || (w[0] != 'W' && w[0] != 'w')
            || !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(w.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 1 or > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
            return false;
        week = new IsoWeek(year, number);
        return true;
    }

    public int CompareTo(IsoWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;
    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;
    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;
    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;

    /// <summary>ISO notation, e.g. "2026-W05".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}

/// <summary>A learner's stored result in one cohort, as the vertical comparison needs it.</summary>
/// <param name="Levels">Level scores indexed by <see cref="KirkpatrickLevel"/>; null where the level has no score.</param>
public sealed record CohortOutcome(
    string CohortCode,
    DateOnly StartDate,
    DateOnly EndDate,
    bool IsClosed,
    double? Composite,
    double Coverage,
    IReadOnlyList<double?> Levels)
{
    /// <summary>A composite with coverage below 1 is provisional (spec section 4).</summary>
    public bool IsProvisional => Provisional.Applies(Composite, Coverage);

    /// <summary>The cohort's status on <paramref name="today"/> (<see cref="CohortStatuses.Of"/>).</summary>
    public CohortStatus StatusOn(DateOnly today) => CohortStatuses.Of(StartDate, EndDate, IsClosed, today);

    /// <summary>A cohort is finished once it has ended (its last day has passed) or is closed.</summary>
    public bool IsFinishedOn(DateOnly today) => StatusOn(today).HasEnded();
}

/// <summary>One point of the composite trajectory: a finished cohort with a composite.</summary>
public sealed record CompositePoint(string CohortCode, DateOnly EndDate, double Composite, bool IsProvisional);

/// <summary>One week of the health index series; <see cref="Index"/> is null for a week without a snapshot or index.</summary>
public sealed record WeeklyHealthPoint(IsoWeek Week, double? Index)
{
    public LearningHealthBand? Band => Index is { } index ? LearningHealthBands.Classify(index) : null;
}

/// <summary>A dated rating on one mentor dimension, given in the enrollment of <paramref name="CohortCode"/> (when known).</summary>
public sealed record DimensionRating(string Dimension, DateTime RatedAt, int Score, string? CohortCode = null);

/// <summary>The ratings of one mentor dimension in time order.</summary>
public sealed record DimensionHistory(string Dimension, IReadOnlyList<DimensionRating> Ratings);

/// <summary>
/// The vertical comparison (纵向对比, spec section 6): how one learner grows across cohorts — composite per
/// finished cohort over time, level scores per cohort, rating history per mentor dimension and the weekly
/// learning health index. Missing values stay missing (null): a gap in a chart, never a zero.
/// </summary>
public static class LearnerTrajectory
{
    /// <summary>
    /// Cohorts in the order the learner finished them: end date, then start date, then code (so the order
    /// is total and stable for cohorts that end on the same day).
    /// </summary>
    public static IReadOnlyList<CohortOutcome> InEndOrder(IEnumerable<CohortOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return [.. outcomes
            .OrderBy(o => o.EndDate)
            .ThenBy(o => o.StartDate)
            .ThenBy(o => o.CohortCode, StringComparer.Ordinal)];
    }

    /// <summary>The composite of every finished cohort that has one, in end-date order; provisional points are flagged.</summary>
    public static IReadOnlyList<CompositePoint> CompositeOverTime(IEnumerable<CohortOutcome> outcomes, DateOnly today) =>
        [.. InEndOrder(outcomes)
            .Where(o => o.IsFinishedOn(today) && o.Composite is not null)
            .Select(o => new CompositePoint(o.CohortCode, o.EndDate, o.Composite!.Value, o.IsProvisional))];

    /// <summary>
    /// One list per Kirkpatrick level (indexed by level) with the level score of each cohort in
    /// <paramref name="ordered"/>, null where the level has no score.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<double?>> LevelSeries(IReadOnlyList<CohortOutcome> ordered)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        foreach (var outcome in ordered)
        {
            if (outcome.Levels.Count != KirkpatrickLevels.Count)
                throw new ArgumentException($"Cohort {outcome.CohortCode} has {outcome.Levels.Count} level scores; expected {KirkpatrickLevels.Count}.", nameof(ordered));
        }
        return [.. KirkpatrickLevels.All.Select(level => (IReadOnlyList<double?>)[.. ordered.Select(o => o.Levels[(int)level])])];
    }

    /// <summary>
    /// Ratings grouped by dimension, each in time order (ties keep their order of arrival). Built-in dimensions
    /// come first in the model's order (<see cref="BuiltInIndicators.MentorDimensions"/>), others after by name;
    /// dimensions without ratings are left out.
    /// </summary>
    public static IReadOnlyList<DimensionHistory> RatingHistory(IEnumerable<DimensionRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var builtIn = BuiltInIndicators.MentorDimensions;
        return [.. ratings
            .GroupBy(r => r.Dimension, StringComparer.Ordinal)
            .OrderBy(g => Order(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DimensionHistory(g.Key, [.. g.OrderBy(r => r.RatedAt)]))];

        int Order(string dimension)
        {
            for (var i = 0; i < builtIn.Count; i++)
            {
                if (builtIn[i] == dimension)
                    return i;
            }
            return builtIn.Count;
        }
    }

    /// <summary>
    /// A continuous weekly series from the first to the last snapshot's ISO week: weeks without a snapshot
    /// (or with a snapshot but no index) are present with a null index so the chart shows a gap, not a
    /// line drawn across the missing weeks. Two snapshots of one week are a data error.
    /// </summary>
    public static IReadOnlyList<WeeklyHealthPoint> WeeklyHealth(IEnumerable<(IsoWeek Week, double? Index)> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var byWeek = new SortedDictionary<IsoWeek, double?>();
        foreach (var (week, index) in snapshots)
        {
            if (index is { } value)
                _ = LearningHealthBands.Classify(value); // validates the range with a clear message
            if (!byWeek.TryAdd(week, index))
                throw new ArgumentException($"Two learning health snapshots for week {week}.", nameof(snapshots));
        }
        if (byWeek.Count == 0)
            return [];

        var series = new List<WeeklyHealthPoint>();
        var last = byWeek.Keys.Last();
        for (var week = byWeek.Keys.First(); week <= last; week = week.Next())
            series.Add(new WeeklyHealthPoint(week, byWeek.GetValueOrDefault(week)));
        return series;
    }

    /// <summary>Change of the composite from the previous finished cohort to the latest; null with fewer than two points.</summary>
    public static double? LatestChange(IReadOnlyList<CompositePoint> trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        return trajectory.Count < 2 ? null : trajectory[^1].Composite - trajectory[^2].Composite;
    }
}
