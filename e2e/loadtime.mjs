// Load-time figures (issue 14, point 1): how long a learner on a low-end phone waits for a lesson.
// Headless Chromium (playwright-core on Debian's /usr/bin/chromium), a 375×812 phone screen, the
// CPU slowed four times and "fast 3G" (1.44 Mbit/s down, 675 kbit/s up, 562.5 ms latency) through
// the DevTools protocol; the same figures without throttling. For each page:
//   text         First Contentful Paint of the cold visit (fresh context, empty cache), the
//                lesson's h1 checked visible in the first screen;
//   interactive  when `#scene[data-registered]` appeared (the WebAssembly mounted the live scene),
//                page time from navigation start, seen by a MutationObserver inside the page;
//   repeat       the same two after the offline worker took control, same tab, still throttled;
//   first load   the bytes the page fetched until it was interactive, raw and gzip (level 9).
// Each figure is the median of three runs. A plain static host compresses what it serves, so the
// build is served here by a small server of this script's own that sends gzip (level 9, kept in
// memory) when the browser accepts it: e2e/server.mjs does not compress and would overstate the
// network time.
//
//   node e2e/loadtime.mjs [--json out.json] [--md out.md] [--runs 3] [--pages index.html,explore.html]
//
// DIST (env) names the build, as for every browser test.
import { createServer } from 'node:http';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { DIST, startHarness } from './harness.mjs';
import { TYPES } from './server.mjs';

export const TARGETS = { text: 2000, interactive: 5000, repeat: 1000 };
export const PAGES = ['index.html', 'rnn-cell.html', 'lstm-cell.html', 'explore.html'];
export const VIEWPORT = { width: 375, height: 812 };
export const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 1.44e6 / 8,
  uploadThroughput: 675e3 / 8,
  connectionType: 'cellular3g',
};
export const CPU_SLOWDOWN = 4;

/** Every file of the build, raw and gzipped (level 9), kept in memory: path (`/x.html`) → entry. */
function readBuild(dir) {
  const root = resolve(dir);
  const files = new Map();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const raw = readFileSync(full);
        const path = `/${relative(root, full).split('\\').join('/')}`;
        files.set(path, { raw, gz: gzipSync(raw, { level: 9 }), type: TYPES[extname(full)] ?? 'application/octet-stream' });
      }
    }
  };
  if (!statSync(root).isDirectory()) throw new Error(`${root} is not a build`);
  walk(root);
  return files;
}

/** A static host that compresses: gzip when the request accepts it, nothing cached by the browser. */
export async function serveGzip(dir) {
  const files = readBuild(dir);
  const requests = [];
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      requests.push({ path, status: 404, bytes: 9 });
      return;
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? file.gz : file.raw;
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
    requests.push({ path, status: 200, bytes: body.length, gzip });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    files,
    requests,
    close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); },
  };
}

// Runs in every page before its own scripts: notes (page time) when the scene is registered and
// when the first text is painted, and says so on the console, so that the measuring side need not
// run anything in the page while it loads (Playwright's first evaluation in a document injects its
// own script, which on a CPU slowed four times would delay the very figure being measured).
function watchLoad() {
  window.__load = { interactive: null, text: null, lcp: null };
  const observer = new MutationObserver(() => {
    if (window.__load.interactive === null && document.querySelector('#scene[data-registered]')) {
      window.__load.interactive = performance.now();
      observer.disconnect();
      console.debug('lstm-load:interactive');
    }
  });
  // Attributes only: the scene's element is in the static page; the WebAssembly marks it. (Watching
  // every node the parser adds would itself slow the page it measures.)
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-registered'] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'first-contentful-paint' && window.__load.text === null) {
          window.__load.text = e.startTime;
          console.debug('lstm-load:text');
        }
      }
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__load.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch { /* not offered */ }
}

