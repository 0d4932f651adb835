// Independent JavaScript references for the four cells the page draws: the forward pass and
// backpropagation through time, written from the equations (PyTorch's conventions and parameter
// names), not from the Rust. The browser tests hold the page's numbers to these; reference.test.mjs
// holds the backward pass to finite differences of the forward pass, so the two cannot agree with
// a wrong page by accident.
//
//   rnn       h = tanh(W_ih x + b_ih + W_hh h₋ + b_hh)
//   lstm      [i f g o] = W_ih x + b_ih + W_hh h₋ + b_hh;  i, f, o = σ(·), g = tanh(·)
//             c = f ⊙ c₋ + i ⊙ g,  h = o ⊙ tanh(c)
//   lstm1997  [i g o] as above with g = 4σ(·) − 2, no forget gate (the CEC: c = c₋ + i ⊙ g),
//             h = o ⊙ (2σ(c) − 1)
//   gru       r, z = σ(W_i· x + b_i· + W_h· h₋ + b_h·),  n = tanh(W_in x + b_in + r ⊙ (W_hn h₋ + b_hn)),
//             h = (1 − z) ⊙ n + z ⊙ h₋
//
// Parameters are { weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 } as nested arrays. Gates can
// be clamped to constants ({ input, forget, output } for the LSTMs); a clamped gate passes no
// gradient to its pre-activation.

export const sigmoid = (x) => 1 / (1 + Math.exp(-x));
export const matvec = (m, v) => m.map((row) => row.reduce((s, a, k) => s + a * v[k], 0));
/** mᵀ v */
export const tmatvec = (m, v) => m[0].map((_, k) => m.reduce((s, row, r) => s + row[k] * v[r], 0));
export const add = (...vs) => vs[0].map((_, j) => vs.reduce((s, v) => s + v[j], 0));
export const part = (v, k, n) => v.slice(k * n, (k + 1) * n);
export const norm = (v) => Math.sqrt(v.reduce((s, a) => s + a * a, 0));
const mul = (a, b) => a.map((v, j) => v * b[j]);
const zeros = (n) => Array(n).fill(0);

/** How many blocks of H rows each cell stacks in its weights. */
export const GATES = { rnn: 1, lstm: 4, lstm1997: 3, gru: 3 };

export const hiddenSize = (kind, p) => p.weight_hh_l0[0].length;

/** One step of each cell: the new state and every value drawn for the step. */
export const STEP = {
  rnn(p, x, s) {
    const pre = add(matvec(p.weight_ih_l0, x), p.bias_ih_l0, matvec(p.weight_hh_l0, s.h), p.bias_hh_l0);
    return { pre, h: pre.map(Math.tanh) };
  },
  lstm(p, x, s, clamps = {}) {
    const n = s.h.length;
    const z = add(matvec(p.weight_ih_l0, x), p.bias_ih_l0, matvec(p.weight_hh_l0, s.h), p.bias_hh_l0);
    const gate = (k, name) => part(z, k, n).map((v) => clamps[name] ?? sigmoid(v));
    const [i, f, o] = [gate(0, 'input'), gate(1, 'forget'), gate(3, 'output')];
    const g = part(z, 2, n).map(Math.tanh);
    const c = s.c.map((cp, j) => f[j] * cp + i[j] * g[j]);
    const squashed = c.map(Math.tanh);
    return { z, i, f, g, o, c, squashed, h: c.map((_, j) => o[j] * squashed[j]) };
  },
  lstm1997(p, x, s, clamps = {}) {
    const n = s.h.length;
    const z = add(matvec(p.weight_ih_l0, x), p.bias_ih_l0, matvec(p.weight_hh_l0, s.h), p.bias_hh_l0);
    const i = part(z, 0, n).map((v) => clamps.input ?? sigmoid(v));
    const g = part(z, 1, n).map((v) => 4 * sigmoid(v) - 2);
    const o = part(z, 2, n).map((v) => clamps.output ?? sigmoid(v));
    const c = s.c.map((cp, j) => cp + i[j] * g[j]); // the CEC: self-loop fixed at 1
    const squashed = c.map((v) => 2 * sigmoid(v) - 1);
    return { z, i, f: Array(n).fill(1), g, o, c, squashed, h: c.map((_, j) => o[j] * squashed[j]) };
  },
  gru(p, x, s) {
    const n = s.h.length;
    const gi = add(matvec(p.weight_ih_l0, x), p.bias_ih_l0);
    const gh = add(matvec(p.weight_hh_l0, s.h), p.bias_hh_l0);
    const r = add(part(gi, 0, n), part(gh, 0, n)).map(sigmoid);
    const z = add(part(gi, 1, n), part(gh, 1, n)).map(sigmoid);
    const hn = part(gh, 2, n);
    const nn = part(gi, 2, n).map((v, j) => Math.tanh(v + r[j] * hn[j]));
    return { r, z, hn, n: nn, h: nn.map((v, j) => (1 - z[j]) * v + z[j] * s.h[j]) };
  },
};

