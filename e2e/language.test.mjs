// The language scene (src/ui/scenes/language.rs): a character-level LSTM trained live in the lab
// module. It must learn to continue "금요일이 지나면" with " 주말" (and "after friday comes" with
// " the weekend") within 30 s of training in the browser, a frame's training chunk stopping
// after the batch that crosses its 12 ms (the longest chunk is reported; the test fails one
// that ignores its budget); the prompt is read character by character with the top three next characters under
// each, unknown characters are named, sampling and the unit colouring work.
// The scene is found in the lesson LANGUAGE_LESSON (default "language"); until a lesson shows it,
// the tests are skipped, saying so.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, startHarness } from './harness.mjs';

const LESSON = process.env.LANGUAGE_LESSON ?? 'language';
let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

/** The page with the scene ready, or null when the lesson does not show it. */
async function open(lang) {
  const opened = await openPage(harness, `/${LESSON}.html?lang=${lang}`);
  if ((await opened.page.getByTestId('scene-language').count()) === 0) {
    await opened.context.close();
    return null;
  }
  await opened.page.locator('[data-testid="scene-language"][aria-busy="false"]').waitFor({ timeout: 30000 });
  return opened;
}

const read = (page) => page.evaluate(() => {
  const q = (id) => document.querySelector(`[data-testid="${id}"]`);
  return {
    continuation: q('language-continuation').textContent,
    seen: Number(q('language-seen').dataset.value),
    elapsedMs: Number(q('language-elapsed-ms').dataset.value),
    loss: Number(q('language-loss').dataset.value),
    longestChunkMs: Number(q('scene-language').dataset.longestChunkMs),
    playing: q('language-train').getAttribute('aria-pressed') === 'true',
  };
});

/** Trains until the continuation starts with `want`; what the scene showed then. */
async function trainUntil(page, want) {
  await page.getByTestId('language-train').click();
  await page.waitForFunction((w) => document.querySelector('[data-testid="language-continuation"]').textContent.startsWith(w), want, { timeout: 60000, polling: 100 });
  return read(page);
}

describe('the language scene', () => {
  it('learns to continue 금요일이 지나면 with 주말 within 30 s of training, reads the prompt character by character and names unknown characters', async (t) => {
    const opened = await open('ko');
    if (!opened) return t.skip(`no scene-language in lesson "${LESSON}" yet`);
    const { page, context, problems } = opened;
    assert.equal(await page.getByTestId('language-prompt').inputValue(), '금요일이 지나면');
    assert.equal(await page.locator('[data-testid^="language-top-"]').count(), 8);
    const before = await read(page);
    assert.equal(before.seen, 0);
    const reached = await trainUntil(page, ' 주말');
    assert.ok(reached.elapsedMs < 30000, `${reached.elapsedMs} ms of training`);
    // Measured here: 29 ms with nothing else running, 54 ms once during the full suite on 2 cores.
    // A chunk that ignored its 12 ms budget would train for seconds in one frame.
    assert.ok(reached.longestChunkMs < 250, `longest chunk ${reached.longestChunkMs} ms`);
    console.log(`# language scene, Korean: " 주말" after ${reached.seen} sequences, ${reached.elapsedMs} ms of training (longest chunk ${reached.longestChunkMs} ms)`);
    // Pause: nothing moves.
    if ((await read(page)).playing) await page.getByTestId('language-train').click();
    const paused = (await read(page)).seen;
    await page.waitForTimeout(300);
    assert.equal((await read(page)).seen, paused);
    // Under each character, three candidates with probabilities, the likeliest first.
    const first = page.getByTestId('language-top-0');
    const probs = (await first.getAttribute('data-probs')).split(' ').map(Number);
    assert.equal(probs.length, 3);
    assert.ok(probs[0] >= probs[1] && probs[1] >= probs[2] && probs[0] <= 1);
    assert.match(await first.textContent(), /^금.+\d+%.+\d+%.+\d+%$/);
    // An unknown character: named in the page's language, skipped by the model.
    await page.getByTestId('language-prompt').fill('토요일이 지나면');
    await page.getByTestId('language-unknown').filter({ hasText: '토' }).waitFor();
    assert.match(await page.getByTestId('language-unknown').textContent(), /^학습 텍스트에 없던 글자/);
    assert.equal(await page.getByTestId('language-top-0').getAttribute('data-known'), 'false');
    await page.getByTestId('language-prompt').fill('금요일이 지나면');
    await page.waitForFunction(() => document.querySelector('[data-testid="language-unknown"]').textContent === '');
    // Sampling at a low temperature, and the colouring by a chosen unit.
    await page.getByTestId('language-temperature').fill('0.1');
    await page.getByTestId('language-sample').click();
    assert.equal([...(await page.getByTestId('language-sampled').textContent())].length, 32);
    await page.getByTestId('language-unit').selectOption('3');
    await page.locator('[data-testid="language-coloured"][data-unit="3"]').waitFor();
    const spans = page.locator('[data-testid="language-coloured"] span');
    assert.equal(await spans.count(), 78);
    assert.match(await spans.first().getAttribute('title'), /^월: h = -?\d\.\d\d, c = -?\d+\.\d\d$/);
    await page.getByTestId('scene-language').scrollIntoViewIfNeeded();
    await screenshot(page, 'language-ko-1440');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('switches to the English text and learns to continue "after friday comes" with " the weekend" within 30 s', async (t) => {
    const opened = await open('en');
    if (!opened) return t.skip(`no scene-language in lesson "${LESSON}" yet`);
    const { page, context, problems } = opened;
    await page.getByTestId('language-text-en').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="language-prompt"]').value === 'after friday comes');
    await page.locator('[data-testid="scene-language"][aria-busy="false"]').waitFor();
    assert.equal((await read(page)).seen, 0);
    const reached = await trainUntil(page, ' the weekend');
    assert.ok(reached.elapsedMs < 30000, `${reached.elapsedMs} ms of training`);
    // Measured here: 29 ms with nothing else running, 54 ms once during the full suite on 2 cores.
    // A chunk that ignored its 12 ms budget would train for seconds in one frame.
    assert.ok(reached.longestChunkMs < 250, `longest chunk ${reached.longestChunkMs} ms`);
    console.log(`# language scene, English: " the weekend" after ${reached.seen} sequences, ${reached.elapsedMs} ms of training (longest chunk ${reached.longestChunkMs} ms)`);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});
