// The monkey (issue 14, point 8): 2,000 random actions from a fixed seed across every page of the
// build — clicks on whatever a learner can click (buttons, links that stay on the site, inputs,
// summaries, role=button, focusable SVG groups), key presses, slider moves to any value including
// the ends, text typed into every field (empty, NaN, 1e309, a lone minus, Korean, 500 characters,
// commas), choices in every select — hopping every hundred actions to one of the pages visited
// least so far. After every action: no console error, no uncaught page error (a Rust panic is one),
// no failed or foreign request; at every hop and at the end the page still answers: a script runs
// within 2 s and, where there is a scene, it is still registered and a step button still changes
// the step. Never touched: file pickers, download links, links that leave the site or open a new
// tab; a download a button starts is accepted (and cancelled). The seed, the actions per page and,
// for every error, the last 20 actions are printed, to replay it: MONKEY_SEED and MONKEY_ACTIONS
// change the seed and the count.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage, startHarness } from './harness.mjs';
import { mulberry32 } from './random.mjs';

const SEED = Number(process.env.MONKEY_SEED ?? 0x5eed14);
const ACTIONS = Number(process.env.MONKEY_ACTIONS ?? 2000);
const HOP = 100;
// Every page of the build: the HTML files that are documents (not a fragment such as the
// explorer's panel, which a page fetches into itself).
const PAGES = readdirSync(DIST)
  .filter((f) => f.endsWith('.html') && /^\s*<!doctype html/i.test(readFileSync(join(DIST, f), 'utf8').slice(0, 200)))
  .sort();
const VIEWPORTS = [{ width: 1440, height: 900 }, { width: 390, height: 844 }];


const KEYS = ['Tab', 'Shift+Tab', 'Enter', ' ', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End',
  'n', 'N', 'p', 'P', 'Escape', '0', '1', '2', '3', '5', '9', 'PageDown', 'PageUp'];
const TEXTS = ['', 'NaN', '1e309', '-1e309', '-', '.', ',', ',,,', '1,2,3', '0.5, -0.5, 1', '1,,2', ' 1 , 2 ',
  'Infinity', '-0', '0x10', '1e-320', '９', '한국어 입력', '𝟙,𝟚', '\u200b', 'a'.repeat(500), '1,'.repeat(250),
  '9'.repeat(500), '<b>x</b>', '"\'\\', '1;2;3', '0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0'];

