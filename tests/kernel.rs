//! The fast f32 LSTM kernel against the reference cell computed in f64 with the same weights:
//! every state, gate and gradient agrees to f32 precision, at many shapes, and edge cases give
//! errors instead of panics.

use lstm_explorer::model::Rng;
use lstm_explorer::model::cell::{GateClamps, LstmCell, Parameters};
use lstm_explorer::model::kernel::{KernelError, LstmKernel};
use nalgebra::DVector;

fn widen(cell: &LstmCell<f32>) -> LstmCell<f64> {
    LstmCell {
        weight_ih: cell.weight_ih.map(f64::from),
        weight_hh: cell.weight_hh.map(f64::from),
        bias_ih: cell.bias_ih.map(f64::from),
        bias_hh: cell.bias_hh.map(f64::from),
        peepholes: None,
        clamps: GateClamps::default(),
    }
}

/// |a − b| ≤ tol · max(1, |b|) for every entry.
fn close(what: &str, got: &[f32], want: impl IntoIterator<Item = f64>, tol: f64) {
    let want: Vec<f64> = want.into_iter().collect();
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (k, (&g, &w)) in got.iter().zip(&want).enumerate() {
        let err = (f64::from(g) - w).abs();
        assert!(err <= tol * w.abs().max(1.0), "{what}[{k}]: kernel {g}, reference {w}");
    }
}

fn random(n: usize, rng: &mut Rng, scale: f64) -> Vec<f32> {
    (0..n).map(|_| rng.uniform(-scale, scale) as f32).collect()
}

fn agree(hidden: usize, input: usize, steps: usize, seed: u64) {
    let mut rng = Rng::new(seed);
    let mut cell = LstmCell::<f32>::seeded(input, hidden, false, &mut rng);
    // Larger weights than PyTorch's default, so gates saturate somewhere and tanh sees |x| > 0.625.
    cell.weight_hh *= 3.0;
    cell.weight_ih *= 3.0;
    let xs = random(steps * input, &mut rng, 1.5);
    let h0 = random(hidden, &mut rng, 0.5);
    let c0 = random(hidden, &mut rng, 2.0);
    let dh_out = random(steps * hidden, &mut rng, 1.0);

    let mut kernel = LstmKernel::new();
    kernel.forward(&cell, &xs, Some(&h0), Some(&c0)).unwrap();
    let mut grads = cell.zeros_like();
    kernel.backward(&cell, &dh_out, &mut grads).unwrap();

    let wide = widen(&cell);
    let to64 = |v: &[f32]| DVector::from_iterator(v.len(), v.iter().map(|&a| f64::from(a)));
    let xs64: Vec<_> = xs.chunks(input.max(1)).take(steps).map(to64).collect();
    let trace = wide.forward(&xs64, Some(&to64(&h0)), Some(&to64(&c0))).unwrap();
    let dh64: Vec<_> = dh_out.chunks(hidden).take(steps).map(to64).collect();
    let back = wide.backward(&trace, &dh64).unwrap();

    const F: f64 = 2e-5; // forward: a few f32 roundings per step, compounded over the sequence
    const B: f64 = 1e-4; // backward sums T terms
    assert_eq!(kernel.steps(), steps);
    for (t, s) in trace.steps.iter().enumerate() {
        close("h", kernel.hidden(t + 1), s.h.iter().copied(), F);
        close("c", kernel.cell_state(t + 1), s.c.iter().copied(), F);
        let gates = s.i.iter().chain(&s.f).chain(&s.g).chain(&s.o).copied();
        close("gates", kernel.gates(t + 1), gates, F);
        close("dh", kernel.dh(t + 1), back.dh[t].iter().copied(), B);
        close("dc", kernel.dc(t + 1), back.dc[t].iter().copied(), B);
        close("dx", kernel.dx(t + 1), back.dx[t].iter().copied(), B);
    }
    close("dh0", kernel.dh0(), back.dh0.iter().copied(), B);
    close("dc0", kernel.dc0(), back.dc0.iter().copied(), B);
    for (got, want) in grads.params().iter().zip(back.grads.params()) {
        close(want.name, got.values, want.values.iter().copied(), B);
    }
}

#[test]
fn kernel_matches_the_reference_cell_at_many_shapes() {
    let mut seed = 1;
    for hidden in [1, 3, 8, 17, 32, 70] {
        for input in [1, 2, 5] {
            for steps in [1, 2, 9, 40] {
                agree(hidden, input, steps, seed);
                seed += 1;
            }
        }
    }
}

#[test]
fn gradients_accumulate_across_calls() {
    let mut rng = Rng::new(3);
    let cell = LstmCell::<f32>::seeded(2, 4, false, &mut rng);
    let xs = random(10, &mut rng, 1.0);
    let dh = random(20, &mut rng, 1.0);
    let mut kernel = LstmKernel::new();
    let (mut once, mut twice) = (cell.zeros_like(), cell.zeros_like());
    kernel.forward(&cell, &xs, None, None).unwrap();
    kernel.backward(&cell, &dh, &mut once).unwrap();
    kernel.backward(&cell, &dh, &mut twice).unwrap();
    kernel.backward(&cell, &dh, &mut twice).unwrap();
    for (a, b) in once.params().iter().zip(twice.params()) {
        for (x, y) in a.values.iter().zip(b.values) {
            assert!((2.0 * x - y).abs() <= 1e-6 * x.abs().max(1.0), "{}: {x} twice is not {y}", a.name);
        }
    }
}

#[test]
fn bad_shapes_and_unsupported_cells_are_errors() {
    let mut rng = Rng::new(4);
    let cell = LstmCell::<f32>::seeded(2, 3, false, &mut rng);
    let mut kernel = LstmKernel::new();
    assert!(matches!(kernel.forward(&cell, &[1.0; 5], None, None), Err(KernelError::Length { .. })));
    assert!(matches!(
        kernel.forward(&cell, &[1.0; 4], Some(&[0.0; 2]), None),
        Err(KernelError::Length { .. })
    ));
    kernel.forward(&cell, &[1.0; 4], None, None).unwrap();
    let mut grads = cell.zeros_like();
    assert!(matches!(kernel.backward(&cell, &[1.0; 5], &mut grads), Err(KernelError::Length { .. })));
    let other = LstmCell::<f32>::seeded(2, 4, false, &mut rng);
    assert!(kernel.backward(&other, &[1.0; 6], &mut grads).is_err());
    let mut wrong = other.zeros_like();
    assert!(kernel.backward(&cell, &[1.0; 6], &mut wrong).is_err());
    let peep = LstmCell::<f32>::seeded(2, 3, true, &mut rng);
    assert_eq!(kernel.forward(&peep, &[1.0; 4], None, None), Err(KernelError::Unsupported));
    let mut clamped = cell.clone();
    clamped.clamps.forget = Some(1.0);
    assert_eq!(kernel.forward(&clamped, &[1.0; 4], None, None), Err(KernelError::Unsupported));
}

#[test]
fn an_empty_sequence_leaves_the_initial_state() {
    let mut rng = Rng::new(6);
    let cell = LstmCell::<f32>::seeded(2, 3, false, &mut rng);
    let mut kernel = LstmKernel::new();
    kernel.forward(&cell, &[], Some(&[0.1, 0.2, 0.3]), None).unwrap();
    assert_eq!(kernel.steps(), 0);
    assert_eq!(kernel.hidden(0), &[0.1, 0.2, 0.3]);
    let mut grads = cell.zeros_like();
    kernel.backward(&cell, &[], &mut grads).unwrap();
    assert!(grads.params().iter().all(|p| p.values.iter().all(|&v| v == 0.0)));
}
