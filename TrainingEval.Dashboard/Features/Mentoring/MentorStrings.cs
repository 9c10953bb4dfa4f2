using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Health;

namespace TrainingEval.Dashboard.Features.Mentoring;

/// <summary>Texts of the mentor workspace, alerts and rating dialog (.resx files beside this class).</summary>
public sealed class MentorStrings;

/// <summary>Localised names of bands, alert types, statuses and coaching suggestions.</summary>
public static class MentorText
{
    public static string Band(this IStringLocalizer<MentorStrings> text, LearningHealthBand? band) => text[$"Band_{band?.ToString() ?? "None"}"];

    public static string AlertType(this IStringLocalizer<MentorStrings> text, AlertType type) => text[$"AlertType_{type}"];

    public static string Status(this IStringLocalizer<MentorStrings> text, AlertStatus status) => text[$"Status_{status}"];

    public static string Dimension(this IStringLocalizer<MentorStrings> text, string dimension) => text[$"Dimension_{dimension}"];

    /// <summary>
    /// An alert's detail as the reader sees it: a <c>competency_drop</c>'s dimension code (<c>initiative: 4 → 2</c>)
    /// becomes the dimension's name; the other details are numbers only and read the same in every language.
    /// </summary>
    public static string Detail(this IStringLocalizer<MentorStrings> text, AlertType type, string? detail) =>
        type == TrainingEval.Domain.Health.AlertType.CompetencyDrop && AlertRules.SplitRatingDetail(detail) is { } drop
            ? text["Detail_CompetencyDrop", text.Dimension(drop.Dimension), drop.Change]
            : detail ?? "";

    /// <summary>The coaching suggestion of a stored code (<c>attendance</c> … or <c>dimension:initiative</c>).</summary>
    public static string Suggestion(this IStringLocalizer<MentorStrings> text, string code) =>
        CoachingSuggestions.DimensionOf(code) is { } dimension
            ? text["Suggestion_dimension", text.Dimension(dimension)]
            : text[$"Suggestion_{code}"];

    public static MudBlazor.Color BandColor(LearningHealthBand? band) => band switch
    {
        LearningHealthBand.Healthy => MudBlazor.Color.Success,
        LearningHealthBand.Watch => MudBlazor.Color.Warning,
        LearningHealthBand.AtRisk => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };
}
