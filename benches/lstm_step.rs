//! Forward pass plus full backpropagation through time for the LSTM, per time step, at the
//! shapes the issue fixes: I = 2, T = 100, batch 1, H = 8, 32, 128.
//!
//! - `lstm_kernel_f32`: the fast path ([`LstmKernel`]), what training runs;
//! - `lstm_reference_f32` / `lstm_reference_f64`: the generic reference cell, which records the
//!   full per-step trace the views draw and which the gradient checks use.
//!
//! `scripts/bench.sh` runs this next to the same shapes in PyTorch and prints the ratios.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lstm_explorer::model::cell::{LstmCell, Parameters};
use lstm_explorer::model::kernel::LstmKernel;
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

fn bench_reference<T: Real>(c: &mut Criterion, label: &str) {
    let mut group = c.benchmark_group(format!("lstm_reference_{label}"));
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

fn bench_kernel(c: &mut Criterion) {
    let mut group = c.benchmark_group("lstm_kernel_f32");
    group.throughput(Throughput::Elements(STEPS as u64));
    for hidden in [8, 32, 128] {
        let (cell, xs, dh) = setup::<f32>(hidden);
        let xs: Vec<f32> = xs.iter().flat_map(|x| x.iter().copied()).collect();
        let dh: Vec<f32> = dh.iter().flat_map(|d| d.iter().copied()).collect();
        let mut kernel = LstmKernel::new();
        let mut grads = cell.zeros_like();
        group.bench_with_input(BenchmarkId::from_parameter(hidden), &hidden, |b, _| {
            b.iter(|| {
                kernel.forward(&cell, black_box(&xs), None, None).unwrap();
                kernel.backward(&cell, black_box(&dh), &mut grads).unwrap();
                black_box(kernel.dh0());
            })
        });
    }
    group.finish();
    let mut group = c.benchmark_group("lstm_kernel_forward_f32");
    group.throughput(Throughput::Elements(STEPS as u64));
    for hidden in [8, 32, 128] {
        let (cell, xs, _) = setup::<f32>(hidden);
        let xs: Vec<f32> = xs.iter().flat_map(|x| x.iter().copied()).collect();
        let mut kernel = LstmKernel::new();
        group.bench_with_input(BenchmarkId::from_parameter(hidden), &hidden, |b, _| {
            b.iter(|| {
                kernel.forward(&cell, black_box(&xs), None, None).unwrap();
                black_box(kernel.hidden(STEPS));
            })
        });
    }
    group.finish();
}

/// What one core can do at best on dense f32 products: a 256³ matrix product through
/// `matrixmultiply` (what nalgebra uses), in multiply-adds per second. `scripts/bench.sh`
/// divides 12·H·(H+I) by it to get the arithmetic limit of one LSTM step.
fn bench_peak(c: &mut Criterion) {
    const N: usize = 256;
    let mut group = c.benchmark_group("peak_sgemm_f32");
    group.throughput(Throughput::Elements((N * N * N) as u64));
    let a = nalgebra::DMatrix::<f32>::from_fn(N, N, |i, j| ((i * 7 + j * 3) % 11) as f32 * 0.1);
    let b = a.transpose();
    let mut out = nalgebra::DMatrix::<f32>::zeros(N, N);
    group.bench_function(BenchmarkId::from_parameter(N), |bench| {
        bench.iter(|| out.gemm(1.0, black_box(&a), black_box(&b), 0.0))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_peak(c);
    bench_kernel(c);
    bench_reference::<f32>(c, "f32");
    bench_reference::<f64>(c, "f64");
}

criterion_group!(lstm, benches);
criterion_main!(lstm);
