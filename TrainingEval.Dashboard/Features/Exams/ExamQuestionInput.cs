using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Exams;

namespace TrainingEval.Dashboard.Features.Exams;

/// <summary>
/// A question as the bank's form edits it. Options are one per line (Chinese, and optionally English with as many lines);
/// the right options are their numbers from 1 as the form shows them; knowledge points are separated by commas (, or ，).
/// </summary>
public sealed class ExamQuestionInput
{
    public ExamQuestionKind Kind { get; set; }
    public string? Text { get; set; }
    public string? TextEn { get; set; }
    public string? Options { get; set; }
    public string? OptionsEn { get; set; }

    /// <summary>The right option numbers, from 1 (single choice: one; multiple: several, e.g. "1, 3"); true/false: 1 true, 2 false.</summary>
    public string? Correct { get; set; }
    public double? CorrectNumber { get; set; }
    public double Tolerance { get; set; }
    public double Points { get; set; } = ExamQuestion.DefaultPoints;
    public AssessmentDifficulty Difficulty { get; set; }
    public string? Tags { get; set; }

    public const double MaxPoints = 100;

    public bool HasOptions => Kind is ExamQuestionKind.SingleChoice or ExamQuestionKind.MultipleChoice;
    public bool HasCorrectOptions => HasOptions || Kind == ExamQuestionKind.TrueFalse;

    public List<string> OptionList => Lines(Options);
    public List<string> OptionEnList => Lines(OptionsEn);
    public List<string> TagList => [.. Split(Tags, ',', '，', '、', ';', '；').Distinct(StringComparer.Ordinal)];

    /// <summary>The right options as numbers from 1, or null when one is not a whole number.</summary>
    public List<int>? CorrectList
    {
        get
        {
            var result = new List<int>();
            foreach (var part in Split(Correct, ',', '，', ' ', '、'))
            {
                if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                    return null;
                result.Add(n);
            }
            return [.. result.Distinct()];
        }
    }

    /// <summary>The number of options the right answers may name: the options written, or true and false.</summary>
    public int OptionCount => Kind == ExamQuestionKind.TrueFalse ? 2 : OptionList.Count;

    public static ExamQuestionInput From(ExamQuestion q) => new()
    {
        Kind = q.Kind,
        Text = q.Text,
        TextEn = q.TextEn,
        Options = string.Join('\n', q.Options),
        OptionsEn = string.Join('\n', q.OptionsEn),
        Correct = string.Join(", ", q.CorrectOptions.Select(c => c + 1)),
        CorrectNumber = q.CorrectNumber,
        Tolerance = q.Tolerance,
        Points = q.Points,
        Difficulty = q.Difficulty,
        Tags = string.Join(", ", q.Tags),
    };

    private static List<string> Lines(string? value) =>
        [.. (value ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string[] Split(string? value, params char[] separators) =>
        (value ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// A question is graded by what it says is right, so a question that cannot be answered right (a single choice with two
/// right options, a right option that is not there, a numeric question without its value) is refused here, field by field.
/// </summary>
public sealed class ExamQuestionInputValidator : AbstractValidator<ExamQuestionInput>
{
    public ExamQuestionInputValidator(IStringLocalizer<ExamStrings> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Difficulty).IsInEnum();
        RuleFor(q => q.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => text["Val_TextRequired"])
            .Must(t => t is null || t.Trim().Length <= Bilingual.TextMaxLength)
            .WithMessage((_, t) => text["Val_TextTooLong", Bilingual.TextMaxLength, t!.Trim().Length]);
        RuleFor(q => q.TextEn).Must(t => t is null || t.Trim().Length <= Bilingual.TextMaxLength)
            .WithMessage((_, t) => text["Val_TextTooLong", Bilingual.TextMaxLength, t!.Trim().Length]);
        RuleFor(q => q.Points).Must(p => double.IsFinite(p) && p > 0 && p <= ExamQuestionInput.MaxPoints)
            .WithMessage((_, p) => text["Val_Points", ExamQuestionInput.MaxPoints, p]);

        When(q => q.HasOptions, () =>
        {
            RuleFor(q => q.OptionList).Must(o => o.Count is >= 2 and <= ExamQuestion.MaxOptions)
                .WithMessage((_, o) => text["Val_OptionCount", ExamQuestion.MaxOptions, o.Count]);
            RuleForEach(q => q.OptionList).Must(o => o.Length <= ExamQuestion.OptionMaxLength)
                .WithMessage((_, o) => text["Val_OptionTooLong", o[..Math.Min(20, o.Length)], ExamQuestion.OptionMaxLength]);
            RuleFor(q => q.OptionEnList).Must((q, en) => en.Count == 0 || en.Count == q.OptionList.Count)
                .WithMessage((q, en) => text["Val_OptionsEnCount", q.OptionList.Count, en.Count]);
            RuleForEach(q => q.OptionEnList).Must(o => o.Length <= ExamQuestion.OptionMaxLength)
                .WithMessage((_, o) => text["Val_OptionTooLong", o[..Math.Min(20, o.Length)], ExamQuestion.OptionMaxLength]);
        });
        When(q => q.HasCorrectOptions, () =>
        {
            RuleFor(q => q.Correct).Must((q, _) => q.CorrectList is { Count: > 0 }).WithMessage(_ => text["Val_CorrectRequired"])
                .Must((q, _) => q.CorrectList is not { } list || list.All(n => n >= 1 && n <= q.OptionCount))
                .WithMessage((q, _) => text["Val_CorrectOutOfRange", q.Correct!.Trim(), q.OptionCount])
                .Must((q, _) => q.Kind == ExamQuestionKind.MultipleChoice || q.CorrectList is not { Count: > 1 })
                .WithMessage(_ => text["Val_CorrectOne"]);
        });
        When(q => q.Kind == ExamQuestionKind.Numeric, () =>
        {
            RuleFor(q => q.CorrectNumber).Must(n => n is { } v && double.IsFinite(v)).WithMessage(_ => text["Val_NumberRequired"]);
            RuleFor(q => q.Tolerance).Must(t => double.IsFinite(t) && t >= 0).WithMessage((_, t) => text["Val_Tolerance", t]);
        });
        RuleFor(q => q.TagList).Must(t => t.Count <= ExamQuestion.MaxTags).WithMessage((_, t) => text["Val_TagCount", ExamQuestion.MaxTags, t.Count]);
        RuleForEach(q => q.TagList).Must(t => t.Length <= ExamQuestion.TagMaxLength)
            .WithMessage((_, t) => text["Val_TagTooLong", t[..Math.Min(20, t.Length)], ExamQuestion.TagMaxLength]);
    }
}