/** `promise`, or an error naming `what` after `ms`. */
function within(ms, promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, no) => { timer = setTimeout(() => no(new Error(`${what}: not within ${ms} ms`)), ms); }),
  ]);
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One visit of `url` in `page`: navigation to the scene registered, with the page's requests. */
async function visit(page, cdp, url, origin) {
  const requests = new Map();
  const onSent = (e) => {
    if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, wall: e.wallTime * 1000, encoded: 0, fromSw: false });
  };
  const onResponse = (e) => { const r = requests.get(e.requestId); if (r) r.fromSw = Boolean(e.response.fromServiceWorker); };
  const onDone = (e) => { const r = requests.get(e.requestId); if (r) r.encoded = e.encodedDataLength; };
  cdp.on('Network.requestWillBeSent', onSent);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onDone);
  try {
    // Nothing runs in the page until it is interactive (or loaded without a scene) and painted.
    let interactive;
    let text;
    const isInteractive = new Promise((ok) => { interactive = ok; });
    const isText = new Promise((ok) => { text = ok; });
    const onConsole = (m) => {
      if (m.text() === 'lstm-load:interactive') interactive();
      else if (m.text() === 'lstm-load:text') text();
    };
    page.on('console', onConsole);
    try {
      const loaded = page.waitForEvent('load', { timeout: 60000 });
      await page.goto(url, { waitUntil: 'commit', timeout: 60000 });
      await within(60000, Promise.race([
        isInteractive,
        loaded.then(async () => {
          if (await page.evaluate(() => Boolean(document.querySelector('#scene')))) await isInteractive;
        }),
      ]), `${url}: the scene registered`);
      await within(60000, isText, `${url}: first contentful paint`);
    } finally {
      page.off('console', onConsole);
    }
    const hasScene = await page.evaluate(() => Boolean(document.querySelector('#scene')));
    const h1 = page.locator('h1').first();
    const h1Visible = await h1.isVisible();
    const figures = await page.evaluate(() => {
      const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
      const nav = performance.getEntriesByType('navigation')[0];
      const h1 = document.querySelector('h1');
      const r = h1?.getBoundingClientRect();
      return {
        timeOrigin: performance.timeOrigin,
        text: window.__load.text ?? paint.startTime,
        interactive: window.__load.interactive,
        lcp: window.__load.lcp,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        // The waterfall, to see where the time went: the page itself, then each file (ms).
        waterfall: [nav, ...performance.getEntriesByType('resource')].filter(Boolean).map((e) => ({
          path: new URL(e.name).pathname, start: Math.round(e.startTime), responseStart: Math.round(e.responseStart), end: Math.round(e.responseEnd),
        })),
        h1InFirstScreen: Boolean(r && r.bottom > 0 && r.top < innerHeight && h1.textContent.trim().length),
      };
    });
    const until = figures.timeOrigin + (figures.interactive ?? figures.text);
    const fetched = [...requests.values()]
      .filter((r) => r.url.startsWith(origin) && r.wall <= until + 1)
      .map((r) => ({ path: new URL(r.url).pathname, encoded: r.encoded, fromSw: r.fromSw }));
    return { ...figures, h1Visible, hasScene, fetched };
  } finally {
    cdp.off('Network.requestWillBeSent', onSent);
    cdp.off('Network.responseReceived', onResponse);
    cdp.off('Network.loadingFinished', onDone);
  }
}

/** A cold visit in a fresh context, then (once the offline worker controls the tab) a repeat visit. */
async function coldAndRepeat(harness, origin, file, throttled) {
  const context = await harness.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'allow' });
  try {
    await context.addInitScript(watchLoad);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (throttled) {
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }
    const url = `${origin}/${file}?lang=en`;
    const cold = await visit(page, cdp, url, origin);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 90000, polling: 100 });
    // Let the worker finish keeping files before the second visit.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const repeat = await visit(page, cdp, url, origin);
    // The worker answers from its cache, or passes the request on to the network from its own
    // context, which this page's throttling does not slow: only the first is a repeat visit
    // measured honestly, so say for each file which it was.
    const kept = await page.evaluate((paths) => Promise.all(paths.map((p) => caches.match(p, { ignoreSearch: true }).then(Boolean))),
      repeat.fetched.map((f) => f.path));
    repeat.fetched.forEach((f, k) => { f.cached = kept[k]; });
    return { cold, repeat, errors };
  } finally {
    await context.close();
  }
}

