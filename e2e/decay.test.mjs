// The gradient-decay plot: the data behind the lines is the model's analysis (exactly ρ^k at
// rest), its slope on the log axis changes sign as ρ crosses 1, every export works, the canvas
// is drawn at the screen's pixel density, and a redraw fits in a frame.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, screenshot, startHarness } from './harness.mjs';
import { PNG_MIN, assertPlotPng } from './png.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

/** The backing store of a plot's canvas, the size an exported PNG must have. */
const backing = (canvas) => canvas.evaluate((c) => ({ width: c.width, height: c.height }));

/** The numbers behind the plot, once the lab module has drawn it. */
async function series(page) {
  await page.locator('[data-testid="decay-plot"][aria-busy="false"]').waitFor();
  return JSON.parse(await page.getByTestId('decay-plot').getAttribute('data-series'));
}

/** Least-squares slope of log10(y) against k over the finite positive values. */
function logSlope(values) {
  const pts = values.map((y, k) => [k, y]).filter(([, y]) => y !== null && y > 0).map(([k, y]) => [k, Math.log10(y)]);
  const n = pts.length;
  const mx = pts.reduce((s, [x]) => s + x, 0) / n;
  const my = pts.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = pts.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = pts.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}

async function setRange(page, id, value) {
  await page.getByTestId(id).fill(String(value));
  await page.waitForFunction(
    ([id, v]) => document.querySelector(`[data-testid="${id}-value"]`)?.textContent === Number(v).toFixed(2),
    [id, value],
  );
}

