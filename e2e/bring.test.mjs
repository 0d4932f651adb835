// Bringing your own to the explorer: the two sample models open through the file input and by a
// dropped file, and every drawn hidden state of every layer equals the JavaScript reference run
// on the file's own weights and the CSV's own numbers; twelve malformed weight files and eight
// malformed CSVs each get their sentence and leave what was open in place; a drawn line becomes
// the input; the layer and unit windows follow the controls; saved weights are the file that was
// opened. No console errors anywhere.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, screenshot, startHarness } from './harness.mjs';
import { stackForward } from './reference.mjs';

const MODELS = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'models');
const read = (name) => readFileSync(join(MODELS, name), 'utf8');
/** A CSV read independently of the page: a header row, then numbers. */
const csvRows = (text) => text.trim().split('\n').slice(1).map((line) => line.split(',').map(Number));

const SAMPLES = [
  { model: 'adding-lstm.json', data: 'adding-sample.csv', kind: 'lstm', layers: 1, hidden: 8, input: 2 },
  { model: 'sine-gru-2layer.json', data: 'sine-sample.csv', kind: 'gru', layers: 2, hidden: 8, input: 1 },
];

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

async function explorer() {
  const opened = await openPage(harness, '/explore.html?lang=en');
  // course.js loads the panel's script once the scene is there.
  await opened.page.waitForFunction(() => document.querySelector('[data-testid="save-snippet"] code')?.textContent);
  return opened;
}

const file = (name, text, mimeType = 'application/json') => ({ name, mimeType, buffer: Buffer.from(text) });

async function openFile(page, testid, name, text, mimeType) {
  await page.getByTestId(testid).setInputFiles(file(name, text, mimeType));
}

/** The squares of state `state` ('h', or 'c' for an LSTM) of a layer's lane at step t (1-based). */
const squares = (page, lane, state, t) => page.locator(`[data-testid^="${lane}-${state}-${t}-"]`).evaluateAll(
  (cells, prefix) => cells
    .filter((c) => /^\d+$/.test(c.dataset.testid.slice(prefix.length)))
    .sort((a, b) => Number(a.dataset.testid.slice(prefix.length)) - Number(b.dataset.testid.slice(prefix.length)))
    .map((c) => Number(c.dataset.value)),
  `${lane}-${state}-${t}-`,
);
const hidden = (page, lane, t) => squares(page, lane, 'h', t);

/** Every layer's every h (and an LSTM's c) on screen equals the reference run of `stateDict` on `xs`. */
async function assertLanesMatch(page, kind, stateDict, xs, { first = 0, units = Infinity } = {}) {
  const runs = stackForward(kind, stateDict, xs);
  for (const [l, run] of runs.entries()) {
    const lane = l === 0 ? kind : `${kind}-l${l + 1}`;
    await page.getByTestId(`lane-${lane}`).waitFor();
    const shown = Math.min(xs.length, 40);
    for (let t = 1; t <= shown; t++) {
      // h for every cell, and the belt c_t for an LSTM.
      for (const state of kind === 'lstm' ? ['h', 'c'] : ['h']) {
        const expected = run.steps[t - 1][state].slice(first, first + Math.min(units, 8));
        const drawn = await squares(page, lane, state, t);
        assert.equal(drawn.length, expected.length, `layer ${l + 1} ${state}_${t}: units drawn`);
        drawn.forEach((v, j) => assert.ok(Math.abs(v - expected[j]) < 1e-9,
          `layer ${l + 1} ${state}_${t}[${first + j}]: drawn ${v}, reference ${expected[j]}`));
      }
    }
  }
}

