//! Functions the page exports to JavaScript for measurement: the browser benchmark times the
//! same LSTM forward + backward passes as `benches/lstm_step.rs`, so the WebAssembly build can be
//! compared with the native one on the same machine.

use nalgebra::DVector;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::model::cell::{LstmCell, Parameters};
use crate::model::kernel::LstmKernel;
use crate::model::{Real, Rng};

/// The benchmark's cell, inputs and output errors: I = 2, T = `steps`, seeded as natively.
fn setup(hidden: usize, steps: usize) -> (LstmCell<f32>, Vec<DVector<f32>>, Vec<DVector<f32>>) {
    let mut rng = Rng::new(1);
    let cell = LstmCell::<f32>::seeded(2, hidden, false, &mut rng);
    let xs = (0..steps).map(|_| DVector::from_fn(2, |_, _| f32::of(rng.uniform(-1.0, 1.0)))).collect();
    let dh = (0..steps).map(|_| DVector::from_fn(hidden, |_, _| f32::of(rng.uniform(-1.0, 1.0)))).collect();
    (cell, xs, dh)
}

/// Runs forward + full backpropagation through time `repeats` times with the fast kernel (what
/// training runs), in f32, and returns a checksum (so the work cannot be optimised away).
/// JavaScript times the call.
#[wasm_bindgen]
pub fn bench_lstm_kernel(hidden: usize, steps: usize, repeats: usize) -> f64 {
    let (cell, xs, dh) = setup(hidden.clamp(1, 512), steps.clamp(1, 10_000));
    let xs: Vec<f32> = xs.iter().flat_map(|x| x.iter().copied()).collect();
    let dh: Vec<f32> = dh.iter().flat_map(|d| d.iter().copied()).collect();
    let mut kernel = LstmKernel::new();
    let mut grads = cell.zeros_like();
    let mut checksum = 0.0;
    for _ in 0..repeats {
        if kernel.forward(&cell, &xs, None, None).is_err() || kernel.backward(&cell, &dh, &mut grads).is_err()
        {
            return f64::NAN;
        }
        checksum += kernel.dh0().iter().map(|&v| f64::from(v)).sum::<f64>();
    }
    checksum
}

/// The same with the reference cell, which records the full trace the views draw.
#[wasm_bindgen]
pub fn bench_lstm_reference(hidden: usize, steps: usize, repeats: usize) -> f64 {
    let (cell, xs, dh) = setup(hidden.clamp(1, 512), steps.clamp(1, 10_000));
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
