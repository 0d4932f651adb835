//! Training, one slice at a time: the page calls [`Trainer::train`] for a few sequences between
//! animation frames, so it never freezes, and can pause, resume or reset whenever it likes.

pub mod clipping;
pub mod evaluate;
pub mod experiment;
pub mod init;
pub mod language;
pub mod loss;
pub mod next_value;
pub mod optim;
pub mod presets;
pub mod race;
pub mod sample;

use crate::model::cell::Parameters;
use crate::model::kernel::LstmKernel;
use crate::model::network::{CellKind, Network};
use crate::model::tasks::Task;
use crate::model::{Real, Rng};
pub use evaluate::Evaluation;
use optim::{Optimizer, OptimizerKind, clip_global_norm, scale};

/// How to train.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainConfig {
    /// The optimiser and its learning rate.
    pub optimizer: OptimizerKind,
    /// Sequences per update (1 = online, as in the 1997 paper).
    pub batch: usize,
    /// Clip the gradient's global norm to this, if set.
    pub clip: Option<f64>,
    /// Multiply the learning rate by `factor` every `every` sequences, if set.
    pub decay: Option<(usize, f64)>,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self { optimizer: OptimizerKind::adam(0.01), batch: 16, clip: Some(1.0), decay: None }
    }
}

/// Where training stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Training can go on.
    Running,
    /// A loss or a weight stopped being a finite number; training stopped and the weights are
    /// those of the last good update.
    Diverged(String),
}

/// What one slice of training did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Report {
    /// Sequences seen since the start.
    pub seen: usize,
    /// Mean loss per sequence over the slice.
    pub loss: f64,
    /// Mean gradient norm before clipping over the slice's updates.
    pub grad_norm: f64,
    /// Updates in the slice.
    pub updates: usize,
}

/// A network, a task, an optimiser and a seeded stream of training sequences.
#[derive(Clone, Debug)]
pub struct Trainer<T: Real> {
    /// The network being trained.
    pub network: Network<T>,
    /// What it is trained on.
    pub task: Task,
    /// How.
    pub config: TrainConfig,
    optimizer: Optimizer,
    rng: Rng,
    /// Sequences seen.
    pub seen: usize,
    /// Whether training can continue.
    pub status: Status,
    /// Buffers for the fast LSTM path, reused across samples.
    kernel: LstmKernel,
}

impl<T: Real> Trainer<T> {
    /// A trainer for a fresh network of `kind` with `hidden` units, everything drawn from `seed`.
    pub fn new(task: Task, kind: CellKind, hidden: usize, config: TrainConfig, seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let mut network = Network::seeded(
            kind,
            task.input_size(),
            hidden,
            task.output_size(),
            task.output_kind(),
            &mut rng,
        );
        init::prepare(&mut network);
        Self::with_network(task, network, config, rng)
    }

    /// A trainer for a given network; training sequences come from `rng`.
    pub fn with_network(task: Task, network: Network<T>, config: TrainConfig, rng: Rng) -> Self {
        Self {
            network,
            task,
            config,
            optimizer: Optimizer::new(config.optimizer),
            rng,
            seen: 0,
            status: Status::Running,
            kernel: LstmKernel::new(),
        }
    }

    /// Trains on about `sequences` more sequences (whole mini-batches; at least one). Does
    /// nothing once diverged.
    ///
    /// A batch is all or nothing: if any of its sequences fails (a shape error, a loss or a
    /// gradient that is not a finite number) or the update would make a weight non-finite,
    /// training stops with [`Status::Diverged`] saying why, the weights and the optimiser stay
    /// as they were before that batch, and `seen` counts only the sequences of applied updates.
    pub fn train(&mut self, sequences: usize) -> Report {
        let batch = self.config.batch.max(1);
        let updates = sequences.div_ceil(batch).max(1);
        let (mut loss_sum, mut norm_sum, mut done) = (0.0, 0.0, 0);
        for _ in 0..updates {
            if self.status != Status::Running {
                break;
            }
            match self.update(batch) {
                Ok((batch_loss, norm)) => {
                    self.seen += batch;
                    loss_sum += batch_loss / batch as f64;
                    norm_sum += norm;
                    done += 1;
                }
                Err(reason) => self.status = Status::Diverged(reason),
            }
        }
        let d = done.max(1) as f64;
        Report { seen: self.seen, loss: loss_sum / d, grad_norm: norm_sum / d, updates: done }
    }

    /// One update from `batch` fresh sequences: the summed loss and the gradient norm before
    /// clipping, or why no update was applied (then nothing has changed but the sequence
    /// stream).
    fn update(&mut self, batch: usize) -> Result<(f64, f64), String> {
        let (batch_loss, mut grads) = self.batch_gradient(batch)?;
        scale(&mut grads, 1.0 / batch as f64);
        let norm = match self.config.clip {
            Some(threshold) => clip_global_norm(&mut grads, threshold),
            None => optim::global_norm(&grads),
        };
        if !norm.is_finite() {
            return Err(format!("the gradient norm became {norm} after {} sequences", self.seen));
        }
        let (network_before, optimizer_before) = (self.network.clone(), self.optimizer.clone());
        let lr_scale = self.lr_scale();
        self.optimizer.step(&mut self.network, &grads, lr_scale);
        if self.network.params().iter().any(|p| p.values.iter().any(|v| !v.is_finite())) {
            self.network = network_before;
            self.optimizer = optimizer_before;
            return Err(format!("a weight stopped being finite after {} sequences", self.seen));
        }
        Ok((batch_loss, norm))
    }

    /// The summed loss and gradient of `batch` fresh sequences, or why one of them failed.
    fn batch_gradient(&mut self, batch: usize) -> Result<(f64, Network<T>), String> {
        let mut grads = self.network.zeros_like();
        let mut batch_loss = 0.0;
        for k in 0..batch {
            let sample = self.task.generate(&mut self.rng);
            let loss = sample::accumulate_sample(&self.network, &sample, &mut grads, &mut self.kernel)
                .map_err(|e| format!("the task produced a bad sequence: {e}"))?;
            if !loss.is_finite() {
                return Err(format!(
                    "the loss became {loss} on sequence {} of a batch after {} sequences",
                    k + 1,
                    self.seen
                ));
            }
            batch_loss += loss;
        }
        Ok((batch_loss, grads))
    }

    fn lr_scale(&self) -> f64 {
        match self.config.decay {
            Some((every, factor)) if every > 0 => factor.powi((self.seen / every) as i32),
            _ => 1.0,
        }
    }

    /// Scores the network on `count` fresh sequences drawn from `seed` (never the training
    /// stream): mean loss per sequence and the fraction the task counts as correct.
    pub fn evaluate(&self, count: usize, seed: u64) -> Evaluation {
        evaluate::evaluate(&self.task, &self.network, count, seed)
    }
}
