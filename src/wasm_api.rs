//! Functions the page exports to JavaScript for measurement: the browser benchmark times the
//! same LSTM forward + backward pass as `benches/lstm_step.rs`, so the WebAssembly build can be
//! compared with the native one on the same machine.

use nalgebra::DVector;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::model::cell::LstmCell;
use crate::model::{Real, Rng};

/// Runs forward + full backpropagation through time `repeats` times for an LSTM with
/// I = 2, T = `steps`, the given hidden size, in f32, and returns a checksum (so the work cannot
/// be optimised away). JavaScript times the call.
#[wasm_bindgen]
pub fn bench_lstm_forward_backward(hidden: usize, steps: usize, repeats: usize) -> f64 {
    let hidden = hidden.clamp(1, 512);
    let steps = steps.clamp(1, 10_000);
    let mut rng = Rng::new(1);
    let cell = LstmCell::<f32>::seeded(2, hidden, false, &mut rng);
    let xs: Vec<DVector<f32>> =
        (0..steps).map(|_| DVector::from_fn(2, |_, _| f32::of(rng.uniform(-1.0, 1.0)))).collect();
    let dh: Vec<DVector<f32>> =
        (0..steps).map(|_| DVector::from_fn(hidden, |_, _| f32::of(rng.uniform(-1.0, 1.0)))).collect();
    let mut checksum = 0.0;
    for _ in 0..repeats {
        let Ok(trace) = cell.forward(&xs, None, None) else { return f64::NAN };
        let Ok(back) = cell.backward(&trace, &dh) else { return f64::NAN };
        checksum += back.dh0.sum().to_f64();
    }
    checksum
}

/// Runs the page's adding-problem preset (T = 100, 1997 LSTM, Adam) to success with `seed`,
/// exactly as `repro` does natively, and returns the training sequences it took (−1 if the
/// budget ran out). JavaScript times the call.
#[wasm_bindgen]
pub fn train_adding_to_success(seed: u32) -> f64 {
    let seed = u64::from(seed);
    let outcome = crate::model::train::presets::adding_100_lstm1997().run::<f32>(seed, 1_000 + seed);
    outcome.solved_after.map_or(-1.0, |n| n as f64)
}
