// Offline: after one visit the whole site works with the network cut. A copy of the release build
// is served under a sub-path; the learner opens one lesson, the offline worker (sw.js, written by
// src/site.rs) keeps every file, then the server drops every connection:
// every page opens by its URL, its scene starts, a plot's lab arrives, a step forward works, and
// nothing reaches the server.
// Then a new release (another sw.js) replaces the old cache once no tab shows the old one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, openPage, startHarness } from './harness.mjs';

const PREFIX = '/course/lstm/';
const PAGES = readdirSync(DIST).filter((f) => f.endsWith('.html')).sort();

/** A copy of the release build in a new temporary folder, that a test may change. */
function copyOfDist(name) {
  const dir = mkdtempSync(join(tmpdir(), `lstm-${name}-`));
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/** The copy in `dir` served at PREFIX (with `serverOptions`) for the tests of one `describe`. */
function servedCopy(dir, serverOptions) {
  const served = { harness: null };
  before(async () => { served.harness = await startHarness(PREFIX, dir, serverOptions); });
  after(async () => { await served.harness?.close(); rmSync(dir, { recursive: true, force: true }); });
  return served;
}

const copy = copyOfDist('offline');

/** Waits until `check()` (run here, in node) is true, asking every 100 ms for up to 20 s. */
async function until(check, what) {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** The names of the worker's caches, from inside a page. */
const cacheNames = (page) => page.evaluate(() => caches.keys());
// The release's cache, by the name src/site.rs gives it (the worker is minified: read the name).
const workerCache = (dir = copy) => /lstm-explorer-offline-[0-9a-f]{16}/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))[0];

describe('offline, after one visit', () => {
  const served = servedCopy(copy);
  let harness;
  before(() => { harness = served.harness; });
  let context;
  let page;
  let problems;

  it('the first visit installs the worker, which keeps every file of the build', async () => {
    ({ page, context, problems } = await openPage(harness, `${PREFIX}index.html?lang=en`, undefined, { serviceWorkers: 'allow' }));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    assert.deepEqual(await cacheNames(page), [workerCache()]);
    const kept = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), workerCache());
    const files = [];
    const walk = (dir, rel) => readdirSync(dir, { withFileTypes: true }).forEach((e) => (e.isDirectory()
      ? walk(join(dir, e.name), `${rel}${e.name}/`) : files.push(`${rel}${e.name}`)));
    walk(copy, '');
    const expected = [PREFIX, ...files.filter((f) => f !== 'sw.js').map((f) => PREFIX + f)].sort();
    assert.deepEqual(kept.sort(), expected);
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [], failedResponses: [] });
  });

  it('with the site unreachable (its server drops every connection), every lesson works', async () => {
    harness.server.cut(true);
    const before = harness.server.requests.length;
    let plots = 0;
    for (const file of PAGES) {
      await page.goto(`${harness.server.origin}${PREFIX}${file}?lang=ko`);
      await page.locator('main.stage').waitFor();
      if (await page.locator('#scene').count()) await page.locator('#scene[data-registered]').waitFor({ timeout: 20000 });
      const next = page.getByTestId('lesson-next');
      if (await next.count()) {
        await next.click();
        assert.equal(await page.locator('.step-now').first().textContent(), '2', `${file}: stepped`);
      }
      const plot = page.locator('figure.plot[aria-busy]');
      if (await plot.count()) {
        await plot.first().and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30000 });
        plots += 1;
      }
      assert.ok((await page.locator('h1').first().textContent()).length > 0, `${file}: text shown`);
    }
    // A request the worker did not answer would have reached the server, which records it.
    assert.deepEqual(harness.server.requests.slice(before), [], 'nothing reached the server: all came from the cache');
    assert.ok(plots >= 5, `the lab drew the plots offline (${plots} pages)`);
    assert.ok(await page.evaluate(async () => (await fetch('./favicon.svg')).ok), 'the icon too');
    console.log(`# offline walk: ${PAGES.length} pages opened by their URL, stepped and drawn (${plots} plots too) while the site's server dropped every connection; nothing reached it`);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    harness.server.cut(false);
  });

  it('a new release waits while a tab shows the old one, then takes over and drops the old cache', async () => {
    const old = workerCache();
    const sw = readFileSync(join(copy, 'sw.js'), 'utf8');
    // What a new build writes: another cache name (src/site.rs names it by every file's bytes).
    writeFileSync(join(copy, 'sw.js'), sw.split(old).join('lstm-explorer-offline-next'));
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await until(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), 'the new worker waits');
    assert.deepEqual((await cacheNames(page)).sort(), ['lstm-explorer-offline-next', old].sort(),
      'the new release is kept beside the old one, which still serves the open tab');
    // No tab shows the old release any more; the next visit is the new one's.
    await page.goto('about:blank');
    await page.goto(`${harness.server.origin}${PREFIX}rnn-cell.html?lang=en`);
    await until(async () => (await cacheNames(page)).join() === 'lstm-explorer-offline-next', 'only the new cache is left');
    assert.deepEqual(await cacheNames(page), ['lstm-explorer-offline-next'], 'the old cache is gone');
    await page.locator('#scene[data-registered]').waitFor();
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});

