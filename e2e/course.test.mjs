// The course as a learner walks it: every lesson, every step, both languages; every question
// answered and its revealed number checked against a computation made here; the URL that
// restores a view; malformed URLs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage, startHarness } from './harness.mjs';
import { backward, forward, norm } from './reference.mjs';
import { RnnScene } from './rnn-scene.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

/** Every lesson page the build wrote, in course order (the sidebar's). */
function lessons() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const ids = [...html.matchAll(/data-testid="nav-([a-z0-9-]+)" data-lesson/g)].map((m) => m[1]);
  const only = process.env.LESSONS?.split(',');
  return ids.map((id, i) => ({ id, file: i === 0 ? 'index.html' : `${id}.html` })).filter((l) => !only || only.includes(l.id));
}

function assertClean(problems, what) {
  assert.deepEqual(problems.pageErrors, [], `${what}: uncaught exceptions`);
  assert.deepEqual(problems.consoleErrors, [], `${what}: console errors`);
  assert.deepEqual(problems.foreignRequests, [], `${what}: requests to another origin`);
  assert.deepEqual(problems.failedResponses, [], `${what}: responses with status >= 400`);
}

/** The RNN of a lesson's scene as the reference wants it, read from the weights it shows. */
async function rnnParams(page) {
  const w = await new RnnScene(page).weights();
  return {
    weight_ih_l0: w.wx.map((v) => [v]),
    weight_hh_l0: w.wh,
    bias_ih_l0: w.b,
    bias_hh_l0: w.b.map(() => 0),
  };
}

const seq = (s) => s.split(',').map(Number);

/**
 * For each question, the answer computed here: by hand where the lesson's numbers allow it, by
 * the JavaScript reference from the weights the page shows, or from the same model's numbers as
 * another part of the page draws them.
 */
const EXPECTED = {
  'rnn-cell': async (page) => {
    const p = await rnnParams(page);
    const run = forward('rnn', p, seq('3,3,3,3,3,3').map((x) => [x]));
    return Math.max(...run.steps.flatMap((s) => s.h.map(Math.abs)));
  },
  // 4·1 + 4·4 + 4 + 4, by hand.
  unrolled: async () => 28,
  output: async (page) => {
    const pred = Number(await page.getByTestId('next-value-prediction').getAttribute('data-value'));
    const last = Number(await page.getByTestId('next-value-bar-7').getAttribute('data-value'));
    return pred - last;
  },
  bptt: async (page) => {
    const p = await rnnParams(page);
    const b = backward('rnn', p, seq('0.2,0.45,0.4,0.85,1,0.7').map((x) => [x]));
    return norm(b.dh[0]) / norm(b.dh[5]);
  },
  // Zero input, W_h = 0.9·Q with Q orthogonal: exactly 0.9^20.
  'gradient-flow': async () => 0.9 ** 20,
  exploding: async (page) => JSON.parse(await page.getByTestId('clip-plot').getAttribute('data-grad-norm'))[39],
  'long-term': async (page) => raceGradients(page).then((g) => g[0]),
  // f = 0 makes the kept part f ⊙ c_{t−1} exactly 0.
  'lstm-cell': async () => 0,
  // o = 0 makes h = o ⊙ tanh(c) exactly 0.
  gates: async () => 0,
  // The LSTM's curve as the plot draws it (index = lag), after the question set f = 1.
  'lstm-gradient': async (page) => {
    await page.waitForFunction(() => document.querySelector('[data-testid=decay-forget-open]')?.checked);
    await page.locator('figure.plot[aria-busy="false"]').waitFor();
    return JSON.parse(await page.getByTestId('decay-plot').getAttribute('data-series')).lstm[20];
  },
  // 3 · (4·1 + 4·4 + 4 + 4), by hand.
  cells: async () => 84,
  training: async (page) => raceGradients(page).then((g) => g[1] / g[0]),
  // A GRU carries h alone: 4 numbers.
  explore: async () => 4,
  // The training time at which the continuation first read " 주말" / " the weekend": checked
  // against what the scene shows (the continuation, and the training time so far).
  language: async (page, shown, lang) => {
    // The lesson's steps train on the Korean text in either page language.
    const want = ' 주말';
    await page.waitForFunction((w) => document.querySelector('[data-testid="language-continuation"]').textContent.startsWith(w), want);
    const elapsed = Number(await page.getByTestId('language-elapsed-ms').getAttribute('data-value'));
    assert.ok(shown > 0 && shown <= elapsed, `learned at ${shown} ms of ${elapsed} ms of training`);
    console.log(`# language lesson (${lang}): continued with "${want}" after ${shown.toFixed(0)} ms of training`);
    return shown;
  },
};

