//! A training run to a success criterion: train in slices, test on fresh sequences now and
//! then, stop when solved or out of budget. Used by the `repro` command and by the page.

use crate::model::Real;
use crate::model::network::CellKind;
use crate::model::tasks::Task;
use crate::model::train::{Status, TrainConfig, Trainer};

/// One run's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Experiment {
    /// The task.
    pub task: Task,
    /// The cell.
    pub kind: CellKind,
    /// Hidden units.
    pub hidden: usize,
    /// Optimiser, batch, clipping, schedule.
    pub config: TrainConfig,
    /// The most training sequences before giving up.
    pub budget: usize,
    /// Test every this many training sequences.
    pub check_every: usize,
    /// Fresh test sequences for the final check.
    pub test_size: usize,
    /// The fraction of test sequences that must be correct.
    pub success_rate: f64,
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Training sequences seen when the criterion was first met, if it was.
    pub solved_after: Option<usize>,
    /// Training sequences seen in all.
    pub seen: usize,
    /// The last test's accuracy.
    pub accuracy: f64,
    /// The last test's mean squared error (value tasks).
    pub mse: f64,
    /// Why training stopped early, if it diverged.
    pub diverged: Option<String>,
}

impl Experiment {
    /// Runs with `seed` (weights and training stream) and tests on sequences from `test_seed`.
    pub fn run<T: Real>(&self, seed: u64, test_seed: u64) -> Outcome {
        let mut trainer = Trainer::<T>::new(self.task.clone(), self.kind, self.hidden, self.config, seed);
        let (mut accuracy, mut mse) = (0.0, f64::NAN);
        while trainer.seen < self.budget {
            trainer.train(self.check_every);
            if let Status::Diverged(reason) = &trainer.status {
                return Outcome {
                    solved_after: None,
                    seen: trainer.seen,
                    accuracy,
                    mse,
                    diverged: Some(reason.clone()),
                };
            }
            // A cheap look first; the full test only when it might pass.
            let quick = trainer.evaluate(self.test_size / 10 + 1, test_seed ^ 0x5EED);
            accuracy = quick.accuracy;
            mse = quick.mse;
            if quick.accuracy >= self.success_rate {
                let full = trainer.evaluate(self.test_size, test_seed);
                accuracy = full.accuracy;
                mse = full.mse;
                if full.accuracy >= self.success_rate {
                    return Outcome {
                        solved_after: Some(trainer.seen),
                        seen: trainer.seen,
                        accuracy,
                        mse,
                        diverged: None,
                    };
                }
            }
        }
        let full = trainer.evaluate(self.test_size, test_seed);
        Outcome {
            solved_after: None,
            seen: trainer.seen,
            accuracy: full.accuracy,
            mse: full.mse,
            diverged: None,
        }
    }
}
