//! Finite-difference checks of backpropagation through time: for every cell kind, every
//! parameter, every input x_t and the initial state (h_0, and c_0 for the LSTMs), the analytic
//! gradient agrees with a central difference to a relative error below 1e-6 (in f64). The run
//! starts from a random, non-zero initial state, so dL/dh_0 and dL/dc_0 are checked where they
//! matter.
//!
//! The numeric derivative uses the five-point stencil (truncation error O(h⁴)), and the relative
//! error is |a − n| / max(|a|, |n|, 1e-5): below a gradient of 1e-5 the round-off of the loss
//! itself (about 1e-16 · |L| / h = 1e-12 · |L|, with |L| up to about 10 here) would dominate any
//! comparison — a clamped gate's weights, whose gradient is exactly 0, show numeric derivatives
//! of about 1.5e-12 from a non-zero initial state.

use lstm_explorer::model::cell::{GateClamps, Parameters};
use lstm_explorer::model::network::{AnyCell, AnyTrace, CellKind};
use lstm_explorer::model::{Activation, Rng};
use nalgebra::DVector;

const EPS: f64 = 1e-4;
const TOLERANCE: f64 = 1e-6;

/// A loss that reads every hidden state and the last cell state through fixed random weights:
/// L = Σ_t G_t · h_t + G_c · c_T.
struct Probe {
    g: Vec<DVector<f64>>,
    gc: DVector<f64>,
}

impl Probe {
    fn loss(&self, trace: &AnyTrace<f64>) -> f64 {
        let hs = trace.hidden_states();
        let mut l: f64 = hs.iter().zip(&self.g).map(|(h, g)| h.dot(g)).sum();
        if let AnyTrace::Lstm(t) = trace {
            l += t.steps.last().unwrap().c.dot(&self.gc);
        }
        l
    }
}

fn random_vec(n: usize, rng: &mut Rng) -> DVector<f64> {
    DVector::from_iterator(n, (0..n).map(|_| rng.uniform(-1.0, 1.0)))
}

/// f′(0) by the five-point stencil [f(−2h) − 8 f(−h) + 8 f(h) − f(2h)] / 12h.
fn derivative(f: impl Fn(f64) -> f64) -> f64 {
    (f(-2.0 * EPS) - 8.0 * f(-EPS) + 8.0 * f(EPS) - f(2.0 * EPS)) / (12.0 * EPS)
}

fn relative_error(a: f64, b: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(1e-5)
}

/// Compares every entry j of an analytic gradient with the five-point difference of
/// `loss_with(j, d)`, the loss with entry j of the vector shifted by d.
fn check_vector(what: &str, analytic: &DVector<f64>, loss_with: impl Fn(usize, f64) -> f64) {
    for j in 0..analytic.len() {
        let numeric = derivative(|d| loss_with(j, d));
        let err = relative_error(analytic[j], numeric);
        assert!(
            err < TOLERANCE,
            "{what}[{j}]: analytic {} numeric {numeric} (rel. error {err:e})",
            analytic[j]
        );
    }
}

