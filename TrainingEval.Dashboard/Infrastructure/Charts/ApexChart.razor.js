// Browser half of ApexChart.razor: loads ApexCharts once, turns the JSON from .NET into options
// (building formatter functions and the locale), and keeps one ApexCharts instance per chart id.

// ApexCharts 4.7.0 (the last MIT release, see docs/charts.md): its self-contained UMD build runs as a
// classic script, started by App.razor with the page or, failing that, the first time a chart is created.
const libraryUrl = 'lib/apexcharts/apexcharts.min.js';
const localeUrl = name => `lib/apexcharts/locales/${name}.json`;
const formatterMarker = '__formatter';

// One entry per ApexChart component instance, keyed by a handle the component generates (its Id is
// ApexCharts' chart.id inside the options, and may repeat across pages during navigation).
const charts = new Map();
// Per handle: the component's DotNetObjectReference, told which point was clicked (drill-down, ChartPoint.Href).
const selectors = new Map();
const locales = new Map();
let library;

function loadLibrary() {
  if (window.ApexCharts) {
    return Promise.resolve(window.ApexCharts);
  }
  library ??= new Promise((resolve, reject) => {
    // App.razor starts loading the library with the page; wait for that script rather than adding a
    // second one (if it failed, its onerror removed it and a fresh one is added here).
    let script = document.getElementById('apexcharts-library');
    if (!script) {
      script = document.createElement('script');
      script.src = new URL(libraryUrl, document.baseURI).href;
      script.async = true;
      document.head.appendChild(script);
    }
    script.addEventListener('load', () => window.ApexCharts
      ? resolve(window.ApexCharts)
      : reject(new Error(`${libraryUrl} loaded but did not define ApexCharts.`)));
    script.addEventListener('error', () => {
      library = undefined; // allow a retry on the next chart
      script.remove();
      reject(new Error(`Could not load ${libraryUrl}; it is copied from npm at build time (see docs/charts.md).`));
    });
  });
  return library;
}

function loadLocale(name) {
  if (!locales.has(name)) {
    const request = fetch(new URL(localeUrl(name), document.baseURI))
      .then(response => {
        if (!response.ok) {
          throw new Error(`ApexCharts locale "${name}" is not available (${response.status}).`);
        }
        return response.json();
      });
    request.catch(() => locales.delete(name));
    locales.set(name, request);
  }
  return locales.get(name);
}

// Formatters arrive as {"__formatter": {"kind": …}} (ChartFormatter.cs): ApexCharts calls them synchronously, so they
// cannot be .NET callbacks, and each kind is built here from this module's own code — no code comes from the server,
// so the Content-Security-Policy needs no 'unsafe-eval'.
const formatterKinds = {
  number: ({ digits, missing, suffix, hideBelow, hideFrom }) => value => {
    if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
      return missing;
    }
    const number = typeof value === 'number' ? value : (typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN);
    if (Number.isNaN(number)) {
      return value; // a category name on a category axis
    }
    if ((hideBelow !== undefined && number < hideBelow) || (hideFrom !== undefined && number >= hideFrom)) {
      return '';
    }
    return number.toFixed(digits) + suffix;
  },
  asIs: () => value => value,
  // A donut's total label gets the chart context as its argument.
  seriesTotal: () => w => (w?.globals?.seriesTotals ?? []).reduce((a, b) => a + b, 0).toLocaleString(),
};

function reviveFormatter(key, value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return value;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== formatterMarker) {
    return value;
  }
  const spec = value[formatterMarker];
  const build = formatterKinds[spec?.kind];
  if (!build) {
    throw new Error(`Chart option "${key}" names an unknown formatter kind "${spec?.kind}".`);
  }
  return build(spec);
}

// ApexCharts keeps the tooltip settings it was created with and rebuilds the tooltip element with
// them on every redraw, so after a light/dark switch the tooltip would keep the old theme.
function syncTooltipTheme(chart) {
  const theme = chart.w?.config?.tooltip?.theme;
  if (theme !== 'light' && theme !== 'dark') {
    return;
  }
  for (const tooltip of chart.el?.querySelectorAll('.apexcharts-tooltip') ?? []) {
    tooltip.classList.remove('apexcharts-theme-light', 'apexcharts-theme-dark');
    tooltip.classList.add(`apexcharts-theme-${theme}`);
  }
}

// ApexCharts writes tooltip titles, series names in tooltips, legend entries and the x-axis crosshair tooltip into
// the page as HTML (innerHTML); axis labels, titles, data labels and annotations are SVG text and safe. Names come
// from imported data (a learner imported as <img src=x onerror=…> must not run for whoever hovers the chart, issue 19),
// so every text bound for one of those HTML sinks is escaped here, in the one place every chart passes through.
const htmlEntities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => htmlEntities[c]);
}

function escaped(formatter, fallback = v => v) {
  return (value, context) => escapeHtml((formatter ?? fallback)(value, context));
}

function escapeHtmlSinks(options) {
  const tooltip = options.tooltip ?? (options.tooltip = {});
  tooltip.x = { ...tooltip.x, formatter: escaped(tooltip.x?.formatter) };
  const escapeY = y => ({ ...y, title: { ...y?.title, formatter: escaped(y?.title?.formatter) } });
  tooltip.y = Array.isArray(tooltip.y) ? tooltip.y.map(escapeY) : escapeY(tooltip.y);
  const legend = options.legend ?? (options.legend = {});
  legend.formatter = escaped(legend.formatter);
  for (const axis of [options.xaxis].flat().filter(Boolean)) {
    axis.tooltip = { ...axis.tooltip, formatter: escaped(axis.tooltip?.formatter) };
  }
}

