// The explorer's gate heatmaps: the numbers behind them are the trace the lanes draw, the panels
// match the cell (f, i, o, c for the LSTM; no forget gate in the 1997 cell; z, r, h for the GRU),
// the outlined column follows the time cursor both ways, and every export works.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, screenshot, startHarness, SHOTS } from './harness.mjs';
import { assertPlotPng } from './png.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const figure = (page) => page.getByTestId('heatmap-plot');
/** The backing store of a plot's canvas, the size an exported PNG must have. */
const backing = (canvas) => canvas.evaluate((c) => ({ width: c.width, height: c.height }));

/** A gate value's colour: white to teal #01665e (src/plots/heatmap.rs). */
const gateColour = (v) => [1, 102, 94].map((end) => Math.round(255 + (end - 255) * v));
/** A signed value at the panel's full scale: blue #2166ac below zero, orange #e08214 above. */
const signedEnd = (v) => (v < 0 ? [33, 102, 172] : [224, 130, 20]);

async function drawn(page) {
  await page.locator('[data-testid="heatmap-plot"][aria-busy="false"]').waitFor();
  return JSON.parse(await figure(page).getAttribute('data-series'));
}

const cursorIs = (page, t) =>
  page.waitForFunction((t) => document.querySelector('[data-testid="heatmap-plot"]')?.dataset.cursor === String(t), t);

