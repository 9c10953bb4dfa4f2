using System.Text.Json.Nodes;
using System.Text.Json;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>What <see cref="ApexChart"/> adds to the caller's options before they reach the browser.</summary>
internal sealed record ChartComposition(
    string Id,
    int Height,
    ChartTheme Theme,
    string Locale,
    string ExportFileName,
    bool AnimationsOff);

/// <summary>
/// Builds the options JSON for one chart: the caller's <see cref="ApexChartOptions"/> plus the id, height,
/// theme colours, locale and export file names. Anything the caller set explicitly wins, except
/// id, height and theme mode, which belong to the component.
/// </summary>
internal static class ChartOptionsComposer
{
    public static string Compose(ApexChartOptions options, ChartComposition with)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(with);
        var root = JsonSerializer.SerializeToNode(options, ChartJson.Options)!.AsObject();
        var theme = with.Theme;
        var mode = theme.Mode == ChartThemeMode.Dark ? "dark" : "light";

        var chart = Child(root, "chart");
        chart["id"] = with.Id;
        chart["height"] = with.Height;
        chart["foreColor"] ??= theme.ForeColor;
        chart["background"] ??= "transparent";
        chart["fontFamily"] ??= theme.FontFamily;
        chart["defaultLocale"] ??= with.Locale;

        var toolbar = Child(chart, "toolbar");
        toolbar["show"] ??= true;
        Child(toolbar, "tools")["download"] ??= true;
        var export = Child(toolbar, "export");
        foreach (var format in (string[])["csv", "svg", "png"])
            Child(export, format)["filename"] ??= with.ExportFileName;

        if (with.AnimationsOff)
            Child(chart, "animations")["enabled"] = false;

        root["colors"] ??= new JsonArray([.. theme.SeriesColors.Select(c => JsonValue.Create(c))]);
        Child(root, "theme")["mode"] = mode;
        Child(root, "tooltip")["theme"] ??= mode;
        Child(root, "grid")["borderColor"] ??= theme.GridColor;

        // ApexCharts draws these in white whatever the mode; on a dark surface they glare.
        Child(root, "markers")["strokeColors"] ??= theme.SurfaceColor;
        if (options.Chart.Type is ApexChartType.Pie or ApexChartType.Donut)
            Child(root, "stroke")["colors"] ??= new JsonArray(theme.SurfaceColor);
        if (root["annotations"] is JsonObject annotations)
        {
            foreach (var group in (string[])["yaxis", "xaxis", "points"])
            {
                foreach (var annotation in (annotations[group] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (annotation["label"] is not JsonObject label)
                        continue;
                    label["borderColor"] ??= theme.GridColor;
                    var style = Child(label, "style");
                    style["color"] ??= theme.TextColor;
                    style["background"] ??= theme.SurfaceColor;
                }
            }
        }

        if (options.Chart.Type == ApexChartType.Radar)
        {
            var polygons = Child(Child(Child(root, "plotOptions"), "radar"), "polygons");
            polygons["strokeColors"] ??= theme.GridColor;
            polygons["connectorColors"] ??= theme.GridColor;
        }

        return root.ToJsonString(ChartJson.Options);
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
            return existing;
        var created = new JsonObject();
        parent[name] = created;
        return created;
    }
}