/** ‖∂L/∂x_1‖ of the RNN and the LSTM as the race's note prints them (full precision on the element). */
async function raceGradients(page) {
  const el = page.getByTestId('race-symbol-gradient');
  await el.waitFor();
  return JSON.parse(await el.getAttribute('data-values'));
}

async function waitForLiveValues(page, step) {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll(`#step-${n} .live`)].every((s) => s.textContent !== '…' && s.textContent !== ''),
    step,
    { timeout: 30000 },
  );
}

describe('every lesson, every step, both languages', () => {
  for (const lang of ['ko', 'en']) {
    it(`walks the course in ${lang}: live numbers, no missing text, questions answered right`, async () => {
      const walked = [];
      for (const { id, file } of lessons()) {
        const { page, context, problems } = await openPage(harness, `/${file}?lang=${lang}`);
        const scene = page.locator('#scene');
        const keys = (s) => s.split('|').map((p) => p.trim().split(/\s+/).filter(Boolean).sort());
        assert.deepEqual(keys(await scene.getAttribute('data-registered')), keys(await scene.getAttribute('data-keys')),
          `${id}: the scene registers exactly the knobs and readings the lessons may use`);
        const count = Number(await page.getByTestId('lesson').getAttribute('data-steps'));
        assert.ok(count >= 3, `${id}: ${count} steps`);
        for (let n = 1; n <= count; n++) {
          if (n > 1) await page.getByTestId('lesson-next').click();
          await page.locator(`#step-${n}:not([hidden])`).waitFor();
          assert.equal(await page.locator('.step:not([hidden])').count(), 1, `${id} step ${n}: one step shown`);
          assert.equal(await page.locator('.step-now').innerText(), String(n));
          await waitForLiveValues(page, n);
          const text = await page.locator(`#step-${n}`).innerText();
          assert.ok(text.trim().length > 40, `${id} step ${n}: text`);
          assert.doesNotMatch(text, /undefined|NaN|\{[a-z@0-9:]+\}/, `${id} step ${n}: no raw key`);
          // (The language lesson quotes the seed's Korean sentence in English too.)
          if (lang === 'ko') assert.match(text, /[가-힣]/, `${id} step ${n}: Korean`);
          else if (id !== 'language') assert.doesNotMatch(text, /[가-힣]/, `${id} step ${n}: no Korean in English`);
          const ask = page.locator(`#step-${n} .ask`);
          if (await ask.count()) {
            const choices = ask.locator('.choice');
            await choices.first().click();
            await ask.locator('.reveal:not([hidden])').waitFor({ timeout: 30000 });
            const shown = Number(await ask.locator('.reveal-value').getAttribute('data-value'));
            const expected = await EXPECTED[id](page, shown, lang).catch((e) => assert.fail(`${id}: computing the answer: ${e}`));
            const tolerance = Math.max(1e-12, Math.abs(expected) * 1e-9);
            assert.ok(Math.abs(shown - expected) <= tolerance, `${id}: revealed ${shown}, computed ${expected}`);
            assert.equal(await ask.locator('.choice.right').count() >= 1, true, `${id}: a right choice is marked`);
            walked.push(id);
          }
        }
        assert.ok(await page.getByTestId('lesson-next').isDisabled(), `${id}: no step after the last`);
        assertClean(problems, id);
        await context.close();
      }
      assert.ok(walked.length >= lessons().length - 1, `questions answered in ${walked.length} lessons`);
    });
  }
});