describe('gate heatmaps', () => {
  it('draw the lanes\' own trace, one panel per gate and state', async () => {
    const { page, context, problems } = await openPage(harness, '/explore.html?lang=en');
    const s = await drawn(page);
    assert.deepEqual(Object.keys(s), ['f', 'i', 'o', 'c']);
    const steps = s.c.length;
    const hidden = s.c[0].length;
    assert.ok(steps > 3 && hidden > 1);
    for (const g of ['f', 'i', 'o']) {
      assert.equal(s[g].flat().length, steps * hidden, `${g}: one value per step and unit`);
      assert.ok(s[g].flat().every((v) => v > 0 && v < 1), `${g} in (0, 1)`);
    }
    // The cell state in the heatmap is the very number each lane square carries.
    for (let t = 0; t < steps; t++) {
      for (let j = 0; j < hidden; j++) {
        const square = Number(await page.getByTestId(`lstm-c-${t + 1}-${j}`).getAttribute('data-value'));
        assert.equal(s.c[t][j], square, `c at t = ${t + 1}, unit ${j + 1}`);
      }
    }
    await page.getByTestId('kind-lstm1997').click();
    await cursorIs(page, 0);
    assert.deepEqual(Object.keys(await drawn(page)), ['i', 'o', 'c'], 'the 1997 cell has no forget gate');
    await page.getByTestId('kind-gru').click();
    await cursorIs(page, 0);
    assert.deepEqual(Object.keys(await drawn(page)), ['z', 'r', 'h']);
    await page.getByTestId('kind-rnn').click();
    await cursorIs(page, 0);
    const rnn = await drawn(page);
    assert.deepEqual(Object.keys(rnn), ['h']);
    assert.equal(rnn.h[2][1], Number(await page.getByTestId('rnn-h-3-1').getAttribute('data-value')));
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('follow the time cursor, and a click on a column moves it', async () => {
    const { page, context, problems } = await openPage(harness, '/explore.html?lang=ko');
    const s = await drawn(page);
    await cursorIs(page, 0);
    await page.getByTestId('scene-explore').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await cursorIs(page, 2);
    await page.keyboard.press('End');
    await cursorIs(page, s.c.length - 1);
    // A click in the middle of column 4.
    const canvas = page.locator('[data-testid="heatmap-plot"] canvas');
    await canvas.scrollIntoViewIfNeeded();
    // The figure says where the step axis runs on the canvas (backing-store pixels).
    const [left, right] = (await figure(page).getAttribute('data-x-axis')).split(',').map(Number);
    const ratio = await canvas.evaluate((c) => c.width / c.clientWidth);
    const box = await canvas.boundingBox();
    const [x0, x1] = [left / ratio, right / ratio];
    await canvas.click({ position: { x: x0 + ((x1 - x0) * 3.5) / s.c.length, y: box.height / 3 } });
    await cursorIs(page, 3);
    assert.equal(await page.getByTestId('step-readout').getAttribute('data-step'), '4');
    await screenshot(page, 'heatmaps-ko-1440');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('show gate surgery in the LSTM lesson: a forget gate clamped to 1 is a solid panel', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-cell.html?lang=en');
    const before = await drawn(page);
    assert.ok(before.f.flat().some((v) => v < 0.99), 'an unclamped forget gate varies');
    await page.getByTestId('clamp-forget').check();
    await page.getByTestId('clamp-forget-value').fill('1');
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-testid="heatmap-plot"][aria-busy="false"]')?.dataset.series;
      return s && JSON.parse(s).f.flat().every((v) => v === 1);
    });
    const after = await drawn(page);
    // At step 1 the other gates read only x_1 and h_0 = 0: unchanged. Later they read an h that the
    // clamp has changed, so they move too.
    assert.deepEqual(after.i[0], before.i[0]);
    assert.deepEqual(after.o[0], before.o[0]);
    assert.notDeepEqual(after.c, before.c);
    await page.getByTestId('heatmaps').scrollIntoViewIfNeeded();
    await screenshot(page, 'heatmaps-lstm-surgery-1440');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('export a PNG of the canvas with each panel\'s colours, a labelled SVG, and the CSV of the drawn numbers', async () => {
    const { page, context, problems } = await openPage(harness, '/explore.html?lang=en');
    const s = await drawn(page);
    const canvas = page.locator('[data-testid="heatmap-plot"] canvas');
    for (const kind of ['png', 'svg', 'csv']) {
      const size = await backing(canvas);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`heatmap-export-${kind}`).click()]);
      assert.equal(download.suggestedFilename(), `gates-over-time.${kind}`);
      const bytes = await readFile(await download.path());
      if (kind === 'png') {
        // Each gate panel's strongest cell in its own shade, and the cell state's largest |c| at
        // the full end of the diverging scale.
        const colours = {};
        for (const g of ['f', 'i', 'o']) colours[`${g} = ${Math.max(...s[g].flat())}`] = gateColour(Math.max(...s[g].flat()));
        const c = s.c.flat().reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0);
        colours[`c = ${c}`] = signedEnd(c);
        assertPlotPng(bytes, size, colours, 100); // a cell is about 55 × 15 px; the smallest measured 576
      }
      if (kind === 'svg') {
        const text = bytes.toString('utf8');
        assert.ok(text.startsWith('<svg') && text.includes('forget gate f') && text.includes('cell state c'));
      }
      if (kind === 'csv') {
        const rows = bytes.toString('utf8').trim().split('\n');
        assert.equal(rows[0], 'step,unit,f,i,o,c');
        assert.equal(rows.length, 1 + s.c.length * s.c[0].length);
        const [t, j, f, , , c] = rows[5].split(',').map(Number);
        assert.equal(f, s.f[t - 1][j - 1]);
        assert.equal(c, s.c[t - 1][j - 1]);
      }
    }
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('are sharp and fit a 375 px screen', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${harness.server.origin}/explore.html?lang=ko`);
    await drawn(page);
    const { backing, css } = await page.locator('[data-testid="heatmap-plot"] canvas').evaluate((c) => ({ backing: c.width, css: c.clientWidth }));
    assert.ok(Math.abs(backing - 2 * css) <= 1, `backing store ${backing} px for ${css} CSS px at ×2`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    await page.getByTestId('heatmaps').scrollIntoViewIfNeeded();
    await page.getByTestId('heatmaps').screenshot({ path: `${SHOTS}/heatmaps-ko-375.png` });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
