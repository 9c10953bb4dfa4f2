using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Tests.Support;

/// <summary>One coloured thing on a page: a chart's series, slice, bar or box, a what-if dot or a tier chip.</summary>
/// <param name="Where">The chart id, or "what-if" / "chip".</param>
/// <param name="Name">What it stands for, as the page labels it (a series name, a category, a level or tier label).</param>
/// <param name="Color">Its colour, upper-case hex.</param>
public sealed record Coloured(string Where, string Name, string Color)
{
    public override string ToString() => $"{Where}: {Name} = {Color}";
}

/// <summary>
/// Reads the colours a page shows — from what its charts hand ApexCharts (the chart module's recorded calls, i.e. the
/// JSON the browser gets) and from its what-if dots and tier chips — and checks that a level or a tier has one colour.
/// </summary>
public static class PageColours
{
    /// <summary>
    /// Every chart's coloured things, from the latest options and series each chart id was given: a series' own
    /// colour or its slot in <c>colors</c>; a pie's or a distributed bar's colour per label; a box's own fill per box.
    /// </summary>
    public static IReadOnlyList<Coloured> Charts(BunitJSModuleInterop module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var latest = new Dictionary<string, (string Options, string Series)>();
        var ids = new Dictionary<string, string>();
        foreach (var call in module.Invocations)
        {
            var args = call.Arguments;
            switch (call.Identifier)
            {
                case "create":
                    var id = JsonDocument.Parse((string)args[2]!).RootElement.GetProperty("chart").GetProperty("id").GetString()!;
                    ids[(string)args[1]!] = id;
                    latest[id] = ((string)args[2]!, (string)args[3]!);
                    break;
                case "updateOptions" when ids.TryGetValue((string)args[0]!, out var shown):
                    latest[shown] = ((string)args[1]!, args[2] as string ?? latest[shown].Series);
                    break;
                case "updateSeries" when ids.TryGetValue((string)args[0]!, out var shown):
                    latest[shown] = (latest[shown].Options, (string)args[1]!);
                    break;
                case "destroy" when ids.Remove((string)args[0]!, out var gone):
                    if (!ids.ContainsValue(gone))
                        latest.Remove(gone);
                    break;
            }
        }
        return [.. latest.SelectMany(chart => Of(chart.Key, JsonDocument.Parse(chart.Value.Options).RootElement, JsonDocument.Parse(chart.Value.Series).RootElement))];
    }

    /// <summary>The what-if panel's level dots, named by the level's label beside each.</summary>
    public static IReadOnlyList<Coloured> LevelDots(IEnumerable<IElement> dots, IStringLocalizer<EvaluationStrings> terms) =>
        [.. dots.Select(dot => new Coloured("what-if", terms.LevelName(Enum.Parse<KirkpatrickLevel>(dot.GetAttribute("data-level")!)), CssColor(dot, "background")))];

    /// <summary>The page's tier chips, named by the tier's label.</summary>
    public static IReadOnlyList<Coloured> TierChips(IEnumerable<IElement> chips, IStringLocalizer<EvaluationStrings> terms) =>
        [.. chips.Select(chip => new Coloured("chip", terms.TierLabel(Enum.Parse<Tier>(chip.GetAttribute("data-tier")!)), CssColor(chip, "background-color")))];

    /// <summary>
    /// Each level's things have that level's colour — the same on every chart and dot — and nothing else on the page
    /// has a level's colour (the composite, a learner, a cohort, coverage…), so a level colour always means its level.
    /// Every source in <paramref name="showingAllLevels"/> (a chart id, "what-if") must show all four levels.
    /// </summary>
    public static void ShouldGiveEachLevelOneColour(IReadOnlyList<Coloured> things, ThemeState theme, IStringLocalizer<EvaluationStrings> terms, params string[] showingAllLevels)
    {
        var levels = KirkpatrickLevels.All.ToDictionary(l => terms.LevelName(l), l => DashboardColors.Level(theme, l), StringComparer.Ordinal);
        var levelColours = levels.Values.ToHashSet(StringComparer.Ordinal);
        var named = things.Where(t => levels.ContainsKey(t.Name)).ToList();
        foreach (var source in showingAllLevels)
            named.Where(t => t.Where == source).Select(t => t.Name).Distinct().Order(StringComparer.Ordinal)
                .ShouldBe(levels.Keys.Order(StringComparer.Ordinal), $"the levels of {source} among:\n{string.Join("\n", things)}");
        foreach (var thing in named)
            thing.Color.ShouldBe(levels[thing.Name], thing.ToString());
        foreach (var level in named.GroupBy(t => t.Name))
            level.Select(t => t.Color).Distinct().Count().ShouldBe(1, $"{level.Key} has one colour: {string.Join(", ", level)}");
        things.Where(t => !levels.ContainsKey(t.Name) && levelColours.Contains(t.Color))
            .ShouldBeEmpty("only a level may have a level's colour");
    }

