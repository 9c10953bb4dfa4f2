using System.Globalization;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Health;

namespace TrainingEval.Dashboard.Features.Mentoring;

/// <summary>Texts of the mentor workspace, alerts and rating dialog (.resx files beside this class).</summary>
public sealed class MentorStrings;

/// <summary>Localised names of bands, alert types, statuses and coaching suggestions.</summary>
public static class MentorText
{
    public static string Band(this IStringLocalizer<MentorStrings> text, LearningHealthBand? band) => text[$"Band_{band?.ToString() ?? "None"}"];

    public static string AlertType(this IStringLocalizer<MentorStrings> text, AlertType type) => text[$"AlertType_{type}"];

    /// <summary>The alert's title: its type, or both causes for the one alert of a fall into at risk (spec section 9).</summary>
    public static string AlertTitle(this IStringLocalizer<MentorStrings> text, AlertType type, string? detail) =>
        type is TrainingEval.Domain.Health.AlertType.AtRisk or TrainingEval.Domain.Health.AlertType.LhiDrop && AlertDetail.Parse(detail) is { NamesBothIndexCauses: true }
            ? text["AlertType_AtRiskAndDrop"]
            : text.AlertType(type);

    public static string Status(this IStringLocalizer<MentorStrings> text, AlertStatus status) => text[$"Status_{status}"];

    public static string Dimension(this IStringLocalizer<MentorStrings> text, string dimension) => text[$"Dimension_{dimension}"];

    /// <summary>
    /// An alert's detail in the reader's language, worded from its stored codes and numbers (<see cref="AlertDetail"/>):
    /// index points and scores with one decimal in the current culture, a dimension by its name, an assessment by its name
    /// in the reader's language (<paramref name="assessment"/>, looked up from the id the detail stores). A detail in an
    /// older free-text form is shown as it is.
    /// </summary>
    public static string Detail(this IStringLocalizer<MentorStrings> text, AlertType type, string? detail, IBilingualName? assessment = null)
    {
        if (AlertDetail.Parse(detail) is not { } d)
            return detail ?? "";
        switch (type)
        {
            case TrainingEval.Domain.Health.AlertType.CompetencyDrop when d.Dimension is { } dimension && d.Before is { } before:
                return text["Detail_CompetencyDrop", text.Dimension(dimension),
                    $"{before.ToString("0.##", CultureInfo.CurrentCulture)} → {d.After.ToString("0.##", CultureInfo.CurrentCulture)}"];
            case TrainingEval.Domain.Health.AlertType.ScoreDrop when d.AssessmentId is not null && d.Before is { } mean:
                return text["Detail_ScoreDrop", assessment?.DisplayName() ?? text["Detail_UnknownAssessment"].Value, ScoreFormat.Score(d.After), ScoreFormat.Score(mean)];
            case TrainingEval.Domain.Health.AlertType.LhiDrop or TrainingEval.Domain.Health.AlertType.AtRisk when d.Subject is null || d.NamesBothIndexCauses:
                var atRisk = ScoreFormat.Compact(LearningHealthBands.WatchFrom);
                if (d.Before is not { } from)
                    return text["Detail_FirstAtRisk", ScoreFormat.Score(d.After), atRisk];
                return type == TrainingEval.Domain.Health.AlertType.LhiDrop || d.NamesBothIndexCauses
                    ? text["Detail_IndexFell", ScoreFormat.Score(from), ScoreFormat.Score(d.After), ScoreFormat.WithSign(d.Change, 1)]
                    : text["Detail_IntoRisk", ScoreFormat.Score(from), ScoreFormat.Score(d.After), atRisk];
            default:
                return detail ?? "";
        }
    }

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
