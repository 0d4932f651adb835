// Phones: every lesson at 375 × 812 CSS px. The page never scrolls sideways and every diagram fits
// the screen's width; no number on the page renders smaller than 11 CSS px (SVG text is measured
// as drawn, after the diagram's scaling); every control a finger uses is at least 44 × 44 px
// (links inside running text are exempt, as WCAG 2.5.5 allows).
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
  const out = { overflow: document.documentElement.scrollWidth - width, wide: [], small: [], targets: [] };
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
  }
  const dedupe = (xs) => [...new Set(xs)];
  return { ...out, small: dedupe(out.small), targets: dedupe(out.targets) };
}

// What is not done yet, page by page: these pages are measured like the others and their
// findings printed, but reported as to-do rather than failing the run.
const NOT_YET = {
  'rnn-cell.html': 'the unrolled RNN is an 808 px wide picture that scrolls sideways on a phone; its numbers render at 10.5 px',
  'bptt.html': 'the unrolled RNN is an 808 px wide picture that scrolls sideways on a phone; its numbers render at 10.5 px',
  'cells.html': 'the explorer\'s unrolled lanes are wider than a phone and scroll sideways',
  'explore.html': 'the explorer\'s unrolled lanes are wider than a phone and scroll sideways',
  'index.html': 'the eight draggable bars are 28 px wide on a 375 px phone (WCAG 2.5.8\'s 24 px, not 44)',
  'output.html': 'the eight draggable bars are 28 px wide on a 375 px phone (WCAG 2.5.8\'s 24 px, not 44)',
};

describe('every page on a 375 px phone', () => {
  for (const file of PAGES) {
    const todo = NOT_YET[file] ? { todo: NOT_YET[file] } : {};
    it(`${file}: fits the width, numbers ≥ ${MIN_NUMBER_PX} px, touch targets ≥ ${MIN_TARGET_PX} px`, todo, async () => {
      // Both languages are measured before anything is asserted, so every finding is reported.
      const findings = {};
      for (const lang of ['en', 'ko']) {
        const { page, context, problems } = await openPage(harness, `/${file}?lang=${lang}`, PHONE);
        const plot = page.locator('figure.plot[aria-busy]');
        if (await plot.count()) await plot.first().and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30000 });
        // Open every folded part, so what it holds is measured too.
        await page.evaluate(() => document.querySelectorAll('#scene details').forEach((d) => { d.open = true; }));
        const found = await page.evaluate(phoneProblems, { minNumber: MIN_NUMBER_PX, minTarget: MIN_TARGET_PX });
        if (lang === 'en') await screenshot(page, `phone-${file.replace('.html', '')}`);
        findings[lang] = { ...found, pageErrors: problems.pageErrors };
        await context.close();
      }
      const bad = Object.entries(findings).filter(([, f]) => f.overflow > 0 || f.wide.length || f.small.length
        || f.targets.length || f.pageErrors.length);
      for (const [lang, f] of bad) console.log(`# ${file} (${lang}): ${JSON.stringify(f)}`);
      assert.deepEqual(bad.map(([lang]) => lang), [], `${file}: sideways scrolling, a diagram wider than the screen, `
        + `numbers under ${MIN_NUMBER_PX} px, touch targets under ${MIN_TARGET_PX} px or an error (printed above)`);
    });
  }
});
