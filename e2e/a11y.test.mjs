// Accessibility, on every page of the release build:
// - axe-core (npm) in both languages: no violation at all (critical, serious, moderate or minor);
// - a whole lesson walked with the keyboard alone: every control reached by Tab, each with a
//   visible focus ring, the steps taken with Enter, a slider moved with the arrow keys;
// - prefers-reduced-motion: no transition or animation anywhere;
// - every diagram's text alternative states its current numbers, and follows the scene's steps;
// - live values are announced politely (an alert only for an error).
// The counts go to e2e/artifacts/axe.json for the README's figures (scripts/figures.sh).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, openPage, startHarness } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = readdirSync(DIST).filter((f) => f.endsWith('.html')).sort();
const LESSONS = PAGES.filter((f) => !['glossary.html', 'teachers.html'].includes(f));

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

/** Opens a page and lets its lab plots (if any) finish drawing. */
async function settled(path, viewport, options) {
  const opened = await openPage(harness, path, viewport, options);
  const plot = opened.page.locator('figure.plot[aria-busy]');
  if (await plot.count()) await plot.first().and(opened.page.locator('[aria-busy="false"]')).waitFor({ timeout: 30000 });
  return opened;
}

const tally = { pages: 0, serious: 0, critical: 0, moderate: 0, minor: 0, axe: '' };

