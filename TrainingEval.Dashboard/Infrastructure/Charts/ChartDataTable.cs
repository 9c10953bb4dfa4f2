using System.Globalization;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>
/// The numbers behind a chart as rows and columns (issue 20: a chart's text alternative): one row per category or x value,
/// one column per series (pie and donut: one column of slice values). Built from exactly what the chart is given, so
/// table and chart cannot disagree.
/// </summary>
/// <param name="SeriesKinds">Per series: plain values, ranges or boxes (a box plot may carry a series of plain means).</param>
public sealed record ChartDataTable(IReadOnlyList<string> SeriesNames, IReadOnlyList<ChartDataRow> Rows, IReadOnlyList<ChartPointKind> SeriesKinds)
{
    public static ChartDataTable Empty { get; } = new([], [], []);

    /// <summary>The table of an axis chart (<paramref name="series"/>) or of a pie/donut (<paramref name="values"/> with <see cref="ApexChartOptions.Labels"/>).</summary>
    /// <remarks>Links lead where a click on the chart leads: a row's <see cref="ChartDataRow.Href"/> is its slice's link, or the
    /// link all its points share (a learner's stacked bar, a cohort's run); where the points of a row lead to different places
    /// (one series per cohort) each cell carries its own (<see cref="ChartDataRow.CellHrefs"/>).</remarks>
    public static ChartDataTable Of(ApexChartOptions options, IReadOnlyList<ChartSeries>? series, IReadOnlyList<double>? values, CultureInfo culture,
        IReadOnlyList<string?>? sliceHrefs = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (values is { Count: > 0 })
        {
            var labels = options.Labels ?? [];
            var sliceFormat = FormatFor(values);
            var slices = values.Select((v, i) => new ChartDataRow(i < labels.Count ? labels[i] : (i + 1).ToString(culture), [v.ToString(sliceFormat, culture)],
                sliceHrefs is not null && i < sliceHrefs.Count ? sliceHrefs[i] : null)).ToList();
            return new ChartDataTable([""], slices, [ChartPointKind.Value]);
        }
        if (series is not { Count: > 0 })
            return Empty;

        var categories = options.XAxis?.Categories;
        var format = FormatFor(series.SelectMany(s => s.Data).SelectMany(p => p.Values ?? (p.Value is { } v ? [v] : [])));
        var datetime = options.XAxis?.Type == ChartAxisType.Datetime;
        // Rows in the order the x values first appear across the series (the chart's own order).
        var keys = new List<string>();
        var cells = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        var hrefs = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        var kinds = new ChartPointKind[series.Count];
        for (var s = 0; s < series.Count; s++)
        {
            var data = series[s].Data;
            for (var i = 0; i < data.Count; i++)
            {
                var point = data[i];
                var key = point.X is { } x ? XText(x, datetime, culture) : categories is not null && i < categories.Count ? categories[i] : (i + 1).ToString(culture);
                if (!cells.TryGetValue(key, out var row))
                {
                    row = new string?[series.Count];
                    cells[key] = row;
                    keys.Add(key);
                }
                if (point.Kind != ChartPointKind.Value)
                    kinds[s] = point.Kind;
                row[s] = Cell(point, format, culture);
                if (point.Href is { } href)
                {
                    if (!hrefs.TryGetValue(key, out var links))
                        hrefs[key] = links = new string?[series.Count];
                    links[s] = href;
                }
            }
        }
        return new ChartDataTable([.. series.Select(s => s.Name)], [.. keys.Select(k => Row(k, cells[k], hrefs.GetValueOrDefault(k)))], kinds);
    }

    private static ChartDataRow Row(string label, string?[] cells, string?[]? links)
    {
        if (links is null)
            return new ChartDataRow(label, cells);
        var distinct = links.Where(l => l is not null).Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? new ChartDataRow(label, cells, distinct[0]) : new ChartDataRow(label, cells, CellHrefs: links);
    }

    private static string? Cell(ChartPoint point, string format, CultureInfo culture) => point.Kind switch
    {
        ChartPointKind.Value => point.Value?.ToString(format, culture),
        // "low – high" and "min / Q1 / median / Q3 / max": the column header says which (ChartTextAlternative).
        ChartPointKind.Range => $"{point.Values![0].ToString(format, culture)} – {point.Values[1].ToString(format, culture)}",
        _ => string.Join(" / ", point.Values!.Select(v => v.ToString(format, culture))),
    };

    // Counts stay whole numbers; anything with a fraction shows one decimal everywhere, as the charts' labels do (62.0).
    private static string FormatFor(IEnumerable<double> numbers) => numbers.All(n => n == Math.Floor(n)) ? "#,0" : "#,0.0";

    private static string XText(ChartX x, bool datetime, CultureInfo culture) =>
        x.IsCategory ? x.Category!
        : datetime ? DateTimeOffset.FromUnixTimeMilliseconds((long)x.Number).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : x.Number.ToString("#,0.##", culture);
}

/// <param name="Label">The category, x value or slice name.</param>
/// <param name="Cells">One per series; null where the series has no value there.</param>
/// <param name="Href">Where the row's records are (the chart's drill-down link); null when it has none.</param>
/// <param name="CellHrefs">Per cell, where its point leads, when the row's points lead to different places; else null.</param>
public sealed record ChartDataRow(string Label, IReadOnlyList<string?> Cells, string? Href = null, IReadOnlyList<string?>? CellHrefs = null);
