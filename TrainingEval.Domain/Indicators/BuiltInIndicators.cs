namespace TrainingEval.Domain.Indicators;

/// <summary>The built-in indicator catalog with the default weights (spec section 2).</summary>
public static class BuiltInIndicators
{
    public const string Satisfaction = "satisfaction";
    public const string Attendance = "attendance";
    public const string Interaction = "interaction";
    public const string ExamTheory = "exam_theory";
    public const string ExamPractical = "exam_practical";
    public const string Assignments = "assignments";
    public const string KnowledgeGain = "knowledge_gain";
    public const string MentorRating = "mentor_rating";
    public const string Application = "application";
    public const string BehaviorChange = "behavior_change";
    public const string Kpi = "kpi";
    public const string Performance = "performance";

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new() { Code = Satisfaction, Level = KirkpatrickLevel.Reaction, Normalization = Normalization.Likert5, Weight = 50 },
        new() { Code = Attendance, Level = KirkpatrickLevel.Reaction, Normalization = Normalization.Rate, Weight = 30 },
        new() { Code = Interaction, Level = KirkpatrickLevel.Reaction, Normalization = Normalization.CountTarget, Weight = 20, Target = 10 },
        new() { Code = ExamTheory, Level = KirkpatrickLevel.Learning, Normalization = Normalization.Score, Weight = 30, Max = 100 },
        new() { Code = ExamPractical, Level = KirkpatrickLevel.Learning, Normalization = Normalization.Score, Weight = 20, Max = 100 },
        new() { Code = Assignments, Level = KirkpatrickLevel.Learning, Normalization = Normalization.Rate, Weight = 20 },
        new() { Code = KnowledgeGain, Level = KirkpatrickLevel.Learning, Normalization = Normalization.Gain, Weight = 30 },
        new() { Code = MentorRating, Level = KirkpatrickLevel.Behavior, Normalization = Normalization.Likert5, Weight = 40 },
        new() { Code = Application, Level = KirkpatrickLevel.Behavior, Normalization = Normalization.CountTarget, Weight = 30, Target = 4 },
        new() { Code = BehaviorChange, Level = KirkpatrickLevel.Behavior, Normalization = Normalization.RatingChange, Weight = 30 },
        new() { Code = Kpi, Level = KirkpatrickLevel.Results, Normalization = Normalization.TargetAchievement, Weight = 60 },
        new() { Code = Performance, Level = KirkpatrickLevel.Results, Normalization = Normalization.Likert5, Weight = 40 },
    ];

    /// <summary>The built-in indicator with this code (letter case ignored), or null for a custom code.</summary>
    public static IndicatorDefinition? Find(string? code) =>
        code is null ? null : All.FirstOrDefault(i => string.Equals(i.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Spec section 9, "Parameters are never guessed": a built-in indicator keeps its built-in parameters where
    /// a request leaves them out; a custom indicator must state the parameter its normalisation needs without a
    /// documented default (<c>count_target</c>'s target; <c>score</c>'s max defaults to 100 by spec section 2).
    /// Returns the definition, or null with the name of the missing parameter.
    /// </summary>
    public static IndicatorDefinition? WithParameters(IndicatorDefinition requested, double? max, double? target, out string? missingParameter)
    {
        ArgumentNullException.ThrowIfNull(requested);
        missingParameter = null;
        var builtIn = requested.IsCustom ? null : Find(requested.Code);
        var resolvedMax = max ?? builtIn?.Max ?? 100;
        var resolvedTarget = target ?? builtIn?.Target;
        if (resolvedTarget is null && requested.Normalization == Normalization.CountTarget)
        {
            missingParameter = "target";
            return null;
        }
        return requested with { Max = resolvedMax, Target = resolvedTarget ?? requested.Target };
    }

    /// <summary>The exam parts that decide <c>exam_passed</c>: it holds when every present part reaches the pass line.</summary>
    public static IReadOnlyList<string> ExamParts { get; } = [ExamTheory, ExamPractical];

    /// <summary>Mentor dimensions, each rated 1–5 (spec section 2).</summary>
    public static IReadOnlyList<string> MentorDimensions { get; } =
        ["initiative", "attitude", "innovation", "collaboration", "application"];
}