// In the page, in one call (no eval: the pages' security policy forbids it): the elements a
// learner could act on now, of one kind; the one the generator picked (`r` in [0, 1)); what is
// done to it. Returns null when there is none, else a description to print and replay.
function inPage({ kind, r, a, b: away, x: atX, y: atY }) {
  const visible = (el) => {
    if (!el.isConnected || !el.getClientRects().length) return false;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.pointerEvents === 'none') return false;
    const b = el.getBoundingClientRect();
    return b.width > 0 && b.height > 0 && !el.closest('[hidden], [inert]');
  };
  const enabled = (el) => !el.disabled && !el.closest('fieldset[disabled]');
  const sameSite = (l) => {
    if (l.hasAttribute('download') || (l.target && l.target !== '_self')) return false;
    try {
      const u = new URL(l.href, location.href);
      return u.origin === location.origin && (u.pathname.endsWith('.html') || u.pathname.endsWith('/'));
    } catch { return false; }
  };
  const describe = (el) => {
    const id = el.dataset?.testid ? `[data-testid=${el.dataset.testid}]` : el.id ? `#${el.id}` : '';
    const cls = !id && typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
    const label = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 30);
    const type = el.tagName === 'INPUT' ? `[type=${el.type}]` : '';
    return `${el.tagName.toLowerCase()}${type}${id}${cls}${label ? ` "${label}"` : ''}`;
  };
  const leaving = (el) => {
    const link = el.closest('a[href]');
    return Boolean(link) && new URL(link.href, location.href).pathname !== location.pathname;
  };
  if (kind === 'hit') {
    // What a click at (x, y) lands on now that the pointer is there (a bar that opens on hover
    // moves what is under it): that is what the log names, and what tells whether the click
    // leaves the page. Never a file picker, a download or a link off the site.
    const hit = document.elementFromPoint(atX, atY);
    if (!hit) return { what: 'nothing', skip: true };
    const on = hit.closest('a[href], button, input, select, summary, label, [role], [tabindex]') ?? hit;
    const link = on.closest('a[href]');
    const skip = on.matches('input[type=file], a[download]') || (on.matches('label') && on.control?.type === 'file')
      || Boolean(link && !sameSite(link));
    return { what: describe(on), leaves: leaving(on), skip };
  }
  let list;
  if (kind === 'click') {
    list = [...document.querySelectorAll('button, a[href], input, summary, select, label, [role=button], [role=tab], [role=slider], svg [tabindex], [tabindex]:not([tabindex="-1"])')]
      .filter((el) => !el.matches('input[type=file], input[type=hidden]')
        && !(el.matches('a') && !sameSite(el))
        && !(el.matches('label') && el.control?.type === 'file'));
  } else if (kind === 'range') {
    list = [...document.querySelectorAll('input[type=range]')];
  } else if (kind === 'text') {
    list = [...document.querySelectorAll('textarea, input:not([type]), input[type=text], input[type=number], input[type=search], input[type=url], input[type=email], [contenteditable=true]')];
  } else {
    list = [...document.querySelectorAll('select')];
  }
  list = list.filter((el) => visible(el) && enabled(el));
  // A link to another page is picked one click in 25 (else the monkey would spend most of its
  // time on the pages with the fewest controls); hops give every page its turn.
  const stay = list.filter((el) => !leaving(el));
  const go = list.filter(leaving);
  list = (away < 0.04 && go.length) || !stay.length ? go : stay;
  if (!list.length) return null;
  const el = list[Math.floor(r * list.length)];
  const what = describe(el);
  el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  if (kind === 'click') {
    const b = el.getBoundingClientRect();
    return { what, x: b.left + b.width * (0.2 + 0.6 * a), y: b.top + b.height / 2 };
  }
  if (kind === 'range') {
    const min = Number(el.min || 0);
    const max = Number(el.max || 100);
    const value = a < 0.2 ? min : a > 0.8 ? max : min + ((a - 0.2) / 0.6) * (max - min);
    el.focus();
    el.value = String(value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return { what: `${what} to ${el.value} (asked ${value})` };
  }
  if (kind === 'text') {
    el.focus();
    if (el.select) el.select(); else document.getSelection()?.selectAllChildren(el);
    return { what };
  }
  el.selectedIndex = Math.min(el.options.length - 1, Math.floor(a * el.options.length));
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return { what: `${what} = ${el.value}` };
}

/** Runs `f` or fails after `ms`. */
function within(ms, f, what) {
  let timer;
  return Promise.race([
    f().finally(() => clearTimeout(timer)),
    new Promise((_, no) => { timer = setTimeout(() => no(new Error(`${what}: no answer within ${ms} ms`)), ms); }),
  ]);
}

const navigated = (e) => /Execution context was destroyed|navigat|Target page, context or browser has been closed|Cannot find context/i.test(String(e?.message ?? e));

