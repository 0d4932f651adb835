// A panic inside the lab module (the on-demand WebAssembly that draws the plots) becomes that
// scene's error in the page's language; the page keeps working; the next change loads the lab
// afresh and the plot is drawn again. The panic is real: the lab's `panic_for_tests` export
// panics, the release build aborts, and WebAssembly traps inside the call the scene made.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

// Runs before the page's scripts: counts the lab instances the page makes and, when the test sets
// `__panicNext`, makes the next `decay_draw` call panic inside the lab first.
function hookLab() {
  let factory;
  window.__labInstances = 0;
  Object.defineProperty(window, 'lstmLab', {
    configurable: true,
    set(f) { factory = f; },
    get() {
      return factory && (() => {
        const lab = factory();
        window.__labInstances += 1;
        const draw = lab.decay_draw;
        lab.decay_draw = (...args) => {
          if (window.__panicNext) {
            window.__panicNext = false;
            lab.panic_for_tests();
          }
          return draw(...args);
        };
        return lab;
      });
    },
  });
}

const settled = (page) => page.locator('[data-testid="decay-plot"][aria-busy="false"]').waitFor();
const series = async (page) => JSON.parse(await page.getByTestId('decay-plot').getAttribute('data-series'));
async function slideRho(page, value) {
  await page.getByTestId('decay-rho').fill(String(value));
  await page.waitForFunction((v) => document.querySelector('[data-testid="decay-rho-value"]')?.textContent === v, value.toFixed(2));
}

describe('a panic inside the lab', () => {
  for (const [lang, crashed] of [
    ['en', /^The plot module stopped on an internal error\. It will be loaded afresh on your next change$/],
    ['ko', /^그래프 모듈이 내부 오류로 멈췄습니다\. 다음에 조작하면 새로 불러옵니다$/],
  ]) {
    it(`shows the scene's error (${lang}), keeps the page working and reloads the lab on the next change`, async () => {
      const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(hookLab);
      const page = await context.newPage();
      const problems = { consoleErrors: [], pageErrors: [] };
      page.on('console', (m) => { if (m.type() === 'error') problems.consoleErrors.push(m.text()); });
      page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
      await page.goto(`${harness.server.origin}/gradient-flow.html?lang=${lang}`);
      await settled(page);
      assert.equal(await page.evaluate(() => window.__labInstances), 1, 'one lab instance for the whole page');
      const before = await series(page);

      await page.evaluate(() => { window.__panicNext = true; });
      await slideRho(page, 1.1);
      const alert = page.locator('[data-testid="scene-decay"] [role="alert"]');
      await alert.waitFor();
      assert.match(await alert.textContent(), crashed);
      assert.equal(await page.evaluate(() => window.__panicNext), false, 'the panic was triggered');

      // The next change loads a fresh lab and draws the new setting.
      await slideRho(page, 1.2);
      await page.waitForFunction(() => window.__labInstances === 2);
      await page.waitForFunction(() => !document.querySelector('[data-testid="scene-decay"] [role="alert"]'));
      await settled(page);
      const after = await series(page);
      assert.ok(Math.abs(after.rnn[10] - 1.2 ** 10) < 1e-9 * 1.2 ** 10, `ρ^10 at ρ = 1.2: ${after.rnn[10]}`);
      assert.notDeepEqual(after.rnn, before.rnn);

      // The fresh lab serves the scene's other work too: its export.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      assert.match(download.suggestedFilename(), /\.csv$/);
      assert.equal(await page.evaluate(() => window.__labInstances), 2, 'still the one fresh lab');

      // What went wrong is said once, by the lab's panic hook; nothing escaped as an uncaught error.
      assert.deepEqual(problems.pageErrors, []);
      assert.equal(problems.consoleErrors.length, 1, problems.consoleErrors.join('\n'));
      assert.match(problems.consoleErrors[0], /the lab was asked to panic/);
      await context.close();
    });
  }
});
