// The explorer's "bring your own" panel (src/lessons/bring.rs writes its HTML): open a PyTorch
// weight file (picked, dropped on the scene, or a sample), use a CSV or a drawn line as the
// input, choose the layer and units shown, and save the network's weights. It computes nothing:
// the lab module reads and writes the files (open_weights, read_csv, resample, save_weights) and
// the page module runs the network (scene_open, scene_rows, scene_close, scene_network_shape and
// _values, scene_apply, scene_read).
(async () => {
  'use strict';
  // The panel is a file of its own (the page's first load does without it): fetched into its slot.
  const slot = document.querySelector('[data-testid="bring-slot"]');
  if (slot && !document.querySelector('[data-testid="bring"]')) {
    try {
      const answer = await fetch(`./${slot.dataset.panel}`);
      if (!answer.ok) throw new Error(String(answer.status));
      slot.outerHTML = await answer.text();
    } catch {
      slot.querySelector('.note').hidden = true;
      slot.querySelector('[data-testid="bring-failed"]').hidden = false;
      return;
    }
  }
  const panel = document.querySelector('[data-testid="bring"]');
  if (!panel) return;
  const $ = (id) => panel.querySelector(`[data-testid="${id}"]`);
  const lang = () => document.documentElement.lang === 'en' ? 'en' : 'ko';
  // The readers' limits, as src/lessons/bring.rs wrote them: the weight file's in MB of 10⁶ bytes,
  // the CSV's in MB of 2²⁰ (as each reader's own message counts them).
  const MAX_WEIGHTS = Number(panel.dataset.maxWeights);
  const MAX_CSV = Number(panel.dataset.maxCsv);

  // A message template in both languages with its {placeholders} filled (values escaped).
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  function message(name, values = {}) {
    let html = panel.querySelector(`[data-msg="${name}"]`).innerHTML;
    for (const [k, v] of Object.entries(values)) html = html.split(`{${k}}`).join(esc(v));
    return html;
  }
  // A sentence from the lab in each language, as the page shows both.
  const bothLangs = (ko, en) => `<span class="l-ko" lang="ko">${esc(ko)}</span><span class="l-en" lang="en">${esc(en)}</span>`;
  // Shows (or, with nothing, hides) a message; `data-shown` counts the messages shown, so a
  // reader can tell a new one from the last.
  function show(el, html) {
    el.hidden = !html;
    el.innerHTML = html || '';
    if (html) el.dataset.shown = String(Number(el.dataset.shown || 0) + 1);
  }

  // The page module (assets/course.js starts it) and a lab instance of our own.
  const page = () => window.wasmBindings;
  let lab;
  function loadLab() {
    lab ??= new Promise((resolve, reject) => {
      const start = () => {
        const instance = self.lstmLab();
        instance({ module_or_path: './lstm-lab_bg.wasm' }).then(() => resolve(instance), reject);
      };
      if (self.lstmLab) return start();
      const script = document.createElement('script');
      script.src = './lstm-lab.js';
      script.onload = start;
      script.onerror = () => reject(new Error('./lstm-lab.js'));
      document.head.append(script);
    }).catch((e) => { lab = undefined; throw e; });
    return lab;
  }
  // Runs `work(lab, ko)` in the page's language and answers its result; when the lab refuses,
  // asks again in the other language and throws both sentences, as the page shows both.
  async function inBoth(work) {
    const l = await loadLab();
    const ko = lang() === 'ko';
    const answer = (k) => { try { return { ok: work(l, k) }; } catch (e) { return { error: e.message }; } };
    const first = answer(ko);
    if (first.error === undefined) return first.ok;
    const other = answer(!ko).error ?? first.error;
    const [inKo, inEn] = ko ? [first.error, other] : [other, first.error];
    throw Object.assign(new Error(inEn), { html: bothLangs(inKo, inEn) });
  }
  const failure = (e) => e.html || message(e.refused ? 'refused' : 'lab', { why: e.message });
  // The page module, or an error saying the scene is not there (yet).
  function scene() {
    const p = page();
    if (!p?.scene_open) throw Object.assign(new Error('no scene'), { refused: true });
    return p;
  }
  const refuse = (why) => { if (why) throw Object.assign(new Error(why), { refused: true }); };

  // --- Opening a model -------------------------------------------------------------------
  const openError = $('open-error');
  let opened = null; // { name, text }
  function describe(wire) {
    const kind = wire.kind === 'rnn' ? `RNN (${wire.relu ? 'ReLU' : 'tanh'})` : wire.kind.toUpperCase();
    return message('summary', {
      kind, layers: wire.layers, i: wire.input, h: wire.hidden, n: wire.values.length,
    }).replace(/\{bias\}/g, wire.bias ? '' : message('nobias'));
  }
  async function openText(name, text, relu = false) {
    try {
      const wire = await inBoth((l, ko) => l.open_weights({ text, ko, relu }));
      const shape = [wire.kind, +wire.relu, wire.layers, wire.input, wire.hidden, +wire.bias].join(',');
      refuse(scene().scene_open(shape, new Float64Array(wire.values)));
      opened = { name, text };
      const box = $('opened-model');
      box.hidden = false;
      box.dataset.kind = wire.kind;
      box.dataset.layers = wire.layers;
      box.dataset.hidden = wire.hidden;
      box.dataset.input = wire.input;
      box.querySelector('.opened-name').textContent = name;
      box.querySelector('.opened-what').innerHTML = describe(wire);
      box.querySelector('.opened-activation').hidden = wire.kind !== 'rnn';
      $('opened-activation').value = wire.relu ? 'relu' : 'tanh';
      show(openError, '');
      setTimeout(syncView);
    } catch (e) {
      show(openError, failure(e));
    }
  }
  async function readCsv(name, text) {
    try {
      const table = await inBoth((l, ko) => l.read_csv({ text, ko }));
      refuse(scene().scene_rows(table.columns, new Float64Array(table.values)));
      const read = $('csv-read');
      read.dataset.rows = table.values.length / table.columns;
      read.dataset.cols = table.columns;
      read.innerHTML = message('csv-read', { name, rows: read.dataset.rows, cols: table.columns });
      show(openError, '');
      setTimeout(syncView);
    } catch (e) {
      show(openError, failure(e));
    }
  }
  function openFile(file) {
    if (!file) return;
    const csv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
    const limit = csv ? MAX_CSV : MAX_WEIGHTS;
    if (file.size > limit) {
      const mb = csv ? 2 ** 20 : 1e6;
      show(openError, message('too-large', { mb: (file.size / mb).toFixed(1), limit: Math.round(limit / mb) }));
      return;
    }
    file.text().then(
      (text) => (csv ? readCsv(file.name, text) : openText(file.name, text)),
      () => show(openError, message('unreadable')),
    );
  }
  const picker = $('open-model-input');
  picker.addEventListener('change', () => { openFile(picker.files[0]); picker.value = ''; });
  const csvPicker = $('csv-file');
  csvPicker.addEventListener('change', () => { openFile(csvPicker.files[0]); csvPicker.value = ''; });
  // A file dropped anywhere on the scene or this panel; other drags (text into a field) are left
  // to the browser.
  const dropZone = panel.closest('.scene-col') || panel;
  const isFile = (e) => Array.from(e.dataTransfer?.types || []).includes('Files');
  dropZone.addEventListener('dragover', (e) => { if (isFile(e)) e.preventDefault(); });
  dropZone.addEventListener('drop', (e) => {
    if (!isFile(e)) return;
    e.preventDefault();
    openFile(e.dataTransfer.files[0]);
  });
  for (const button of panel.querySelectorAll('[data-model]')) {
    button.addEventListener('click', async () => {
      const get = (f) => fetch(`./models/${f}`).then((r) => (r.ok ? r.text() : Promise.reject(new Error(f))));
      try {
        const [weights, csv] = await Promise.all([get(button.dataset.model), get(button.dataset.data)]);
        await readCsv(button.dataset.data, csv);
        await openText(button.dataset.model, weights);
      } catch {
        show(openError, message('unreadable'));
      }
    });
  }
  $('close-model').addEventListener('click', () => {
    page()?.scene_close();
    opened = null;
    $('opened-model').hidden = true;
    setTimeout(syncView);
  });
  $('opened-activation').addEventListener('change', (e) => {
    if (opened) openText(opened.name, opened.text, e.target.value === 'relu');
  });

  // --- CSV and drawing ---------------------------------------------------------------------
  $('csv-apply').addEventListener('click', () => readCsv('', $('csv-text').value));
  const pad = $('draw-pad');
  const stroke = pad.querySelector('.draw-stroke');
  const drawError = $('draw-error');
  let points = null;
  const at = (e) => {
    const r = pad.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
    const y = Math.min(1, Math.max(0, (e.clientY - r.top) / r.height));
    return [x, 1 - 2 * y];
  };
  const drawStroke = () => {
    stroke.setAttribute('points', points.map(([x, v]) => `${(x * 320).toFixed(1)},${((1 - v) * 60).toFixed(1)}`).join(' '));
  };
  pad.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    pad.setPointerCapture?.(e.pointerId);
    points = [at(e)];
    drawStroke();
  });
  pad.addEventListener('pointermove', (e) => {
    if (!points) return;
    points.push(at(e));
    drawStroke();
  });
  const finish = async () => {
    if (!points) return;
    const drawn = points.flat();
    points = null;
    const steps = Math.min(50, Math.max(2, Math.round(Number($('draw-steps').value)) || 20));
    try {
      const values = await inBoth((l, ko) => l.resample(new Float64Array(drawn), steps, ko));
      page()?.scene_apply(`x=${Array.from(values, (v) => Math.round(v * 1000) / 1000).join(',')}`);
      show(drawError, '');
      setTimeout(syncView);
    } catch (e) {
      show(drawError, failure(e));
    }
  };
  pad.addEventListener('pointerup', finish);
  pad.addEventListener('pointercancel', finish);

  // --- Which layer and units the scene shows -----------------------------------------------
  const layerSwitch = $('layer-switch');
  const layersSwitch = $('layers-switch');
  layersSwitch.addEventListener('click', (e) => {
    const b = e.target.closest('[data-layers]');
    if (!b) return;
    page()?.scene_apply(`layers=${b.dataset.layers}`);
    setTimeout(syncView);
  });
  const unitField = panel.querySelector('.unit-field');
  const unitInput = $('first-unit');
  function syncView() {
    const p = page();
    if (!p) return;
    const layers = p.scene_read('layers') ?? 1;
    const hidden = p.scene_read('hidden') ?? 1;
    layerSwitch.hidden = layers < 2;
    const changed = new URLSearchParams(p.scene_changed());
    const shown = Math.min(layers, Number(changed.get('layer')) || 1);
    for (const b of layerSwitch.querySelectorAll('[data-layer]')) {
      b.hidden = Number(b.dataset.layer) > layers;
      b.setAttribute('aria-checked', String(Number(b.dataset.layer) === shown));
    }
    unitField.hidden = hidden <= 8;
    // The seeded cell's depth: its own control, which an opened model makes moot.
    layersSwitch.hidden = Boolean(opened);
    const depth = Number(changed.get('layers')) || 1;
    for (const b of layersSwitch.querySelectorAll('[data-layers]')) {
      b.setAttribute('aria-checked', String(Number(b.dataset.layers) === depth));
    }
    unitInput.max = String(Math.max(1, hidden - 7));
    snippet();
  }
  layerSwitch.addEventListener('click', (e) => {
    const b = e.target.closest('[data-layer]');
    if (!b) return;
    page()?.scene_apply(`layer=${b.dataset.layer}`);
    setTimeout(syncView);
  });
  unitInput.addEventListener('change', () => {
    const u = Math.min(Number(unitInput.max) || 1, Math.max(1, Math.round(Number(unitInput.value)) || 1));
    unitInput.value = String(u);
    page()?.scene_apply(`unit=${u}`);
  });

  // --- Saving -------------------------------------------------------------------------------
  const fileName = (w) => `${w.kind}-${w.layers}layer.json`;
  // The shape of the network the scene shows; with `values`, as the lab's save_weights takes it.
  function network(values) {
    const p = page();
    const shape = p?.scene_network_shape?.();
    if (!shape) return null;
    const [kind, relu, layers, input, hidden, bias] = shape.split(',');
    return {
      kind, relu: relu === '1', layers: +layers, input: +input, hidden: +hidden, bias: bias === '1',
      values: values ? Array.from(p.scene_network_values()) : [],
    };
  }
  function snippet() {
    const w = network();
    if (!w) return;
    const cls = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' }[w.kind] || 'LSTM';
    const extra = (w.kind === 'rnn' ? `, nonlinearity="${w.relu ? 'relu' : 'tanh'}"` : '') + (w.bias ? '' : ', bias=False');
    $('save-snippet').firstChild.textContent =
      `import json, torch\nm = torch.nn.${cls}(${w.input}, ${w.hidden}, num_layers=${w.layers}${extra})\n` +
      `m.load_state_dict({k: torch.tensor(v) for k, v in json.load(open("${fileName(w)}")).items()})`;
  }
  $('save-weights').addEventListener('click', async () => {
    const w = network(true);
    if (!w) return;
    try {
      const text = await inBoth((l) => l.save_weights(w));
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName(w);
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      show($('save-error'), '');
    } catch (e) {
      show($('save-error'), failure(e));
    }
  });

  // course.js loads this script once the scene is there; follow it from now on, after every change
  // a lesson step, the URL or the learner makes.
  syncView();
  document.addEventListener('click', () => setTimeout(syncView), true);
  document.addEventListener('change', () => setTimeout(syncView), true);
})();
