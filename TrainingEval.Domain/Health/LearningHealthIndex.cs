using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Domain.Health;

/// <summary>The four components of the learning health index (spec section 5), in the order of their weights.</summary>
public enum HealthComponent
{
    Attendance,
    Punctuality,
    Performance,
    Engagement,
}

/// <summary>The component values of one learner's week, each 0–100 or null when the window holds nothing to measure it.</summary>
public sealed record HealthComponents(double? Attendance, double? Punctuality, double? Performance, double? Engagement)
{
    public static readonly HealthComponents None = new(null, null, null, null);

    public double? this[HealthComponent component] => component switch
    {
        HealthComponent.Attendance => Attendance,
        HealthComponent.Punctuality => Punctuality,
        HealthComponent.Performance => Performance,
        HealthComponent.Engagement => Engagement,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown health component."),
    };
}

/// <summary>One week's index: null (and no band) when no component is present.</summary>
public sealed record HealthIndex(double? Value, HealthComponents Components)
{
    public LearningHealthBand? Band => Value is { } value ? LearningHealthBands.Classify(value) : null;

    /// <summary>
    /// The present component with the lowest value — what a coaching suggestion for a falling index addresses.
    /// Ties go to the heavier component (attendance before punctuality …), as it moves the index most.
    /// </summary>
    public HealthComponent? Weakest
    {
        get
        {
            HealthComponent? weakest = null;
            foreach (var component in LearningHealthIndex.Components)
            {
                if (Components[component] is { } value && (weakest is null || value < Components[weakest.Value]!.Value))
                    weakest = component;
            }
            return weakest;
        }
    }
}

/// <summary>
/// The learning health index (学习健康指数, spec section 5): a weighted mean of attendance (30), punctuality (25),
/// performance (25) and engagement (20) over the trailing window, renormalised over the present components.
/// A component needs at least <see cref="MinimumItems"/> items in the window (spec section 9); with fewer it is missing,
/// so a cohort's first week never reads 0 or 100 from a single session, assignment or result.
/// </summary>
public static class LearningHealthIndex
{
    /// <summary>The trailing window ending on the snapshot day (the week's Sunday), inclusive.</summary>
    public const int DefaultWindowDays = 28;

    /// <summary>
    /// A component needs this many items in the window — counted sessions (present, late or absent; excused ones are
    /// left out), assignments due, results; for engagement, sessions the cohort held — or it is missing.
    /// </summary>
    public const int MinimumItems = 2;

    public static readonly IReadOnlyList<HealthComponent> Components =
        [HealthComponent.Attendance, HealthComponent.Punctuality, HealthComponent.Performance, HealthComponent.Engagement];

    public static double Weight(HealthComponent component) => component switch
    {
        HealthComponent.Attendance => 30,
        HealthComponent.Punctuality => 25,
        HealthComponent.Performance => 25,
        HealthComponent.Engagement => 20,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown health component."),
    };

    /// <summary>The first day of the window that ends on <paramref name="snapshotDay"/>.</summary>
    public static DateOnly WindowStart(DateOnly snapshotDay, int windowDays = DefaultWindowDays)
    {
        if (windowDays < 1)
            throw new ArgumentOutOfRangeException(nameof(windowDays), windowDays, "The window is at least one day.");
        return snapshotDay.AddDays(1 - windowDays);
    }

    /// <summary>
    /// Attendance of the sessions held in the window: present 1, late 0.5, absent 0, excused left out; × 100.
    /// Missing with fewer than <see cref="MinimumItems"/> counted sessions.
    /// </summary>
    public static double? Attendance(int present, int late, int absent)
    {
        var rate = IndicatorDerivation.AttendanceRate(present, late, absent); // checks the counts
        return Enough(present + late + absent) ? rate * 100 : null;
    }

    /// <summary>Assignments due in the window: on time 1, late 0.5, missing 0; mean × 100. Missing with fewer than <see cref="MinimumItems"/> due.</summary>
    public static double? Punctuality(int onTime, int late, int missing)
    {
        var rate = IndicatorDerivation.AssignmentRate(onTime, late, missing); // checks the counts
        return Enough(onTime + late + missing) ? rate * 100 : null;
    }

    /// <summary>Mean of the quiz and exam scores (each 0–100) taken in the window; missing with fewer than <see cref="MinimumItems"/> results.</summary>
    public static double? Performance(IReadOnlyCollection<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        foreach (var score in scores)
            RequirePoints(score, nameof(scores));
        return Enough(scores.Count) ? Math.Clamp(scores.Average(), 0, 100) : null;
    }

    /// <summary>min(1, interactions / max(1, cohort median)) × 100 for one cohort.</summary>
    public static double Engagement(int interactions, double cohortMedian)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(interactions);
        if (!double.IsFinite(cohortMedian) || cohortMedian < 0)
            throw new ArgumentOutOfRangeException(nameof(cohortMedian), cohortMedian, "A median count is a finite number ≥ 0.");
        return Math.Min(1, interactions / Math.Max(1, cohortMedian)) * 100;
    }

    /// <summary>
    /// Engagement in one cohort (<see cref="Engagement(int, double)"/>), missing when the cohort held fewer than
    /// <see cref="MinimumItems"/> sessions in the window: with less to take part in, a count against the median says nothing.
    /// </summary>
    public static double? Engagement(int interactions, double cohortMedian, int sessionsHeld)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sessionsHeld);
        var value = Engagement(interactions, cohortMedian);
        return Enough(sessionsHeld) ? value : null;
    }

    /// <summary>At least <see cref="MinimumItems"/> items in the window.</summary>
    public static bool Enough(int items)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        return items >= MinimumItems;
    }

    /// <summary>The median of the cohort's learners' interaction counts in the window (mean of the middle two for an even count); 0 for no learners.</summary>
    public static double Median(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
            return 0;
        var sorted = counts.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary>Weighted mean of the present components; no index when none is present.</summary>
    public static HealthIndex Compute(HealthComponents components)
    {
        ArgumentNullException.ThrowIfNull(components);
        double sum = 0, weights = 0, min = double.MaxValue, max = double.MinValue;
        foreach (var component in Components)
        {
            if (components[component] is not { } value)
                continue;
            RequirePoints(value, component.ToString());
            var weight = Weight(component);
            sum += weight * value;
            weights += weight;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        // Clamped to the values averaged so rounding never lifts an index above 100 (as the scoring engine does).
        return new HealthIndex(weights == 0 ? null : Math.Clamp(sum / weights, min, max), components);
    }

    private static void RequirePoints(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > 100)
            throw new ArgumentOutOfRangeException(name, value, "A health component lies in [0, 100].");
    }
}
