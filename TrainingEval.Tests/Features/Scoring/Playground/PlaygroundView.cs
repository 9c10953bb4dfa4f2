using AngleSharp.Dom;
using Bunit;
using TrainingEval.Dashboard.Features.Scoring.Playground;

namespace TrainingEval.Tests.Features.Scoring.Playground;

/// <summary>Finds things on a rendered playground by the data attributes the page exposes for tests.</summary>
internal sealed class PlaygroundView(IRenderedComponent<PlaygroundPage> page)
{
    public IRenderedComponent<PlaygroundPage> Component { get; } = page;

    public string Composite => Component.Find("[data-testid=composite]").TextContent.Trim();

    public string Coverage => Component.Find("[data-testid=coverage]").TextContent.Trim();

    public string? Tier => Component.Find("[data-testid=tier]").GetAttribute("data-tier");

    public string TierText => Component.Find("[data-testid=tier]").TextContent.Trim();

    public bool? Passed => bool.TryParse(Component.Find("[data-testid=passed]").GetAttribute("data-passed"), out var passed) ? passed : null;

    public bool IsProvisional => Component.FindAll("[data-testid=provisional]").Count > 0;

    public bool ShowsStaleNotice => Component.FindAll("[data-testid=stale-notice]").Count > 0;

    public string StaleNotice => Component.Find("[data-testid=stale-notice]").TextContent;

    public string Breakdown => Component.Find("[data-testid=score-breakdown]").TextContent;

    public string LevelScore(string level) =>
        Component.Find($"[data-testid=level-table] tr[data-level={level}] .level-score-cell").TextContent.Trim();

    public IElement Input(string indicator, string part = "value") =>
        Component.Find($"[data-indicator={indicator}] .input-{part} input");

    public IElement LevelWeight(string level) => Component.Find($".level-weights input[data-level={level}]");

    /// <summary>Messages MudBlazor shows under the field (the validator's words).</summary>
    public string FieldErrors(string indicator, string part = "value") =>
        string.Join(" ", Component.FindAll($"[data-indicator={indicator}] .input-{part} .mud-input-control-helper-container .mud-input-error").Select(e => e.TextContent.Trim()));

    /// <summary>Types into a field the way a user does: the value arrives on every keystroke.</summary>
    public void Type(IElement input, string text) => input.Input(text);

    public void ChoosePolicy(string policy) =>
        Component.Find($"input[data-policy={policy}]").Click();
}
