// The clipping view: the gradient norm the lab measured grows like ρ^T past ρ = 1 and stays
// bounded below it; the norm applied is min(‖g‖, θ) for the threshold on the slider; the lesson's
// claims about the loss after a raw and a clipped step hold at the preset; exports work.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, screenshot, startHarness, SHOTS } from './harness.mjs';
import { PNG_MIN, assertPlotPng } from './png.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const fig = (page) => page.getByTestId('clip-plot');
/** The backing store of a plot's canvas, the size an exported PNG must have. */
const backing = (canvas) => canvas.evaluate((c) => ({ width: c.width, height: c.height }));
async function norms(page) {
  await page.locator('[data-testid="clip-plot"][aria-busy="false"]').waitFor();
  return {
    g: JSON.parse(await fig(page).getAttribute('data-grad-norm')),
    applied: JSON.parse(await fig(page).getAttribute('data-clipped-norm')),
  };
}
async function slide(page, id, value, shown) {
  await page.getByTestId(id).fill(String(value));
  await page.waitForFunction(([id, shown]) => document.querySelector(`[data-testid="${id}-value"]`)?.textContent === shown, [id, shown]);
}

describe('gradient clipping', () => {
  it('measures ‖g‖ with a growth ratio of ρ past 1, bounded below, and the applied norm at min(‖g‖, θ)', async () => {
    const { page, context, problems } = await openPage(harness, '/exploding.html?lang=en');
    let { g, applied } = await norms(page);
    assert.equal(g.length, 80);
    const ratio = g[79] / g[78];
    assert.ok(Math.abs(ratio - 1.3) < 1e-6, `‖g_80‖ / ‖g_79‖ = ${ratio}`);
    assert.equal(applied.length, 80);
    // The applied norm is measured on the clipped gradient, so it equals min(‖g‖, θ) up to round-off.
    g.forEach((v, i) => assert.ok(Math.abs(applied[i] - Math.min(v, 1)) <= 1e-12 * applied[i], `T = ${i + 1}: ${applied[i]} vs ${Math.min(v, 1)}`));
    assert.match(await page.getByTestId('clip-readout').textContent(), /^T = 60: ‖g‖ = /);
    await page.getByTestId('scene-clipping').scrollIntoViewIfNeeded();
    await screenshot(page, 'clipping-1440');
    // A threshold of 10^1.5 ≈ 31.6 caps the same norms there.
    await slide(page, 'clip-threshold', 1.5, '31.623');
    ({ g, applied } = await norms(page));
    assert.equal(g.length, 80);
    assert.equal(applied.length, 80);
    assert.ok(g.some((v) => v > 10 ** 1.5), 'some norm is above the threshold, so the cap is tested');
    g.forEach((v, i) => assert.ok(Math.abs(applied[i] - Math.min(v, 10 ** 1.5)) <= 1e-9 * applied[i]));
    // Below ρ = 1 the sum of ρ^k is bounded by 1 / (1 − ρ).
    await slide(page, 'clip-rho', 0.8, '0.80');
    ({ g } = await norms(page));
    assert.equal(g.length, 80);
    assert.ok(Math.max(...g) < 10, `max ‖g‖ ${Math.max(...g)}`);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('holds the lesson to its words (at the preset a raw step ruins the loss, and even a clipped one raises it) and exports the figure as PNG, SVG and CSV', async () => {
    const { page, context, problems } = await openPage(harness, '/exploding.html?lang=en');
    await norms(page);
    const text = await page.getByTestId('clip-readout').textContent();
    const m = text.match(/L (\S+) → (\S+) \(raw\) \/ (\S+) \(clipped\)/);
    assert.ok(m, text);
    const num = (s) => Number(s.replace('−', '-').replace(/×10(.*)$/, (_, e) => `e${[...e].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c) >= 0 ? '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c) : '-').join('')}`));
    const [before, raw, clipped] = [m[1], m[2], m[3]].map(num);
    assert.ok(raw > 2 * before, `raw step: ${before} → ${raw}`);
    assert.ok(clipped > before, `clipped step: ${before} → ${clipped}`);
    const canvas = page.locator('[data-testid="clip-plot"] .plot-canvas');
    for (const [kind, name] of [['png', 'gradient-clipping.png'], ['svg', 'gradient-clipping.svg'], ['csv', 'gradient-clipping.csv']]) {
      const size = await backing(canvas);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`clip-export-${kind}`).click()]);
      assert.equal(download.suggestedFilename(), name);
      const bytes = await readFile(await download.path());
      if (kind === 'png') {
        // ‖g‖ and the raw step (red), the applied norm and the clipped step (blue), θ (grey, dashed),
        // the loss before (ink).
        assertPlotPng(bytes, size, { raw: [192, 57, 43], clipped: [33, 102, 172], theta: [110, 110, 110], before: [45, 55, 72] }, PNG_MIN);
      }
      if (kind === 'svg') assert.ok(bytes.toString('utf8').includes('after a clipped step'));
      if (kind === 'csv') {
        const rows = bytes.toString('utf8').trim().split('\n');
        assert.equal(rows[0], 'T,grad_norm,applied_norm,loss,loss_after_raw_step,loss_after_clipped_step');
        assert.equal(rows.length, 81);
      }
    }
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('fits a 375 px screen', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${harness.server.origin}/exploding.html?lang=ko`);
    await norms(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    await page.getByTestId('scene-clipping').screenshot({ path: `${SHOTS}/clipping-ko-375.png` });
    await context.close();
  });
});