describe('the sample models', () => {
  for (const s of SAMPLES) {
    it(`${s.model} through the file input: every layer's h equals the reference`, async () => {
      const { page, context, problems } = await explorer();
      // Nothing leaves the page: every request from here on fetches the site's own files.
      const methods = [];
      page.on('request', (r) => methods.push(r.method()));
      await openFile(page, 'csv-file', s.data, read(s.data), 'text/csv');
      await page.getByTestId('csv-read').and(page.locator('[data-rows]')).waitFor();
      await openFile(page, 'open-model-input', s.model, read(s.model));
      const opened = page.getByTestId('opened-model');
      await opened.and(page.locator(`[data-kind="${s.kind}"]`)).waitFor();
      assert.equal(await opened.getAttribute('data-layers'), String(s.layers));
      assert.equal(await opened.getAttribute('data-hidden'), String(s.hidden));
      assert.equal(await opened.getAttribute('data-input'), String(s.input));
      await assertLanesMatch(page, s.kind, JSON.parse(read(s.model)), csvRows(read(s.data)));
      await screenshot(page, `bring-${s.kind}`);
      assert.deepEqual([...new Set(methods)], methods.length ? ['GET'] : [], 'only GET requests');
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [], failedResponses: [] });
      await context.close();
    });
  }
});

/** A drop of a file made in the page, as a learner's drag from the desktop delivers it. */
async function drop(page, name, text) {
  await page.evaluate(([name, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'application/json' }));
    const target = document.getElementById('scene');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, text]);
}

/** A seeded-style state_dict of `layers` layers of `kind` (for the unit window and errors). */
function stateDict(kind, input, hiddenSize, layers, seed = 1, bias = true) {
  let s = seed;
  const rand = () => { s = (s * 16807) % 2147483647; return (s / 2147483647 - 0.5) * 0.8; };
  const rows = { rnn: 1, lstm: 4, gru: 3 }[kind] * hiddenSize;
  const m = (r, c) => Array.from({ length: r }, () => Array.from({ length: c }, rand));
  const out = {};
  for (let l = 0; l < layers; l++) {
    out[`weight_ih_l${l}`] = m(rows, l === 0 ? input : hiddenSize);
    out[`weight_hh_l${l}`] = m(rows, hiddenSize);
    if (bias) {
      out[`bias_ih_l${l}`] = m(rows, 1).map((r) => r[0]);
      out[`bias_hh_l${l}`] = m(rows, 1).map((r) => r[0]);
    }
  }
  return out;
}

