// The LSTM cell scene: values equal an independent JavaScript LSTM on the shown weights, the
// time cursor answers the keyboard, gate surgery changes what it should.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, startHarness } from './harness.mjs';
import { LstmScene } from './lstm-scene.mjs';
import { STEP, backward, fromLessonWeights, norm } from './reference.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

/** One LSTM step of the independent reference on the lesson's weights (gates stacked i, f, g, o). */
const reference = (weights, x, h, c, clamps = {}) => STEP.lstm(fromLessonWeights(weights), x, { h, c }, clamps);

/**
 * Gradients: the page's BPTT and the reference add the same terms in a different order, so they
 * agree to rounding (a relative 1e-12), not to the bit.
 */
function assertNear(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  assert.ok(actual.length > 0, `${what}: nothing drawn`);
  actual.forEach((a, k) => assert.ok(Math.abs(a - expected[k]) <= 1e-12 * (1 + Math.abs(expected[k])), `${what}[${k}]: shown ${a}, expected ${expected[k]}`));
}

/** The drawn values of `${prefix}-1` … `${prefix}-${n}`. */
async function norms(page, prefix, n) {
  const out = [];
  for (let t = 1; t <= n; t++) out.push(Number(await page.getByTestId(`${prefix}-${t}`).getAttribute('data-value')));
  return out;
}

function assertClose(actual, expected, what) {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((a, k) => assert.ok(Math.abs(a - expected[k]) < 1e-12, `${what}[${k}]: shown ${a}, expected ${expected[k]}`));
}

