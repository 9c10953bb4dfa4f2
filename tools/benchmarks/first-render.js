// First interactive render: navigation start → circuit interactive and every chart of the page drawn (SVG present).
// Usage: start the dashboard on the demo company (Release build), then: node tools/benchmarks/first-render.js http://127.0.0.1:5080 7
// WARM=1 keeps one browser context across loads (a returning user: static files cached, culture cookie set);
// without it every load is a first visit with an empty cache.
// Uses the Node driver that ships in the Microsoft.Playwright NuGet package and the system Chromium; installs nothing.
const { chromium } = require(process.env.PLAYWRIGHT_CORE || (require('os').homedir() + '/.nuget/packages/microsoft.playwright/1.64.1/.playwright/package'));
const warm = process.env.WARM === '1';
const pages = [
  ['playground (baseline: no data, no charts)', '/playground', 0],
  ['overview /', '/', 3],
  ['program /programs/LEAN-TL', '/programs/LEAN-TL', 2],
  ['program /programs/SAFE-OPS', '/programs/SAFE-OPS', 2],
  ['cohort /cohorts/SAFE-OPS-202504', '/cohorts/SAFE-OPS-202504', 3],
  ['learner /learners/E100112 (no health snapshots yet)', '/learners/E100112', 3],
  ['compare', '/compare?cohorts=SAFE-OPS-202504,LEAN-TL-202603', 3],
];
(async () => {
  const base = process.argv[2];
  const runs = parseInt(process.argv[3] || '7');
  let shared = null;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  for (const [name, path, charts] of pages) {
    const times = [], interactive = [];
    for (let i = 0; i <= runs; i++) {
      const context = warm ? (shared ??= await browser.newContext({ viewport: { width: 1440, height: 900 } })) : await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: '.AspNetCore.Culture', value: 'c=zh-CN|uic=zh-CN', url: base }]);
      const page = await context.newPage();
      await page.goto(base + path, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.querySelector('[data-interactive=true]') !== null, null, { polling: 10 });
      const tInteractive = await page.evaluate(() => performance.now());
      await page.waitForFunction(n => document.querySelectorAll('.apexcharts-svg').length >= n, charts, { polling: 10 });
      const t = await page.evaluate(() => performance.now());
      if (i > 0) { times.push(t); interactive.push(tInteractive); } // run 0 warms up the server
      if (warm) await page.close(); else await context.close();
    }
    const sorted = a => [...a].sort((x, y) => x - y);
    const med = a => sorted(a)[Math.floor(a.length / 2)];
    console.log(`${name}: interactive median ${med(interactive).toFixed(0)} ms; all ${charts} charts drawn median ${med(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (n=${runs})`);
  }
  await browser.close();
})();
