//! Properties that hold for every cell, size, seed and bounded input: no NaN or infinity
//! appears in the forward or backward pass, and every shape agrees with the cell.
//!
//! The ReLU RNN is unbounded: with weights scaled up its state can grow without limit, so it is
//! held to what it does promise — at the weights' own initialisation scale, for bounded inputs
//! over up to 200 steps, no NaN and no infinity in either pass.

use lstm_explorer::model::Rng;
use lstm_explorer::model::cell::{GateClamps, Parameters};
use lstm_explorer::model::network::{AnyCell, CellKind};
use lstm_explorer::model::{Activation, Real};
use nalgebra::DVector;
use proptest::prelude::*;

fn kind_strategy() -> impl Strategy<Value = CellKind> {
    prop_oneof![
        Just(CellKind::Rnn(Activation::Tanh)),
        Just(CellKind::Rnn(Activation::Logistic)),
        Just(CellKind::Lstm { peepholes: false }),
        Just(CellKind::Lstm { peepholes: true }),
        Just(CellKind::Lstm1997),
        Just(CellKind::Gru),
    ]
}

fn clamp_strategy() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![3 => Just(None), 1 => (0.0..=1.0f64).prop_map(Some)]
}

fn run<T: Real>(
    kind: CellKind,
    input: usize,
    hidden: usize,
    steps: usize,
    seed: u64,
    scale: f64,
    clamps: GateClamps,
) {
    let mut rng = Rng::new(seed);
    let mut cell = AnyCell::<T>::seeded(kind, input, hidden, &mut rng);
    cell.params_mut().into_iter().for_each(|p| p.values.iter_mut().for_each(|v| *v *= T::of(scale)));
    cell.set_clamps(clamps);
    let xs: Vec<DVector<T>> =
        (0..steps).map(|_| DVector::from_fn(input, |_, _| T::of(rng.uniform(-10.0, 10.0)))).collect();
    let trace = cell.forward(&xs).unwrap();
    assert_eq!(trace.len(), steps);
    for h in trace.hidden_states() {
        assert_eq!(h.len(), hidden);
        assert!(h.iter().all(|v| v.is_finite()), "{kind:?}: hidden state {h}");
    }
    let dh_out: Vec<DVector<T>> =
        (0..steps).map(|_| DVector::from_fn(hidden, |_, _| T::of(rng.uniform(-1.0, 1.0)))).collect();
    let back = cell.backward(&trace, &dh_out, None).unwrap();
    assert_eq!(back.dh.len(), steps);
    assert_eq!(back.dx.len(), steps);
    assert!(back.dx.iter().all(|d| d.len() == input));
    assert_eq!(back.dc.len(), if cell.has_cell_state() { steps } else { 0 });
    let shapes = |c: &AnyCell<T>| c.params().iter().map(|p| (p.name, p.rows, p.cols)).collect::<Vec<_>>();
    assert_eq!(shapes(&back.grads), shapes(&cell));
    for p in back.grads.params() {
        assert!(p.values.iter().all(|v| v.is_finite()), "{kind:?}: gradient of {} not finite", p.name);
    }
}

/// Runs a ReLU RNN at its initialisation scale and checks every number of both passes.
fn relu_run<T: Real>(input: usize, hidden: usize, steps: usize, seed: u64) {
    run::<T>(CellKind::Rnn(Activation::Relu), input, hidden, steps, seed, 1.0, GateClamps::default());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn bounded_inputs_never_produce_nan_in_f64(
        kind in kind_strategy(), input in 1usize..4, hidden in 1usize..7, steps in 0usize..25,
        seed in any::<u64>(), scale in 0.1f64..4.0, input_clamp in clamp_strategy(), forget_clamp in clamp_strategy(),
    ) {
        let clamps = GateClamps { input: input_clamp, forget: forget_clamp, update: input_clamp, ..Default::default() };
        run::<f64>(kind, input, hidden, steps, seed, scale, clamps);
    }

    #[test]
    fn bounded_inputs_never_produce_nan_in_f32(
        kind in kind_strategy(), input in 1usize..4, hidden in 1usize..7, steps in 0usize..25,
        seed in any::<u64>(), scale in 0.1f64..4.0,
    ) {
        run::<f32>(kind, input, hidden, steps, seed, scale, GateClamps::default());
    }

    #[test]
    fn relu_at_its_init_scale_never_produces_nan_over_200_steps(
        input in 1usize..4, hidden in 1usize..9, steps in 0usize..=200, seed in any::<u64>(),
    ) {
        relu_run::<f64>(input, hidden, steps, seed);
        relu_run::<f32>(input, hidden, steps, seed);
    }
}