describe('the LSTM cell scene', () => {
  it('shows, at every step reached by keyboard, the numbers an independent LSTM computes', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-cell.html?lang=en');
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
    const { page, context, problems } = await openPage(harness, '/lstm-cell.html?lang=en');
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

  it('plays forward on space, pauses on space, and stops at the end', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-cell.html?lang=en');
    const scene = new LstmScene(page);
    const playing = async () => (await page.getByTestId('step-play').getAttribute('aria-pressed')) === 'true';
    const stepIs = (t) => page.waitForFunction((t) => document.querySelector('[data-testid="step-readout"]').dataset.step === String(t), t, { timeout: 5000 });
    await scene.root.focus();
    assert.equal(await scene.step(), 1);
    await page.keyboard.press('Space');
    assert.ok(await playing(), 'space starts playing');
    await stepIs(3);
    await page.keyboard.press('Space');
    assert.ok(!(await playing()), 'space pauses');
    const paused = await scene.step();
    await page.waitForTimeout(1200); // longer than a step at normal speed (800 ms)
    assert.equal(await scene.step(), paused, 'no step while paused');
    await page.keyboard.press('Space');
    await stepIs(6);
    await page.waitForFunction(() => document.querySelector('[data-testid="step-play"]').getAttribute('aria-pressed') === 'false', null, { timeout: 2000 });
    await page.waitForTimeout(1200);
    assert.equal(await scene.step(), 6, 'the cursor stays on the last step');
    assert.ok(!(await playing()), 'playing has stopped by itself at the end');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('draws, at every step reached by keyboard, the backward numbers an independent BPTT computes, with and without gate surgery, and fits them on a 375 px screen', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-cell.html?lang=en');
    const scene = new LstmScene(page);
    const weights = await scene.weights();
    const p = fromLessonWeights(weights);
    const xs = (await page.getByTestId('sequence-input').inputValue()).split(',').map((v) => [Number(v)]);
    assert.equal(xs.length, 6);
    await page.getByTestId('mode-backward').click();
    assert.equal(await page.getByTestId('mode-backward').getAttribute('aria-checked'), 'true');
    assert.equal(await scene.step(), 6, 'backward starts at the last step');
    assert.deepEqual(await scene.vector('grad-h'), [1, 1, 1], 'L = sum of h_T sends 1 into every unit of h_T');
    for (const clamps of [{}, { forget: 1 }, { input: 0.5, output: 0.25 }]) {
      for (const gate of ['input', 'forget', 'output']) {
        if (gate in clamps) await scene.clamp(gate, clamps[gate]);
        else await page.getByTestId(`clamp-${gate}`).uncheck();
      }
      const label = Object.keys(clamps).length ? ` with ${JSON.stringify(clamps)} clamped` : '';
      const ref = backward('lstm', p, xs, { clamps });
      await scene.root.focus();
      await page.keyboard.press('End');
      const visited = [];
      for (let t = 6; t >= 1; t--) {
        if (t < 6) await page.keyboard.press('ArrowLeft');
        assert.equal(await scene.step(), t);
        visited.push(t);
        assertClose(await scene.vector('lstm-x'), xs[t - 1], `x_${t}: the sequence the reference reads`);
        const k = t - 1;
        const belt = ref.dc[k].map((d, j) => d * ref.run.steps[k].f[j]);
        const dcPrev = t === 1 ? ref.dc0 : ref.dc[k - 1];
        assertNear(await scene.vector('grad-h'), ref.dh[k], `dL/dh_${t}${label}`);
        assertNear(await scene.vector('grad-c'), ref.dc[k], `dL/dc_${t}${label}`);
        assertNear(await scene.vector('grad-belt'), belt, `dL/dc_${t} ⊙ f_${t}${label}`);
        assertNear(await scene.vector('grad-cprev'), dcPrev, `dL/dc_${t - 1}${label}`);
        // The table of norms, every column, as drawn with this step open.
        assertNear(await norms(page, 'grad-hnorm', 6), ref.dh.map(norm), `‖dL/dh_t‖, t = 1 … 6, at step ${t}${label}`);
        assertNear(await norms(page, 'grad-cnorm', 6), ref.dc.map(norm), `‖dL/dc_t‖, t = 1 … 6, at step ${t}${label}`);
      }
      assert.deepEqual(visited, [6, 5, 4, 3, 2, 1]);
    }
    console.log(`screenshot: ${await screenshot(page, 'lstm-backward-en-desktop-1440')}`);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
    const phone = await openPage(harness, '/lstm-cell.html?lang=ko', { width: 375, height: 812 });
    await phone.page.getByTestId('mode-backward').click();
    await phone.page.getByTestId('backward-panel').scrollIntoViewIfNeeded();
    console.log(`screenshot: ${await screenshot(phone.page, 'lstm-backward-ko-phone-375')}`);
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    await phone.context.close();
  });

  for (const [name, viewport] of [['desktop-1440', { width: 1440, height: 900 }], ['phone-375', { width: 375, height: 812 }]]) {
    it(`fits the open cell on a ${viewport.width} px screen in Korean and English, with screenshots (${name})`, async () => {
      for (const lang of ['ko', 'en']) {
        const { page, context, problems } = await openPage(harness, `/lstm-cell.html?lang=${lang}`, viewport);
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
    const { page, context, problems } = await openPage(harness, '/lstm-cell.html?lang=en');
    const linked = (selector) => page.locator(selector).evaluate((el) => el.classList.contains('linked'));
    await page.locator('.eq-row[data-term="f"]').hover();
    assert.ok(await linked('.lstm-diagram .term[data-term="f"]'), 'pointing at the f equation highlights the forget gate');
    assert.ok(!(await linked('.lstm-diagram .term[data-term="i"]')));
    await page.locator('.lstm-diagram .term[data-term="o"] .gate-text').hover();
    assert.ok(await linked('.eq-row[data-term="o"]'), 'pointing at the output gate highlights its equation');
    assert.ok(!(await linked('.eq-row[data-term="f"]')));
    // The pointer leaves first: focusing scrolls the row into view, which could slide another
    // term under a pointer still resting on the diagram.
    await page.mouse.move(0, 0);
    await page.locator('.eq-row[data-term="c"]').focus();
    assert.ok(await linked('.lstm-diagram .term[data-term="c"]'), 'keyboard focus links too');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
  it('keeps the drawn cells across steps so values fade from one step to the next', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-cell.html?lang=en');
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