// Hosts with "pretty URLs" (Cloudflare Pages) answer `x.html` with a redirect to `x`. For a page,
// a browser takes a response the worker answers with that was redirected as a network error, and
// the learner's address is `x`, which no file is named: the worker keeps each such file as a
// response that was not redirected, under both addresses.
describe('offline on a host with pretty URLs (x.html answers 308 to x)', () => {
  // A copy of its own: the test above wrote another release's worker into `copy`.
  const dir = copyOfDist('pretty');
  const served = servedCopy(dir, { pretty: true });
  let pretty;
  before(() => { pretty = served.harness; });

  it('after one visit, pages open offline by either address, and nothing reaches the host', async () => {
    const { page, context, problems } = await openPage(pretty, `${PREFIX}rnn-cell.html?lang=en`, undefined, { serviceWorkers: 'allow' });
    const moved = new URL(page.url());
    assert.equal(moved.pathname, `${PREFIX}rnn-cell`, 'the host moved the learner to the pretty address');
    assert.equal(moved.searchParams.get('lang'), 'en', 'with the query');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    // Each page is kept under both addresses, as a response that was not redirected.
    const kept = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return Promise.all((await cache.keys()).map(async (r) => [new URL(r.url).pathname, (await cache.match(r)).redirected]));
    }, workerCache(dir));
    const keys = new Map(kept);
    for (const name of ['rnn-cell', 'gates', 'unrolled']) {
      assert.equal(keys.get(`${PREFIX}${name}.html`), false, `${name}.html kept, not as a redirect`);
      assert.equal(keys.get(`${PREFIX}${name}`), false, `${name} kept, not as a redirect`);
    }
    assert.equal(keys.get(PREFIX), false, 'the folder address too');
    assert.ok(kept.every(([, redirected]) => !redirected), 'no response kept as a redirect');
    pretty.server.cut(true);
    const before = pretty.server.requests.length;
    for (const path of ['rnn-cell.html', 'lstm-cell', 'gates.html', 'index.html', '']) {
      await page.goto(`${pretty.server.origin}${PREFIX}${path}?lang=ko`);
      await page.locator('#scene[data-registered]').waitFor({ timeout: 20000 });
      assert.ok((await page.locator('h1').first().textContent()).length > 0, `${path}: text shown`);
    }
    // And by a link on the page, as a learner goes on.
    await page.getByTestId('nav-unrolled').click();
    await page.waitForURL(/unrolled/);
    await page.locator('#scene[data-registered]').waitFor({ timeout: 20000 });
    assert.deepEqual(pretty.server.requests.slice(before), [], 'nothing reached the host: all came from the cache');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});

describe('a release that cannot keep every file', () => {
  const dir = copyOfDist('missing');
  rmSync(join(dir, 'favicon.svg'));
  const served = servedCopy(dir);
  let broken;
  before(() => { broken = served.harness; });

  it('keeps none of them: the worker is dropped and its cache deleted, and the page still works', async () => {
    const { page, context, problems } = await openPage(broken, `${PREFIX}rnn-cell.html?lang=en`, undefined, { serviceWorkers: 'allow' });
    const state = () => page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const worker = reg?.installing ?? reg?.waiting ?? reg?.active;
      return { worker: worker?.state ?? 'none', registered: Boolean(reg), caches: await caches.keys() };
    });
    // The worker was fetched, then its install failed on the missing icon: a first registration
    // whose worker fails to install is removed (one that installed would be waiting or active).
    await until(async () => broken.server.requests.some((r) => r.path === `${PREFIX}sw.js`)
      && !(await state()).registered, 'the install fails');
    assert.deepEqual((await state()).caches, [], 'the half-filled cache is gone');
    await page.getByTestId('lesson-next').click();
    assert.equal(await page.locator('.step-now').first().textContent(), '2', 'the lesson still steps');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
