using TrainingEval.Domain.Scoring;

namespace TrainingEval.Domain.Exams;

/// <summary>How a question of the bank is answered (and so graded).</summary>
public enum ExamQuestionKind
{
    /// <summary>One of several options (单选题).</summary>
    SingleChoice,

    /// <summary>Any number of several options (多选题); graded all-or-nothing (<see cref="ExamGrading"/>).</summary>
    MultipleChoice,

    /// <summary>True or false (判断题): option 0 is "true", option 1 is "false".</summary>
    TrueFalse,

    /// <summary>A number, right within the question's tolerance (计算题).</summary>
    Numeric,

    /// <summary>Free text (简答题), graded by the trainer.</summary>
    ShortAnswer,
}

/// <summary>What a question accepts as right, and what it is worth.</summary>
/// <param name="CorrectOptions">The right option numbers (0-based) of a choice or true/false question; empty for the others.</param>
/// <param name="CorrectNumber">The right value of a numeric question.</param>
/// <param name="Tolerance">How far from <paramref name="CorrectNumber"/> an answer may be and still be right (absolute, ≥ 0).</param>
public sealed record ExamAnswerKey(
    ExamQuestionKind Kind,
    double Points,
    IReadOnlyCollection<int> CorrectOptions,
    double? CorrectNumber = null,
    double Tolerance = 0);

/// <summary>A learner's answer as saved: the options ticked, the number typed or the text written (whichever the kind uses).</summary>
public sealed record ExamResponse(IReadOnlyCollection<int>? Options = null, double? Number = null, string? Text = null)
{
    public static readonly ExamResponse Blank = new();

    /// <summary>Whether the learner gave anything at all for the question.</summary>
    public bool IsBlank => (Options is null || Options.Count == 0) && Number is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>The points of one question; null while a short answer waits for the trainer.</summary>
public readonly record struct QuestionGrade(double? Points, double MaxPoints)
{
    public bool AwaitsTrainer => Points is null;

    /// <summary>Full marks (the basis of the difficulty index).</summary>
    public bool IsFullMarks => Points is { } p && Thresholds.Reaches(p, MaxPoints);
}

/// <summary>
/// Auto-grading of exam answers (issue 17 item 2). Single choice and true/false are right when exactly the right option
/// is ticked. Multiple choice is all-or-nothing — exactly the right set, no partial credit — because partial credit
/// without negative marking rewards ticking every option, and because it keeps "full marks" (what the difficulty index
/// counts) one plain thing per question. Numeric is right within the tolerance. Short answers are left for the trainer.
/// A blank answer scores 0.
/// </summary>
public static class ExamGrading
{
    public static QuestionGrade Grade(ExamAnswerKey key, ExamResponse? response)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!double.IsFinite(key.Points) || key.Points < 0)
            throw new ArgumentOutOfRangeException(nameof(key), key.Points, "A question is worth a finite, non-negative number of points.");
        response ??= ExamResponse.Blank;
        if (key.Kind == ExamQuestionKind.ShortAnswer)
            return new QuestionGrade(response.IsBlank ? 0 : null, key.Points);
        return new QuestionGrade(IsRight(key, response) ? key.Points : 0, key.Points);
    }

    private static bool IsRight(ExamAnswerKey key, ExamResponse response) => key.Kind switch
    {
        ExamQuestionKind.SingleChoice or ExamQuestionKind.TrueFalse =>
            response.Options is { Count: 1 } one && key.CorrectOptions.Count == 1 && one.First() == key.CorrectOptions.First(),
        ExamQuestionKind.MultipleChoice =>
            response.Options is { Count: > 0 } ticked && key.CorrectOptions.Count > 0 && ticked.ToHashSet().SetEquals(key.CorrectOptions),
        ExamQuestionKind.Numeric =>
            response.Number is { } n && double.IsFinite(n) && key.CorrectNumber is { } right
                && Math.Abs(n - right) <= Math.Max(0, key.Tolerance) + Thresholds.Tolerance,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key.Kind, "Unknown question kind."),
    };

    /// <summary>
    /// The theory score on the assessment's scale: the points earned over the points possible, times
    /// <paramref name="maxScore"/> (a paper of 20 questions × 5 points on an assessment out of 100 needs no scaling, one of
    /// 12 points does). Answers awaiting the trainer count 0 until graded. A paper worth nothing scores 0.
    /// </summary>
    public static double TheoryScore(IEnumerable<QuestionGrade> grades, double maxScore)
    {
        ArgumentNullException.ThrowIfNull(grades);
        if (!double.IsFinite(maxScore) || maxScore <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxScore), maxScore, "An assessment's maximum is positive.");
        double earned = 0, possible = 0;
        foreach (var g in grades)
        {
            earned += g.Points ?? 0;
            possible += g.MaxPoints;
        }

        return possible <= 0 ? 0 : Math.Clamp(earned / possible * maxScore, 0, maxScore);
    }

    /// <summary>Whether a part's score reaches the pass line (points out of 100, as the assessment states it).</summary>
    public static bool Passed(double score, double maxScore, double passLine)
    {
        if (!double.IsFinite(maxScore) || maxScore <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxScore), maxScore, "An assessment's maximum is positive.");
        return Thresholds.Reaches(score / maxScore * 100, passLine);
    }
}