describe('the URL restores a view', () => {
  const CASES = [
    ['index.html', 'step=2&x=0.1,0.3,0.2,0.9'],
    ['rnn-cell.html', 'step=3&x=0.1,0.9,-0.5&t=2&back=1'],
    ['unrolled.html', 'step=2&kind=gru&h=3&fold=1&t=4'],
    ['gates.html', 'step=4&f=0.25&i=0.5&o=1&t=5'],
    ['gradient-flow.html', 'step=2&rho=1.12&T=40&act=logistic&q=loss&lag=7'],
    ['exploding.html', 'step=2&rho=1.5&logtheta=0.5&lr=0.2&mark=33'],
    ['training.html', 'step=3&lag=15'],
    ['cells.html', 'step=5&kind=lstm1997&cmp=1&t=3'],
    ['language.html', 'step=3&text=en'],
  ];
  for (const [file, query] of CASES) {
    it(`${file}?${query} opens, copies and reopens the same view`, async () => {
      const { page, context, problems } = await openPage(harness, `/${file}?lang=en&${query}`);
      const settled = (q) => {
        const have = new URLSearchParams(location.search);
        return [...new URLSearchParams(q)].every(([k, v]) => have.get(k) === v);
      };
      await page.waitForFunction(settled, query, { timeout: 10000 }).catch(() => {});
      assert.equal(await page.getByTestId('url-notice').isHidden(), true, 'nothing was rejected');
      const want = new URLSearchParams(query);
      const have = new URLSearchParams(new URL(page.url()).search);
      for (const [k, v] of want) assert.equal(have.get(k), v, `${k} in the address bar`);
      await page.getByTestId('copy-link').click();
      const copied = page.locator('.copy-status .copied');
      await copied.waitFor();
      const url = await copied.getAttribute('data-url');
      const fresh = await harness.browser.newContext({ viewport: { width: 1440, height: 900 } });
      const again = await fresh.newPage();
      await again.goto(url);
      await again.locator('#scene[data-registered]').waitFor();
      await again.waitForFunction(settled, query, { timeout: 10000 }).catch(() => {});
      const reopened = new URLSearchParams(new URL(again.url()).search);
      for (const [k, v] of want) assert.equal(reopened.get(k), v, `${k} after reopening`);
      assert.equal(await again.locator('.step:not([hidden])').getAttribute('data-step'), want.get('step'));
      await fresh.close();
      assertClean(problems, file);
      await context.close();
    });
  }
});

describe('malformed URLs', () => {
  const BAD = [
    'step=0', 'step=-3', 'step=99999999999999999999', 'step=abc', 'lang=xx', 'lang=', 'embed=2',
    't=0', 't=-1', 't=1e400', 't=NaN', 'x=', 'x=abc', 'x=1,,zz', `x=${Array(60).fill(1).join(',')}`, 'x=1e999',
    'kind=lstm2', 'h=0', 'h=9', 'h=-1', 'fold=maybe', 'cmp=2', 'rho=NaN', 'rho=1e308', 'T=4', 'fb=Infinity',
    'act=softmax', 'q=both', 'lag=0', 'f=2', 'i=-0.5', 'o=abc', 'back=yes', 'logtheta=9', 'lr=0', 'mark=0',
    'play=2', 'zzz=1', '%3Cscript%3Ealert(1)%3C/script%3E=1', 'x=%3Cimg%20src=x%20onerror=alert(1)%3E',
    '%ED%95=1', 'x=%ED%95%9C', '%%%=%%', '&&&&x=', 'lesson=../../etc/passwd', 'lesson=%00', 'step=1&step=2&step=x',
    'hl=%3Cb%3E&t=%3Cb%3E', `q=${'a'.repeat(5000)}`, 'text=1&x=%F0%9F%98%80',
  ];
  it(`${BAD.length} malformed URLs each open a working page with the notice`, async () => {
    assert.ok(BAD.length >= 50);
    const pages = ['rnn-cell.html', 'explore.html', 'gradient-flow.html', 'gates.html', 'exploding.html'];
    for (const [i, bad] of BAD.entries()) {
      const file = pages[i % pages.length];
      const { page, context, problems } = await openPage(harness, `/${file}?lang=en&${bad}`);
      await page.waitForTimeout(150);
      assert.equal(await page.locator('.step:not([hidden])').count(), 1, `${bad}: a step is shown`);
      assert.ok((await page.locator('#scene .scene').count()) === 1, `${bad}: the scene is there`);
      await page.getByTestId('url-notice').waitFor({ timeout: 5000 });
      assert.ok((await page.locator('.notice-keys').innerText()).length > 0, `${bad}: the notice names a key`);
      assertClean(problems, bad);
      await context.close();
    }
  });

  it('names the keys it ignored, in the page language', async () => {
    const { page, context } = await openPage(harness, '/rnn-cell.html?lang=ko&t=abc&zzz=1&h=99');
    await page.getByTestId('url-notice').waitFor();
    assert.match(await page.getByTestId('url-notice').innerText(), /기본값/);
    assert.equal(await page.locator('.notice-keys').innerText(), 't, zzz, h');
    await context.close();
  });
});

