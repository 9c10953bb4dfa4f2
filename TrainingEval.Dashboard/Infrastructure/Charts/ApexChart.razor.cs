using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>
/// The dashboard's one chart component: an ApexCharts chart driven by a typed <see cref="ApexChartOptions"/>.
/// The chart is created once after the first interactive render; later parameter changes are pushed
/// with <c>updateSeries</c> / <c>updateOptions</c> (never by re-creating it), and only what changed.
/// Colours follow the MudBlazor theme (<see cref="DarkMode"/>, <see cref="Palette"/>), the locale
/// follows the UI culture, series above <see cref="DownsampleThreshold"/> points are thinned with
/// <see cref="Lttb"/> on the server, and the toolbar offers PNG, SVG and CSV downloads.
/// </summary>
public sealed partial class ApexChart : IAsyncDisposable
{
    internal const string ModulePath = "./Infrastructure/Charts/ApexChart.razor.js";

    /// <summary>Series longer than this (after downsampling) are drawn without animation.</summary>
    internal const int AnimationPointLimit = 500;

    private static readonly MudTheme DefaultTheme = new();

    // Serializes create/update/destroy: an update must not overtake the create it depends on, and
    // disposal must wait for an in-flight create so that no chart is left behind in the page.
    private readonly SemaphoreSlim _jsGate = new(1, 1);

    // The module keys charts by this, not by Id: when a page with chart "x" is replaced by another
    // page with chart "x", the old component's late destroy must not remove the new chart.
    private readonly string _handle = Guid.NewGuid().ToString("N");
    private ElementReference _host;
    private IJSObjectReference? _module;
    private string _optionsJson = "";
    private string _seriesJson = "";
    private string? _shownId;
    private string? _shownOptionsJson;
    private string? _shownSeriesJson;
    private bool _disposed;
    private List<ChartSeries> _sentSeries = [];
    private DotNetObjectReference<ApexChart>? _self;

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<ApexChart> Logger { get; set; } = default!;

    /// <summary>Unique id on the page; also the ApexCharts chart id (chart groups, exec) and the default export file name.</summary>
    [Parameter, EditorRequired] public required string Id { get; set; }

    /// <summary>This chart's own options; never shared between charts, never mutated by the component.</summary>
    [Parameter, EditorRequired] public required ApexChartOptions Options { get; set; }

    /// <summary>Series of an axis chart (bar, line, area, radar, box plot, range area, scatter).</summary>
    [Parameter] public IReadOnlyList<ChartSeries>? Series { get; set; }

    /// <summary>Slice values of a pie or donut chart, matching <see cref="ApexChartOptions.Labels"/>.</summary>
    [Parameter] public IReadOnlyList<double>? Values { get; set; }

    /// <summary>
    /// Drill-down links of the slices of a pie or donut (app-relative, see <see cref="ChartHref"/>), matching
    /// <see cref="Values"/>; a null entry is a slice that leads nowhere. Axis charts put theirs on <see cref="ChartPoint.Href"/>.
    /// </summary>
    [Parameter] public IReadOnlyList<string?>? SliceHrefs { get; set; }

    /// <summary>Height in CSS pixels.</summary>
    [Parameter] public int Height { get; set; } = 320;

    /// <summary>Whether the MudBlazor theme is in dark mode; switching it recolours the chart in place.</summary>
    [Parameter] public bool DarkMode { get; set; }

    /// <summary>Series colours; null takes them from <see cref="Theme"/>'s palette for the current mode.</summary>
    [Parameter] public IReadOnlyList<string>? Palette { get; set; }

    /// <summary>The app's MudBlazor theme (text, grid and series colours, font); null uses MudBlazor's default theme.</summary>
    [Parameter] public MudTheme? Theme { get; set; }

    /// <summary>Base name of the PNG, SVG and CSV downloads; defaults to <see cref="Id"/>.</summary>
    [Parameter] public string? ExportFileName { get; set; }