let harness;
before(async () => { harness = await startHarness(); });
after(async () => {
  // Every policy violation was a console error too, reported above with its actions: here they
  // are counted, rather than listed one by one by harness.close().
  const violations = harness?.violations.splice(0) ?? [];
  await harness?.close();
  if (violations.length) {
    const counts = new Map();
    for (const v of violations) {
      const key = `${v.directive} ${v.blocked} from ${v.source}:${v.line} on ${new URL(v.page ?? 'about:blank').pathname}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    throw new Error(`Content-Security-Policy violations:\n${[...counts].map(([k, n]) => `  ${n} × ${k}`).join('\n')}`);
  }
});

describe(`the monkey: ${ACTIONS} random actions, seed ${SEED}`, () => {
  it('leaves no console error, no page error, and every page answering', async () => {
    const random = mulberry32(SEED);
    const int = (n) => Math.floor(random() * n);
    const pick = (xs) => xs[int(xs.length)];
    const log = [];
    const perPage = {};
    const route = [];
    const touched = new Set();
    const downloads = [];
    const started = Date.now();
    console.log(`# monkey seed ${SEED} (0x${SEED.toString(16)}), ${ACTIONS} actions over ${PAGES.length} pages`);

    // The pages in a shuffled order: the first is opened, and hops go to the least visited.
    const order = [...PAGES];
    for (let i = order.length - 1; i > 0; i -= 1) { const j = int(i + 1); [order[i], order[j]] = [order[j], order[i]]; }
    const first = order[0];
    let hops = 0;
    const viewport = pick(VIEWPORTS);
    const { page, context, problems } = await openPage(harness, `/${first}?lang=${pick(['en', 'ko'])}`, viewport);
    log.push(`open /${first} at ${viewport.width}×${viewport.height}`);
    console.log(`# ${log[0]}`);
    page.on('dialog', (d) => d.dismiss().catch(() => {}));
    page.on('download', (d) => { downloads.push(d.suggestedFilename()); d.cancel().catch(() => {}); });
    context.on('page', (p) => { if (p !== page) p.close().catch(() => {}); });

    const lastActions = () => log.slice(-20).map((l) => `    ${l}`).join('\n');
    // A page that stopped answering ends the run at once; errors are collected (the last 20
    // actions before each) and the run goes on, so that one run shows every distinct problem.
    const fail = (message) => {
      assert.fail(`${message}\n  seed ${SEED}, action log line ${log.length}; the last 20 actions:\n${lastActions()}${report()}`);
    };
    const failures = [];
    const summary = (xs) => {
      const counts = new Map();
      for (const x of xs) {
        // One message per cause: the policy's hash of each blocked style differs, the cause does not.
        const key = x.replace(/'sha256-[A-Za-z0-9+/=]+'/g, "'sha256-…'").slice(0, 300);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts].map(([m, k]) => `      ${k} × ${m}`).join('\n');
    };
    function report() {
      if (!failures.length) return '';
      return `\n\n  ${failures.length} distinct error report(s):\n${failures.map((f, k) => `  [${k + 1}] ${f.where}${f.times > 1 ? ` (and ${f.times - 1} more time(s) on this page)` : ''}\n${f.what}\n    the last 20 actions:\n${f.last}`).join('\n')}`;
    }
    const checkProblems = () => {
      const kinds = ['consoleErrors', 'pageErrors', 'failedResponses', 'foreignRequests'];
      if (!kinds.some((k) => problems[k].length)) return;
      const what = kinds.filter((k) => problems[k].length).map((k) => `    ${k}:\n${summary(problems[k])}`).join('\n');
      for (const k of kinds) problems[k].length = 0;
      const where = new URL(page.url()).pathname;
      const same = failures.find((f) => f.what === what && f.path === where);
      if (same) { same.times += 1; return; }
      failures.push({ where: `on ${where} after action log line ${log.length}`, path: where, what, times: 1, last: lastActions() });
      if (failures.length >= 20) fail('20 distinct errors: stopped');
    };
    const settle = async () => {
      // After a navigation: the new page's static text, then its scene.
      await page.waitForLoadState('domcontentloaded', { timeout: 20000 });
      await page.locator('main.stage').waitFor({ timeout: 20000 });
      if (await page.locator('#scene').count()) await page.locator('#scene[data-registered]').waitFor({ timeout: 20000 });
    };

    checkProblems();

    /** The page still answers: a script, the scene, a step. */
    async function checkAlive(where) {
      let answered;
      try {
        answered = await within(2000, () => page.evaluate(() => 1), 'page.evaluate');
      } catch (e) {
        if (navigated(e)) { await settle(); answered = await within(2000, () => page.evaluate(() => 1), 'page.evaluate'); } else fail(`${where}: the page does not answer: ${e.message}`);
      }
      if (answered !== 1) fail(`${where}: page.evaluate gave ${answered}`);
      await page.keyboard.press('Escape');
      if (await page.locator('#scene').count()) {
        try {
          await page.locator('#scene[data-registered]').waitFor({ timeout: 5000 });
        } catch { fail(`${where}: the scene is no longer registered`); }
        const now = page.locator('.step-now').first();
        if (await now.count()) {
          const before = await now.textContent();
          const next = page.getByTestId('lesson-next');
          const prev = page.getByTestId('lesson-prev');
          const button = (await next.isEnabled()) ? next : prev;
          if (await button.isEnabled()) {
            try {
              await button.click({ timeout: 5000 });
              await page.waitForFunction((b) => document.querySelector('.step-now')?.textContent !== b, before, { timeout: 2000 });
            } catch (e) { fail(`${where}: a step button no longer changes the step (.step-now stayed ${before}): ${e.message}`); }
          }
        }
      }
      checkProblems();
    }

    async function act(n) {
      const path = new URL(page.url()).pathname;
      const r = random();
      if (n > 0 && n % HOP === 0) {
        await checkAlive(`before hop at action ${n} on ${path}`);
        // The next page: one of those the monkey has spent the fewest actions on so far.
        hops += 1;
        const least = Math.min(...order.map((f) => perPage[`/${f}`] ?? 0));
        const fewest = order.filter((f) => (perPage[`/${f}`] ?? 0) === least && `/${f}` !== path);
        const to = fewest.length ? pick(fewest) : order[hops % order.length];
        log.push(`#${n} ${path}: goto /${to}`);
        await page.goto(`${harness.server.origin}/${to}`);
        await settle();
        log.push(`    (opened /${to})`);
        checkProblems();
        return;
      }
      perPage[path] = (perPage[path] ?? 0) + 1;
      if (route.at(-1)?.[0] === path) route.at(-1)[1] += 1; else route.push([path, 1]);
      const kind = r < 0.50 ? 'click' : r < 0.72 ? 'key' : r < 0.86 ? 'range' : r < 0.97 ? 'text' : 'select';
      if (kind === 'key') {
        const key = pick(KEYS);
        log.push(`#${n} ${path}: press ${JSON.stringify(key)}`);
        await page.keyboard.press(key);
        return;
      }
      const text = kind === 'text' ? pick(TEXTS) : undefined;
      const then = kind === 'text' ? pick(['Enter', 'Tab', 'change', 'nothing']) : undefined;
      const target = await page.evaluate(inPage, { kind, r: random(), a: random(), b: random() });
      if (!target) { log.push(`#${n} ${path}: ${kind} (nothing to act on)`); return; }
      touched.add(`${path} ${kind} ${target.what.replace(/ to .*| = .*/, '')}`);
      if (kind === 'click') {
        await page.mouse.move(target.x, target.y);
        const on = await page.evaluate(inPage, { kind: 'hit', x: target.x, y: target.y });
        const landing = on.what === target.what ? '' : `, landing on ${on.what}`;
        if (on.skip) { log.push(`#${n} ${path}: click ${target.what}${landing}: skipped`); return; }
        log.push(`#${n} ${path}: click ${target.what}${landing} at (${Math.round(target.x)}, ${Math.round(target.y)})`);
        if (on.leaves) {
          // A link to another page: the next action happens there.
          const arrived = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 3000 }).catch(() => {});
          await page.mouse.click(target.x, target.y);
          await arrived;
        } else await page.mouse.click(target.x, target.y);
      } else if (kind === 'text') {
        const shown = text.length > 40 ? `${text.slice(0, 20)}…(${text.length} chars)` : text;
        log.push(`#${n} ${path}: type ${JSON.stringify(shown)} into ${target.what}, then ${then}`);
        if (text === '') await page.keyboard.press('Backspace');
        else await page.keyboard.insertText(text);
        if (then === 'Enter' || then === 'Tab') await page.keyboard.press(then);
        else if (then === 'change') await page.evaluate(() => document.activeElement?.dispatchEvent(new Event('change', { bubbles: true })));
      } else {
        log.push(`#${n} ${path}: ${kind === 'range' ? 'slide' : 'choose'} ${target.what}`);
      }
    }

    const timing = {};
    for (let n = 0; n < ACTIONS; n += 1) {
      const urlBefore = page.url();
      const t0 = Date.now();
      const kindBefore = log.length;
      try {
        await within(10000, () => act(n), `action #${n}`);
        const kind = (log[kindBefore] ?? '').split(': ')[1]?.split(' ')[0] ?? '?';
        (timing[kind] ??= []).push(Date.now() - t0);
      } catch (e) {
        if (e?.code === 'ERR_ASSERTION') throw e;
        if (!navigated(e)) fail(`action #${n} on ${new URL(urlBefore).pathname} failed: ${e.message}`);
        log.push(`    (the page navigated: ${page.url()})`);
      }
      if (page.url() !== urlBefore && new URL(page.url()).pathname !== new URL(urlBefore).pathname) {
        try { await settle(); } catch (e) { fail(`after action #${n}, ${page.url()} did not open: ${e.message}`); }
      }
      checkProblems();
    }
    await checkAlive('at the end');

    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`# ${ACTIONS} actions in ${seconds} s on ${touched.size} distinct controls; downloads accepted: ${downloads.length}; actions per page:`);
    for (const [p, k] of Object.entries(perPage).sort()) console.log(`#   ${p}: ${k}`);
    console.log(`# route: ${route.map(([p, k]) => `${p.slice(1).replace('.html', '')} ${k}`).join(' → ')}`);
    const untouched = PAGES.filter((f) => !perPage[`/${f}`]);
    if (untouched.length) console.log(`#   never visited: ${untouched.join(', ')}`);
    console.log(`# time per action: ${Object.entries(timing).map(([k, ts]) => `${k} ${ts.length} × ${(ts.reduce((a, b) => a + b, 0) / ts.length).toFixed(0)} ms`).join(', ')}`);
    if (failures.length) assert.fail(`seed ${SEED}: the pages reported errors${report()}`);
    await context.close();
  });
});
