//! Next-value prediction on a time series: at every step the network sees x_t and predicts
//! x_{t+1}. Two kinds: a mixture of sines (predictable: the seed's "speech-like" signal) and a
//! random walk with drift (the seed's "stock price", mostly unpredictable). A sequence counts as
//! solved when the network's squared error is below that of the persistence forecast
//! "tomorrow = today", the baseline any forecaster must beat.

use nalgebra::DVector;

use super::Sample;
use crate::model::Rng;
use crate::model::tasks::Target;

/// Which series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesKind {
    /// Two or three sines with random frequencies and phases, scaled into [0, 1].
    Sines,
    /// A random walk with a random drift, scaled into [0, 1].
    RandomWalk,
}

/// Next-value prediction on sequences of `length` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Series {
    /// Which series.
    pub kind: SeriesKind,
    /// Values per sequence (at least 3).
    pub length: usize,
}

/// A standard normal number (Box–Muller).
pub fn gaussian(rng: &mut Rng) -> f64 {
    let u = 1.0 - rng.next_f64();
    let v = rng.next_f64();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

impl Series {
    /// The raw values of one series, scaled into [0, 1].
    pub fn values(&self, rng: &mut Rng) -> Vec<f64> {
        let n = self.length.max(3) + 1;
        let raw: Vec<f64> = match self.kind {
            SeriesKind::Sines => {
                let parts: Vec<(f64, f64, f64)> = (0..2 + rng.below(2))
                    .map(|_| {
                        (
                            rng.uniform(0.3, 1.0),
                            rng.uniform(0.15, 0.8),
                            rng.uniform(0.0, std::f64::consts::TAU),
                        )
                    })
                    .collect();
                (0..n).map(|t| parts.iter().map(|(a, w, p)| a * (w * t as f64 + p).sin()).sum()).collect()
            }
            SeriesKind::RandomWalk => {
                let drift = rng.uniform(-0.05, 0.05);
                let mut x = 0.0;
                (0..n)
                    .map(|_| {
                        x += drift + 0.1 * gaussian(rng);
                        x
                    })
                    .collect()
            }
        };
        let (lo, hi) = raw.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| (l.min(v), h.max(v)));
        let span = (hi - lo).max(1e-9);
        raw.iter().map(|v| (v - lo) / span).collect()
    }

    /// x_1 … x_T in, x_2 … x_{T+1} as targets.
    pub fn generate(&self, rng: &mut Rng) -> Sample {
        let v = self.values(rng);
        let inputs = v[..v.len() - 1].iter().map(|&x| DVector::from_element(1, x)).collect();
        let targets = v[1..].iter().map(|&x| Some(Target::Values(vec![x]))).collect();
        Sample { inputs, targets }
    }

    /// Whether the outputs beat "the next value equals this one" on the sequence.
    pub fn beats_persistence(&self, sample: &Sample, outputs: &[Option<DVector<f64>>]) -> bool {
        let (mut model, mut persistence) = (0.0, 0.0);
        for ((x, t), y) in sample.inputs.iter().zip(&sample.targets).zip(outputs) {
            if let (Some(Target::Values(t)), Some(y)) = (t, y) {
                model += (y[0] - t[0]).powi(2);
                persistence += (x[0] - t[0]).powi(2);
            }
        }
        model < persistence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_are_scaled_into_the_unit_interval_and_targets_are_the_next_value() {
        for kind in [SeriesKind::Sines, SeriesKind::RandomWalk] {
            let task = Series { kind, length: 50 };
            let s = task.generate(&mut Rng::new(6));
            assert_eq!(s.inputs.len(), 50);
            for t in 0..49 {
                let Some(Target::Values(next)) = &s.targets[t] else { panic!() };
                assert_eq!(next[0], s.inputs[t + 1][0]);
            }
            assert!(s.inputs.iter().all(|x| (0.0..=1.0).contains(&x[0])));
        }
    }

    #[test]
    fn gaussian_has_zero_mean_and_unit_variance() {
        let mut rng = Rng::new(7);
        let xs: Vec<f64> = (0..50_000).map(|_| gaussian(&mut rng)).collect();
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
        assert!(mean.abs() < 0.02 && (var - 1.0).abs() < 0.03, "{mean} {var}");
    }
}