    /// <summary>
    /// Whether the chart offers its numbers as a table under it (its text alternative, issue 20); off only where the same
    /// numbers are in a table next to the chart already.
    /// </summary>
    [Parameter] public bool TextAlternative { get; set; } = true;

    /// <summary>Accessible description of the chart (pass it localized); also the caption of its data table.</summary>
    [Parameter] public string? AriaLabel { get; set; }

    /// <summary>Series with more points than this are downsampled with LTTB before they are sent.</summary>
    [Parameter] public int DownsampleThreshold { get; set; } = Lttb.DefaultThreshold;

    /// <summary>Extra CSS classes on the chart's host element.</summary>
    [Parameter] public string? Class { get; set; }

    // Clickable points get the pointer cursor (ApexChart.razor.css) and their labels become links in the data table.
    private bool HasLinks => Values is not null
        ? SliceHrefs?.Any(h => h is not null) == true
        : _sentSeries.Any(s => s.Data.Any(p => p.Href is not null));

    private string CssClass => (string.IsNullOrWhiteSpace(Class) ? "te-chart" : $"te-chart {Class}") + (HasLinks ? " te-chart--links" : "");

    private string HostStyle => FormattableString.Invariant($"min-height: {Height}px;");

    protected override void OnParametersSet()
    {
        if (string.IsNullOrWhiteSpace(Id))
            throw new InvalidOperationException($"{nameof(ApexChart)} needs a non-empty {nameof(Id)} that is unique on the page.");
        if (Series is not null && Values is not null)
            throw new InvalidOperationException($"{nameof(ApexChart)} '{Id}': set either {nameof(Series)} (axis charts) or {nameof(Values)} (pie, donut), not both.");
        if (Height <= 0)
            throw new InvalidOperationException($"{nameof(ApexChart)} '{Id}': {nameof(Height)} must be positive, was {Height}.");

        if (SliceHrefs is not null)
        {
            if (Values is null)
                throw new InvalidOperationException($"{nameof(ApexChart)} '{Id}': {nameof(SliceHrefs)} are for the slices of {nameof(Values)}; points of {nameof(Series)} carry {nameof(ChartPoint.Href)}.");
            foreach (var href in SliceHrefs)
                ChartHref.Check(href);
        }

        // Downsampling keeps the points it keeps (with their links), so a click's indices are looked up in what was sent.
        var series = (Series ?? []).Select(s => Lttb.Downsample(s, DownsampleThreshold)).ToList();
        _sentSeries = series;
        _seriesJson = Values is not null
            ? JsonSerializer.Serialize(Values, ChartJson.Options)
            : JsonSerializer.Serialize(series, ChartJson.Options);

        var theme = ChartTheme.From(Theme ?? DefaultTheme, DarkMode, Palette);
        _optionsJson = ChartOptionsComposer.Compose(Options, new ChartComposition(
            Id,
            Height,
            theme,
            ChartTheme.LocaleFor(CultureInfo.CurrentUICulture),
            string.IsNullOrWhiteSpace(ExportFileName) ? Id : ExportFileName,
            AnimationsOff: series.Any(s => s.Data.Count > AnimationPointLimit)));
    }

    // Runs only in an interactive render (never on a statically rendered page). Every render (first or
    // after a parameter change) brings the browser's chart up to the latest options and series.
    protected override Task OnAfterRenderAsync(bool firstRender) => SyncAsync();

