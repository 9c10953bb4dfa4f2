using TrainingEval.Domain.Indicators;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Mentoring;

/// <summary>One dimension in the rating dialog: the new score and comment, and the rating it replaces.</summary>
public sealed class RatingEntry
{
    public required string Dimension { get; init; }
    public int? Score { get; set; }
    public string? Comment { get; set; }

    /// <summary>The latest rating when the dialog loaded; its sequence is what the save is based on.</summary>
    public LatestRating? Previous { get; set; }

    public RatingLine ToLine() => new(Dimension, Score!.Value, Comment, Previous?.Sequence ?? 0);
}

/// <summary>Every dimension gets a whole score 1–5; comments are optional and limited like the stored column.</summary>
public sealed class RatingEntryValidator : AbstractValidator<RatingEntry>
{
    public RatingEntryValidator(IStringLocalizer<MentorStrings> text)
    {
        // One message for both failures (a score missing or off the scale): each rule needs its own WithMessage.
        RuleFor(e => e.Score)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .WithMessage(e => text["ScoreRequired", text.Dimension(e.Dimension)])
            .InclusiveBetween(RatingScale.Min, RatingScale.Max)
            .WithMessage(e => text["ScoreRequired", text.Dimension(e.Dimension)]);
        RuleFor(e => e.Comment)
            .MaximumLength(MentorRating.CommentMaxLength)
            .WithMessage(text["CommentTooLong", MentorRating.CommentMaxLength]);
    }
}