describe('the gradient-decay plot', () => {
  it('draws the analysis: ρ^k at rest, and a slope that changes sign as ρ crosses 1', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-gradient.html?lang=en');
    await page.getByTestId('decay-plot').waitFor();
    for (const [rho, sign] of [[0.9, -1], [1.2, 1], [0.8, -1], [1.05, 1]]) {
      await setRange(page, 'decay-rho', rho);
      const s = await series(page);
      assert.equal(s.rnn.length, 61, 'lags 0 … T for T = 60');
      s.rnn.forEach((v, k) => assert.ok(Math.abs(v - rho ** k) <= 1e-9 * rho ** k, `ρ = ${rho}, k = ${k}: ${v} vs ${rho ** k}`));
      assert.equal(s.bound.length, 61);
      s.bound.forEach((v, k) => assert.ok(Math.abs(v - rho ** k) <= 1e-9 * rho ** k, `bound at k = ${k}`));
      assert.equal(Math.sign(logSlope(s.rnn)), sign, `slope sign at ρ = ${rho}`);
    }
    // The LSTM's belt with a forget-gate bias of 3 keeps most of the gradient over 60 steps.
    const s = await series(page);
    assert.ok(s.belt.at(-1) > 1e-3, `belt at lag 60: ${s.belt.at(-1)}`);
    await screenshot(page, 'decay-plot-1440');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('holds what the lesson says about the LSTM: below the RNN at every lag, the belt\'s path ∏ f above ρ^k, and with f = 1 a belt ≥ 1 beside a hidden path near 0.02', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-gradient.html?lang=en');
    await page.locator('[data-testid="decay-plot"][aria-busy="false"]').waitFor();
    let s = await series(page);
    assert.equal(s.lstm.length, 61);
    for (let k = 1; k <= 60; k++) {
      assert.ok(s.lstm[k] < s.rnn[k], `k = ${k}: LSTM ${s.lstm[k]} below RNN ${s.rnn[k]}`);
      assert.ok(s.belt_path[k] < s.belt_path[k - 1] && s.belt_path[k] > s.rnn[k], `k = ${k}: ∏ f ${s.belt_path[k]}`);
    }
    assert.ok(s.belt_path[20] > 3 * s.rnn[20], 'far above ρ^k by a lag of 20');
    const before = JSON.stringify(s);
    await page.getByTestId('decay-forget-open').check();
    await page.waitForFunction((old) => {
      const fig = document.querySelector('[data-testid="decay-plot"]');
      return fig.getAttribute('aria-busy') === 'false' && fig.getAttribute('data-series') !== old;
    }, before);
    s = await series(page);
    assert.ok(s.belt_path.length === 61 && s.belt_path.every((v) => v === 1), '∏ f = 1 with the gate clamped');
    assert.ok(s.belt.every((v) => v >= 1 - 1e-12), 'the belt never drops below 1');
    for (let k = 5; k <= 60; k++) assert.ok(s.lstm[k] > 0.01 && s.lstm[k] < 0.04, `k = ${k}: ${s.lstm[k]} near 0.02`);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('shows the RNN alone in the vanishing-gradient lesson: no LSTM curve, control or row before the LSTM is introduced', async () => {
    const { page, context, problems } = await openPage(harness, '/gradient-flow.html?lang=en');
    await page.locator('[data-testid="decay-plot"][aria-busy="false"]').waitFor();
    const s = await series(page);
    assert.equal(s.rnn.length, 61);
    s.rnn.forEach((v, k) => assert.ok(Math.abs(v - 0.9 ** k) <= 1e-9 * 0.9 ** k, `k = ${k}`));
    assert.equal(await page.getByTestId('decay-forget-bias').count(), 0);
    assert.equal(await page.getByTestId('decay-forget-open').count(), 0);
    assert.deepEqual(await page.locator('[data-testid="decay-path"] .path-lane-name').allTextContents(), ['RNN h']);
    assert.match(await page.getByTestId('decay-path-readout').textContent(), /^k = 20 \(step 40\): RNN ‖∂h\/∂h‖ 0\.122$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const svg = (await readFile(await download.path())).toString('utf8');
    assert.ok(svg.includes('RNN') && !svg.includes('LSTM'), 'the legend names the RNN and no LSTM');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('plots the loss gradient ‖∂L/∂h_{T−k}‖ under its bound on request', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-gradient.html?lang=en');
    await series(page);
    await page.getByTestId('decay-show-loss').click();
    await page.locator('[data-testid="decay-plot"][data-quantity="loss"]').waitFor();
    const s = await series(page);
    // At rest ‖∂L/∂h_{T−k}‖ = ρ^k·‖∂L/∂h_T‖ and ‖∂L/∂h_T‖ = √6 for L = Σ h_T over six units.
    assert.equal(s.rnn_loss.length, 61);
    s.rnn_loss.forEach((v, k) => assert.ok(Math.abs(v - Math.sqrt(6) * 0.9 ** k) <= 1e-9 * v, `k = ${k}: ${v}`));
    // The dashed bound drawn in this view is ‖∂L/∂h_T‖·(γσ_max)^k; at rest the norm sits on it.
    assert.equal(s.bound.length, 61);
    s.rnn_loss.forEach((v, k) => assert.ok(v <= s.rnn_loss[0] * s.bound[k] * (1 + 1e-9), `k = ${k}: ${v} above its bound`));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const svg = (await readFile(await download.path())).toString('utf8');
    assert.ok(svg.includes('‖∂L / ∂h(T−k)‖') && svg.includes('loss gradient norm'), 'the SVG is of what is shown');
    assert.ok(!svg.includes('belt'), 'no belt curve in the loss-gradient view');
    await page.getByTestId('decay-show-jacobian').click();
    await page.locator('[data-testid="decay-plot"][data-quantity="jacobian"]').waitFor();
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('counts the values that fall off the log axis in a note under the plot', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-gradient.html?lang=en');
    await page.getByTestId('decay-activation').selectOption('relu');
    // A ReLU at rest (h = 0) passes no gradient at all: every lag past 0 is exactly zero.
    const s = await series(page);
    assert.equal(s.rnn.length, 61);
    assert.equal(s.rnn[0], 1);
    assert.ok(s.rnn.slice(1).every((v) => v === 0));
    assert.match(await page.getByTestId('decay-note').textContent(), /▼ 60 values fell below the axis/);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('exports a PNG of the canvas with every curve\'s colour, an SVG with power-of-ten ticks, and the CSV of the plotted numbers', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-gradient.html?lang=ko');
    const expected = await series(page);
    const canvas = page.locator('[data-testid="decay-plot"] .plot-canvas');
    for (const [kind, name] of [['png', 'gradient-decay.png'], ['svg', 'gradient-decay.svg'], ['csv', 'gradient-decay.csv']]) {
      const size = await backing(canvas);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
      assert.equal(download.suggestedFilename(), name);
      const bytes = await readFile(await download.path());
      if (kind === 'png') {
        // The Jacobian view: RNN (orange), its bound (light orange, dashed), LSTM (blue), belt (purple).
        assertPlotPng(bytes, size, { rnn: [224, 130, 20], bound: [241, 163, 64], lstm: [33, 102, 172], belt: [84, 39, 136] }, PNG_MIN);
      }
      if (kind === 'svg') {
        const text = bytes.toString('utf8');
        assert.ok(text.startsWith('<svg') && text.includes('10⁻'), 'an SVG with power-of-ten ticks');
      }
      if (kind === 'csv') {
        const rows = bytes.toString('utf8').trim().split('\n');
        assert.equal(rows[0], 'lag,rnn_jacobian_norm,rnn_bound,rnn_dL_dh,lstm_jacobian_norm,lstm_cell_jacobian_norm,lstm_forget_product,lstm_dL_dh');
        assert.equal(rows.length, 62);
        rows.slice(1).forEach((r, k) => assert.equal(Number(r.split(',')[1]), expected.rnn[k]));
      }
    }
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('draws at the screen\'s pixel density on a 375 px screen without sideways scrolling, and redraws at the new size when turned', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${harness.server.origin}/lstm-gradient.html?lang=ko`);
    await page.getByTestId('decay-plot').waitFor();
    const { backing, css } = await page.locator('[data-testid="decay-plot"] .plot-canvas').evaluate((c) => ({ backing: c.width, css: c.clientWidth }));
    assert.ok(Math.abs(backing - 2 * css) <= 1, `backing store ${backing} px for ${css} CSS px at ×2`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    // Turned sideways, the plot draws again at its new size rather than stretching its pixels.
    await page.setViewportSize({ width: 700, height: 400 });
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="decay-plot"] .plot-canvas');
      return c.clientWidth > 400 && Math.abs(c.width - 2 * c.clientWidth) <= 1;
    });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="decay-plot"] .plot-canvas');
      return c.clientWidth < 400 && Math.abs(c.width - 2 * c.clientWidth) <= 1;
    });
    await page.getByTestId('decay-plot').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${(await import('./harness.mjs')).SHOTS}/decay-plot-ko-375.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('highlights the path of the lag picked on the plot, in the unrolled view, or with the slider', async () => {
    const { page, context, problems } = await openPage(harness, '/lstm-gradient.html?lang=en');
    const s = await series(page);
    const highlight = page.getByTestId('decay-path-highlight');
    const lagIs = async (k) => {
      await page.waitForFunction((k) => document.querySelector('[data-testid="decay-lag-value"]')?.textContent === String(k), k);
      assert.equal(await highlight.getAttribute('data-from'), '60');
      assert.equal(await highlight.getAttribute('data-to'), String(60 - k));
      assert.match(await page.getByTestId('decay-path-readout').textContent(), new RegExp(`^k = ${k} \\(step ${60 - k}\\)`));
    };
    await lagIs(20);
    // A click on the plot at lag 45: the figure says where its lag axis runs on the canvas.
    const [left, right, xMax] = (await page.getByTestId('decay-plot').getAttribute('data-x-axis')).split(',').map(Number);
    const canvas = page.locator('[data-testid="decay-plot"] .plot-canvas');
    const ratio = await canvas.evaluate((c) => c.width / c.clientWidth);
    const box = await canvas.boundingBox();
    await canvas.click({ position: { x: (left + (right - left) * 45 / xMax) / ratio, y: box.height / 2 } });
    await lagIs(45);
    // Each step of the unrolled view is shaded by the plotted norm: six decades of opacity.
    for (const k of [0, 10, 45]) {
      const opacity = Number(await page.locator(`[data-testid="decay-path"] rect[data-lag="${k}"]`).first().getAttribute('fill-opacity'));
      const expected = Math.min(1, Math.max(0.04, 1 + Math.log10(s.rnn[k]) / 6));
      assert.ok(Math.abs(opacity - expected) < 1e-3, `lag ${k}: opacity ${opacity}, norm ${s.rnn[k]}`);
    }
    await page.locator('[data-testid="decay-path"] rect[data-lag="7"]').first().click();
    await lagIs(7);
    await page.getByTestId('decay-lag').fill('33');
    await lagIs(33);
    await page.getByTestId('decay-path').scrollIntoViewIfNeeded();
    await screenshot(page, 'decay-path-1440');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('says so when the plot module cannot be fetched, and the page goes on working', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.route(/lstm-lab/, (route) => route.abort());
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${harness.server.origin}/lstm-gradient.html?lang=en`);
    const alert = page.locator('[data-testid="scene-decay"] [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^The plot module could not be loaded: could not fetch/);
    assert.equal(await page.getByTestId('export-png').isDisabled(), true);
    // The rest of the page is alive: the language switch and the lesson menu still work.
    await page.getByTestId('lang-ko').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="scene-decay"] [role="alert"]')?.textContent.startsWith('그래프 모듈을 불러오지 못했습니다'));
    await page.getByTestId('nav-rnn-cell').click();
    await page.locator('article[data-lesson="rnn-cell"]').waitFor();
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('redraws within a frame after a slider move (median of 12 moves)', async () => {
    const { page, context } = await openPage(harness, '/lstm-gradient.html?lang=en');
    const draws = [];
    const computes = [];
    for (let i = 0; i < 12; i++) {
      await setRange(page, 'decay-rho', (0.8 + 0.04 * i).toFixed(2));
      const fig = page.getByTestId('decay-plot');
      draws.push(Number(await fig.getAttribute('data-draw-ms')));
      computes.push(Number(await fig.getAttribute('data-compute-ms')));
    }
    draws.sort((a, b) => a - b);
    computes.sort((a, b) => a - b);
    console.log(`# decay plot redraw after a slider move (T = 60, H = 6): draw median ${draws[6].toFixed(1)} ms, max ${draws.at(-1).toFixed(1)} ms; analysis median ${computes[6].toFixed(1)} ms, max ${computes.at(-1).toFixed(1)} ms`);
    assert.ok(draws[6] < 16, `median redraw ${draws[6]} ms`);
    await context.close();
  });
});
