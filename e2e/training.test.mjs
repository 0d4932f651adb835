// The training race: an RNN and an LSTM trained live in the page. The curves are measured points
// (held-out loss and accuracy) that start at the constant guess; over a lag of 40 the LSTM learns
// and the RNN stays at chance (the lesson says so: this holds it to that); pausing stops the
// training, starting over resets it, and every export works.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, screenshot, startHarness, SHOTS } from './harness.mjs';
import { PNG_MIN, assertPlotPng } from './png.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const plot = (page) => page.getByTestId('race-plot');
/** The backing store of a plot's canvas, the size an exported PNG must have. */
const backing = (canvas) => canvas.evaluate((c) => ({ width: c.width, height: c.height }));
const series = async (page) => JSON.parse(await plot(page).getAttribute('data-series'));

describe('the training race', () => {
  it('trains both networks live: untrained, the LSTM carries the cue\'s error back to the symbol a million times more; the LSTM learns a lag of 40, the RNN stays at the guess', async () => {
    const { page, context, problems } = await openPage(harness, '/training.html?lang=en');
    await page.locator('[data-testid="race-plot"][aria-busy="false"]').waitFor();
    const start = await series(page);
    assert.deepEqual(start.seen, [0]);
    assert.ok(Math.abs(start.baseline - Math.log(4)) < 1e-12 && start.chance === 0.25);
    for (const loss of [start.rnn_loss[0], start.lstm_loss[0]]) assert.ok(Math.abs(loss - Math.log(4)) < 0.15, `untrained loss ${loss}`);
    // The lesson: untrained, the cue's error reaches the symbol's input more than a million times
    // more strongly in the LSTM than in the RNN.
    const [rnnReach, lstmReach] = (await plot(page).getAttribute('data-symbol-gradient')).split(',').map(Number);
    assert.ok(rnnReach > 0 && lstmReach > 1e6 * rnnReach, `RNN ${rnnReach}, LSTM ${lstmReach}`);
    assert.match(await page.getByTestId('race-symbol-gradient').textContent(), /^The cue's error back at the symbol's input, ‖∂L\/∂x₁‖: RNN .+ · LSTM .+$/);
    const t0 = Date.now();
    await page.getByTestId('race-play').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="race-plot"]')?.dataset.done === 'true', null, { timeout: 120000 });
    const seconds = (Date.now() - t0) / 1000;
    const s = await series(page);
    assert.equal(s.seen.at(-1), 10080, 'a point every 160 sequences up to the budget');
    assert.ok(s.seen.every((v, i) => i === 0 || v - s.seen[i - 1] === 160));
    assert.ok(s.lstm_accuracy.at(-1) >= 0.95, `LSTM accuracy ${s.lstm_accuracy.at(-1)}`);
    assert.ok(s.rnn_accuracy.at(-1) <= 0.45, `RNN accuracy ${s.rnn_accuracy.at(-1)}`);
    assert.ok(Math.abs(s.rnn_loss.at(-1) - Math.log(4)) < 0.1, `RNN loss ${s.rnn_loss.at(-1)}`);
    assert.match(await page.getByTestId('race-status').textContent(), /sequences seen 10080 \/ 10000 · RNN \d+\u00a0% · LSTM (100|9\d)\u00a0%/);
    console.log(`# training race, lag 40, 2 × 10,080 sequences, 64 held-out scorings of 128 sequences each: ${seconds.toFixed(1)} s in headless Chromium`);
    await page.getByTestId('race-plot').scrollIntoViewIfNeeded();
    await screenshot(page, 'training-race-1440');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('pauses, exports PNG, SVG and CSV of what is drawn, starts over at a lag of 10, and then both networks learn', async () => {
    const { page, context, problems } = await openPage(harness, '/training.html?lang=ko');
    await page.locator('[data-testid="race-plot"][aria-busy="false"]').waitFor();
    await page.getByTestId('race-play').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="race-plot"]')?.dataset.seen) >= 960);
    await page.getByTestId('race-play').click();
    const paused = Number(await plot(page).getAttribute('data-seen'));
    await page.waitForTimeout(300);
    assert.equal(Number(await plot(page).getAttribute('data-seen')), paused, 'no training while paused');
    const canvas = page.locator('[data-testid="race-plot"] .plot-canvas');
    for (const kind of ['png', 'svg', 'csv']) {
      const size = await backing(canvas);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`race-export-${kind}`).click()]);
      assert.equal(download.suggestedFilename(), `training-race.${kind}`);
      const bytes = await readFile(await download.path());
      if (kind === 'png') assertPlotPng(bytes, size, { rnn: [224, 130, 20], lstm: [33, 102, 172], guess: [110, 110, 110] }, PNG_MIN);
      if (kind === 'svg') assert.ok(bytes.toString('utf8').includes('짐작 기준선'), 'Korean legend in the SVG');
      if (kind === 'csv') {
        const rows = bytes.toString('utf8').trim().split('\n');
        assert.equal(rows[0], 'sequences_seen,rnn_loss,lstm_loss,rnn_accuracy,lstm_accuracy');
        assert.equal(rows.length, 1 + paused / 160 + 1);
      }
    }
    await page.getByTestId('race-reset').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="race-plot"]')?.dataset.seen === '0');
    await page.getByTestId('race-lag').fill('10');
    await page.getByTestId('race-lag').dispatchEvent('change');
    await page.waitForFunction(() => document.querySelector('[data-testid="race-lag-value"]')?.textContent === '10');
    assert.equal(await plot(page).getAttribute('data-seen'), '0');
    await page.getByTestId('race-play').click();
    // Over a lag of 10 both networks learn (the lesson's other claim).
    await page.waitForFunction(() => document.querySelector('[data-testid="race-plot"]')?.dataset.done === 'true', null, { timeout: 120000 });
    const s = await series(page);
    assert.ok(s.rnn_accuracy.at(-1) >= 0.95 && s.lstm_accuracy.at(-1) >= 0.95, `${s.rnn_accuracy.at(-1)} / ${s.lstm_accuracy.at(-1)}`);
    const first = s.seen[s.rnn_accuracy.findIndex((a) => a >= 0.95)];
    assert.ok(first <= 3000, `the RNN learns a lag of 10 within about 2,000 sequences (${first})`);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('fits a 375 px screen', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${harness.server.origin}/training.html?lang=ko`);
    await page.locator('[data-testid="race-plot"][aria-busy="false"]').waitFor();
    await page.getByTestId('race-play').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="race-plot"]')?.dataset.seen) >= 3200);
    await page.getByTestId('race-play').click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    await page.getByTestId('scene-training').screenshot({ path: `${SHOTS}/training-race-ko-375.png` });
    await context.close();
  });
});
