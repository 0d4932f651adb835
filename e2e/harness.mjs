// What every browser test shares: Debian's Chromium through playwright-core, the release build
// served locally, a record of console errors, uncaught exceptions and network requests, and
// screenshots in a folder the run prints.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDist } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.DIST ?? join(here, '..', 'dist');
export const SHOTS = join(here, 'artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic',
];

/**
 * Every page a context opens reports each Content-Security-Policy violation (the
 * `securitypolicyviolation` event) into `violations`.
 */
async function watchPolicy(context, violations) {
  await context.exposeBinding('__lstmPolicyViolation', ({ page }, v) => violations.push({ page: page?.url(), ...v }));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__lstmPolicyViolation({
      directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample,
    }));
  });
}

/**
 * The release build (or a copy of it in `dir`) served at `prefix` (default `/`; `serverOptions` go
 * to `serveDist`) and a headless Chromium. Every context the browser opens watches the security
 * policy; `close()` fails if any page broke it (a test that breaks it on purpose empties
 * `violations` itself). Contexts block the offline worker unless a test asks for it
 * (`serviceWorkers: 'allow'`), so that no test waits on its downloads.
 */
export async function startHarness(prefix = '/', dir = DIST, serverOptions = {}) {
  const server = await serveDist(dir, prefix, serverOptions);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const violations = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options = {}) => {
    const context = await newContext({ serviceWorkers: 'block', ...options });
    await watchPolicy(context, violations);
    return context;
  };
  return {
    server,
    browser,
    violations,
    async close() {
      await browser.close();
      await server.close();
      if (violations.length) {
        throw new Error(`Content-Security-Policy violations: ${JSON.stringify(violations, null, 1)}`);
      }
    },
  };
}

/** Opens a page at `path` with the given viewport and records what goes wrong on it. */
export async function openPage(harness, path, viewport = { width: 1440, height: 900 }, options = {}) {
  const context = await harness.browser.newContext({ viewport, deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [], failedResponses: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(harness.server.origin) && !url.startsWith('data:')) problems.foreignRequests.push(url);
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.failedResponses.push(`${r.status()} ${r.url()}`); });
  await page.goto(harness.server.origin + path);
  await page.locator('main.stage').waitFor({ timeout: 20000 });
  // The static page is there at once; the WebAssembly marks the scene once it has mounted it.
  if (await page.locator('#scene').count()) await page.locator('#scene[data-registered]').waitFor({ timeout: 20000 });
  return { page, context, problems };
}

export async function screenshot(page, name) {
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