fn check(kind: CellKind, clamps: GateClamps, seed: u64) {
    let (input, hidden, steps) = (3, 4, 6);
    let mut rng = Rng::new(seed);
    let mut cell = AnyCell::<f64>::seeded(kind, input, hidden, &mut rng);
    // Larger weights than the default init, so every nonlinearity works away from its centre.
    cell.params_mut().into_iter().for_each(|p| p.values.iter_mut().for_each(|v| *v *= 2.5));
    cell.set_clamps(clamps);
    let xs: Vec<_> = (0..steps).map(|_| random_vec(input, &mut rng)).collect();
    let h0 = random_vec(hidden, &mut rng);
    let c0 = random_vec(hidden, &mut rng);
    let run = |xs: &[DVector<f64>], h0: &DVector<f64>, c0: &DVector<f64>| {
        cell.forward_from(xs, Some(h0), Some(c0)).unwrap()
    };
    let probe = Probe {
        g: (0..steps).map(|_| random_vec(hidden, &mut rng)).collect(),
        gc: random_vec(hidden, &mut rng),
    };

    let trace = run(&xs, &h0, &c0);
    let dc_last = cell.has_cell_state().then(|| probe.gc.clone());
    let back = cell.backward(&trace, &probe.g, dc_last.as_ref()).unwrap();
    let analytic = back.grads.params();

    let mut worst = 0.0_f64;
    let names: Vec<&str> = cell.params().iter().map(|p| p.name).collect();
    for (k, name) in names.iter().enumerate() {
        for idx in 0..cell.params()[k].values.len() {
            let numeric = derivative(|d| {
                let mut shifted = cell.clone();
                shifted.params_mut()[k].values[idx] += d;
                probe.loss(&shifted.forward_from(&xs, Some(&h0), Some(&c0)).unwrap())
            });
            let err = relative_error(analytic[k].values[idx], numeric);
            worst = worst.max(err);
            assert!(
                err < TOLERANCE,
                "{kind:?} {clamps:?}: d/d{name}[{idx}] analytic {} numeric {numeric} (rel. error {err:e})",
                analytic[k].values[idx]
            );
        }
    }
    assert_eq!(back.dx.len(), steps, "{kind:?}: one dL/dx_t per step");
    for t in 0..steps {
        assert_eq!(back.dx[t].len(), input, "{kind:?}: dL/dx_{t} has one value per input");
        let what = format!("{kind:?} {clamps:?}: dL/dx_{t}");
        check_vector(&what, &back.dx[t], |j, d| {
            let mut xs2 = xs.clone();
            xs2[t][j] += d;
            probe.loss(&run(&xs2, &h0, &c0))
        });
    }
    assert_eq!(back.dh0.len(), hidden, "{kind:?}: dL/dh_0 has one value per unit");
    check_vector(&format!("{kind:?} {clamps:?}: dL/dh_0"), &back.dh0, |j, d| {
        let mut shifted = h0.clone();
        shifted[j] += d;
        probe.loss(&run(&xs, &shifted, &c0))
    });
    if cell.has_cell_state() {
        assert_eq!(back.dc0.len(), hidden, "{kind:?}: dL/dc_0 has one value per unit");
        check_vector(&format!("{kind:?} {clamps:?}: dL/dc_0"), &back.dc0, |j, d| {
            let mut shifted = c0.clone();
            shifted[j] += d;
            probe.loss(&run(&xs, &h0, &shifted))
        });
    } else {
        // Without a cell state, c_0 is ignored: the loss does not move with it.
        assert!(back.dc0.is_empty(), "{kind:?}: no dL/dc_0 without a cell state");
        let moved = derivative(|d| probe.loss(&run(&xs, &h0, &c0.map(|v| v + d))));
        assert!(moved.abs() < 1e-10, "{kind:?}: c_0 changed the loss ({moved:e}, round-off is ~1e-13)");
    }
    assert!(worst < TOLERANCE);
}

#[test]
fn rnn_tanh_gradients_match_finite_differences() {
    check(CellKind::Rnn(Activation::Tanh), GateClamps::default(), 1);
}

#[test]
fn rnn_logistic_gradients_match_finite_differences() {
    check(CellKind::Rnn(Activation::Logistic), GateClamps::default(), 2);
}

#[test]
fn rnn_relu_gradients_match_finite_differences() {
    check(CellKind::Rnn(Activation::Relu), GateClamps::default(), 3);
}

#[test]
fn lstm_gradients_match_finite_differences() {
    check(CellKind::Lstm { peepholes: false }, GateClamps::default(), 4);
}

#[test]
fn peephole_lstm_gradients_match_finite_differences() {
    check(CellKind::Lstm { peepholes: true }, GateClamps::default(), 5);
}

#[test]
fn lstm1997_gradients_match_finite_differences() {
    check(CellKind::Lstm1997, GateClamps::default(), 6);
}

#[test]
fn gru_gradients_match_finite_differences() {
    check(CellKind::Gru, GateClamps::default(), 7);
}

#[test]
fn clamped_lstm_gates_still_match_finite_differences() {
    let clamps = GateClamps { forget: Some(1.0), output: Some(0.7), ..Default::default() };
    check(CellKind::Lstm { peepholes: true }, clamps, 8);
    check(CellKind::Lstm1997, GateClamps { input: Some(0.5), ..Default::default() }, 9);
}

#[test]
fn clamped_gru_gates_still_match() {
    check(CellKind::Gru, GateClamps { reset: Some(1.0), update: Some(0.25), ..Default::default() }, 10);
}

