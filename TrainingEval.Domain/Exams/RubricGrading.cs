namespace TrainingEval.Domain.Exams;

/// <summary>One criterion of a practical part's rubric as graded: the points given out of the criterion's points.</summary>
public readonly record struct CriterionGrade(double Points, double MaxPoints);

/// <summary>The practical part scored by the trainer with a rubric (criteria × points; issue 17 item 3).</summary>
public static class RubricGrading
{
    /// <summary>Whether <paramref name="points"/> may be given for a criterion worth <paramref name="maxPoints"/>: 0 to the criterion's points.</summary>
    public static bool IsAllowed(double points, double maxPoints) =>
        double.IsFinite(points) && points >= 0 && points <= maxPoints;

    /// <summary>
    /// The practical score on the assessment's practical scale: the rubric's points given over its points possible, times
    /// <paramref name="practicalMax"/>. Null when the rubric has no criteria (nothing to score).
    /// </summary>
    public static double? PracticalScore(IReadOnlyCollection<CriterionGrade> grades, double practicalMax)
    {
        ArgumentNullException.ThrowIfNull(grades);
        if (!double.IsFinite(practicalMax) || practicalMax <= 0)
            throw new ArgumentOutOfRangeException(nameof(practicalMax), practicalMax, "A practical part's maximum is positive.");
        var possible = grades.Sum(g => g.MaxPoints);
        if (grades.Count == 0 || possible <= 0)
            return null;
        foreach (var g in grades)
            if (!IsAllowed(g.Points, g.MaxPoints))
                throw new ArgumentOutOfRangeException(nameof(grades), g.Points, $"A criterion worth {g.MaxPoints} points takes 0 to {g.MaxPoints}.");
        return Math.Clamp(grades.Sum(g => g.Points) / possible * practicalMax, 0, practicalMax);
    }
}
