//! Scoring a network on fresh sequences of a task.

use crate::model::kernel::LstmKernel;
use crate::model::network::Network;
use crate::model::tasks::{Target, Task};
use crate::model::train::sample::outputs_and_loss;
use crate::model::{Real, Rng};

/// How a network does on fresh sequences.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evaluation {
    /// Mean loss per sequence.
    pub loss: f64,
    /// Mean squared error per target value (for value tasks; the mean of (y − t)² ).
    pub mse: f64,
    /// The fraction of sequences the task's criterion counts as correct.
    pub accuracy: f64,
}

/// Scores `network` on `count` fresh sequences of `task` drawn from `seed`.
pub fn evaluate<T: Real>(task: &Task, network: &Network<T>, count: usize, seed: u64) -> Evaluation {
    let mut rng = Rng::new(seed);
    let (mut loss, mut sq, mut values, mut correct) = (0.0, 0.0, 0usize, 0usize);
    let mut kernel = LstmKernel::new();
    for _ in 0..count {
        let sample = task.generate(&mut rng);
        let Ok((outputs, sample_loss)) = outputs_and_loss(network, &sample, &mut kernel) else {
            continue;
        };
        loss += sample_loss;
        for (t, y) in sample.targets.iter().zip(&outputs) {
            if let (Some(Target::Values(t)), Some(y)) = (t, y) {
                for (a, b) in t.iter().zip(y.iter()) {
                    sq += (a - b) * (a - b);
                    values += 1;
                }
            }
        }
        correct += task.correct(&sample, &outputs) as usize;
    }
    let n = count.max(1) as f64;
    Evaluation {
        loss: loss / n,
        mse: if values > 0 { sq / values as f64 } else { f64::NAN },
        accuracy: correct as f64 / n,
    }
}
