// Phones: every lesson at 375 × 812 CSS px, at every one of its steps, in both languages. The page
// never scrolls sideways and every diagram fits the screen's width; no number on the page renders
// smaller than 11 CSS px (SVG text is measured as drawn, after the diagram's scaling); every
// control a finger uses is at least 44 × 44 px (links inside running text are exempt, as WCAG
// 2.5.5 allows) and none is cut by the screen's edge.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { DIST, openPage, screenshot, startHarness } from './harness.mjs';

const PHONE = { width: 375, height: 812 };
const PAGES = readdirSync(DIST).filter((f) => f.endsWith('.html')).sort();
export const MIN_NUMBER_PX = 11;
export const MIN_TARGET_PX = 44;

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

/** Everything on the page that breaks the phone rules (run inside the page). */
function phoneProblems({ minNumber, minTarget }) {
  const shown = (el) => el.getClientRects().length > 0 && !el.closest('[hidden], [aria-hidden="true"]')
    && getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).opacity !== '0';
  const name = (el) => el.dataset?.testid || el.getAttribute('class') || el.tagName.toLowerCase();
  const width = document.documentElement.clientWidth;
  const out = { overflow: document.documentElement.scrollWidth - width, wide: [], small: [], targets: [], cut: [] };
  // Diagrams and plots wider than the screen (or reaching past its right edge).
  for (const el of document.querySelectorAll('#scene svg, #scene canvas, #scene figure, #scene table')) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5) out.wide.push(`${name(el)}: ${Math.round(r.left)}–${Math.round(r.right)} px`);
  }
  // Numbers: every text node with a digit, at the size it is drawn.
  const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !/\d/.test(node.textContent) || !shown(el)) continue;
    if (el.closest('title, desc, .sr-only, script, style, noscript')) continue;
    seen.add(el);
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) {
      const m = el.getScreenCTM();
      if (m) px *= Math.hypot(m.a, m.b);
    }
    if (px < minNumber - 0.05) out.small.push(`${name(el)} "${node.textContent.trim().slice(0, 12)}": ${px.toFixed(1)} px`);
  }
  // Touch targets.
  const controls = document.querySelectorAll('button, a[href], input:not([type=hidden]), select, summary, textarea, [role=button], [role=radio], [role=slider], [tabindex="0"]');
  for (const el of controls) {
    if (!shown(el) || el.disabled) continue;
    // A link inside a sentence is exempt; so is a scene's own focus frame (it is the whole scene).
    if (el.matches('a') && el.closest('p, dd, td, figcaption, .lesson-summary')) continue;
    if (el.matches('section.scene')) continue;
    // An input inside its label is operated through the label, which is the target.
    const r = (el.matches('input') && el.closest('label') ? el.closest('label') : el).getBoundingClientRect();
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5) {
      out.targets.push(`${name(el)}: ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    // A control cut by the screen's edge, unless it sits in a strip that scrolls sideways (the
    // lesson list does: its other lessons are a swipe away).
    let scroller = el.parentElement;
    while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
    if (!scroller && (r.left < -0.5 || r.right > width + 0.5)) out.cut.push(`${name(el)}: ${Math.round(r.left)}–${Math.round(r.right)} px`);
    // A control narrower than its own words (a button squeezed by its neighbours); a formula that
    // scrolls sideways inside its box (and takes the focus to be scrolled by keys) is meant to.
    if (el instanceof HTMLElement && !el.matches('input, select, textarea') && el.scrollWidth > el.clientWidth + 1
      && !/(auto|scroll)/.test(getComputedStyle(el).overflowX)) {
      out.cut.push(`${name(el)}: its words need ${el.scrollWidth} px, it has ${el.clientWidth}`);
    }
  }
  const dedupe = (xs) => [...new Set(xs)];
  return { ...out, small: dedupe(out.small), targets: dedupe(out.targets), cut: dedupe(out.cut) };
}

/** Waits until the scene has drawn what a step asked for: no plot still busy, every finite CSS
 * transition or animation (folding the explorer's lanes, say) finished, and two more frames. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('#scene [aria-busy="true"]'), null, { timeout: 30000 });
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => {})));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

describe('every page on a 375 px phone', () => {
  for (const file of PAGES) {
    it(`${file}: at every step, fits the width, numbers ≥ ${MIN_NUMBER_PX} px, touch targets ≥ ${MIN_TARGET_PX} px`, async () => {
      // Both languages and every step are measured before anything is asserted, so every
      // finding is reported.
      const findings = {};
      for (const lang of ['en', 'ko']) {
        const { page, context, problems } = await openPage(harness, `/${file}?lang=${lang}`, PHONE);
        const next = page.getByTestId('lesson-next');
        for (let step = 1; ; step += 1) {
          await settled(page);
          // Open every folded part, so what it holds is measured too.
          await page.evaluate(() => document.querySelectorAll('#scene details').forEach((d) => { d.open = true; }));
          const found = await page.evaluate(phoneProblems, { minNumber: MIN_NUMBER_PX, minTarget: MIN_TARGET_PX });
          if (lang === 'en' && step === 1) await screenshot(page, `phone-${file.replace('.html', '')}`);
          findings[`${lang}, step ${step}`] = { ...found, pageErrors: [...problems.pageErrors] };
          // "Next" is disabled on a lesson's last step.
          if (!(await next.count()) || await next.isDisabled()) break;
          await next.click();
          await page.locator(`[data-testid="step-${step + 1}"]:not([hidden])`).waitFor();
        }
        await context.close();
      }
      const bad = Object.entries(findings).filter(([, f]) => f.overflow > 0 || f.wide.length || f.small.length
        || f.targets.length || f.cut.length || f.pageErrors.length);
      for (const [where, f] of bad) console.log(`# ${file} (${where}): ${JSON.stringify(f)}`);
      assert.deepEqual(bad.map(([where]) => where), [], `${file}: sideways scrolling, a diagram wider than the screen, `
        + `numbers under ${MIN_NUMBER_PX} px, touch targets under ${MIN_TARGET_PX} px, a control cut by the screen's edge or an error (printed above)`);
    });
  }
});

