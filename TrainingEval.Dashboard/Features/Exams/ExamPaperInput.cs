using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Exams;

/// <summary>A criterion of the practical rubric as the set-up form edits it.</summary>
public sealed class RubricCriterionInput
{
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public double Points { get; set; } = 10;
}

/// <summary>An assessment's exam paper as the set-up form edits it.</summary>
public sealed class ExamPaperInput
{
    public int TimeLimitMinutes { get; set; } = ExamPaper.DefaultTimeLimitMinutes;
    public int AttemptsAllowed { get; set; } = ExamPaper.DefaultAttemptsAllowed;
    public ExamSelection Selection { get; set; }

    /// <summary>With a fixed paper: the questions, in order.</summary>
    public List<int> QuestionIds { get; set; } = [];
    public int BasicCount { get; set; }
    public int IntermediateCount { get; set; }
    public int AdvancedCount { get; set; }
    public bool IsOpen { get; set; }
    public List<RubricCriterionInput> Criteria { get; set; } = [];

    public const double MaxCriterionPoints = 1000;

    public int DrawCount(AssessmentDifficulty level) => level switch
    {
        AssessmentDifficulty.Basic => BasicCount,
        AssessmentDifficulty.Intermediate => IntermediateCount,
        _ => AdvancedCount,
    };

    public static ExamPaperInput From(ExamPaper p) => new()
    {
        TimeLimitMinutes = p.TimeLimitMinutes,
        AttemptsAllowed = p.AttemptsAllowed,
        Selection = p.Selection,
        QuestionIds = [.. p.Questions.OrderBy(q => q.Sequence).Select(q => q.QuestionId)],
        BasicCount = p.BasicCount,
        IntermediateCount = p.IntermediateCount,
        AdvancedCount = p.AdvancedCount,
        IsOpen = p.IsOpen,
        Criteria = [.. p.Criteria.OrderBy(c => c.Sequence).Select(c => new RubricCriterionInput { Name = c.Name, NameEn = c.NameEn, Points = c.Points })],
    };
}

/// <summary>The paper's own limits; what needs the bank and the assessment (questions there, a practical part) is <see cref="ExamPaperService"/>'s.</summary>
public sealed class ExamPaperInputValidator : AbstractValidator<ExamPaperInput>
{
    public ExamPaperInputValidator(IStringLocalizer<ExamStrings> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RuleFor(p => p.Selection).IsInEnum();
        RuleFor(p => p.TimeLimitMinutes).InclusiveBetween(1, ExamPaper.MaxTimeLimitMinutes)
            .WithMessage((_, m) => text["Val_TimeLimit", ExamPaper.MaxTimeLimitMinutes, m]);
        RuleFor(p => p.AttemptsAllowed).InclusiveBetween(1, ExamPaper.MaxAttemptsAllowed)
            .WithMessage((_, a) => text["Val_Attempts", ExamPaper.MaxAttemptsAllowed, a]);
        When(p => p.Selection == ExamSelection.Fixed, () =>
            RuleFor(p => p.QuestionIds).Must(q => q.Count > 0).WithMessage(_ => text["Val_NoQuestions"]));
        When(p => p.Selection == ExamSelection.RandomByDifficulty, () =>
        {
            RuleFor(p => p).Must(p => p.BasicCount >= 0 && p.IntermediateCount >= 0 && p.AdvancedCount >= 0)
                .WithMessage(_ => text["Val_NegativeCount"])
                .Must(p => p.BasicCount + p.IntermediateCount + p.AdvancedCount > 0).WithMessage(_ => text["Val_NoQuestions"]);
        });
        RuleForEach(p => p.Criteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => text["Val_CriterionName"])
                .Must(n => n is null || n.Trim().Length <= Bilingual.NameMaxLength).WithMessage(_ => text["Val_CriterionNameTooLong", Bilingual.NameMaxLength]);
            c.RuleFor(x => x.NameEn).Must(n => n is null || n.Trim().Length <= Bilingual.NameMaxLength).WithMessage(_ => text["Val_CriterionNameTooLong", Bilingual.NameMaxLength]);
            c.RuleFor(x => x.Points).Must(p => double.IsFinite(p) && p > 0 && p <= ExamPaperInput.MaxCriterionPoints)
                .WithMessage((x, p) => text["Val_CriterionPoints", x.Name?.Trim() ?? "", ExamPaperInput.MaxCriterionPoints, p]);
        });
    }
}
