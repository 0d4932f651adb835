//! The adding problem, exactly as in Hochreiter & Schmidhuber (1997), experiment 4.
//!
//! Each step is a pair (value, marker). Values are uniform on [−1, 1]. The length is a random
//! integer in [T, T + T/10]. One of the first ten pairs is marked (marker 1; its value is X1),
//! then one of the first T/2 − 1 pairs still unmarked (X2). Every other marker is 0, except
//! the first and last pairs', which are −1. If the first pair gets marked, X1 is set to 0. At
//! the end the target is 0.5 + (X1 + X2)/4; an answer is correct if it is within 0.04.
//!
//! Baseline: always answering 0.5 gives MSE 1/24 ≈ 0.0417.

use super::Sample;
use crate::model::Rng;
use crate::model::tasks::Target;
use nalgebra::DVector;

/// An answer within this of the target is correct.
pub const TOLERANCE: f64 = 0.04;
/// The mean squared error of always answering 0.5.
pub const BASELINE_MSE: f64 = 1.0 / 24.0;

/// The adding problem with minimal sequence length `t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Adding {
    /// The minimal length T (at least 4).
    pub t: usize,
}

impl Adding {
    /// A sequence and its target.
    pub fn generate(&self, rng: &mut Rng) -> Sample {
        let t = self.t.max(4);
        let len = t + rng.below(t / 10 + 1);
        let mut values: Vec<f64> = (0..len).map(|_| rng.uniform(-1.0, 1.0)).collect();
        let mut markers = vec![0.0; len];
        markers[0] = -1.0;
        markers[len - 1] = -1.0;
        let first = rng.below(10.min(len));
        markers[first] = 1.0;
        // One of the first T/2 − 1 pairs that is still unmarked.
        let candidates: Vec<usize> = (0..(t / 2 - 1).max(2)).filter(|&k| k != first).collect();
        let second = candidates[rng.below(candidates.len())];
        markers[second] = 1.0;
        // "In the rare case where the first pair of the sequence gets marked, we set X1 to zero."
        if first == 0 || second == 0 {
            values[0] = 0.0;
        }
        let target = 0.5 + (values[first] + values[second]) / 4.0;
        let inputs = (0..len).map(|k| DVector::from_vec(vec![values[k], markers[k]])).collect();
        let mut targets = vec![None; len];
        targets[len - 1] = Some(Target::Values(vec![target]));
        Sample { inputs, targets }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_follow_the_papers_definition() {
        let task = Adding { t: 100 };
        let mut rng = Rng::new(1);
        let mut marked_first = 0;
        for _ in 0..2_000 {
            let s = task.generate(&mut rng);
            let len = s.inputs.len();
            assert!((100..=110).contains(&len));
            let marked: Vec<usize> = (0..len).filter(|&k| s.inputs[k][1] == 1.0).collect();
            assert_eq!(marked.len(), 2, "exactly two pairs are marked");
            assert!(marked[0] < 10, "the first mark is among the first ten pairs");
            assert!(marked[1] < 49, "the second among the first T/2 − 1");
            assert!(s.inputs.iter().all(|x| (-1.0..=1.0).contains(&x[0])));
            for k in 0..len {
                let m = s.inputs[k][1];
                let expected_minus_one = (k == 0 || k == len - 1) && !marked.contains(&k);
                assert!(m == 1.0 || m == (if expected_minus_one { -1.0 } else { 0.0 }), "marker {m} at {k}");
            }
            if marked[0] == 0 {
                assert_eq!(s.inputs[0][0], 0.0, "a marked first pair has X1 = 0");
                marked_first += 1;
            }
            let Some(Target::Values(t)) = &s.targets[len - 1] else { panic!("a target at the end") };
            let expected = 0.5 + (s.inputs[marked[0]][0] + s.inputs[marked[1]][0]) / 4.0;
            assert!((t[0] - expected).abs() < 1e-15);
            assert!((0.0..=1.0).contains(&t[0]));
            assert!(s.targets[..len - 1].iter().all(Option::is_none), "the only error signal is at the end");
        }
        assert!(marked_first > 0, "some sequence marks its first pair, so that case is checked");
    }

    #[test]
    fn guessing_one_half_scores_the_papers_chance_baselines() {
        let task = Adding { t: 100 };
        let mut rng = Rng::new(2);
        let n = 40_000;
        let (mut sq, mut within) = (0.0, 0);
        for _ in 0..n {
            let s = task.generate(&mut rng);
            let Some(Some(Target::Values(t))) = s.targets.last() else { unreachable!() };
            sq += (t[0] - 0.5) * (t[0] - 0.5);
            within += ((t[0] - 0.5).abs() < TOLERANCE) as usize;
        }
        let mse = sq / n as f64;
        assert!((mse - BASELINE_MSE).abs() < 0.004, "MSE {mse}");
        let rate = within as f64 / n as f64;
        assert!((rate - 0.154).abs() < 0.015, "within 0.04: {rate}");
    }
}
