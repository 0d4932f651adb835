// The LSTM cell scene: values equal an independent JavaScript LSTM on the shown weights, the
// time cursor answers the keyboard, gate surgery changes what it should.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, startHarness } from './harness.mjs';
import { LstmScene } from './lstm-scene.mjs';
import { STEP, fromLessonWeights } from './reference.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

/** One LSTM step of the independent reference on the lesson's weights (gates stacked i, f, g, o). */
const reference = (weights, x, h, c, clamps = {}) => STEP.lstm(fromLessonWeights(weights), x, { h, c }, clamps);

function assertClose(actual, expected, what) {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((a, k) => assert.ok(Math.abs(a - expected[k]) < 1e-12, `${what}[${k}]: shown ${a}, expected ${expected[k]}`));
}

describe('the LSTM cell scene', () => {
  it('shows, at every step reached by keyboard, the numbers an independent LSTM computes', async () => {
    const { page, context, problems } = await openPage(harness, '/?lesson=lstm-cell&lang=en');
    const scene = new LstmScene(page);
    await scene.root.focus();
    const weights = await scene.weights();
    assert.equal(weights.hidden, 3);
    let h = [0, 0, 0];
    let c = [0, 0, 0];
    for (let t = 1; t <= 6; t++) {
      if (t > 1) await page.keyboard.press('ArrowRight');
      assert.equal(await scene.step(), t);
      const shown = await scene.values();
      assertClose(shown.hprev, h, `h_${t - 1}`);
      assertClose(shown.cprev, c, `c_${t - 1}`);
      const expected = reference(weights, shown.x, h, c);
      for (const k of ['i', 'f', 'g', 'o', 'c', 'h']) assertClose(shown[k], expected[k], `${k}_${t}`);
      assertClose(shown.tanhc, expected.c.map(Math.tanh), `tanh c_${t}`);
      ({ h, c } = expected);
    }
    await page.keyboard.press('Home');
    assert.equal(await scene.step(), 1);
    await page.keyboard.press('End');
    assert.equal(await scene.step(), 6);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('keeps the belt unerased with the forget gate clamped to 1 and closes it with input 0', async () => {
    const { page, context, problems } = await openPage(harness, '/?lesson=lstm-cell&lang=en');
    const scene = new LstmScene(page);
    await scene.clamp('forget', 1);
    await scene.root.focus();
    await page.keyboard.press('End');
    let shown = await scene.values();
    assert.deepEqual(shown.f, [1, 1, 1]);
    assertClose(shown.c, shown.cprev.map((cp, j) => cp + shown.ig[j]), 'c = c_prev + i ⊙ g');
    const weights = await scene.weights();
    const expected = reference(weights, shown.x, shown.hprev, shown.cprev, { forget: 1 });
    assertClose(shown.h, expected.h, 'h with f clamped');
    await scene.clamp('input', 0);
    shown = await scene.values();
    assert.deepEqual(shown.c, shown.cprev, 'nothing is written: the belt carries c unchanged');
    await scene.root.focus();
    await page.keyboard.press('ArrowLeft');
    shown = await scene.values();
    assert.deepEqual(shown.c, shown.cprev);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('plays forward on space and stops at the end', async () => {
    const { page, context, problems } = await openPage(harness, '/?lesson=lstm-cell&lang=en');
    const scene = new LstmScene(page);
    await scene.root.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid="step-readout"]').dataset.step === '3', null, { timeout: 5000 });
    await page.keyboard.press('Space');
    const paused = await scene.step();
    await page.waitForTimeout(1200);
    assert.equal(await scene.step(), paused, 'space pauses');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  it('steps the error back along the hidden path and the belt, as the chain rule says', async () => {
    const { page, context, problems } = await openPage(harness, '/?lesson=lstm-cell&lang=en');
    const scene = new LstmScene(page);
    await page.getByTestId('mode-backward').click();
    assert.equal(await page.getByTestId('mode-backward').getAttribute('aria-checked'), 'true');
    assert.equal(await scene.step(), 6, 'backward starts at the last step');
    const ones = await scene.vector('grad-h');
    assert.deepEqual(ones, [1, 1, 1], 'L = sum of h_T sends 1 into every unit of h_T');
    const norm = Number(await page.getByTestId('grad-hnorm-6').getAttribute('data-value'));
    assert.ok(Math.abs(norm - Math.sqrt(3)) < 1e-12);
    await scene.root.focus();
    for (let t = 6; t > 1; t--) {
      const belt = await scene.vector('grad-belt'); // dL/dc_t ⊙ f_t, on its way to c_(t−1)
      const cprev = await scene.vector('grad-cprev');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await scene.step(), t - 1);
      const dc = await scene.vector('grad-c');
      const dh = await scene.vector('grad-h');
      const { o, tanhc } = await scene.values();
      assertClose(dc, cprev, `dL/dc_${t - 1} shown at both steps`);
      const chain = belt.map((b, j) => b + dh[j] * o[j] * (1 - tanhc[j] * tanhc[j]));
      assertClose(dc, chain, `dL/dc_${t - 1} = belt + through h`);
    }
    console.log(`screenshot: ${await screenshot(page, 'lstm-backward-en-desktop-1440')}`);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
    const phone = await openPage(harness, '/?lesson=lstm-cell&lang=ko', { width: 375, height: 812 });
    await phone.page.getByTestId('mode-backward').click();
    await phone.page.getByTestId('backward-panel').scrollIntoViewIfNeeded();
    console.log(`screenshot: ${await screenshot(phone.page, 'lstm-backward-ko-phone-375')}`);
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    await phone.context.close();
  });

  for (const [name, viewport] of [['desktop-1440', { width: 1440, height: 900 }], ['phone-375', { width: 375, height: 812 }]]) {
    it(`renders the open cell at ${viewport.width} px (${name})`, async () => {
      for (const lang of ['ko', 'en']) {
        const { page, context, problems } = await openPage(harness, `/?lesson=lstm-cell&lang=${lang}`, viewport);
        const scene = new LstmScene(page);
        await scene.root.focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await scene.root.scrollIntoViewIfNeeded();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
        console.log(`screenshot: ${await screenshot(page, `lstm-cell-${lang}-${name}`)}`);
        const file = `lstm-scene-${lang}-${name}`;
        await scene.root.screenshot({ path: `${(await import('./harness.mjs')).SHOTS}/${file}.png` });
        assert.deepEqual(problems.pageErrors, []);
        assert.deepEqual(problems.consoleErrors, []);
        await context.close();
      }
    });
  }
  it('links each equation to its part of the diagram, both ways', async () => {
    const { page, context, problems } = await openPage(harness, '/?lesson=lstm-cell&lang=en');
    const linked = (selector) => page.locator(selector).evaluate((el) => el.classList.contains('linked'));
    await page.locator('.eq-row[data-term="f"]').hover();
    assert.ok(await linked('.lstm-diagram .term[data-term="f"]'), 'pointing at the f equation highlights the forget gate');
    assert.ok(!(await linked('.lstm-diagram .term[data-term="i"]')));
    await page.locator('.lstm-diagram .term[data-term="o"] .gate-text').hover();
    assert.ok(await linked('.eq-row[data-term="o"]'), 'pointing at the output gate highlights its equation');
    assert.ok(!(await linked('.eq-row[data-term="f"]')));
    await page.locator('.eq-row[data-term="c"]').focus();
    assert.ok(await linked('.lstm-diagram .term[data-term="c"]'), 'keyboard focus links too');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
  it('keeps the drawn cells across steps so values fade from one step to the next', async () => {
    const { page, context, problems } = await openPage(harness, '/?lesson=lstm-cell&lang=en');
    const scene = new LstmScene(page);
    await scene.root.focus();
    await page.getByTestId('lstm-c-0').evaluate((g) => { g.dataset.mark = 'kept'; });
    const before = await scene.values();
    await page.keyboard.press('ArrowRight');
    const after = await scene.values();
    assert.equal(await page.getByTestId('lstm-c-0').getAttribute('data-mark'), 'kept', 'the same element, recoloured');
    assert.deepEqual(after.cprev, before.c, 'c_1 moved along the belt to become c_prev at step 2');
    const duration = await page.getByTestId('lstm-c-0').locator('rect').evaluate((r) => getComputedStyle(r).transitionDuration);
    assert.notEqual(duration, '0s');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});