/// Every parameter of every layer of a stack of three, every input x_t, and every layer's h_0
/// and c_0, against finite differences of L = Σ_t G_t · (top layer's h_t) + Σ_l G_c,l · c_T of
/// layer l. Layers 2 and 3 read the hidden states of the layer below, so their weights' gradients
/// and the errors passed down between layers are what this adds over `check`.
fn check_stack(kind: CellKind, layers: usize, seed: u64) {
    use lstm_explorer::model::stack::{Stack, StackTrace};
    let (input, hidden, steps) = (2, 3, 5);
    let mut rng = Rng::new(seed);
    let mut stack = Stack::<f64>::seeded(kind, input, hidden, layers, true, &mut rng).unwrap();
    let mut cells: Vec<AnyCell<f64>> = stack.layers().to_vec();
    for c in &mut cells {
        c.params_mut().into_iter().for_each(|p| p.values.iter_mut().for_each(|v| *v *= 2.5));
    }
    stack = Stack::new(cells, true).unwrap();
    let xs: Vec<_> = (0..steps).map(|_| random_vec(input, &mut rng)).collect();
    let h0: Vec<_> = (0..layers).map(|_| random_vec(hidden, &mut rng)).collect();
    let c0: Vec<_> = (0..layers).map(|_| random_vec(hidden, &mut rng)).collect();
    let g: Vec<_> = (0..steps).map(|_| random_vec(hidden, &mut rng)).collect();
    let gc: Vec<_> = (0..layers).map(|_| random_vec(hidden, &mut rng)).collect();
    let loss = |t: &StackTrace<f64>| -> f64 {
        let mut l: f64 = t.output().iter().zip(&g).map(|(h, g)| h.dot(g)).sum();
        for (layer, gc) in t.layers.iter().zip(&gc) {
            if let AnyTrace::Lstm(lt) = layer {
                l += lt.steps.last().unwrap().c.dot(gc);
            }
        }
        l
    };
    let run = |s: &Stack<f64>, xs: &[DVector<f64>], h0: &[DVector<f64>], c0: &[DVector<f64>]| {
        s.forward_from(xs, h0, c0).unwrap()
    };
    let trace = run(&stack, &xs, &h0, &c0);
    let has_c = stack.layers()[0].has_cell_state();
    let back = stack.backward(&trace, &g, if has_c { &gc } else { &[] }).unwrap();
    assert_eq!(back.layers.len(), layers);
    for l in 0..layers {
        let analytic = back.layers[l].grads.params();
        for (k, p) in stack.layers()[l].params().iter().enumerate() {
            for idx in 0..p.values.len() {
                let numeric = derivative(|d| {
                    let mut cells = stack.layers().to_vec();
                    cells[l].params_mut()[k].values[idx] += d;
                    loss(&run(&Stack::new(cells, true).unwrap(), &xs, &h0, &c0))
                });
                let err = relative_error(analytic[k].values[idx], numeric);
                assert!(
                    err < TOLERANCE,
                    "{kind:?} layer {}: d/d{}[{idx}] analytic {} numeric {numeric} (rel. error {err:e})",
                    l + 1,
                    p.name,
                    analytic[k].values[idx]
                );
            }
        }
        check_vector(&format!("{kind:?} layer {}: dL/dh_0", l + 1), &back.layers[l].dh0, |j, d| {
            let mut shifted = h0.clone();
            shifted[l][j] += d;
            loss(&run(&stack, &xs, &shifted, &c0))
        });
        if has_c {
            check_vector(&format!("{kind:?} layer {}: dL/dc_0", l + 1), &back.layers[l].dc0, |j, d| {
                let mut shifted = c0.clone();
                shifted[l][j] += d;
                loss(&run(&stack, &xs, &h0, &shifted))
            });
        }
    }
    for t in 0..steps {
        check_vector(&format!("{kind:?} stack: dL/dx_{t}"), &back.dx()[t], |j, d| {
            let mut xs2 = xs.clone();
            xs2[t][j] += d;
            loss(&run(&stack, &xs2, &h0, &c0))
        });
    }
}

#[test]
fn stacked_rnn_layers_two_and_three_match_finite_differences() {
    check_stack(CellKind::Rnn(Activation::Tanh), 3, 31);
}

#[test]
fn stacked_lstm_layers_two_and_three_match_finite_differences() {
    check_stack(CellKind::Lstm { peepholes: false }, 3, 32);
}

#[test]
fn stacked_gru_layers_two_and_three_match_finite_differences() {
    check_stack(CellKind::Gru, 3, 33);
}

#[test]
fn a_stack_of_two_1997_cells_matches_finite_differences() {
    check_stack(CellKind::Lstm1997, 2, 34);
}
