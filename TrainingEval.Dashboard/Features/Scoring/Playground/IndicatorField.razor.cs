using Microsoft.AspNetCore.Components;
using MudBlazor;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Scoring.Playground;

/// <summary>
/// Edits one indicator's raw value — with its pre value, baseline or target where the normalisation
/// needs one — and its weight in the level. Each field shows the allowed range and the validator's
/// message; an empty value field means the indicator is missing.
/// </summary>
public sealed partial class IndicatorField
{
    private Func<object, string, Task<IEnumerable<string>>> _validation = default!;
    private MudNumericField<double?>? _value;
    private MudNumericField<double?>? _baseline;
    private MudNumericField<double?>? _target;
    private MudNumericField<double?>? _weight;

    /// <summary>The indicator being edited; changed in place.</summary>
    [Parameter, EditorRequired]
    public required IndicatorInput Indicator { get; set; }

    /// <summary>Points of the indicator in the results shown, or null when it is missing there.</summary>
    [Parameter]
    public double? Points { get; set; }

    /// <summary>Raised after any of the indicator's inputs changed.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    protected override void OnInitialized() => _validation = Validator.ForMudForm();

    private string Range => Normalizer.AllowedRange(Indicator.Definition);

    private string ValueLabel => Indicator.Normalization switch
    {
        Normalization.Gain => Text["Value_Gain"],
        Normalization.RatingChange => Text["Value_RatingChange"],
        Normalization.TargetAchievement => Text["Value_TargetAchievement"],
        _ => Text["Value"],
    };

    private string ValueHelp => Indicator.Normalization switch
    {
        Normalization.TargetAchievement => Text["Help_AnyNumber"],
        Normalization.CountTarget => Text["Help_CountTarget", Range, ScoreFormat.Raw(Indicator.Definition.Target)],
        _ => Text["Help_Range", Range],
    };

    private string BaselineLabel => Indicator.Normalization switch
    {
        Normalization.Gain => Text["Baseline_Gain"],
        Normalization.RatingChange => Text["Baseline_RatingChange"],
        _ => Text["Baseline_TargetAchievement"],
    };

    private string BaselineHelp => Indicator.Normalization == Normalization.TargetAchievement
        ? Text["Help_AnyNumber"]
        : Text["Help_Range", Normalizer.AllowedBaselineRange(Indicator.Definition) ?? Range];

    private Task SetValue(double? value)
    {
        Indicator.Value = value;
        TrackUnreadable(nameof(IndicatorInput.Value), _value);
        return Changed.InvokeAsync();
    }

    private Task SetBaseline(double? value)
    {
        Indicator.Baseline = value;
        TrackUnreadable(nameof(IndicatorInput.Baseline), _baseline);
        return Changed.InvokeAsync();
    }

    private Task SetTarget(double? value)
    {
        Indicator.Target = value;
        TrackUnreadable(nameof(IndicatorInput.Target), _target);
        return Changed.InvokeAsync();
    }

    private Task SetWeight(double? value)
    {
        Indicator.Weight = value;
        TrackUnreadable(nameof(IndicatorInput.Weight), _weight);
        return Changed.InvokeAsync();
    }

    // A field with text that is not a number reports null; remember it so the playground calls it an error, not "missing".
    private void TrackUnreadable(string property, MudNumericField<double?>? field)
    {
        if (field?.ConversionError == true)
            Indicator.Unreadable.Add(property);
        else
            Indicator.Unreadable.Remove(property);
    }
}