describe('steps drive the scene', () => {
  it('a step sets the time cursor, a gate clamp and a highlight; the keys N and P step', async () => {
    const { page, context, problems } = await openPage(harness, '/gates.html?lang=en');
    await page.keyboard.press('n');
    await page.locator('#step-2:not([hidden])').waitFor();
    assert.equal(await page.locator('#scene').getAttribute('data-hl'), 'forget');
    await page.keyboard.press('n');
    await page.locator('#step-3:not([hidden])').waitFor();
    await page.waitForURL(/i=0/);
    assert.match(page.url(), /t=2/);
    assert.equal(await page.locator('#scene').getAttribute('data-hl'), 'input');
    await page.keyboard.press('p');
    await page.locator('#step-2:not([hidden])').waitFor();
    assertClean(problems, 'gates');
    await context.close();
  });

  it('marks a lesson done in the list once its last step is reached, and remembers it', async () => {
    const { page, context } = await openPage(harness, '/unrolled.html?lang=en');
    assert.equal(await page.locator('a[data-lesson="unrolled"]').getAttribute('class'), 'current');
    const count = Number(await page.getByTestId('lesson').getAttribute('data-steps'));
    await page.getByTestId(`dot-${count}`).click();
    await page.locator('a[data-lesson="unrolled"].done').waitFor();
    await page.goto(`${harness.server.origin}/index.html?lang=en`);
    await page.locator('a[data-lesson="unrolled"].done').waitFor();
    await context.close();
  });

  it('embed=1 shows the scene alone', async () => {
    const { page, context } = await openPage(harness, '/lstm-cell.html?lang=en&embed=1');
    assert.ok(await page.locator('#scene .scene').isVisible());
    assert.ok(await page.locator('.steps-col').isHidden());
    assert.ok(await page.locator('.sidebar').isHidden());
    await context.close();
  });
});

describe('the glossary and the teachers page', () => {
  it('a term links from its first use in a lesson to its entry, in both languages', async () => {
    const { page, context, problems } = await openPage(harness, '/rnn-cell.html?lang=en');
    const link = page.locator('#step-1 a.term-link[href="glossary.html#hidden-state"]:visible');
    assert.equal(await link.innerText(), 'hidden state');
    await link.click();
    await page.waitForURL(/glossary\.html#hidden-state/);
    assert.match(await page.locator('#hidden-state').innerText(), /summary of everything read so far/);
    await page.getByTestId('lang-ko').click();
    assert.match(await page.locator('#hidden-state').innerText(), /기억/);
    await page.getByTestId('nav-teachers').click();
    await page.getByTestId('teachers').waitFor();
    assert.match(await page.getByTestId('teachers').innerText(), /embed=1/);
    assertClean(problems, 'glossary');
    await context.close();
  });
});

describe('text first', () => {
  it('every lesson page carries its whole text in both languages before any script runs', () => {
    const files = readdirSync(DIST).filter((f) => f.endsWith('.html'));
    assert.equal(files.length, lessons().length + 2, 'the lessons, the glossary and the teachers page');
    for (const f of files.filter((f) => !/glossary|teachers/.test(f))) {
      const html = readFileSync(join(DIST, f), 'utf8');
      assert.match(html, /class="step"/);
      assert.match(html, /class="[^"]*l-ko/);
      assert.match(html, /class="[^"]*l-en/);
    }
  });
});
