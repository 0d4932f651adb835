// The two engines besides Chromium, both from Debian, behind one small interface that
// engines.test.mjs drives page by page:
//   Firefox ESR (/usr/bin/firefox-esr) through npm puppeteer-core over WebDriver BiDi;
//   WebKitGTK's MiniBrowser through Debian's WebKitWebDriver over classic W3C WebDriver (plain
//   HTTP with fetch, no client library), on a virtual display (Xvfb) that the test starts.
// Neither downloads a browser. Each engine's `close()` ends every process it started.
//
// The interface: open(url), js(fn, ...args) (a self-contained function run in the page, its
// JSON-able result returned), click(selector), press(key) (to the focused element),
// screenshot(file), problems() (the JavaScript errors seen since the last call, emptied by it),
// close().
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const FIREFOX = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
// Debian's libwebkit2gtk-4.1-0 (a dependency of webkit2gtk-driver) ships it in the arch's lib folder.
export const MINIBROWSER = readdirSync('/usr/lib').map((d) => `/usr/lib/${d}/webkit2gtk-4.1/MiniBrowser`).find(existsSync)
  ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const VIEWPORT = { width: 1440, height: 900 };

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// ---------------------------------------------------------------------------------------------
// Firefox ESR

/**
 * Puppeteer's `pageerror` (uncaught exceptions, unhandled rejections and what Firefox itself
 * logs as a JavaScript error, e.g. a Content-Security-Policy block: BiDi `log.entryAdded` of
 * type javascript) and console `error` messages are the errors. Firefox's own CSP message does
 * not say which script did it, so a preload script (BiDi `script.addPreloadScript`, run before
 * any of the page's own) also reports each `securitypolicyviolation` event, with its source, as
 * a console error. Requests that fail without an HTTP answer (`requestfailed`) count too, except
 * those aborted by leaving the page.
 */
export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: VIEWPORT,
    // Nothing phones home from the test machine.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  const page = await browser.newPage();
  let errors = [];
  let opened = '';
  // Firefox's own report of a blocked inline style names the style's hash, different for each
  // style: without it, the same fault is one message (counted), not one per element.
  page.on('pageerror', (e) => errors.push(`pageerror: ${String(e?.message ?? e).replace(/'sha256-[^']*'/g, "'sha256-…'")}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (!/ABORT/i.test(why)) errors.push(`request failed: ${r.url()} ${why}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const t = e.target?.tagName ? ` on <${e.target.tagName.toLowerCase()}${e.target.id ? `#${e.target.id}` : ''}>` : '';
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI}${t} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return {
    name: 'firefox',
    version: await browser.version(),
    async open(url) {
      opened = url;
      await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    },
    js: (fn, ...args) => page.evaluate(fn, ...args),
    async click(selector) { await page.click(selector); },
    async press(key) { await page.keyboard.press(key); },
    async screenshot(file) { await page.screenshot({ path: file }); },
    problems() { const e = errors; errors = []; return e; },
    get url() { return opened; },
    async close() { await browser.close(); },
  };
}

// ---------------------------------------------------------------------------------------------
// WebKit

/**
 * Classic WebDriver has no log API, and this WebKitWebDriver (2.50) turns down `webSocketUrl`
 * (no BiDi), so the page reports its own errors: the test serves a copy of the build in which
 * every page's head starts with `<script src="engines-watch.js">` (right after `<meta charset>`;
 * allowed by the site's policy, `script-src 'self'`), a classic script that runs before any of
 * the page's own. It records, as JSON in the DOM attribute `data-engines-problems` on <html>:
 * uncaught exceptions (`error` on window), unhandled promise rejections, failed loads of
 * scripts, styles and images (`error` events caught on the way down), console.error calls, and
 * Content-Security-Policy violations.
 * What it cannot see: console messages the engine writes itself (e.g. a WebAssembly compile
 * warning, a failed fetch() that the page catches and does not report), errors inside workers
 * (the offline worker's own), and errors raised before the script runs (there are none: it is
 * the first element after <meta charset>). A request the server answered with 4xx is caught
 * by the server's own record, in every engine.
 */
const WATCH = `(() => {
  const root = document.documentElement;
  const note = (kind, text) => {
    let list = [];
    try { list = JSON.parse(root.getAttribute('data-engines-problems') || '[]'); } catch (_) { /* keep [] */ }
    list.push(kind + ': ' + text);
    root.setAttribute('data-engines-problems', JSON.stringify(list));
  };
  root.setAttribute('data-engines-problems', '[]');
  addEventListener('error', (e) => {
    if (e.target && e.target !== window && e.target.tagName) {
      note('failed to load', e.target.tagName + ' ' + (e.target.src || e.target.href || ''));
    } else {
      note('uncaught', (e.message || String(e.error)) + ' at ' + e.filename + ':' + e.lineno);
    }
  }, true);
  addEventListener('unhandledrejection', (e) => {
    const r = e.reason;
    note('unhandled rejection', r && r.stack ? r.message + ' ' + r.stack.split('\\n')[0] : String(r));
  });
  document.addEventListener('securitypolicyviolation', (e) => {
    const t = e.target && e.target.tagName ? ' on <' + e.target.tagName.toLowerCase() + (e.target.id ? '#' + e.target.id : '') + '>' : '';
    note('Content-Security-Policy violation', e.violatedDirective + ' blocked ' + e.blockedURI + t + ' (' + e.sourceFile + ':' + e.lineNumber + ')');
  });
  const error = console.error.bind(console);
  console.error = (...args) => { note('console.error', args.map(String).join(' ')); error(...args); };
})();
`;

