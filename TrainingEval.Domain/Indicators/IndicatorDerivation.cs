namespace TrainingEval.Domain.Indicators;

/// <summary>
/// The pure arithmetic that turns counted records into the raw values of the built-in indicators
/// (spec section 2). The dashboard's collectors count in the database and call these, so the rules
/// live in one tested place. A null result means "no observation": the indicator is missing for the
/// learner, which is different from a value of 0.
/// </summary>
public static class IndicatorDerivation
{
    /// <summary>
    /// <c>attendance</c>: present 1, late 0.5, absent 0, over the sessions that count; excused sessions are
    /// left out of the denominator, so they are not parameters. Null when no session counts.
    /// </summary>
    public static double? AttendanceRate(int present, int late, int absent)
    {
        RequireCounts(present, late, absent);
        var sessions = present + late + absent;
        return sessions == 0 ? null : (present + 0.5 * late) / sessions;
    }

    /// <summary>
    /// <c>assignments</c>: on time 1, late 0.5, missing 0, over the assignments set (those due by now,
    /// plus any handed in early). Null when none is set yet.
    /// </summary>
    public static double? AssignmentRate(int onTime, int late, int missing)
    {
        RequireCounts(onTime, late, missing);
        var assigned = onTime + late + missing;
        return assigned == 0 ? null : (onTime + 0.5 * late) / assigned;
    }

    /// <summary><c>satisfaction</c>: the mean of one response's item ratings (1–5). Null for an empty response.</summary>
    public static double? SurveyMean(IReadOnlyCollection<int> itemRatings)
    {
        ArgumentNullException.ThrowIfNull(itemRatings);
        return itemRatings.Count == 0 ? null : itemRatings.Average();
    }

    /// <summary>The mean of the answered items (null items were not answered); null when none was.</summary>
    public static double? SurveyMean(IEnumerable<int?> itemRatings)
    {
        ArgumentNullException.ThrowIfNull(itemRatings);
        var answered = itemRatings.Where(r => r.HasValue).Select(r => r!.Value).ToList();
        return SurveyMean(answered);
    }

    /// <summary>
    /// <c>mentor_rating</c>: the mean of the learner's latest rating on each dimension. Ratings are
    /// (dimension, sequence, score); the highest sequence of a dimension is its latest. Null without ratings.
    /// </summary>
    public static double? LatestRatingMean(IEnumerable<(string Dimension, int Sequence, double Score)> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var latest = new Dictionary<string, (int Sequence, double Score)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (dimension, sequence, score) in ratings)
        {
            if (!latest.TryGetValue(dimension, out var current) || sequence > current.Sequence)
                latest[dimension] = (sequence, score);
        }
        return latest.Count == 0 ? null : latest.Values.Average(v => v.Score);
    }

    /// <summary>Whether a day falls in the application tracking window: after the cohort's last day, up to <paramref name="windowDays"/> days later.</summary>
    public static bool InApplicationWindow(DateOnly day, DateOnly cohortEnd, int windowDays) =>
        day > cohortEnd && day <= cohortEnd.AddDays(windowDays);

    /// <summary>Whether the tracking window is over on <paramref name="today"/>, so a learner without events has a count of 0 rather than none yet.</summary>
    public static bool ApplicationWindowClosed(DateOnly today, DateOnly cohortEnd, int windowDays) =>
        today > cohortEnd.AddDays(windowDays);

    /// <summary>
    /// <c>application</c>: the count of events in the window. While the window is open a learner without
    /// events has no observation yet (null); with events the count so far is the observation.
    /// </summary>
    public static int? ApplicationCount(IEnumerable<DateOnly> eventDays, DateOnly cohortEnd, int windowDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(eventDays);
        var count = eventDays.Count(d => InApplicationWindow(d, cohortEnd, windowDays) && d <= today);
        return count > 0 || ApplicationWindowClosed(today, cohortEnd, windowDays) ? count : null;
    }

    /// <summary>A score out of <paramref name="max"/> as points out of <paramref name="scale"/> (e.g. an exam out of 150 for an indicator whose max is 100).</summary>
    public static double Rescale(double score, double max, double scale)
    {
        if (max <= 0)
            throw new ArgumentOutOfRangeException(nameof(max), max, "A maximum score must be above 0.");
        return score / max * scale;
    }

    /// <summary>
    /// The reviews around a training: the latest on or before its first day, and the first after its
    /// last day. Either is null when there is none. <paramref name="reviews"/> may be in any order.
    /// </summary>
    public static (T? Before, T? After) PairReviews<T>(IEnumerable<T> reviews, Func<T, DateOnly> reviewedOn, DateOnly start, DateOnly end) where T : class
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(reviewedOn);
        T? before = null;
        T? after = null;
        foreach (var review in reviews)
        {
            var on = reviewedOn(review);
            if (on <= start && (before is null || on > reviewedOn(before)))
                before = review;
            else if (on > end && (after is null || on < reviewedOn(after)))
                after = review;
        }
        return (before, after);
    }

    /// <summary>
    /// As <see cref="PairReviews{T}(IEnumerable{T}, Func{T, DateOnly}, DateOnly, DateOnly)"/>, but a review the source marked
    /// as this cohort's before or after (<paramref name="markedFor"/>) takes that side: the latest marked before, the first
    /// marked after. A side nobody marked is paired by date, among the reviews not marked for the other side.
    /// </summary>
    public static (T? Before, T? After) PairReviews<T>(IEnumerable<T> reviews, Func<T, DateOnly> reviewedOn, Func<T, ReviewSide?> markedFor, DateOnly start, DateOnly end) where T : class
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(markedFor);
        var all = reviews as IReadOnlyCollection<T> ?? [.. reviews];
        var markedBefore = all.Where(r => markedFor(r) == ReviewSide.Before).MaxBy(reviewedOn);
        var markedAfter = all.Where(r => markedFor(r) == ReviewSide.After).MinBy(reviewedOn);
        var (before, after) = PairReviews(all.Where(r => markedFor(r) is null), reviewedOn, start, end);
        return (markedBefore ?? before, markedAfter ?? after);
    }

    private static void RequireCounts(int a, int b, int c)
    {
        if (a < 0 || b < 0 || c < 0)
            throw new ArgumentOutOfRangeException(nameof(a), "Counts cannot be negative.");
    }
}
