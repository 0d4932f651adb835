// The lesson page's own behaviour, before and after the WebAssembly arrives: the language, the
// steps (buttons, dots, the N and P keys), the lessons done, the questions, the live numbers in
// the text, the address that restores the view and the copy-link button. The numbers themselves
// come from the scene, through the functions `src/ui/page.rs` exports; this script computes none.
(() => {
  'use strict';
  const LANG_KEY = 'lstm-explorer.lang';
  const DONE_KEY = 'lstm-explorer.done';
  const doc = document;
  const root = doc.documentElement;
  const body = doc.body;
  const $ = (sel, el = doc) => el.querySelector(sel);
  const $$ = (sel, el = doc) => Array.from(el.querySelectorAll(sel));
  const store = {
    get(k) { try { return localStorage.getItem(k); } catch { return null; } },
    set(k, v) { try { localStorage.setItem(k, v); } catch { /* storage may be off */ } },
  };
  const params = new URLSearchParams(location.search);
  const lessonId = body.dataset.lesson;
  if (params.get('embed') === '1') root.classList.add('embed');

  // An old-style link (`?lesson=rnn-cell`) goes to the lesson's own page.
  const asked = params.get('lesson');
  const link = asked && /^[a-z0-9-]{1,40}$/.test(asked) && $(`.lesson-list a[data-lesson="${asked}"]`);
  if (link && asked !== lessonId) {
    params.delete('lesson');
    const rest = params.toString();
    location.replace(link.getAttribute('href') + (rest ? `?${rest}` : ''));
    return;
  }

  // Language: the URL's, else the learner's last choice, else the browser's preference.
  const codes = $$('.lang-btn[data-lang]').map((b) => b.dataset.lang);
  const pick = (c) => (codes.includes(c) ? c : null);
  let lang = pick(params.get('lang')) || pick(store.get(LANG_KEY))
    || (navigator.languages || [navigator.language]).map((t) => pick(String(t).split('-')[0].toLowerCase())).find(Boolean)
    || root.lang;
  function setLang(code, remember) {
    lang = code;
    root.lang = code;
    doc.title = body.dataset[`title${code[0].toUpperCase()}${code.slice(1)}`] || doc.title;
    $$('.lang-btn[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === code)));
    if (remember) store.set(LANG_KEY, code);
    if (wasm) wasm.scene_set_lang(code);
    changed();
  }
  $$('.lang-btn[data-lang]').forEach((b) => b.addEventListener('click', () => setLang(b.dataset.lang, true)));

  // Steps.
  const steps = $$('.step');
  const dots = $$('.step-dot');
  const count = steps.length;
  let step = count ? Math.min(Math.max(parseInt(params.get('step'), 10) || 1, 1), count) - 1 : 0;
  const scene = $('#scene');
  let wasm = null;

  function doneList() { return (store.get(DONE_KEY) || '').split(',').filter(Boolean); }
  function showDone() {
    const done = doneList();
    $$('.lesson-list a[data-lesson]').forEach((a) => {
      const is = done.includes(a.dataset.lesson);
      a.classList.toggle('done', is);
      const mark = $('.nav-done', a);
      if (mark) mark.hidden = !is;
    });
  }

  function applySettings(query) {
    const hl = new URLSearchParams(query).get('hl');
    if (hl !== null && scene) scene.dataset.hl = hl;
    return wasm ? wasm.scene_apply(query) : '';
  }

  function showStep(i, apply) {
    step = i;
    steps.forEach((s, j) => { s.hidden = j !== i; });
    dots.forEach((d, j) => {
      d.classList.toggle('current', j === i);
      d.classList.toggle('seen', j <= i);
      if (j === i) d.setAttribute('aria-current', 'step'); else d.removeAttribute('aria-current');
    });
    const now = $('.step-now');
    if (now) now.textContent = String(i + 1);
    const prev = $('[data-testid=lesson-prev]');
    const next = $('[data-testid=lesson-next]');
    if (prev) prev.disabled = i === 0;
    if (next) next.disabled = i + 1 >= count;
    if (apply) applySettings(steps[i].dataset.set || '');
    if (i + 1 >= count && !doneList().includes(lessonId)) {
      store.set(DONE_KEY, [...doneList(), lessonId].join(','));
    }
    showDone();
    changed();
  }
  const go = (delta) => { const i = step + delta; if (i >= 0 && i < count) showStep(i, true); };
  $('[data-testid=lesson-prev]')?.addEventListener('click', () => go(-1));
  $('[data-testid=lesson-next]')?.addEventListener('click', () => go(1));
  dots.forEach((d) => d.addEventListener('click', () => showStep(Number(d.dataset.goto) - 1, true)));
  doc.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.defaultPrevented) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(ev.target.tagName)) return;
    if (ev.key === 'n' || ev.key === 'N') go(1);
    else if (ev.key === 'p' || ev.key === 'P') go(-1);
  });

  // The address restores the view: language, step and every scene setting that changed.
  let pending = 0;
  function address() {
    const q = new URLSearchParams(count ? { lang, step: String(step + 1) } : { lang });
    const scenePart = wasm ? wasm.scene_changed() : '';
    return `${location.pathname}?${q}${scenePart ? `&${scenePart}` : ''}`;
  }
  // Work that can wait runs when the browser is idle, so a playing scene keeps its frames.
  const idle = (f) => (window.requestIdleCallback ? requestIdleCallback(f, { timeout: 1000 }) : setTimeout(f, 0));
  function changed() {
    if (pending) return;
    pending = setTimeout(() => idle(() => {
      pending = 0;
      const next = address();
      if (next !== location.pathname + location.search) history.replaceState(null, '', next);
    }), 400);
  }
  $('[data-testid=copy-link]')?.addEventListener('click', () => {
    const url = location.origin + address();
    history.replaceState(null, '', address());
    const done = $('.copy-status .copied');
    const shown = () => { if (done) { done.hidden = false; done.dataset.url = url; } };
    if (navigator.clipboard) navigator.clipboard.writeText(url).then(shown, shown); else shown();
  });

  // Numbers in the text and the answers to questions, read from the scene.
  function refresh() {
    if (!wasm) return;
    const open = steps[step];
    if (!open) return;
    $$('.live[data-live]', open).forEach((span) => {
      const x = wasm.scene_read(span.dataset.live);
      const text = x === undefined ? '…' : wasm.format_number(x, Number(span.dataset.digits) || 0);
      if (span.textContent !== text) span.textContent = text;
    });
    const now = address();
    if (now !== location.pathname + location.search) changed();
  }

  function reveal(ask, chosen, tries) {
    const x = tries >= 2 ? wasm.scene_read(ask.dataset.reading) : undefined;
    if (x === undefined) {
      if (tries < 100) setTimeout(() => reveal(ask, chosen, tries + 1), 150);
      return;
    }
    let right = false;
    $$('.choice', ask).forEach((c) => {
      const holds = wasm.choice_holds(c.dataset.cond || '', x);
      c.classList.toggle('right', holds);
      if (holds && c === chosen) right = true;
    });
    ask.classList.toggle('answered-right', right);
    ask.classList.toggle('answered-wrong', !right);
    const value = $('.reveal-value', ask);
    value.textContent = wasm.format_number(x, 4);
    value.dataset.value = String(x);
    $('.reveal', ask).hidden = false;
    refresh();
  }
  $$('.ask').forEach((ask) => {
    $$('.choice', ask).forEach((choice) => choice.addEventListener('click', () => {
      if (!wasm) return;
      applySettings(ask.dataset.then || '');
      $$('.choice', ask).forEach((c) => { c.disabled = true; });
      choice.classList.add('chosen');
      reveal(ask, choice, 0);
    }));
  });

  // The scene arrives: the open step's settings, then the URL's (which win), and a notice for
  // whatever the address held that the page could not use.
  function sceneReady(bindings) {
    if (wasm || !bindings || !bindings.scene_apply) return;
    wasm = bindings;
    wasm.scene_set_lang(lang);
    const [pageRejected, sceneQuery] = wasm.page_query(location.search).split('\n');
    const rejected = [pageRejected, applySettings(steps[step]?.dataset.set || ''), wasm.scene_apply(sceneQuery)]
      .join(',').split(',').filter(Boolean);
    const notice = $('[data-testid=url-notice]');
    if (rejected.length && notice) {
      $('.notice-keys', notice).textContent = [...new Set(rejected)].join(', ');
      notice.hidden = false;
    }
    refresh();
    setInterval(() => idle(refresh), 300);
    // A panel that drives the scene (the explorer's "bring your own") brings its script now: it
    // cannot work before the scene, so it stays out of the first load.
    for (const el of document.querySelectorAll('[data-script]')) {
      const script = document.createElement('script');
      script.src = './' + el.dataset.script;
      document.body.append(script);
    }
  }

  // A language the URL names is kept for the next pages too.
  setLang(lang, Boolean(pick(params.get('lang'))));
  if (count) showStep(step, false); else showDone();
  // If the scene's module cannot be fetched or started, the loading note gives way to a message.
  const failed = () => {
    if (wasm || !scene) return;
    $('.scene-loading', scene)?.remove();
    const note = $('[data-testid=scene-failed]', scene);
    if (note) note.hidden = false;
  };
  // The page module, preloaded in the head by Trunk, is started here rather than by an inline
  // script, which the security policy refuses (src/site.rs).
  const module = $('link[rel=preload][href$="_bg.wasm"]');
  if (module) {
    import(module.href.replace(/_bg\.wasm$/, '.js')).then(async (m) => {
      await m.default({ module_or_path: module.href });
      window.wasmBindings = m;
      sceneReady(m);
    }).catch(failed);
  }
  // The landing scene's module (src/landing.rs), on the pages that show it. Its glue declares
  // `wasm_bindgen` with `let`: a global binding, but not a property of `window`.
  /* global wasm_bindgen */
  let landing = false;
  const startLanding = () => {
    if (landing || wasm || typeof wasm_bindgen !== 'function') return;
    landing = true;
    wasm_bindgen({ module_or_path: './lstm-landing_bg.wasm' }).then(() => sceneReady(wasm_bindgen), failed);
  };
  startLanding();
  addEventListener('load', () => {
    startLanding();
    // The landing module's glue did not arrive.
    if (!landing && !module && $('script[src*="lstm-landing"]')) failed();
  });

  // Offline: a release build names its worker in the head (src/site.rs); after this visit every
  // page, the modules and the icon are kept, and a new release replaces them.
  const worker = $('meta[name=offline-worker]');
  if (worker && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    addEventListener('load', () => navigator.serviceWorker.register(worker.content).catch(() => {}));
  }
})();
