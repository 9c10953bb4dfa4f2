using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Surveys;

/// <summary>One item as HR's item editor edits it; a single-choice item's options are one per line, in both languages.</summary>
public sealed class SurveyItemInput
{
    public SurveyItemKind Kind { get; set; } = SurveyItemKind.Likert;
    public string? Text { get; set; }
    public string? TextEn { get; set; }

    /// <summary>The options, one per line (blank lines are dropped).</summary>
    public string? Options { get; set; }

    /// <summary>The English options, one per line, in the same order; may be empty.</summary>
    public string? OptionsEn { get; set; }
    public bool Required { get; set; } = true;

    public IReadOnlyList<string> OptionList => Lines(Options);

    public IReadOnlyList<string> OptionEnList => Lines(OptionsEn);

    public SurveyItemInput Copy() => (SurveyItemInput)MemberwiseClone();

    public static SurveyItemInput Of(SurveyItemView item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new() { Kind = item.Kind, Text = item.Text, TextEn = item.TextEn, Options = string.Join('\n', item.Options), OptionsEn = string.Join('\n', item.OptionsEn), Required = item.Required };
    }

    private static List<string> Lines(string? text) =>
        text is null ? [] : [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}

/// <summary>A survey's whole item list as it is saved (the list replaces the stored one).</summary>
public sealed record SurveyItemsInput(IReadOnlyList<SurveyItemInput> Items);

/// <summary>
/// The item list's rules: 1 to <see cref="SatisfactionSurvey.MaxItems"/> items with at least one 1–5 item (a survey's mean
/// needs one), each with a text within <see cref="SurveyItem.TextMaxLength"/>; a single-choice item has
/// <see cref="SurveyItem.MinOptions"/> to <see cref="SurveyItem.MaxOptions"/> options, English ones (if any) as many. Each
/// message names the item by its number.
/// </summary>
public sealed class SurveyItemsInputValidator : AbstractValidator<SurveyItemsInput>
{
    public SurveyItemsInputValidator(IStringLocalizer<SurveyStrings> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RuleFor(s => s.Items).Must(i => i.Count is > 0 and <= SatisfactionSurvey.MaxItems)
            .WithMessage((_, i) => text["Val_ItemCount", SatisfactionSurvey.MaxItems, i.Count]);
        RuleFor(s => s.Items).Must(i => i.Count == 0 || i.Any(x => x.Kind == SurveyItemKind.Likert))
            .WithMessage(_ => text["Val_NeedsLikert"]);
        RuleFor(s => s.Items).Custom((items, context) =>
        {
            for (var i = 0; i < items.Count; i++)
                Check(items[i], i + 1, context, text);
        });
    }

    private static void Check(SurveyItemInput item, int number, ValidationContext<SurveyItemsInput> context, IStringLocalizer<SurveyStrings> text)
    {
        var itemText = item.Text?.Trim() ?? "";
        if (itemText.Length == 0)
            context.AddFailure(text["Val_ItemText", number]);
        else if (itemText.Length > SurveyItem.TextMaxLength)
            context.AddFailure(text["Val_ItemTextTooLong", number, SurveyItem.TextMaxLength, itemText.Length]);
        if ((item.TextEn?.Trim().Length ?? 0) > SurveyItem.TextMaxLength)
            context.AddFailure(text["Val_ItemTextTooLong", number, SurveyItem.TextMaxLength, item.TextEn!.Trim().Length]);
        if (item.Kind != SurveyItemKind.SingleChoice)
            return;
        var options = item.OptionList;
        var english = item.OptionEnList;
        if (options.Count is < SurveyItem.MinOptions or > SurveyItem.MaxOptions)
            context.AddFailure(text["Val_Options", number, SurveyItem.MinOptions, SurveyItem.MaxOptions, options.Count]);
        if (english.Count > 0 && english.Count != options.Count)
            context.AddFailure(text["Val_OptionsEn", number, options.Count, english.Count]);
        if (options.Concat(english).FirstOrDefault(o => o.Length > SurveyItem.OptionMaxLength) is { } longOne)
            context.AddFailure(text["Val_OptionTooLong", number, SurveyItem.OptionMaxLength, longOne]);
        if (options.GroupBy(o => o, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            context.AddFailure(text["Val_OptionTwice", number, twice.Key]);
    }
}
