//! Forward pass plus full backpropagation through time for the LSTM, per time step, at the
//! shapes the issue fixes: I = 2, T = 100, batch 1, H = 8, 32, 128; in f32 (what the page
//! trains in) and f64 (what the gradient checks use).
//!
//! `scripts/bench.sh` runs this next to the same shapes in PyTorch and prints the ratios.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lstm_explorer::model::cell::LstmCell;
use lstm_explorer::model::{Real, Rng};
use nalgebra::DVector;
use std::hint::black_box;

const INPUT: usize = 2;
const STEPS: usize = 100;

fn setup<T: Real>(hidden: usize) -> (LstmCell<T>, Vec<DVector<T>>, Vec<DVector<T>>) {
    let mut rng = Rng::new(1);
    let cell = LstmCell::seeded(INPUT, hidden, false, &mut rng);
    let xs = (0..STEPS).map(|_| DVector::from_fn(INPUT, |_, _| T::of(rng.uniform(-1.0, 1.0)))).collect();
    let dh = (0..STEPS).map(|_| DVector::from_fn(hidden, |_, _| T::of(rng.uniform(-1.0, 1.0)))).collect();
    (cell, xs, dh)
}

fn bench_precision<T: Real>(c: &mut Criterion, label: &str) {
    let mut group = c.benchmark_group(format!("lstm_forward_backward_{label}"));
    group.throughput(Throughput::Elements(STEPS as u64));
    for hidden in [8, 32, 128] {
        let (cell, xs, dh) = setup::<T>(hidden);
        group.bench_with_input(BenchmarkId::from_parameter(hidden), &hidden, |b, _| {
            b.iter(|| {
                let trace = cell.forward(black_box(&xs), None, None).unwrap();
                black_box(cell.backward(&trace, &dh).unwrap());
            })
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_precision::<f32>(c, "f32");
    bench_precision::<f64>(c, "f64");
}

criterion_group!(lstm, benches);
criterion_main!(lstm);
