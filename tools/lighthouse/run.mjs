// Lighthouse (12.2.3, desktop preset) on the dashboard's main pages, signed in, one line per page (issue 20).
//
// Usage: start the dashboard on the demo company (Release, see docs/benchmarks.md), then
//   cd tools/lighthouse && npm ci && node run.mjs http://127.0.0.1:5094
// USER_NAME / PASSWORD choose the account (default: the demo analyst); CULTURE=zh-CN|en (default zh-CN);
// COHORT, LEARNER and PROGRAM pick the records (the demo company is generated relative to its first day);
// PAGES='/a /b' limits the run. The mentor workspace and /me are opened as the demo mentor and learner.
// Only loopback is accepted. Chromium: CHROME_PATH, default /usr/bin/chromium.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer from 'puppeteer-core';

const base = process.argv[2];
if (!base) {
  console.error('usage: node run.mjs <base-url>');
  process.exit(2);
}
const origin = new URL(base);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(origin.hostname)) {
  console.error('Lighthouse is only run against loopback');
  process.exit(2);
}
const culture = process.env.CULTURE || 'zh-CN';
const cohort = process.env.COHORT || 'LEAN-TL-202501';
const learner = process.env.LEARNER || 'E101746';
const program = process.env.PROGRAM || 'LEAN-TL';
const accounts = {
  analyst: [process.env.USER_NAME || 'analyst', process.env.PASSWORD || 'Demo-Analyst-2026'],
  mentor: ['mentor', 'Demo-Mentor-2026'],
  learner: ['learner', 'Demo-Learner-2026'],
};
// [label, path, account]
let pages = [
  ['overview', '/', 'analyst'],
  [`cohort ${cohort}`, `/cohorts/${cohort}`, 'analyst'],
  [`learner ${learner}`, `/learners/${learner}`, 'analyst'],
  [`program history ${program}`, `/programs/${program}`, 'analyst'],
  ['mentor workspace', '/mentor', 'mentor'],
  ['my learning (/me)', '/me', 'learner'],
  ['reports', '/reports', 'analyst'],
];
if (process.env.PAGES) {
  const only = process.env.PAGES.split(' ');
  pages = pages.filter(([, path]) => only.includes(path));
}

// Signs in through the real form (antiforgery token and its cookie) and returns the session's cookies.
async function signIn([user, password]) {
  const jar = new Map();
  const keep = response => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  jar.set('.AspNetCore.Culture', encodeURIComponent(`c=${culture}|uic=${culture}`));
  const form = await fetch(new URL('/account/login', origin), { headers: { cookie: header() } });
  keep(form);
  const token = (await form.text()).match(/name="__RequestVerificationToken" value="([^"]+)"/)?.[1];
  if (!token) throw new Error('The sign-in page has no antiforgery token.');
  const body = new URLSearchParams({ _handler: 'login', 'Input.UserName': user, 'Input.Password': password, __RequestVerificationToken: token });
  const posted = await fetch(new URL('/account/login', origin), {
    method: 'POST', body, redirect: 'manual', headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
  });
  keep(posted);
  if (posted.status !== 302) throw new Error(`Signing in as ${user} failed: ${posted.status}.`);
  return [...jar].map(([name, value]) => ({ name, value, url: origin.origin }));
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
const cookies = {};
const pct = score => (score == null ? '–' : score.toFixed(2));
try {
  console.log(`Lighthouse 12.2.3, desktop preset, ${culture}, ${new Date().toISOString()}`);
  for (const [label, path, account] of pages) {
    cookies[account] ??= await signIn(accounts[account]);
    // The session's cookies in the browser itself (a Cookie header would not reach the circuit's WebSocket), kept
    // through the run: Lighthouse's storage reset would sign the page out. The HTTP cache is still cleared.
    const page = await browser.newPage();
    const client = await page.createCDPSession();
    await client.send('Network.clearBrowserCookies');
    await page.setCookie(...cookies[account]);
    await client.send('Network.clearBrowserCache');
    const result = await lighthouse(new URL(path, origin).toString(), {
      output: 'json',
      logLevel: 'error',
      disableStorageReset: true,
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    }, (await import('lighthouse/core/config/desktop-config.js')).default, page);
    await page.close();
    const { categories, audits } = result.lhr;
    const ms = id => Math.round(audits[id]?.numericValue ?? NaN);
    const kb = Math.round((audits['total-byte-weight']?.numericValue ?? NaN) / 1024);
    console.log(`${label.padEnd(28)} performance ${pct(categories.performance.score)}  accessibility ${pct(categories.accessibility.score)}  ` +
      `best practices ${pct(categories['best-practices'].score)}  FCP ${ms('first-contentful-paint')} ms  LCP ${ms('largest-contentful-paint')} ms  ` +
      `TBT ${ms('total-blocking-time')} ms  CLS ${(audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)}  ${kb} KB` +
      (new URL(result.lhr.finalDisplayedUrl).pathname !== new URL(path, origin).pathname ? `  (ended at ${result.lhr.finalDisplayedUrl})` : ''));
    // What keeps a score below 1 (binary audits that failed), so a line says what to fix.
    const failed = ['accessibility', 'best-practices'].flatMap(c => categories[c].auditRefs
      .filter(r => r.weight > 0 && audits[r.id].score !== null && audits[r.id].score < 1).map(r => r.id));
    if (failed.length > 0)
      console.log(`${''.padEnd(28)} failed: ${failed.join(', ')}`);
    if (process.env.DETAILS)
      for (const id of failed)
        for (const item of audits[id].details?.items ?? [])
          console.log(`${''.padEnd(30)}${id}: ${item.node?.selector ?? ''} ${item.node?.snippet ?? ''}`.slice(0, 300));
  }
} finally {
  await browser.disconnect();
  await chrome.kill();
}
