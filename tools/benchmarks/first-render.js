// First interactive render of every dashboard page, in headless Chromium against a running dashboard.
//
// Usage: start the dashboard on the demo company (Release build, see docs/benchmarks.md), then
//   node tools/benchmarks/first-render.js http://127.0.0.1:5080 [runs=7]
// Modes (MODE=cold|warm|nav, default cold):
//   cold  every load is a first visit in a fresh browser context: empty cache, new circuit;
//   warm  one browser context across loads: a returning user (static files cached, V8 code cache), new circuit each load;
//   nav   in-app navigation inside one circuit: from a page without charts, Blazor.navigateTo(page) as a link click does.
// Reported per page (median and max of `runs` loads after one warm-up load):
//   interactive  navigation start → the page's first interactive render is in the DOM with its data (the layout's
//                [data-interactive=true] marker, the page's own title, no loading skeleton left);
//   charts       … → every ApexCharts chart of the page has drawn its SVG.
// USER_NAME / PASSWORD choose the account (default: the demo analyst; USER_NAME=none: no sign-in); CULTURE=en|zh-CN (default zh-CN).
// The demo company is generated relative to the day of its first start, so codes differ between databases:
// COHORT (a large cohort), COMPARE (two cohort codes, comma-separated) and LEARNER (an employee number with
// several scored cohorts) pick the records; PAGES='/a /b' limits the run to those paths.
// Uses the Node driver that ships in the Microsoft.Playwright NuGet package and the system Chromium; installs nothing.
const { chromium } = require(process.env.PLAYWRIGHT_CORE || (require('os').homedir() + '/.nuget/packages/microsoft.playwright/1.64.1/.playwright/package'));

const mode = process.env.MODE || 'cold';
const culture = process.env.CULTURE || 'zh-CN';
const only = process.env.PAGES ? process.env.PAGES.split(' ') : null;
const cohort = process.env.COHORT || 'SAFE-OPS-202408';
const compare = process.env.COMPARE || 'SAFE-OPS-202408,LEAN-TL-202603';
const learner = process.env.LEARNER || 'E101746';
// [label, path, number of charts]
const pages = [
  ['playground (no data, no charts)', '/playground', 0],
  ['overview', '/', 3],
  ['programs list', '/programs', 0],
  ['program LEAN-TL', '/programs/LEAN-TL', 2],
  ['program SAFE-OPS (676 learners)', '/programs/SAFE-OPS', 2],
  ['cohorts list', '/cohorts', 0],
  [`cohort ${cohort}`, `/cohorts/${cohort}`, 3],
  ['learners list', '/learners', 0],
  [`learner ${learner}`, `/learners/${learner}`, 4],
  ['compare 2 cohorts', `/compare?cohorts=${compare}`, 4],
  ['mentor workspace (staff view)', '/mentor', 0],
  ['reports index', '/reports', 0],
  ['effectiveness report', `/reports/cohorts/${cohort}`, 2],
].filter(([, path]) => !only || only.includes(path));

const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const sorted = a => [...a].sort((x, y) => x - y);
const median = a => sorted(a)[Math.floor(a.length / 2)];
const fmt = a => a.length ? `${median(a).toFixed(0).padStart(5)} ms (max ${Math.max(...a).toFixed(0)})` : '—';