describe('axe-core on every page, in both languages', () => {
  for (const file of PAGES) {
    for (const lang of ['ko', 'en']) {
      it(`${file} (${lang}): no axe violation of any impact`, async () => {
        const { page, context, problems } = await settled(`/${file}?lang=${lang}`);
        // The test's own script, evaluated through the driver (a page <script> would be refused by the policy).
        await page.evaluate(AXE);
        const result = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return { version: window.axe.version, violations: r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(0, 2).join(' ')}`),
            count: v.nodes.length,
          })) };
        });
        tally.pages += 1;
        tally.axe = result.version;
        for (const v of result.violations) tally[v.impact] = (tally[v.impact] ?? 0) + v.count;
        assert.deepEqual(result.violations, [], JSON.stringify(result.violations, null, 1));
        assert.deepEqual(problems.pageErrors, []);
        await context.close();
      });
    }
  }
  it('wrote the counts for the figures', () => {
    assert.equal(tally.pages, PAGES.length * 2);
    writeFileSync(join(here, 'artifacts', 'axe.json'), `${JSON.stringify(tally)}\n`);
  });
});

/** What the focused element is, and whether a focus ring is drawn around it. */
const focused = () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  // The ring: an outline or a shadow on the element, or (an SVG column) a stroke on its background.
  const bg = el.querySelector(':scope > .col-bg');
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'
    || (bg !== null && parseFloat(getComputedStyle(bg).strokeWidth) >= 2 && getComputedStyle(bg).stroke !== 'none');
  return {
    id: el.dataset?.testid || el.id || `${el.tagName.toLowerCase()}:${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}`,
    ring, visible: r.width > 0 && r.height > 0, key: el.__walkKey ??= Math.random().toString(36).slice(2),
  };
};

/** Every control a learner could operate on the page (visible, not disabled, not inert). */
const controls = () => Array.from(document.querySelectorAll(
  'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
)).filter((el) => !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
  && !el.closest('[aria-hidden="true"], [inert]')
  // What a closed <details> holds is reached once it is opened (its summary is reached).
  && !(el.closest('details:not([open])') && !el.matches('details > summary')))
  .map((el) => el.__walkKey ??= Math.random().toString(36).slice(2));

describe('the keyboard alone', () => {
  for (const file of ['lstm-cell.html', 'rnn-cell.html', 'explore.html']) {
    it(`${file}: Tab reaches every control, each with a visible focus ring`, async () => {
      const { page, context, problems } = await settled(`/${file}?lang=en`);
      const wanted = new Set(await page.evaluate(controls));
      const reached = new Map();
      const noRing = [];
      for (let i = 0; i < 400 && reached.size < wanted.size + 5; i += 1) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(focused);
        if (!f) continue;
        if (reached.has(f.key)) break;
        reached.set(f.key, f);
        if (!f.ring || !f.visible) noRing.push(f.id);
      }
      const missed = await page.evaluate((keys) => Array.from(document.querySelectorAll('*'))
        .filter((el) => el.__walkKey && keys.includes(el.__walkKey))
        .map((el) => el.dataset?.testid || el.outerHTML.slice(0, 80)), [...wanted].filter((k) => !reached.has(k)));
      assert.deepEqual(missed, [], 'controls Tab never reached');
      assert.deepEqual(noRing, [], 'focused without a visible ring');
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });
  }

  it('lstm-cell.html: the whole lesson is walked with Enter, and a slider moves with the arrows', async () => {
    const { page, context, problems } = await settled('/lstm-cell.html?lang=en');
    const next = page.getByTestId('lesson-next');
    const total = await page.locator('.step').count();
    await next.focus();
    for (let s = 2; s <= total; s += 1) {
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('.step-now').first().textContent(), String(s));
      // Stepping keeps the focus where it was, until the last step disables the button.
      if (s < total) assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'lesson-next');
    }
    const slider = page.locator('#scene input[type=range]').first();
    await slider.focus();
    const before = await slider.inputValue();
    const shown = await page.locator('#scene').innerText();
    // At its end (the last step), the slider moves back.
    const key = before === await slider.getAttribute('max') ? 'ArrowLeft' : 'ArrowRight';
    await page.keyboard.press(key);
    await page.keyboard.press(key);
    assert.notEqual(await slider.inputValue(), before, 'the slider moved');
    await page.waitForFunction((old) => document.querySelector('#scene').innerText !== old, shown);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});

describe('prefers-reduced-motion', () => {
  it('no element of any lesson transitions or animates', async () => {
    for (const file of LESSONS) {
      const { page, context } = await settled(`/${file}?lang=en`, undefined, { reducedMotion: 'reduce' });
      const moving = await page.evaluate(() => Array.from(document.querySelectorAll('*')).filter((el) => {
        const s = getComputedStyle(el);
        const long = (d) => d.split(',').some((x) => parseFloat(x) > 0);
        return long(s.transitionDuration) || (s.animationName !== 'none' && long(s.animationDuration));
      }).map((el) => el.className?.baseVal ?? el.className));
      assert.deepEqual(moving, [], `${file}: moving elements`);
      await context.close();
    }
  });
});

describe('diagrams and live values for screen readers', () => {
  /** The text alternative of every picture in the scene: its name and its description. */
  const alternatives = () => Array.from(document.querySelectorAll('#scene [role="img"], #scene canvas, #scene svg'))
    .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]')
      && (el.getAttribute('role') === 'img' || el.tagName === 'CANVAS'))
    .map((el) => {
      const described = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      // The diagrams and the heatmap follow the time cursor; a plot's note states its ranges.
      const follows = el.tagName.toLowerCase() === 'svg' || el.closest('[data-testid="heatmap-plot"]') !== null;
      return { id: el.dataset.testid || el.tagName, follows, text: `${el.getAttribute('aria-label') ?? ''} ${described}`.trim() };
    });

  for (const file of LESSONS) {
    it(`${file}: every picture's text alternative states its numbers, and they follow the time cursor`, async () => {
      const { page, context } = await settled(`/${file}?lang=en`);
      const first = await page.evaluate(alternatives);
      for (const a of first) assert.match(a.text, /\d/, `${file}: ${a.id} says no number: "${a.text}"`);
      // The time cursor moves one step: a diagram's text states the new step's numbers.
      const live = (list) => JSON.stringify(list.filter((a) => a.follows));
      const forward = page.locator('#scene [data-testid="step-next"]').first();
      if (first.some((a) => a.follows) && await forward.count() && await forward.isEnabled()) {
        await forward.click();
        await page.waitForFunction((before) => {
          const now = Array.from(document.querySelectorAll('#scene svg[role="img"], #scene [data-testid="heatmap-plot"] canvas'))
            .map((el) => `${el.getAttribute('aria-label')} ${(el.getAttribute('aria-describedby') || '').split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '').join(' ')}`);
          return JSON.stringify(now) !== before;
        }, JSON.stringify(await page.evaluate(() => Array.from(document.querySelectorAll('#scene svg[role="img"], #scene [data-testid="heatmap-plot"] canvas'))
          .map((el) => `${el.getAttribute('aria-label')} ${(el.getAttribute('aria-describedby') || '').split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '').join(' ')}`))), { timeout: 5000 })
          .catch(() => {});
        assert.notEqual(live(await page.evaluate(alternatives)), live(first), `${file}: a step of the time cursor left the diagrams' text as it was`);
      }
      await context.close();
    });
  }

  it('values that change on a step sit in polite live regions; alerts are kept for errors', async () => {
    for (const file of LESSONS) {
      const { page, context } = await settled(`/${file}?lang=en`);
      const regions = await page.evaluate(() => ({
        // An alert interrupts: only an error may, and none is showing on a page at rest.
        assertive: Array.from(document.querySelectorAll('[aria-live="assertive"], [role="alert"]'))
          .filter((el) => el.getClientRects().length > 0 && el.textContent.trim() !== '').length,
        polite: document.querySelectorAll('#scene [aria-live="polite"], #scene [role="status"], #scene output').length,
      }));
      assert.equal(regions.assertive, 0, `${file}: no alert at rest`);
      assert.ok(regions.polite >= 1, `${file}: the scene announces its values politely`);
      await context.close();
    }
  });
});
