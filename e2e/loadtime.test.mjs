// Load times on a low-end phone (issue 14, point 1): e2e/loadtime.mjs measures every page it
// names (the landing lesson, the RNN cell, the LSTM cell, the explorer — the heaviest), median of
// three runs, throttled (CPU ×4, fast 3G) and not; the table goes to e2e/artifacts/loadtime.md
// (and the runs to loadtime.json). Throttled, the lesson's text shows within 2 s, the live scene
// within 5 s, and a second visit (from the offline worker) is interactive within 1 s.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdown, measure, missed } from './loadtime.mjs';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

let result;
before(async () => {
  result = await measure({ runs: 3, log: (s) => console.log(`# ${s}`) });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'loadtime.md'), markdown(result));
  writeFileSync(join(ARTIFACTS, 'loadtime.json'), `${JSON.stringify(result, null, 1)}\n`);
  console.log(markdown(result).replace(/^/gm, '# '));
});

describe('load times on a slow phone (CPU ×4, fast 3G), median of three', () => {
  it('every page showed its lesson text (h1 in the first screen) and loaded without an error', () => {
    for (const [file, e] of Object.entries(result.pages)) {
      for (const mode of ['throttled', 'unthrottled']) {
        assert.ok(e[mode].h1Visible, `${file} ${mode}: the h1 is visible in the first screen`);
        assert.deepEqual(e[mode].errors, [], `${file} ${mode}: no console or page error`);
        assert.deepEqual(e[mode].repeatNotKept, [], `${file} ${mode}: the repeat visit came from the offline worker's cache`);
      }
    }
  });

  it('meets the targets: text ≤ 2 s, interactive ≤ 5 s, repeat visit ≤ 1 s', () => {
    assert.deepEqual(missed(result), []);
  });
});

after(() => {
  if (result) console.log(`# measured in ${result.seconds.toFixed(0)} s`);
});