    private async Task SyncAsync()
    {
        await _jsGate.WaitAsync();
        try
        {
            if (_disposed)
                return;

            // Read the latest state inside the gate: a render that waited here sends what is current
            // now, so no update is lost or sent out of order.
            var options = _optionsJson;
            var series = _seriesJson;

            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (_shownId != Id)
            {
                // First render, or a new identity (ApexCharts cannot rename a chart in place).
                if (_shownId is not null)
                    await _module.InvokeVoidAsync("destroy", _handle);
                _shownId = null;
                _self ??= DotNetObjectReference.Create(this);
                if (await _module.InvokeAsync<bool>("create", _host, _handle, options, series, _self))
                    _shownId = Id;
            }
            else if (options != _shownOptionsJson)
            {
                // One redraw for both; updateOptions merges series passed with the options.
                await _module.InvokeVoidAsync("updateOptions", _handle, options, series != _shownSeriesJson ? series : null);
            }
            else if (series != _shownSeriesJson)
            {
                await _module.InvokeVoidAsync("updateSeries", _handle, series);
            }

            _shownOptionsJson = options;
            _shownSeriesJson = series;
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; there is no browser chart left to update.
        }
        catch (TaskCanceledException ex)
        {
            // The JS call timed out or the circuit is shutting down; the next render tries again.
            LogTimedOut(Logger, ex, Id);
        }
        catch (JSException ex)
        {
            // A broken option (e.g. a formatter that is not valid JavaScript) must not take the whole
            // page down; the message names the chart and the offending option.
            LogDrawFailed(Logger, ex, Id, ex.Message);
        }
        finally
        {
            _jsGate.Release();
        }
    }

    /// <summary>
    /// Called by the module when a bar, slice, box or point is clicked (ApexCharts' <c>dataPointSelection</c> and
    /// <c>markerClick</c>): opens that point's link, if it has one. Only indices come from the browser; the link is the
    /// one this component holds, so nothing the page receives can choose where it goes.
    /// </summary>
    [JSInvokable]
    public void SelectPoint(int seriesIndex, int pointIndex)
    {
        if (HrefAt(seriesIndex, pointIndex) is { } href)
            Navigation.NavigateTo(href);
    }

    internal string? HrefAt(int seriesIndex, int pointIndex)
    {
        if (pointIndex < 0)
            return null;
        if (Values is not null)
            return SliceHrefs is { } slices && pointIndex < slices.Count ? slices[pointIndex] : null;
        return seriesIndex >= 0 && seriesIndex < _sentSeries.Count && pointIndex < _sentSeries[seriesIndex].Data.Count
            ? _sentSeries[seriesIndex].Data[pointIndex].Href
            : null;
    }

    /// <summary>Largest chart image accepted from the browser (a 2× capture of a wide chart is a few hundred KB).</summary>
    public const long MaxPngBytes = 8 * 1024 * 1024;

    /// <summary>
    /// The drawn chart as PNG bytes (ApexCharts' <c>chart.dataURI()</c>, decoded in the browser) at <paramref name="scale"/>
    /// times its on-screen size, for a report to embed in a PDF; null when the chart is not drawn (yet) or the circuit is
    /// gone. The bytes come as a stream because a data URI string would exceed the circuit's 32 KB message limit.
    /// </summary>
    public async Task<byte[]?> GetPngAsync(double scale = 2)
    {
        await _jsGate.WaitAsync();
        try
        {
            if (_disposed || _module is null || _shownId is null)
                return null;
            var reference = await _module.InvokeAsync<IJSStreamReference?>("pngStream", _handle, scale);
            if (reference is null)
                return null;
            await using (reference)
            {
                await using var stream = await reference.OpenReadStreamAsync(MaxPngBytes);
                using var png = new MemoryStream();
                await stream.CopyToAsync(png);
                return png.ToArray();
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or TaskCanceledException)
        {
            return null;
        }
        finally
        {
            _jsGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;

        await _jsGate.WaitAsync();
        try
        {
            if (_module is null)
                return;
            if (_shownId is not null)
                await _module.InvokeVoidAsync("destroy", _handle);
            await _module.DisposeAsync();
        }
        catch (Exception ex) when (ex is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // Fast navigation or a dropped circuit: the page (and with it the chart) is already gone.
        }
        finally
        {
            _module = null;
            _self?.Dispose();
            _self = null;
            _jsGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chart {ChartId} was not updated: the browser did not answer in time.")]
    private static partial void LogTimedOut(ILogger logger, Exception exception, string chartId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chart {ChartId} could not be drawn: {Reason}")]
    private static partial void LogDrawFailed(ILogger logger, Exception exception, string chartId, string reason);
}