const hasCell = (kind) => kind.startsWith('lstm');

/**
 * The forward pass over inputs `xs` (each an array), from zero states unless given. `nudge`, for
 * finite differences, adds `eps` to unit `j` of state `state` ('h' or 'c') at step `t` (0 = the
 * initial state) as soon as it is computed, so that everything downstream of it (for c_t, h_t
 * too) reads the moved value. Returns { h0, c0, steps, last }.
 */
export function forward(kind, p, xs, { h0, c0, clamps = {}, nudge } = {}) {
  const n = hiddenSize(kind, p);
  let s = { h: h0 ? [...h0] : zeros(n), c: c0 ? [...c0] : zeros(n) };
  if (nudge?.t === 0) s[nudge.state][nudge.j] += nudge.eps;
  const start = { h: [...s.h], c: [...s.c] };
  const steps = [];
  for (let t = 1; t <= xs.length; t++) {
    const step = STEP[kind](p, xs[t - 1], s, clamps);
    if (!hasCell(kind)) step.c = s.c;
    if (nudge?.t === t && nudge.state === 'c') {
      // c_t moved: h_t = o ⊙ squash(c_t) reads the moved value, as everything after it does.
      step.c = [...step.c];
      step.c[nudge.j] += nudge.eps;
      step.squashed = step.c.map(kind === 'lstm' ? Math.tanh : (v) => 2 * sigmoid(v) - 1);
      step.h = step.c.map((_, j) => step.o[j] * step.squashed[j]);
    }
    if (nudge?.t === t && nudge.state === 'h') {
      step.h = [...step.h];
      step.h[nudge.j] += nudge.eps;
    }
    steps.push({ ...step, hPrev: s.h, cPrev: s.c, x: xs[t - 1] });
    s = { h: [...step.h], c: [...step.c] };
  }
  return { h0: start.h, c0: start.c, steps, last: s };
}

/** The loss the LSTM lesson differentiates: L = Σ_j h_T[j]. */
export const sumOfLastHidden = (run) => run.last.h.reduce((a, b) => a + b, 0);

const outer = (acc, a, b) => a.forEach((v, r) => b.forEach((w, k) => { acc[r][k] += v * w; }));
const zerosLike = (m) => m.map((row) => (Array.isArray(row) ? row.map(() => 0) : 0));

/**
 * Backpropagation through time for L = Σ_t dhOut[t] · h_{t+1} (by default L = Σ_j h_T[j]).
 * Returns the total errors at every state: dh[t] = dL/dh_{t+1}, dc[t] = dL/dc_{t+1} (t = 0 … T−1),
 * dh0, dc0, and the parameter gradients `grads` shaped like `p`.
 */
