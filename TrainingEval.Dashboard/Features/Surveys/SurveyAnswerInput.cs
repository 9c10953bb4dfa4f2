using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Surveys;

/// <summary>The learner's answer to one item, as the form holds it: a rating 1–5, an option index or a text, by item kind.</summary>
public sealed class SurveyAnswerInput
{
    public int? Rating { get; set; }
    public int? Choice { get; set; }
    public string? Text { get; set; }

    public bool IsEmpty(SurveyItemKind kind) => kind switch
    {
        SurveyItemKind.Likert => Rating is null,
        SurveyItemKind.SingleChoice => Choice is null,
        _ => string.IsNullOrWhiteSpace(Text),
    };
}

/// <summary>A whole response before it is saved: the survey's items (by position) and one answer per item, same order.</summary>
public sealed record SurveyAnswerSheet(IReadOnlyList<SurveyItemView> Items, IReadOnlyList<SurveyAnswerInput> Answers);

/// <summary>
/// A response's rules: one answer per item; every required item answered; a rating 1–5, an option that exists, a text
/// within <see cref="Bilingual.TextMaxLength"/>. Each message names the item by its number and text.
/// </summary>
public sealed class SurveyAnswerSheetValidator : AbstractValidator<SurveyAnswerSheet>
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public SurveyAnswerSheetValidator(IStringLocalizer<SurveyStrings> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RuleFor(s => s).Custom((sheet, context) =>
        {
            if (sheet.Answers.Count != sheet.Items.Count)
            {
                context.AddFailure(text["Val_AnswerCount", sheet.Items.Count, sheet.Answers.Count]);
                return;
            }
            for (var i = 0; i < sheet.Items.Count; i++)
            {
                var (item, answer) = (sheet.Items[i], sheet.Answers[i]);
                var what = item.DisplayText();
                if (answer.IsEmpty(item.Kind))
                {
                    if (item.Required)
                        context.AddFailure(text["Val_Required", item.Position, what]);
                    continue;
                }
                switch (item.Kind)
                {
                    case SurveyItemKind.Likert when answer.Rating is < MinRating or > MaxRating:
                        context.AddFailure(text["Val_Rating", item.Position, what, MinRating, MaxRating, answer.Rating!.Value]);
                        break;
                    case SurveyItemKind.SingleChoice when answer.Choice < 0 || answer.Choice >= item.Options.Count:
                        context.AddFailure(text["Val_Choice", item.Position, what]);
                        break;
                    case SurveyItemKind.FreeText when answer.Text!.Trim().Length > Bilingual.TextMaxLength:
                        context.AddFailure(text["Val_TextTooLong", item.Position, Bilingual.TextMaxLength, answer.Text.Trim().Length]);
                        break;
                }
            }
        });
    }
}