describe('the landing chart on a phone', () => {
  it('turns into rows a finger drags sideways, keys move them, the guess follows; columns on a wide screen', async () => {
    const { page, context, problems } = await openPage(harness, '/index.html?lang=en', PHONE);
    const chart = page.locator('.nv-chart');
    assert.match(await chart.getAttribute('class'), /nv-rows/, 'rows on a phone');
    const value = async (i) => Number(await page.getByTestId(`next-value-bar-${i}`).getAttribute('data-value'));
    const guess = async () => Number(await page.getByTestId('next-value-prediction').getAttribute('data-value'));
    // Drag the third row from its middle to a quarter of the way along (the chart scrolled to
    // the top of the screen, clear of the step buttons fixed at the bottom).
    await chart.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const rows = await page.locator('.nv-hit').evaluateAll((hits) => hits.map((h) => h.getBoundingClientRect().height));
    assert.equal(rows.length, 8, 'one row per value');
    rows.forEach((h, i) => assert.ok(h >= MIN_TARGET_PX, `row ${i + 1} is ${h} px high`));
    const slot = await page.locator('.nv-hit[data-i="2"]').boundingBox();
    const axis = await page.locator('.nv-axis').boundingBox();
    const before = await guess();
    const end = axis.x + (slot.x + slot.width - axis.x) * 0.25;
    await page.mouse.move(slot.x + slot.width / 2, slot.y + slot.height / 2);
    await page.mouse.down();
    await page.mouse.move(end, slot.y + slot.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = await value(2);
    assert.ok(dragged < 0.45 && dragged > 0, `dragged to ${dragged}`);
    assert.notEqual(await guess(), before, 'the guess follows');
    // The keyboard: → adds 0.05, ← takes it away.
    await page.locator('.nv-hit[data-i="2"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await value(2), Math.round((dragged + 0.05) * 100) / 100);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await value(2), dragged);
    assert.equal(await page.locator('.nv-hit:focus').getAttribute('data-i'), '2', 'the focus stays on the row');
    // Wider than a phone, the chart stands in columns again.
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.waitForFunction(() => !document.querySelector('.nv-rows'));
    assert.equal(await value(2), dragged, 'the values stay');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});

describe('the explorer on a phone', () => {
  it('draws as many steps as fit the width, names them, and turns the page with the time cursor', async () => {
    const { page, context, problems } = await openPage(harness, '/explore.html?lang=en', PHONE);
    const lane = page.getByTestId('lane-lstm');
    const shown = await lane.locator('.lane-col').count();
    assert.ok(shown >= 2 && shown < 12, `${shown} of 12 steps drawn`);
    assert.match(await lane.locator('figcaption').textContent(), new RegExp(`steps 1–${shown} of 12`));
    const next = page.locator('#scene [data-testid="step-next"]').first();
    for (let i = 0; i < shown; i += 1) await next.click();
    await page.getByTestId('lane-lstm').and(page.locator(`[data-first-step="${shown + 1}"]`)).waitFor();
    assert.match(await page.getByTestId('lane-lstm').locator('figcaption').textContent(),
      new RegExp(`steps ${shown + 1}–${Math.min(2 * shown, 12)} of 12`));
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});

describe('pictures laid out again for a phone', () => {
  it('the unrolled RNN wraps its steps onto new lines; the LSTM diagram lists its numbers under it', async () => {
    const { page, context } = await openPage(harness, '/rnn-cell.html?lang=en', PHONE);
    const tops = await page.locator('[data-testid^="unrolled-col-"]').evaluateAll(
      (cols) => cols.map((c) => Math.round(c.getBoundingClientRect().top)),
    );
    assert.equal(tops.length, 6);
    assert.ok(new Set(tops).size >= 2, `the six steps stand on lines at ${tops.join(', ')} px`);
    await context.close();
    const lstm = await openPage(harness, '/lstm-cell.html?lang=en', PHONE);
    const list = lstm.page.locator('.diagram-numbers').first();
    assert.ok(await list.isVisible(), 'the numbers list shows on a phone');
    assert.match(await list.innerText(), /\d\.\d{3}/);
    await lstm.context.close();
  });
});