describe('opening and refusing files', () => {
  it('a dropped sample opens like a picked one, and a sample button opens model and input at once', async () => {
    const { page, context, problems } = await explorer();
    await page.getByTestId('sample-adding-lstm').click();
    await page.getByTestId('opened-model').and(page.locator('[data-kind="lstm"]')).waitFor();
    assert.equal(await page.getByTestId('csv-read').getAttribute('data-rows'), '15');
    await assertLanesMatch(page, 'lstm', JSON.parse(read('adding-lstm.json')), csvRows(read('adding-sample.csv')));
    // Typed numbers are one input per step; this model reads two, and the page says so.
    await page.getByTestId('mode-numbers').click();
    await page.getByTestId('run-error').first().waitFor();
    assert.match(await page.getByTestId('run-error').first().textContent(), /reads 2 numbers per step, but the input has 1/);
    // Drop the 2-layer GRU; it reads one input per step, so give it the sine first.
    await page.getByTestId('bring-data').evaluate((d) => { d.open = true; });
    await page.getByTestId('csv-text').fill(read('sine-sample.csv'));
    await page.getByTestId('csv-apply').click();
    await page.getByTestId('csv-read').and(page.locator('[data-rows="30"]')).waitFor({ state: 'attached' });
    await drop(page, 'sine-gru-2layer.json', read('sine-gru-2layer.json'));
    await page.getByTestId('opened-model').and(page.locator('[data-kind="gru"]')).waitFor();
    await assertLanesMatch(page, 'gru', JSON.parse(read('sine-gru-2layer.json')), csvRows(read('sine-sample.csv')));
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  it('twelve malformed weight files and one of 30 MB each get their sentence and leave the open model in place', async () => {
    const { page, context, problems } = await explorer();
    await page.getByTestId('sample-sine-gru-2layer').click();
    await page.getByTestId('opened-model').and(page.locator('[data-kind="gru"]')).waitFor();
    const good = JSON.parse(read('sine-gru-2layer.json'));
    const before = await hidden(page, 'gru-l2', 5);
    const edit = (f) => { const d = structuredClone(good); f(d); return JSON.stringify(d); };
    const cases = [
      ['not JSON', 'weights.json', 'this is not JSON', /not a JSON object/],
      ['empty', 'empty.json', '', /not a JSON object/],
      ['a list, not an object', 'list.json', '[1, 2, 3]', /top level is not an object/],
      ['nn.Linear', 'linear.json', JSON.stringify({ weight: [[1, 2]], bias: [0] }), /not the state_dict of a recurrent layer/],
      ['a missing key', 'missing.json', edit((d) => { delete d.weight_hh_l1; }), /has no 'weight_hh_l1'/],
      ['a wrong shape', 'shape.json', edit((d) => { d.weight_ih_l1 = d.weight_ih_l1.slice(1); }), /'weight_ih_l1' should be 24 × 8/],
      ['a string among numbers', 'strings.json', edit((d) => { d.bias_ih_l0[3] = 'x'; }), /'bias_ih_l0' should be a list of numbers/],
      ['NaN', 'nan.json', JSON.stringify(good).replace('"bias_hh_l1":[', '"bias_hh_l1":[NaN,'), /not a JSON object/],
      ['a bidirectional layer', 'bi.json', edit((d) => { d.weight_ih_l0_reverse = d.weight_ih_l0; }), /bidirectional/],
      ['an LSTM with proj_size', 'proj.json', edit((d) => { d.weight_hr_l0 = [[1]]; }), /proj_size/],
      ['four layers', 'deep.json', edit((d) => { for (const k of ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh']) { d[`${k}_l2`] = d[`${k}_l1`]; d[`${k}_l3`] = d[`${k}_l1`]; } }), /up to 3 layers \(found 4\)/],
      ['an unknown key', 'extra.json', edit((d) => { d.readout_weight = [[1]]; }), /'readout_weight'/],
    ];
    const error = page.getByTestId('open-error');
    for (const [k, [what, name, text, expected]] of cases.entries()) {
      await openFile(page, 'open-model-input', name, text);
      // Each refusal is a new message (`data-shown` counts them).
      await page.locator(`[data-testid="open-error"][data-shown="${k + 1}"]`).waitFor();
      const shown = await error.locator('.l-en').textContent();
      assert.match(shown, expected, `${what}: ${shown}`);
      assert.match(await error.locator('.l-ko').textContent(), /[가-힣]/, `${what}: a Korean sentence too`);
      assert.equal(await page.getByTestId('opened-model').locator('.opened-name').textContent(), 'sine-gru-2layer.json', what);
      assert.deepEqual(await hidden(page, 'gru-l2', 5), before, `${what}: the open model is unchanged`);
    }
    // Over 20 MB: refused on its size, before it is read.
    await openFile(page, 'open-model-input', 'huge.json', ' '.repeat(30e6));
    await page.locator(`[data-testid="open-error"][data-shown="${cases.length + 1}"]`).waitFor();
    assert.match(await page.getByTestId('open-error').locator('.l-en').textContent(), /30\.0 MB; the limit is 20 MB/);
    assert.deepEqual(await hidden(page, 'gru-l2', 5), before);
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  it('a wide network is drawn eight units at a time, from the unit the learner picks, and each layer can be opened', async () => {
    const { page, context, problems } = await explorer();
    const sd = stateDict('lstm', 1, 20, 2, 7, false);
    await openFile(page, 'open-model-input', 'wide.json', JSON.stringify(sd));
    await page.getByTestId('opened-model').and(page.locator('[data-hidden="20"]')).waitFor();
    const xs = (await page.getByTestId('sequence-input').inputValue()).split(',').map(Number).map((x) => [x]);
    await assertLanesMatch(page, 'lstm', sd, xs, { first: 0, units: 8 });
    await page.getByTestId('first-unit').fill('11');
    await page.getByTestId('first-unit').dispatchEvent('change');
    await page.getByTestId('lane-lstm').and(page.locator('[data-first-unit="11"]')).waitFor();
    await assertLanesMatch(page, 'lstm', sd, xs, { first: 10, units: 8 });
    assert.match(await page.getByTestId('lane-lstm').locator('figcaption').textContent(), /units 11–18 of 20/);
    await page.getByTestId('layer-2').click();
    await page.getByTestId('explore-weights').and(page.locator('[data-layer="2"]')).waitFor({ state: 'attached' });
    assert.equal(await page.getByTestId('layer-2').getAttribute('aria-checked'), 'true');
    await screenshot(page, 'bring-wide');
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});

describe('an RNN file', () => {
  it('opens as tanh, and ReLU when the learner says so (a state_dict does not record it)', async () => {
    const { page, context, problems } = await explorer();
    await openFile(page, 'open-model-input', 'rnn.json', JSON.stringify(stateDict('rnn', 1, 6, 1, 3)));
    await page.getByTestId('opened-model').and(page.locator('[data-kind="rnn"]')).waitFor();
    assert.match(await page.getByTestId('opened-model').textContent(), /RNN \(tanh\)/);
    const xs = (await page.getByTestId('sequence-input').inputValue()).split(',').map(Number).map((x) => [x]);
    await assertLanesMatch(page, 'rnn', stateDict('rnn', 1, 6, 1, 3), xs);
    const tanh = (await Promise.all(xs.map((_, t) => hidden(page, 'rnn', t + 1)))).flat();
    assert.ok(tanh.some((v) => v < 0), 'tanh states go below zero');
    await page.getByTestId('opened-activation').selectOption('relu');
    await page.waitForFunction(() => /ReLU/.test(document.querySelector('[data-testid="opened-model"]').textContent));
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid^="rnn-h-"]')].every((c) => Number(c.dataset.value) >= 0));
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});

describe('the size of the work', () => {
  it('runs 2,000 steps through H = 512, and says how many steps a deeper stack can take', async () => {
    const { page, context, problems } = await explorer();
    const rows = 'x\n' + Array.from({ length: 2000 }, (_, t) => Math.sin(t / 7).toFixed(3)).join('\n');
    await openFile(page, 'csv-file', 'long.csv', rows, 'text/csv');
    await page.getByTestId('csv-read').and(page.locator('[data-rows="2000"]')).waitFor();
    // Short numbers keep the files small; the sizes are what matters here.
    const short = (sd) => JSON.stringify(sd, (k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v));
    const start = Date.now();
    await openFile(page, 'open-model-input', 'wide.json', short(stateDict('lstm', 1, 512, 1, 5)));
    await page.getByTestId('opened-model').and(page.locator('[data-hidden="512"]')).waitFor({ timeout: 60000 });
    await page.getByTestId('lane-lstm').and(page.locator('[data-first-step="1"]')).waitFor({ timeout: 60000 });
    console.log(`# opened model (LSTM, I = 1, H = 512, one layer, 2,000 CSV steps): read, run and drawn in ${Date.now() - start} ms`);
    assert.match(await page.getByTestId('lane-lstm').locator('figcaption').textContent(), /units 1–8 of 512 · steps 1–40 of 2000/);
    // Three layers of H = 400: 2,000 steps are past steps × layers × H ≤ 2²⁰.
    await openFile(page, 'open-model-input', 'deep.json', short(stateDict('rnn', 1, 400, 3, 6)));
    await page.getByTestId('opened-model').and(page.locator('[data-hidden="400"]')).waitFor({ timeout: 60000 });
    await page.getByTestId('run-error').first().waitFor();
    assert.match(await page.getByTestId('run-error').first().textContent(), /has 2000 steps; with this model the page runs at most 873/);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});

describe('your own inputs', () => {
  it('a good CSV becomes the input, and eight malformed ones each get their sentence', async () => {
    const { page, context, problems } = await explorer();
    await page.getByTestId('bring-data').evaluate((d) => { d.open = true; });
    const apply = async (text) => {
      await page.getByTestId('csv-text').fill(text);
      await page.getByTestId('csv-apply').click();
    };
    await apply('x\n0.5\n-0.25\n1\n');
    await page.getByTestId('csv-read').and(page.locator('[data-rows="3"]')).waitFor();
    await page.getByTestId('lstm-col-3').waitFor();
    assert.equal(await page.getByTestId('lstm-col-4').count(), 0);
    const before = await hidden(page, 'lstm', 3);
    const cases = [
      ['a word', 'x\n1\nabc\n', /^Line 3, column 1: “abc” is not a number\.$/],
      ['a ragged row', 'a,b\n1,2\n3\n', /^Line 3 has 1 fields, but the first data row has 2\.$/],
      ['nothing', '\n\n', /^The file is empty/],
      ['only a header', 'a,b\n', /^The file has a header on line 1 but no rows of numbers below it\.$/],
      ['infinity', 'x\n1\ninf\n', /^Line 3, column 1: “inf” is not a finite number/],
      ['too many rows', 'x\n' + '1\n'.repeat(2001), /^The file has 2001 data rows; at most 2000 can be read\.$/],
      ['too many columns', Array(65).fill('1').join(',') + '\n', /^Line 1 has 65 columns; at most 64 can be read\.$/],
      ['a header of another width', 'a,b,c\n1,2\n', /^The header on line 1 names 3 columns, but the data rows have 2\.$/],
    ];
    for (const [k, [what, text, expected]] of cases.entries()) {
      await apply(text);
      await page.locator(`[data-testid="open-error"][data-shown="${k + 1}"]`).waitFor();
      const shown = await page.getByTestId('open-error').locator('.l-en').textContent();
      assert.match(shown, expected, `${what}: ${shown}`);
      assert.deepEqual(await hidden(page, 'lstm', 3), before, `${what}: the input is unchanged`);
    }
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  it('a line drawn from bottom left to top right becomes a rising input of T steps', async () => {
    const { page, context, problems } = await explorer();
    await page.getByTestId('bring-data').evaluate((d) => { d.open = true; });
    await page.getByTestId('draw-steps').fill('10');
    await page.getByTestId('draw-pad').scrollIntoViewIfNeeded();
    const box = await page.getByTestId('draw-pad').boundingBox();
    const [from, to] = [[box.x + 4, box.y + box.height - 4], [box.x + box.width - 4, box.y + 4]];
    await page.mouse.move(...from);
    await page.mouse.down();
    await page.mouse.move(...to, { steps: 25 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('[data-testid="sequence-input"]')?.value.split(',').length === 10);
    const xs = (await page.getByTestId('sequence-input').inputValue()).split(',').map(Number);
    // The stroke is a straight line on the pad (x from 0 to 1, value from −1 at the bottom to +1
    // at the top); resampled at x = (k + ½)/10 it is that line's value there.
    const pad = ([x, y]) => [(x - box.x) / box.width, 1 - 2 * (y - box.y) / box.height];
    const [[x0, v0], [x1, v1]] = [pad(from), pad(to)];
    xs.forEach((x, k) => {
      const expected = v0 + ((k + 0.5) / 10 - x0) * (v1 - v0) / (x1 - x0);
      assert.ok(Math.abs(x - expected) < 0.01, `x_${k + 1} = ${x}, the line is at ${expected}`);
    });
    // A click is not a line.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('draw-error').waitFor();
    assert.match(await page.getByTestId('draw-error').locator('.l-en').textContent(), /left to right/);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});

describe('taking weights back', () => {
  it('saving an opened model downloads the same state_dict, with the lines that load it', async () => {
    const { page, context, problems } = await explorer();
    await page.getByTestId('sample-sine-gru-2layer').click();
    await page.getByTestId('opened-model').and(page.locator('[data-kind="gru"]')).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="save-snippet"]').textContent.includes('GRU(1, 8, num_layers=2)'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-weights').click()]);
    assert.equal(download.suggestedFilename(), 'gru-2layer.json');
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(saved, JSON.parse(read('sine-gru-2layer.json')));
    // The seeded cell saves too, with its biases.
    await page.getByTestId('close-model').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="save-snippet"]').textContent.includes('LSTM('));
    const [seeded] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-weights').click()]);
    const keys = Object.keys(JSON.parse(readFileSync(await seeded.path(), 'utf8')));
    assert.deepEqual(keys, ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});

describe('networks trained in the page', () => {
  it('the race and the language lesson save their recurrent layers as state_dicts', async () => {
    const { page, context, problems } = await openPage(harness, '/training.html?lang=en');
    await page.getByTestId('race-save-lstm').and(page.locator(':enabled')).waitFor();
    const [lstm] = await Promise.all([page.waitForEvent('download'), page.getByTestId('race-save-lstm').click()]);
    const sd = JSON.parse(readFileSync(await lstm.path(), 'utf8'));
    assert.deepEqual(Object.keys(sd), ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']);
    const h = sd.weight_hh_l0[0].length;
    assert.equal(sd.weight_hh_l0.length, 4 * h, 'an LSTM stacks four gates');
    const [rnn] = await Promise.all([page.waitForEvent('download'), page.getByTestId('race-save-rnn').click()]);
    const rsd = JSON.parse(readFileSync(await rnn.path(), 'utf8'));
    assert.equal(rsd.weight_hh_l0.length, rsd.weight_hh_l0[0].length, 'an RNN has one block');
    await context.close();
    const lang = await openPage(harness, '/language.html?lang=en');
    await lang.page.getByTestId('language-train').and(lang.page.locator(':enabled')).waitFor();
    const [saved] = await Promise.all([lang.page.waitForEvent('download'), lang.page.getByTestId('language-save').click()]);
    const lsd = JSON.parse(readFileSync(await saved.path(), 'utf8'));
    assert.equal(lsd.weight_hh_l0.length, 4 * lsd.weight_hh_l0[0].length);
    assert.ok(lsd.weight_ih_l0[0].length > 10, 'one input per character of the vocabulary');
    assert.deepEqual([...problems.consoleErrors, ...lang.problems.consoleErrors], []);
    await lang.context.close();
  });
});

describe('stacked seeded cells', () => {
  it('the seeded cell stacks layers, and a link carries the depth and the layer shown', async () => {
    const { page, context, problems } = await explorer();
    await page.getByTestId('layers-2').click();
    await page.getByTestId('lane-lstm-l2').waitFor();
    await page.getByTestId('layer-2').click();
    await page.getByTestId('explore-weights').and(page.locator('[data-layer="2"]')).waitFor({ state: 'attached' });
    await page.waitForFunction(() => /layers=2/.test(location.search) && /layer=2/.test(location.search));
    const link = new URL(page.url());
    await context.close();
    const again = await explorer();
    await again.page.goto(harness.server.origin + link.pathname + link.search);
    await again.page.getByTestId('lane-lstm-l2').waitFor();
    await again.page.getByTestId('explore-weights').and(again.page.locator('[data-layer="2"]')).waitFor({ state: 'attached' });
    // Layer 2 reads layer 1's hidden states: its weight_ih is 4H × H (H = 4 here), named for layer 2.
    assert.equal(await again.page.locator('[data-testid^="weight_ih_l1-"]').count(), 16 * 4);
    assert.equal(await again.page.locator('[data-testid^="weight_ih_l0-"]').count(), 0, 'only the layer shown');
    assert.deepEqual([...problems.consoleErrors, ...again.problems.consoleErrors], []);
    await again.context.close();
  });
});
