// The JavaScript references themselves (no browser): the backward pass of every cell equals
// central finite differences of its own forward loss, for every state error it reports and for
// entries of every parameter gradient. Without this the browser tests could agree with a wrong
// page by sharing its mistake.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GATES, backward, forward } from './reference.mjs';
import { mulberry32 as rng } from './random.mjs';


function randomCell(kind, hidden, inputs, seed) {
  const u = rng(seed);
  const r = () => 1.6 * u() - 0.8;
  const rows = GATES[kind] * hidden;
  const mat = (cols) => Array.from({ length: rows }, () => Array.from({ length: cols }, r));
  return {
    weight_ih_l0: mat(inputs),
    weight_hh_l0: mat(hidden),
    bias_ih_l0: Array.from({ length: rows }, r),
    bias_hh_l0: Array.from({ length: rows }, r),
  };
}

/** L = Σ_t seeds[t] · h_t, the loss `backward` differentiates when given `dhOut = seeds`. */
const loss = (run, seeds) => run.steps.reduce((s, step, t) => s + step.h.reduce((a, h, j) => a + h * seeds[t][j], 0), 0);

const EPS = 1e-6;
function close(analytic, numeric, what) {
  const tol = 1e-7 * (1 + Math.abs(numeric));
  assert.ok(Math.abs(analytic - numeric) < tol, `${what}: backward ${analytic}, finite difference ${numeric}`);
}

const CASES = [
  ['rnn', {}],
  ['lstm', {}],
  ['lstm', { forget: 1 }],
  ['lstm', { input: 0.3, output: 0.8 }],
  ['lstm1997', {}],
  ['gru', {}],
];

describe('the JavaScript backpropagation reference', () => {
  for (const [kind, clamps] of CASES) {
    for (const lossName of ['sum of h_T', 'a weighted sum of every h_t']) {
      const errors = kind.startsWith('lstm') ? 'every dL/dh_t and dL/dc_t (t = 0 … T)' : 'every dL/dh_t (t = 0 … T)';
      it(`${kind}${Object.keys(clamps).length ? ` (clamped ${JSON.stringify(clamps)})` : ''}: ${errors} and sampled dL/dθ equal finite differences of ${lossName}`, () => {
        const hidden = 3;
        const inputs = 2;
        const T = 5;
        const p = randomCell(kind, hidden, inputs, 7 + kind.length);
        const u = rng(99);
        const xs = Array.from({ length: T }, () => Array.from({ length: inputs }, () => 2 * u() - 1));
        const seeds = lossName.startsWith('sum')
          ? xs.map((_, t) => Array(hidden).fill(t === T - 1 ? 1 : 0))
          : xs.map(() => Array.from({ length: hidden }, () => 2 * u() - 1));
        const back = backward(kind, p, xs, { clamps, dhOut: seeds });
        const numeric = (opts) => (loss(forward(kind, p, xs, { clamps, ...opts }), seeds) - loss(forward(kind, p, xs, { clamps, ...opts, nudge: { ...opts.nudge, eps: -EPS } }), seeds)) / (2 * EPS);
        const states = kind.startsWith('lstm') ? ['h', 'c'] : ['h'];
        let checked = 0;
        let nonzero = 0;
        for (const state of states) {
          for (let t = 0; t <= T; t++) {
            const named = t === 0 ? back[`d${state}0`] : back[`d${state}`][t - 1];
            for (let j = 0; j < hidden; j++) {
              const fd = numeric({ nudge: { t, state, j, eps: EPS } });
              close(named[j], fd, `dL/d${state}_${t}[${j}]`);
              checked++;
              if (Math.abs(fd) > 1e-3) nonzero++;
            }
          }
        }
        assert.equal(checked, states.length * (T + 1) * hidden);
        assert.ok(nonzero > checked / 2, `most state errors are far from zero (${nonzero} of ${checked}), so agreement means something`);
        // Parameter gradients: a few entries of every weight and bias.
        for (const name of Object.keys(p)) {
          const m = p[name];
          const picks = Array.isArray(m[0])
            ? [[0, 0], [m.length - 1, m[0].length - 1], [Math.floor(m.length / 2), m[0].length - 1]]
            : [[0], [m.length - 1], [Math.floor(m.length / 2)]];
          for (const at of picks) {
            const tweak = (e) => {
              const q = structuredClone(p);
              if (at.length === 2) q[name][at[0]][at[1]] += e; else q[name][at[0]] += e;
              return loss(forward(kind, q, xs, { clamps }), seeds);
            };
            const fd = (tweak(EPS) - tweak(-EPS)) / (2 * EPS);
            const g = at.length === 2 ? back.grads[name][at[0]][at[1]] : back.grads[name][at[0]];
            close(g, fd, `dL/d${name}[${at}]`);
          }
        }
      });
    }
  }

  it('notices a wrong gradient: the LSTM error without the belt term disagrees with finite differences', () => {
    const p = randomCell('lstm', 3, 2, 11);
    const xs = [[0.5, -0.2], [0.1, 0.9], [-0.7, 0.3]];
    const back = backward('lstm', p, xs);
    const seeds = xs.map((_, t) => Array(3).fill(t === 2 ? 1 : 0));
    const fd = (j) => (loss(forward('lstm', p, xs, { nudge: { t: 2, state: 'c', j, eps: EPS } }), seeds)
      - loss(forward('lstm', p, xs, { nudge: { t: 2, state: 'c', j, eps: -EPS } }), seeds)) / (2 * EPS);
    // dL/dc_1 with the belt part dL/dc_2 ⊙ f_2 left out: what a page that forgot it would draw.
    const beltless = back.dc[1].map((d, j) => d - back.dc[2][j] * back.run.steps[2].f[j]);
    assert.ok(beltless.some((v, j) => Math.abs(v - fd(j)) > 1e-3), 'a beltless gradient must fail the check');
    back.dc[1].forEach((v, j) => close(v, fd(j), `dL/dc_2[${j}]`));
  });
});