    /// <summary>
    /// Each tier's things (slices, bars, stacks, chips) have that tier's colour in <paramref name="palette"/>, the same
    /// in a chart as in a chip. Every source in <paramref name="showingAllTiers"/> must show all five tiers, and every
    /// source in <paramref name="showingSomeTiers"/> (the chips of one table page) at least one.
    /// </summary>
    public static void ShouldGiveEachTierOneColour(IReadOnlyList<Coloured> things, ThemeState palette, IStringLocalizer<EvaluationStrings> terms,
        string[] showingAllTiers, string[] showingSomeTiers)
    {
        var tiers = Enum.GetValues<Tier>().ToDictionary(t => terms.TierLabel(t), t => DashboardColors.Tier(palette, t), StringComparer.Ordinal);
        var named = things.Where(t => tiers.ContainsKey(t.Name)).ToList();
        foreach (var source in showingAllTiers)
            named.Where(t => t.Where == source).Select(t => t.Name).Distinct().Count().ShouldBe(tiers.Count, $"the tiers of {source} among:\n{string.Join("\n", things)}");
        foreach (var source in showingSomeTiers)
            named.ShouldContain(t => t.Where == source, $"a tier in {source} among:\n{string.Join("\n", things)}");
        foreach (var thing in named)
            thing.Color.ShouldBe(tiers[thing.Name], thing.ToString());
    }

    private static IEnumerable<Coloured> Of(string chart, JsonElement options, JsonElement series)
    {
        var colors = options.TryGetProperty("colors", out var c) ? [.. c.EnumerateArray().Select(x => Hex(x.GetString()!))] : Array.Empty<string>();
        var type = options.GetProperty("chart").GetProperty("type").GetString();
        if (type is "donut" or "pie")
        {
            var labels = options.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList();
            foreach (var (label, i) in labels.Select((l, i) => (l, i)))
                yield return new Coloured(chart, label, colors[i % colors.Length]);
            yield break;
        }
        var list = series.EnumerateArray().ToList();
        var distributed = options.TryGetProperty("plotOptions", out var plot) && plot.TryGetProperty("bar", out var bar)
            && bar.TryGetProperty("distributed", out var d) && d.GetBoolean();
        if (distributed && list.Count == 1)
        {
            var categories = options.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(x => x.GetString()!).ToList();
            foreach (var (category, i) in categories.Select((x, i) => (x, i)))
                yield return new Coloured(chart, category, colors[i % colors.Length]);
            yield break;
        }
        for (var i = 0; i < list.Count; i++)
        {
            var s = list[i];
            var points = s.GetProperty("data").EnumerateArray().ToList();
            if (points.Count > 0 && points.All(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("fillColor", out _)))
            {
                foreach (var p in points)
                    yield return new Coloured(chart, p.GetProperty("x").GetString()!, Hex(p.GetProperty("fillColor").GetString()!));
                continue;
            }
            var color = s.TryGetProperty("color", out var own) ? Hex(own.GetString()!) : colors[i % colors.Length];
            yield return new Coloured(chart, s.GetProperty("name").GetString()!, color);
        }
    }

    private static string CssColor(IElement element, string property)
    {
        var style = element.GetAttribute("style") ?? "";
        var match = Regex.Match(style, $@"(?:^|;)\s*{Regex.Escape(property)}\s*:\s*(#[0-9A-Fa-f]{{6}})");
        match.Success.ShouldBeTrue($"{property} in style \"{style}\"");
        return Hex(match.Groups[1].Value);
    }

    private static string Hex(string color) => color.ToUpperInvariant();
}
