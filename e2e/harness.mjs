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

/** The release build served at `prefix` (default `/`) and a headless Chromium. */
export async function startHarness(prefix = '/') {
  const server = await serveDist(DIST, prefix);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens a page at `path` with the given viewport and records what goes wrong on it. */
export async function openPage(harness, path, viewport = { width: 1440, height: 900 }) {
  const context = await harness.browser.newContext({ viewport, deviceScaleFactor: 1 });
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