async function signIn(browser, base) {
  if (process.env.USER_NAME === 'none') // an app without sign-in, e.g. the empty Blazor app of the "floor" measurement
    return { cookies: [], origins: [] };
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/account/login?returnUrl=%2Fplayground');
  await page.getByTestId('login-user').fill(process.env.USER_NAME || 'analyst');
  await page.getByTestId('login-password').fill(process.env.PASSWORD || 'Demo-Analyst-2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(u => !u.pathname.startsWith('/account'));
  const state = await context.storageState();
  await context.close();
  state.cookies.push({ name: '.AspNetCore.Culture', value: `c=${culture}|uic=${culture}`, domain: new URL(base).hostname, path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' });
  return state;
}

// The marks are recorded inside the page, with performance.now() (relative to navigation start), by a check
// every 10 ms installed before the document loads. Polling from Playwright instead (waitForFunction) evaluates
// Playwright's own injected script, ~0.1 s of main-thread time, in the middle of the load it measures; a
// MutationObserver on the whole document would queue a record for every node ApexCharts adds.
// "Interactive": the layout's marker, the page's own title (App.razor's static one is plain "TrainingEval")
// and no loading skeleton left.
function installMarks(path) {
  clearInterval(window.__firstRenderTimer);
  const marks = window.__firstRender = { start: performance.now(), interactive: null, charts: [] };
  const check = () => {
    const now = performance.now();
    if (marks.interactive === null && location.pathname === path && document.querySelector('[data-interactive=true]') !== null
      && document.title !== 'TrainingEval' && !document.title.startsWith('\u200b')
      && document.querySelector('.mud-skeleton') === null) {
      marks.interactive = now;
    }
    const drawn = document.querySelectorAll('.apexcharts-svg').length;
    while (marks.charts.length < drawn) marks.charts.push(now);
  };
  window.__firstRenderTimer = setInterval(check, 10);
  check();
}

// Reads the marks with a plain evaluate every 50 ms (cheap) until the page is interactive and has drawn its charts.
async function waitForMarks(page, charts) {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await page.waitForTimeout(50)) {
    const marks = await page.evaluate(() => window.__firstRender ?? null);
    if (marks && marks.interactive !== null && marks.charts.length >= charts) {
      return { interactive: marks.interactive - marks.start, drawn: (charts ? marks.charts[charts - 1] : marks.interactive) - marks.start };
    }
  }
  throw new Error(`${page.url()}: not interactive with ${charts} charts after 30 s`);
}

async function measureLoad(context, base, path, charts) {
  const page = await context.newPage();
  await page.goto(base + path, { waitUntil: 'commit' });
  const marks = await waitForMarks(page, charts);
  return { page, ...marks };
}

(async () => {
  const base = process.argv[2].replace(/\/$/, '');
  const runs = parseInt(process.argv[3] || '7');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: launchArgs });
  const storageState = await signIn(browser, base);
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState });
    // On a full load the marks count from navigation start (performance.now() = 0).
    await context.addInitScript(`(${installMarks})(location.pathname); window.__firstRender.start = 0;`);
    return context;
  };
  console.log(`mode ${mode}, culture ${culture}, ${runs} runs per page after one warm-up`);

  let shared = mode === 'cold' ? null : await newContext();
  let navPage = null;
  for (const [label, path, charts] of pages) {
    const interactive = [], drawn = [];
    for (let i = 0; i <= runs; i++) {
      let result;
      if (mode === 'nav') {
        if (!navPage) ({ page: navPage } = await measureLoad(shared, base, '/playground', 0));
        // Leave for a page without charts (the playground, or the learners list when the playground is measured),
        // then navigate the way a link click does: no reload, same circuit.
        const origin = path === '/playground' ? '/learners' : '/playground';
        await navPage.evaluate(o => window.Blazor.navigateTo(o), origin);
        await navPage.waitForFunction(o => location.pathname === o && document.querySelectorAll('.apexcharts-svg').length === 0
          && document.querySelector('.mud-skeleton') === null && document.title !== '' && !document.title.startsWith('\u200b'), origin);
        await navPage.waitForTimeout(300); // let the origin's title settle before it is replaced by a sentinel
        await navPage.evaluate(() => { document.title = '\u200bleaving'; });
        const target = new URL(path, base).pathname;
        await navPage.evaluate(`(${installMarks})(${JSON.stringify(target)}); window.Blazor.navigateTo(${JSON.stringify(path)});`);
        result = await waitForMarks(navPage, charts);
      } else {
        const context = shared ?? await newContext();
        const load = await measureLoad(context, base, path, charts);
        result = load;
        if (shared) await load.page.close(); else await context.close();
      }
      if (i > 0) { interactive.push(result.interactive); drawn.push(result.drawn); } // run 0 warms the server up
    }
    console.log(`${label.padEnd(40)} interactive ${fmt(interactive)}   charts drawn ${charts ? fmt(drawn) : '—'}`);
  }
  await browser.close();
})();
