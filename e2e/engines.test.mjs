// Every engine a learner has: every page of the release build, in Firefox ESR (over WebDriver
// BiDi) and in WebKit (WebKitGTK's MiniBrowser over WebDriver), both Debian's own. On each page:
// it loads; its scene (if it has one) is mounted by the WebAssembly and shows numbers; up to
// three steps forward each change the step shown; one slider of the scene moved by the keyboard
// changes what the scene says; no JavaScript error; and the server answered every request.
// One browser runs at a time (Firefox is closed before WebKit starts). How each engine's errors
// are caught, and what cannot be, is told in engines-drivers.mjs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, SHOTS } from './harness.mjs';
import { serveDist } from './server.mjs';
import { launchFirefox, launchWebKit, watchedCopy } from './engines-drivers.mjs';

const PAGES = readdirSync(DIST).filter((f) => f.endsWith('.html')).sort();
const MOUNT_TIMEOUT = 30000;

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Polls `probe` (async, in node) until it returns something truthy; fails with `what` after `ms`. */
async function until(probe, what, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** The same message many times (a violation per element drawn) is told once, with its count. */
function tally(messages) {
  const counts = new Map();
  for (const m of messages) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts].map(([m, n]) => (n > 1 ? `${n}× ${m}` : m));
}

const sceneText = (engine) => engine.js(() => document.querySelector('#scene')?.textContent ?? '');

/** Opens `file` and checks it in `engine`; returns what it did, for the test's diagnostics. */
async function checkPage(engine, server, file) {
  const did = [];
  const firstRequest = server.requests.length;
  await engine.problems(); // whatever the previous page left
  await engine.open(`${server.origin}/${file}?lang=en`);
  await until(() => engine.js(() => !!document.querySelector('main.stage')), 'main.stage');

  const hasScene = await engine.js(() => !!document.querySelector('#scene'));
  if (hasScene) {
    await until(() => engine.js(() => !!document.querySelector('#scene[data-registered]')),
      '#scene[data-registered] (the WebAssembly mounting the scene)', MOUNT_TIMEOUT);
    // Live numbers: some element in the scene whose own text has a digit.
    await until(() => engine.js(() => Array.from(document.querySelectorAll('#scene *'))
      .some((el) => Array.from(el.childNodes).some((n) => n.nodeType === 3 && /\d/.test(n.data)))),
    'a number drawn in #scene', MOUNT_TIMEOUT);
    did.push('scene mounted and drew numbers');
  }

  // Up to three steps forward, while the button is enabled.
  const nextState = () => engine.js(() => {
    const b = document.querySelector('[data-testid=lesson-next]');
    return b ? { enabled: !b.disabled && b.offsetParent !== null, now: document.querySelector('.step-now')?.textContent ?? null } : null;
  });
  for (let i = 0; i < 3; i++) {
    const before = await nextState();
    if (!before?.enabled) break;
    assert.notEqual(before.now, null, 'a page with a next button shows .step-now');
    await engine.click('[data-testid=lesson-next]');
    await until(async () => (await nextState()).now !== before.now, `.step-now to change from ${before.now} after a click on next`);
    did.push(`step ${before.now} → ${(await nextState()).now}`);
  }

  // One slider of the scene (the first visible, enabled one), moved with the keyboard.
  if (hasScene) {
    const slider = await engine.js(() => {
      const all = Array.from(document.querySelectorAll('#scene input[type=range]'));
      const i = all.findIndex((s) => !s.disabled && s.getClientRects().length > 0 && getComputedStyle(s).visibility !== 'hidden');
      if (i < 0) return null;
      const s = all[i];
      s.scrollIntoView({ block: 'center' });
      s.focus();
      return { i, value: s.value, min: s.min, max: s.max, label: s.getAttribute('aria-label') || s.id || s.name || '' };
    });
    if (slider) {
      const value = () => engine.js((i) => document.querySelectorAll('#scene input[type=range]')[i].value, slider.i);
      const textBefore = await sceneText(engine);
      const focused = await engine.js((i) => document.activeElement === document.querySelectorAll('#scene input[type=range]')[i], slider.i);
      assert.ok(focused, `the slider ${slider.label} takes the focus`);
      await engine.press('ArrowRight');
      if ((await value()) === slider.value) await engine.press('ArrowLeft'); // it was at its maximum
      const moved = await value();
      assert.notEqual(moved, slider.value, `the slider ${slider.label} (${slider.value} in ${slider.min}..${slider.max}) moves with the arrow keys`);
      await until(async () => (await sceneText(engine)) !== textBefore,
        `the scene's text to change after the slider ${slider.label} went ${slider.value} → ${moved}`, 5000);
      did.push(`slider ${slider.label}: ${slider.value} → ${moved} changed the scene`);
    } else {
      did.push('no visible slider in the scene');
    }
  }

  // Let late work (a step's settings, the address update) run before the errors are read.
  await sleep(500);
  const errors = tally(await engine.problems());
  const failedRequests = server.requests.slice(firstRequest).filter((r) => r.status >= 400);
  assert.deepEqual({ errors, failedRequests }, { errors: [], failedRequests: [] },
    `no JavaScript error and no request the server could not answer on ${file}`);
  return did;
}

function engineSuite(title, launch, { watched = false } = {}) {
  describe(title, () => {
    let engine;
    let server;
    let copy;
    before(async () => {
      copy = watched ? await watchedCopy(DIST) : null;
      server = await serveDist(copy?.dir ?? DIST);
      engine = await launch();
    });
    after(async () => {
      await engine?.close();
      await server?.close();
      await copy?.remove();
    });

    it('starts', (t) => {
      assert.ok(engine.version, 'the browser reports its version');
      t.diagnostic(`${engine.name} ${engine.version}`);
    });
    for (const file of PAGES) {
      it(`${file} loads, mounts, steps, moves a slider, without an error`, async (t) => {
        const from = server.requests.length;
        try {
          t.diagnostic((await checkPage(engine, server, file)).join('; ') || 'no scene and no steps');
        } catch (e) {
          // What else went wrong on the page, and how it looked.
          const shot = join(SHOTS, `engines-${engine.name}-${file.replace(/\.html$/, '')}.png`);
          await engine.screenshot(shot).catch(() => {});
          const errors = tally(await Promise.resolve(engine.problems()).catch((x) => [`(could not read: ${x.message})`]));
          const failed = server.requests.slice(from).filter((r) => r.status >= 400);
          if (errors.length) e.message += `\n  JavaScript errors: ${JSON.stringify(errors)}`;
          if (failed.length) e.message += `\n  failed requests: ${JSON.stringify(failed)}`;
          e.message += `\n  screenshot: ${shot}`;
          throw e;
        }
      });
    }
  });
}

engineSuite('firefox esr', launchFirefox);
engineSuite('webkit', launchWebKit, { watched: true });