export function backward(kind, p, xs, { clamps = {}, dhOut } = {}) {
  const run = forward(kind, p, xs, { clamps });
  const n = hiddenSize(kind, p);
  const T = xs.length;
  const seeds = dhOut ?? xs.map((_, t) => (t === T - 1 ? Array(n).fill(1) : zeros(n)));
  const grads = Object.fromEntries(Object.entries(p).map(([k, m]) => [k, zerosLike(m)]));
  const dh = Array(T);
  const dc = Array(T);
  let dhNext = zeros(n); // the error h_t receives from step t + 1
  let dcNext = zeros(n); // the error c_t receives along the belt from step t + 1
  for (let t = T - 1; t >= 0; t--) {
    const s = run.steps[t];
    const dhT = add(seeds[t], dhNext);
    dh[t] = dhT;
    let dIh; // error at the pre-activation rows fed by W_ih x + b_ih
    let dHh; // error at the rows fed by W_hh h₋ + b_hh
    let dhPrevDirect = zeros(n);
    if (kind === 'rnn') {
      dIh = dhT.map((d, j) => d * (1 - s.h[j] * s.h[j]));
      dHh = dIh;
      dc[t] = zeros(0);
    } else if (kind === 'gru') {
      const dn = dhT.map((d, j) => d * (1 - s.z[j]));
      const dz = dhT.map((d, j) => d * (s.hPrev[j] - s.n[j]));
      dhPrevDirect = dhT.map((d, j) => d * s.z[j]);
      const dAn = dn.map((d, j) => d * (1 - s.n[j] * s.n[j])); // at W_in x + b_in + r ⊙ hn
      const dAr = dAn.map((d, j) => d * s.hn[j] * s.r[j] * (1 - s.r[j]));
      const dAz = dz.map((d, j) => d * s.z[j] * (1 - s.z[j]));
      const dHn = dAn.map((d, j) => d * s.r[j]);
      dIh = [...dAr, ...dAz, ...dAn];
      dHh = [...dAr, ...dAz, ...dHn];
      dc[t] = zeros(0);
    } else {
      const slope = (name, v) => (clamps[name] !== undefined ? 0 : v * (1 - v));
      // dh/dc through the squash: 1 − tanh² for the LSTM, 2σ'(c) for the 1997 cell.
      const squashSlope = kind === 'lstm'
        ? s.c.map((v) => 1 - Math.tanh(v) ** 2)
        : s.c.map((v) => 2 * sigmoid(v) * (1 - sigmoid(v)));
      const dcT = add(dcNext, dhT.map((d, j) => d * s.o[j] * squashSlope[j]));
      dc[t] = dcT;
      const dzi = dcT.map((d, j) => d * s.g[j] * slope('input', s.i[j]));
      const dzo = dhT.map((d, j) => d * s.squashed[j] * slope('output', s.o[j]));
      if (kind === 'lstm') {
        const dzf = dcT.map((d, j) => d * s.cPrev[j] * slope('forget', s.f[j]));
        const dzg = dcT.map((d, j) => d * s.i[j] * (1 - s.g[j] * s.g[j]));
        dIh = [...dzi, ...dzf, ...dzg, ...dzo];
      } else {
        const zg = part(s.z, 1, n);
        const dzg = dcT.map((d, j) => d * s.i[j] * 4 * sigmoid(zg[j]) * (1 - sigmoid(zg[j])));
        dIh = [...dzi, ...dzg, ...dzo];
      }
      dHh = dIh;
      dcNext = mul(dcT, s.f);
    }
    outer(grads.weight_ih_l0, dIh, s.x);
    outer(grads.weight_hh_l0, dHh, s.hPrev);
    dIh.forEach((v, r) => { grads.bias_ih_l0[r] += v; });
    dHh.forEach((v, r) => { grads.bias_hh_l0[r] += v; });
    dhNext = add(tmatvec(p.weight_hh_l0, dHh), dhPrevDirect);
  }
  return { run, dh, dc, dh0: dhNext, dc0: hasCell(kind) ? dcNext : [], grads };
}

/** The LSTM lesson's own layout ({ w, u, b } with one bias) in PyTorch's names. */
export function fromLessonWeights({ w, u, b }) {
  return { weight_ih_l0: w, weight_hh_l0: u, bias_ih_l0: b, bias_hh_l0: b.map(() => 0) };
}

/**
 * A `state_dict` of PyTorch's `num_layers` (`weight_ih_l0` … `bias_hh_l{L−1}`, biases optional as
 * with `bias=False`) run layer by layer: layer l + 1 reads the hidden states of layer l. Returns
 * one forward run per layer, bottom first.
 */
export function stackForward(kind, stateDict, xs) {
  const runs = [];
  let input = xs;
  for (let l = 0; `weight_ih_l${l}` in stateDict; l++) {
    const rows = stateDict[`weight_hh_l${l}`].length;
    const p = {
      weight_ih_l0: stateDict[`weight_ih_l${l}`],
      weight_hh_l0: stateDict[`weight_hh_l${l}`],
      bias_ih_l0: stateDict[`bias_ih_l${l}`] ?? Array(rows).fill(0),
      bias_hh_l0: stateDict[`bias_hh_l${l}`] ?? Array(rows).fill(0),
    };
    const run = forward(kind, p, input);
    runs.push(run);
    input = run.steps.map((s) => s.h);
  }
  return runs;
}