/**
 * Measures every page: `runs` cold-and-repeat pairs throttled and as many unthrottled. Returns the
 * runs and their medians (milliseconds) and the first load's bytes.
 */
export async function measure({ dist = DIST, pages = PAGES, runs = 3, log = () => {} } = {}) {
  const host = await serveGzip(dist);
  const harness = await startHarness('/', dist);
  const started = Date.now();
  const result = {
    date: new Date().toISOString(),
    dist: resolve(dist),
    served: 'gzip level 9 when accepted (e2e/loadtime.mjs server), cache-control: no-cache',
    conditions: { viewport: VIEWPORT, deviceScaleFactor: 2, cpuSlowdown: CPU_SLOWDOWN, network: FAST_3G },
    targets: TARGETS,
    runs,
    // Other work on the machine slows a throttled page further: what there was, at the start and the end.
    machine: { cpus: cpus().length, loadavgStart: loadavg().map((x) => Number(x.toFixed(2))) },
    pages: {},
  };
  try {
    for (const file of pages) {
      if (!host.files.has(`/${file}`)) throw new Error(`${file} is not in ${dist}`);
      const entry = { throttled: { runs: [] }, unthrottled: { runs: [] } };
      for (const mode of ['throttled', 'unthrottled']) {
        for (let i = 0; i < runs; i += 1) {
          const r = await coldAndRepeat(harness, host.origin, file, mode === 'throttled');
          entry[mode].runs.push(r);
          log(`${file} ${mode} #${i + 1}: text ${ms(r.cold.text)} ms, interactive ${ms(r.cold.interactive)} ms,`
            + ` repeat ${ms(r.repeat.text)} / ${ms(r.repeat.interactive)} ms`);
        }
        const rs = entry[mode].runs;
        entry[mode].median = {
          text: median(rs.map((r) => r.cold.text)),
          interactive: median(rs.map((r) => r.cold.interactive)),
          lcp: median(rs.map((r) => r.cold.lcp)),
          repeatText: median(rs.map((r) => r.repeat.text)),
          repeatInteractive: median(rs.map((r) => r.repeat.interactive)),
        };
        entry[mode].h1Visible = rs.every((r) => r.cold.h1Visible && r.cold.h1InFirstScreen && r.repeat.h1Visible);
        entry[mode].repeatFromWorker = rs.every((r) => r.repeat.fetched.every((f) => f.fromSw && f.cached));
        entry[mode].repeatNotKept = [...new Set(rs.flatMap((r) => r.repeat.fetched.filter((f) => !(f.fromSw && f.cached)).map((f) => f.path)))];
        entry[mode].errors = rs.flatMap((r) => r.errors);
      }
      // The first load: what the first throttled cold visit fetched until it was interactive.
      const fetched = entry.throttled.runs[0].cold.fetched;
      const paths = [...new Set(fetched.map((f) => f.path))];
      const size = (p, k) => host.files.get(p.endsWith('/') ? `${p}index.html` : p)?.[k].length ?? 0;
      entry.firstLoad = {
        files: paths.map((p) => ({ path: p, raw: size(p, 'raw'), gzip: size(p, 'gz') })),
        raw: paths.reduce((s, p) => s + size(p, 'raw'), 0),
        gzip: paths.reduce((s, p) => s + size(p, 'gz'), 0),
        transferred: fetched.reduce((s, f) => s + f.encoded, 0),
      };
      entry.hasScene = entry.throttled.runs[0].cold.hasScene;
      result.pages[file] = entry;
    }
  } finally {
    await host.close();
    await harness.close();
  }
  result.seconds = (Date.now() - started) / 1000;
  result.machine.loadavgEnd = loadavg().map((x) => Number(x.toFixed(2)));
  return result;
}