// A click on a bar, slice or box (dataPointSelection, on mousedown) or on a point of a line, scatter or radar
// (markerClick, on mouseup; a line's shared tooltip reports the nearest point) tells .NET the series and point index.
// The component looks up the point's link itself: only indices cross, never a URL. One click can raise both events
// (a scatter marker), so a second report within a moment is dropped. Legend clicks select with no event: ignored.
function selectPoint(handle, event, seriesIndex, dataPointIndex) {
  const selector = selectors.get(handle);
  if (!selector || !event || !Number.isInteger(seriesIndex) || !Number.isInteger(dataPointIndex) || dataPointIndex < 0) {
    return;
  }
  const now = Date.now();
  if (selector.last && now - selector.last < 400) {
    return;
  }
  selector.last = now;
  selector.dotNet.invokeMethodAsync('SelectPoint', Math.max(seriesIndex, 0), dataPointIndex).catch(() => { });
}

async function parseOptions(optionsJson, handle) {
  const options = JSON.parse(optionsJson, reviveFormatter);
  escapeHtmlSinks(options);
  const chart = options.chart ?? (options.chart = {});
  chart.events = {
    ...chart.events,
    updated: syncTooltipTheme,
    dataPointSelection: (event, _, config) => selectPoint(handle, event, config?.seriesIndex, config?.dataPointIndex),
    markerClick: (event, _, config) => selectPoint(handle, event, config?.seriesIndex, config?.dataPointIndex),
  };
  const name = chart.defaultLocale;
  if (name && name !== 'en' && !chart.locales) {
    chart.locales = [await loadLocale(name)];
  }
  return options;
}

// ApexCharts 4.7.0 remembers the options of each updateOptions call and skips the redraw when the next
// options are "identical" (apexcharts.js#5057, #5067, #5072). It compares the remembered copy with the very
// same object after updateOptions has prepared it, so every update whose options come through that preparation
// unchanged (a colour, a formatter, categories) is silently dropped until the window is resized. The component
// only ever sends options whose JSON changed, so the skip has nothing to save here: the instance's memory of
// the last options is pinned to null, which is also what ApexCharts starts and ends (destroy) with.
function disableIdenticalOptionsSkip(chart) {
  Object.defineProperty(chart, 'lastUpdateOptions', {
    configurable: true,
    get: () => null,
    set: () => { },
  });
}

/** Creates the chart in element; false when the element left the page while loading (fast navigation). */
export async function create(element, handle, optionsJson, seriesJson, dotNet) {
  const [ApexCharts, options] = await Promise.all([loadLibrary(), parseOptions(optionsJson, handle)]);
  if (!element || !element.isConnected) {
    return false;
  }
  destroy(handle);
  if (dotNet) {
    selectors.set(handle, { dotNet, last: 0 });
  }
  options.series = JSON.parse(seriesJson);
  // The first draw is not animated: the entry animation repaints for most of a second on the same main
  // thread that is still drawing the page's other charts. Later updates (what-if, live scores) animate
  // as configured; ApexCharts reads the flag from its config on every redraw.
  const animations = options.chart.animations ?? (options.chart.animations = {});
  const animateUpdates = animations.enabled !== false;
  animations.enabled = false;
  const chart = new ApexCharts(element, options);
  disableIdenticalOptionsSkip(chart);
  charts.set(handle, chart);
  await chart.render();
  chart.w.config.chart.animations.enabled = animateUpdates;
  return true;
}

export async function updateSeries(handle, seriesJson) {
  const chart = charts.get(handle);
  if (!chart) {
    return false;
  }
  await chart.updateSeries(JSON.parse(seriesJson));
  return true;
}

/** Merges new options (and, when given, new series) into the chart in one redraw. */
export async function updateOptions(handle, optionsJson, seriesJson) {
  const chart = charts.get(handle);
  if (!chart) {
    return false;
  }
  const options = await parseOptions(optionsJson, handle);
  if (seriesJson) {
    options.series = JSON.parse(seriesJson);
  }
  // An update that carries `theme` makes ApexCharts overwrite chart.foreColor (in the very object
  // passed in) with its own default for the mode (#373d3f / #f6f7f8), so the MudBlazor text colour
  // is read first and put back with a second update.
  const foreColor = options.chart?.foreColor;
  await chart.updateOptions(options);
  if (options.theme && foreColor && chart.w?.config?.chart?.foreColor !== foreColor) {
    await chart.updateOptions({ chart: { foreColor } }, false, false);
  }
  return true;
}

export function destroy(handle) {
  const chart = charts.get(handle);
  charts.delete(handle);
  selectors.delete(handle);
  chart?.destroy();
}

/**
 * The chart as a PNG data URI (ApexCharts' chart.dataURI()), for reports that embed charts in a PDF; null when
 * the chart is not drawn. Animations are off for the capture so a chart mid-animation is not caught half drawn.
 */
export async function dataUri(handle, scale) {
  const chart = charts.get(handle);
  if (!chart) {
    return null;
  }
  const result = await chart.dataURI({ scale: scale ?? 2 });
  return result?.imgURI ?? null;
}

/**
 * The chart's PNG as a stream for .NET: a data URI of a report chart is larger than the 32 KB a Blazor Server
 * circuit accepts in one message from the browser, so the bytes travel as a JS stream reference instead.
 */
export async function pngStream(handle, scale) {
  const uri = await dataUri(handle, scale);
  if (!uri || !uri.startsWith('data:image/png;base64,')) {
    return null;
  }
  const binary = atob(uri.substring(uri.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  // Blazor wraps a returned typed array into the IJSStreamReference the .NET side asked for.
  return bytes;
}