/** A copy of `dist` in a new temporary folder, every page with the watch script first. */
export async function watchedCopy(dist) {
  const dir = await mkdtemp(join(tmpdir(), 'engines-webkit-'));
  await cp(dist, dir, { recursive: true });
  await writeFile(join(dir, 'engines-watch.js'), WATCH);
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.html'))) {
    const html = await readFile(join(dir, file), 'utf8');
    const at = html.search(/<meta charset[^>]*>/i);
    if (at < 0) throw new Error(`${file} has no <meta charset>`);
    const end = html.indexOf('>', at) + 1;
    await writeFile(join(dir, file), `${html.slice(0, end)}<script src="engines-watch.js"></script>${html.slice(end)}`);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function startProcess(cmd, args, options) {
  const child = spawn(cmd, args, options);
  let log = '';
  child.stderr?.on('data', (d) => { log = (log + d).slice(-4000); });
  const exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  return {
    child,
    get log() { return log; },
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exited, sleep(5000).then(() => null)]);
      if (!done) { child.kill('SIGKILL'); await exited; }
    },
  };
}

/** Xvfb on the first free display (it writes the number it took to fd 3). */
async function startXvfb() {
  const xvfb = startProcess('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise((ok, fail) => {
    let s = '';
    xvfb.child.stdio[3].on('data', (d) => { s += d; if (s.includes('\n')) ok(`:${s.trim()}`); });
    xvfb.exited.then(() => fail(new Error(`Xvfb exited: ${xvfb.log}`)));
    xvfb.child.once('error', fail);
  });
  return { xvfb, display };
}

async function freePort() {
  const { createServer } = await import('node:net');
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

const KEYS = { ArrowRight: '\uE014', ArrowLeft: '\uE012', Enter: '\uE007' };

export async function launchWebKit() {
  const { xvfb, display } = await startXvfb();
  let driver;
  let session;
  const stopAll = async () => {
    await driver?.stop();
    await xvfb.stop();
  };
  try {
    const port = await freePort();
    driver = startProcess(WEBKIT_DRIVER, [`--port=${port}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DISPLAY: display, NO_AT_BRIDGE: '1' },
    });
    const base = `http://127.0.0.1:${port}`;
    const call = async (method, path, body) => {
      const res = await fetch(base + path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
      return json.value;
    };
    for (let i = 0; ; i++) {
      try { if ((await call('GET', '/status')).ready !== undefined) break; } catch (e) {
        if (i > 100 || driver.child.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${e.message} ${driver.log}`);
        await sleep(100);
      }
    }
    session = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          timeouts: { script: 30000, pageLoad: 30000, implicit: 0 },
        },
      },
    });
    const S = `/session/${session.sessionId}`;
    await call('POST', `${S}/window/rect`, { x: 0, y: 0, ...VIEWPORT }).catch(() => {});
    const js = (fn, ...args) => call('POST', `${S}/execute/sync`, { script: `return (${fn}).apply(null, arguments);`, args });
    let opened = '';
    return {
      name: 'webkit',
      version: session.capabilities.browserVersion,
      async open(url) {
        opened = url;
        await call('POST', `${S}/url`, { url });
        const watched = await js(() => document.documentElement.hasAttribute('data-engines-problems'));
        if (!watched) throw new Error(`the watch script did not run on ${url}`);
      },
      js,
      async click(selector) {
        const el = await call('POST', `${S}/element`, { using: 'css selector', value: selector });
        await call('POST', `${S}/element/${Object.values(el)[0]}/click`, {});
      },
      async press(key) {
        const value = KEYS[key] ?? key;
        await call('POST', `${S}/actions`, {
          actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
        });
        await call('DELETE', `${S}/actions`).catch(() => {});
      },
      async screenshot(file) {
        await writeFile(file, Buffer.from(await call('GET', `${S}/screenshot`), 'base64'));
      },
      // Each page records its own; reading takes what the current page has and clears it.
      async problems() {
        return js(() => {
          const root = document.documentElement;
          const list = JSON.parse(root.getAttribute('data-engines-problems') || '[]');
          root.setAttribute('data-engines-problems', '[]');
          return list;
        });
      },
      get url() { return opened; },
      async close() {
        try { await call('DELETE', S); } catch { /* the browser may be gone already */ }
        await stopAll();
      },
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