const ms = (x) => (x === null || x === undefined ? '—' : `${Math.round(x)}`);
const kb = (b) => (b / 1024).toFixed(1);

/** The figures as a compact markdown table. */
export function markdown(result) {
  const lines = [
    `Load times, ms, median of ${result.runs} (${result.date.slice(0, 10)}). Phone 375×812, Chromium headless; `
      + `throttled = CPU ×${result.conditions.cpuSlowdown} + fast 3G (1.44 Mbit/s down, 675 kbit/s up, 562.5 ms latency). `
      + 'Served gzip level 9 by e2e/loadtime.mjs\'s own server (e2e/server.mjs does not compress). '
      + `text = first contentful paint (h1 visible), interactive = #scene registered, repeat = second visit served by the offline worker. `
      + `Targets (throttled): text ≤ ${result.targets.text}, interactive ≤ ${result.targets.interactive}, repeat ≤ ${result.targets.repeat}. `
      + `Machine: ${result.machine.cpus} cores, load average ${result.machine.loadavgStart[0]} at the start, ${result.machine.loadavgEnd[0]} at the end.`,
    '',
    '| page | text | interactive | repeat text | repeat interactive | text (no throttle) | interactive (no throttle) | repeat (no throttle) | first load KB gzip (raw) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  const notes = [];
  for (const [file, e] of Object.entries(result.pages)) {
    const t = e.throttled.median;
    const u = e.unthrottled.median;
    const flag = (x, limit) => (x !== null && x > limit ? ' ✗' : '');
    const net = e.throttled.repeatNotKept.length ? ' †' : '';
    if (net) notes.push(`† ${file}: the offline worker had not kept ${e.throttled.repeatNotKept.join(', ')}; on the repeat visit it fetched that from the network itself, where the page's throttling does not reach: the figure is too low.`);
    lines.push(`| ${file} | ${ms(t.text)}${flag(t.text, result.targets.text)} | ${ms(t.interactive)}${flag(t.interactive, result.targets.interactive)} `
      + `| ${ms(t.repeatText)}${net} | ${ms(t.repeatInteractive)}${flag(t.repeatInteractive, result.targets.repeat)}${net} `
      + `| ${ms(u.text)} | ${ms(u.interactive)} | ${ms(u.repeatInteractive ?? u.repeatText)} | ${kb(e.firstLoad.gzip)} (${kb(e.firstLoad.raw)}) |`);
  }
  if (notes.length) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

/** Every target a page missed, as sentences (empty when all are met). */
export function missed(result) {
  const out = [];
  for (const [file, e] of Object.entries(result.pages)) {
    const t = e.throttled.median;
    if (!(t.text <= result.targets.text)) out.push(`${file}: throttled text ${ms(t.text)} ms > ${result.targets.text} ms`);
    if (e.hasScene && !(t.interactive <= result.targets.interactive)) out.push(`${file}: throttled interactive ${ms(t.interactive)} ms > ${result.targets.interactive} ms`);
    const repeat = e.hasScene ? t.repeatInteractive : t.repeatText;
    if (!(repeat <= result.targets.repeat)) out.push(`${file}: throttled repeat visit ${ms(repeat)} ms > ${result.targets.repeat} ms`);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const result = await measure({
    runs: Number(opt('--runs') ?? 3),
    pages: opt('--pages')?.split(',') ?? PAGES,
    log: (s) => console.error(s),
  });
  const md = markdown(result);
  const write = (file, text) => { mkdirSync(dirname(resolve(file)), { recursive: true }); writeFileSync(file, text); };
  if (opt('--json')) write(opt('--json'), `${JSON.stringify(result, null, 1)}\n`);
  if (opt('--md')) write(opt('--md'), md);
  process.stdout.write(md);
  const misses = missed(result);
  if (misses.length) console.error(`targets missed:\n  ${misses.join('\n  ')}`);
  console.error(`${result.seconds.toFixed(0)} s`);
}
