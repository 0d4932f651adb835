// The app shell and its first live scene, in a real browser against the release build.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage, screenshot, startHarness } from './harness.mjs';
import { RnnScene } from './rnn-scene.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'uncaught exceptions (a Rust panic shows up here)');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.foreignRequests, [], 'requests to another origin');
  assert.deepEqual(problems.failedResponses, [], 'responses with status >= 400');
}

describe('the app shell', () => {
  it('mounts with the title, the lesson sidebar, a stage and the paper in the footer', async () => {
    const { page, context, problems } = await openPage(harness, '/?lang=ko');
    await assert.doesNotReject(page.getByRole('navigation').first().waitFor());
    assert.equal(await page.locator('.brand-name').innerText(), 'LSTM 탐험');
    assert.ok((await page.locator('.lesson-list li').count()) >= 2, 'the sidebar lists the lessons');
    assert.ok(await page.locator('.stage').isVisible(), 'the stage');
    const paper = page.locator('footer a');
    assert.match(await paper.getAttribute('href'), /2604\.pdf$/);
    assertClean(problems);
    assert.ok(harness.server.requests.some((r) => r.path.endsWith('.wasm') && r.status === 200), 'the wasm was served');
    await context.close();
  });

  it('switches between Korean and English, keeps the choice in the URL and remembers it', async () => {
    const { page, context, problems } = await openPage(harness, '/rnn-cell.html?lang=ko');
    const title = page.locator('.lesson h1');
    assert.equal(await title.innerText(), 'RNN 셀과 은닉 상태');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await title.innerText(), 'The RNN cell and its hidden state');
    assert.equal(await page.getByTestId('lang-en').getAttribute('aria-pressed'), 'true');
    await page.waitForURL(/lang=en/);
    assert.doesNotMatch(await page.locator('.stage').innerText(), /[가-힣]/, 'no Korean left on the English page');
    // A page opened without `lang` follows the remembered choice.
    await page.goto(`${harness.server.origin}/unrolled.html`);
    await page.locator('#scene[data-registered]').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assertClean(problems);
    await context.close();
  });

  it('says so in the page\'s language when the scene\'s module cannot be fetched, and the text stays', async () => {
    for (const [file, lang, words] of [['rnn-cell.html', 'en', /could not be loaded/], ['index.html', 'ko', /불러오지 못했습니다/]]) {
      const context = await harness.browser.newContext();
      const page = await context.newPage();
      await page.route(/\.wasm$/, (route) => route.abort());
      await page.goto(`${harness.server.origin}/${file}?lang=${lang}`);
      const failed = page.getByTestId('scene-failed');
      await failed.waitFor({ timeout: 10000 });
      assert.match(await failed.innerText(), words, `${file}: the message in ${lang}`);
      assert.equal(await page.locator('.scene-loading').count(), 0, `${file}: the loading note is gone`);
      assert.ok((await page.locator('.lesson h1').innerText()).length > 0, `${file}: the lesson's text is there`);
      await context.close();
    }
  });

  it('follows the browser language when the URL and the learner have not chosen one', async () => {
    for (const [locale, lang] of [['en-US', 'en'], ['ko-KR', 'ko'], ['fr-FR', 'ko']]) {
      const context = await harness.browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${harness.server.origin}/rnn-cell.html`);
      await page.locator('#scene[data-registered]').waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), lang, locale);
      await context.close();
    }
  });

  it('fetches the lab module only once a lesson shows a plot, and no lesson asks another origin for anything', async () => {
    const { page, context, problems } = await openPage(harness, '/index.html?lang=en');
    const lab = () => harness.server.requests.filter((r) => r.path.includes('lstm-lab')).length;
    const labBefore = lab();
    await page.getByTestId('nav-rnn-cell').click();
    await page.locator('article[data-lesson="rnn-cell"]').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(lab(), labBefore, 'no lab request for lessons without a plot');
    const lessons = ['gradient-flow', 'exploding', 'long-term', 'lstm-gradient', 'training', 'explore'];
    for (const id of lessons) {
      await page.getByTestId(`nav-${id}`).click();
      await page.locator(`article[data-lesson="${id}"]`).waitFor();
      await page.locator('figure.plot[aria-busy="false"]').first().waitFor();
    }
    assert.ok(lab() > labBefore, 'the lab was fetched for the plots');
    assertClean(problems);
    await context.close();
  });

  it('navigates between lessons from the sidebar and the pager', async () => {
    const { page, context, problems } = await openPage(harness, '/?lang=en');
    assert.equal(await page.getByTestId('lesson').getAttribute('data-lesson'), 'sequences');
    await page.getByTestId('nav-rnn-cell').click();
    await page.locator('article[data-lesson="rnn-cell"]').waitFor();
    assert.equal(await page.getByTestId('nav-rnn-cell').getAttribute('aria-current'), 'page');
    await page.locator('.pager-prev').click();
    await page.locator('article[data-lesson="sequences"]').waitFor();
    assertClean(problems);
    await context.close();
  });

  it('opens a working page from a malformed URL, with a notice naming what it ignored', async () => {
    const { page, context, problems } = await openPage(harness, '/?lesson=%3Cscript%3E&lang=xx&&=&t=NaN');
    assert.equal(await page.getByTestId('lesson').getAttribute('data-lesson'), 'sequences');
    await page.getByTestId('url-notice').waitFor();
    assert.match(await page.locator('.notice-keys').innerText(), /lesson.*lang/);
    assertClean(problems);
    await context.close();
  });
});

describe('the live RNN cell', () => {
  it('shows numbers that satisfy h_t = tanh(W_h h_{t-1} + W_x x_t + b) at every step', async () => {
    const { page, context, problems } = await openPage(harness, '/rnn-cell.html?lang=en');
    const scene = new RnnScene(page);
    await scene.root.waitFor();
    const weights = await scene.weights();
    const steps = await scene.stepCount();
    assert.equal(steps, 6);
    let previous = weights.wh.map(() => 0);
    const inputs = [];
    for (let t = 1; t <= steps; t++) {
      if (t > 1) await scene.next();
      assert.equal(await scene.currentStep(), t);
      const shown = await scene.stepValues();
      inputs.push(shown.x);
      // An independent reference: the formula computed here in JavaScript from the shown weights.
      for (let j = 0; j < weights.wh.length; j++) {
        assert.ok(Math.abs(shown.hprev[j] - previous[j]) < 1e-12, `h_${t - 1}[${j}] carried over`);
        const recurrent = weights.wh[j].reduce((s, w, k) => s + w * previous[k], 0);
        const input = weights.wx[j] * shown.x;
        const pre = recurrent + input + weights.b[j];
        assert.ok(Math.abs(shown.recurrent[j] - recurrent) < 1e-12, `W_h h_${t - 1} at step ${t}`);
        assert.ok(Math.abs(shown.input[j] - input) < 1e-12, `W_x x_${t} at step ${t}`);
        assert.ok(Math.abs(shown.pre[j] - pre) < 1e-12, `pre-activation at step ${t}`);
        assert.ok(Math.abs(shown.h[j] - Math.tanh(pre)) < 1e-12, `h_${t}[${j}]`);
        assert.equal(shown.hText[j], format(shown.h[j]), 'the printed number is the model number, rounded');
      }
      previous = shown.h;
    }
    // The preset's inputs, as the lesson data gives them.
    assert.deepEqual(inputs, [0.2, 0.45, 0.4, 0.85, 1, 0.7]);
    assert.ok(await scene.nextButton.isDisabled(), 'no step after the last');
    assertClean(problems);
    await context.close();
  });

  it('opens a step when its column in the unrolled view is clicked or activated by keyboard', async () => {
    const { page, context, problems } = await openPage(harness, '/rnn-cell.html');
    const scene = new RnnScene(page);
    await scene.column(4).click();
    assert.equal(await scene.currentStep(), 4);
    assert.equal(await scene.column(4).getAttribute('aria-pressed'), 'true');
    await scene.column(2).focus();
    await page.keyboard.press('Enter');
    assert.equal(await scene.currentStep(), 2);
    await scene.lastButton.click();
    assert.equal(await scene.currentStep(), 6);
    assertClean(problems);
    await context.close();
  });
});

describe('editing the input sequence', () => {
  it('recomputes on a typed or chosen sequence and explains bad input without losing the last good one', async () => {
    const { page, context, problems } = await openPage(harness, '/rnn-cell.html?lang=en');
    const scene = new RnnScene(page);
    const field = page.getByTestId('sequence-input');
    await field.fill('0.5, abc, 1');
    await field.press('Enter');
    await assert.doesNotReject(page.getByTestId('sequence-error').waitFor());
    assert.match(await page.getByTestId('sequence-error').textContent(), /Entry 2/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await scene.stepCount(), 6, 'the last good sequence stays');

    await page.getByTestId('lang-ko').click();
    assert.match(await page.getByTestId('sequence-error').textContent(), /2번째/, 'the message follows the language');

    await page.getByTestId('sequence-pulse').click();
    assert.equal(await page.getByTestId('sequence-error').count(), 0);
    assert.equal(await scene.stepCount(), 10);
    await scene.lastButton.click();
    await field.fill('1, -1, 0.5');
    await field.press('Enter');
    assert.equal(await scene.stepCount(), 3);
    assert.equal(await scene.currentStep(), 3, 'the cursor is pulled back inside the shorter sequence');
    const weights = await scene.weights();
    const shown = await scene.stepValues();
    assert.equal(shown.x, 0.5);
    assert.equal(shown.h.length, weights.wh.length);
    assert.ok(shown.h.length > 0);
    shown.h.forEach((h, j) => {
      const pre = weights.wh[j].reduce((s, w, k) => s + w * shown.hprev[k], 0) + weights.wx[j] * 0.5 + weights.b[j];
      assert.ok(Math.abs(h - Math.tanh(pre)) < 1e-12);
    });
    for (const bad of ['', '1e999', Array(51).fill(1).join(','), '1, 2, 99']) {
      await field.fill(bad);
      await field.press('Enter');
      await assert.doesNotReject(page.getByTestId('sequence-error').waitFor());
      assert.equal(await scene.stepCount(), 3);
    }
    assertClean(problems);
    await context.close();
  });
});

describe('layout and screenshots', () => {
  for (const [name, viewport] of [['desktop-1440', { width: 1440, height: 900 }], ['phone-375', { width: 375, height: 812 }]]) {
    it(`fits a ${viewport.width} px screen without sideways scrolling (${name})`, async () => {
      for (const lang of ['ko', 'en']) {
        const { page, context, problems } = await openPage(harness, `/rnn-cell.html?lang=${lang}`, viewport);
        await new RnnScene(page).column(3).click();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
        await page.locator('details.weights summary').click();
        const file = await screenshot(page, `rnn-cell-${lang}-${name}`);
        console.log(`screenshot: ${file}`);
        assertClean(problems);
        await context.close();
      }
      const { page, context } = await openPage(harness, '/index.html?lang=ko', viewport);
      console.log(`screenshot: ${await screenshot(page, `sequences-ko-${name}`)}`);
      await context.close();
    });
  }
});

/** The page's own number format: three decimals and a true minus sign. */
function format(x) {
  const s = x.toFixed(3);
  return (s === '-0.000' ? '0.000' : s).replace('-', '−');
}

describe('locked down (Content-Security-Policy)', () => {
  const pages = readdirSync(DIST).filter((f) => f.endsWith('.html')).sort();

  it('every page carries the policy before any script, and no inline script, style or handler', () => {
    assert.ok(pages.length >= 17, `${pages.length} pages`);
    for (const file of pages) {
      const html = readFileSync(join(DIST, file), 'utf8');
      const policy = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
      assert.equal(policy.length, 1, `${file}: one policy`);
      assert.equal(policy[0][1], "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'");
      assert.ok(policy[0].index < html.indexOf('<script'), `${file}: the policy comes before the scripts`);
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) assert.match(tag, /\ssrc="\.\/[^"]+"/, `${file}: ${tag} has a file`);
      assert.doesNotMatch(html, /<script\b[^>]*>[^<]/, `${file}: no inline script`);
      assert.doesNotMatch(html, /<style\b|\sstyle="|\son[a-z]+="/, `${file}: no inline style or handler`);
    }
  });

  it('the browser enforces it: an inline script does not run and the violation is heard', async () => {
    const { page, context } = await openPage(harness, '/rnn-cell.html?lang=en');
    const seen = harness.violations.length;
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.head.append(s);
      await new Promise((ok) => setTimeout(ok, 200));
      return window.__inlineRan === true;
    });
    assert.equal(ran, false, 'the inline script was refused');
    await page.waitForFunction(() => true);
    const heard = harness.violations.splice(seen);
    assert.ok(heard.some((v) => v.directive.startsWith('script-src')), JSON.stringify(heard));
    await context.close();
  });

  it('no cookies, and nothing stored but the language and the lessons done', async () => {
    const { page, context, problems } = await openPage(harness, '/rnn-cell.html?lang=en');
    await page.getByTestId('lesson-next').click();
    await page.locator('.lang-btn[data-lang="ko"]').click();
    await page.waitForTimeout(600);
    assert.deepEqual(await context.cookies(), []);
    const stored = await page.evaluate(() => ({
      local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage),
    }));
    assert.deepEqual(stored, { local: ['lstm-explorer.lang'], session: [] });
    assertClean(problems);
    await context.close();
  });
});
