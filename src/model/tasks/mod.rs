//! Sequence tasks: samples and their targets, seeded generators, and each task's success
//! criterion as its source states it. Nothing here knows about training: evaluation, the
//! initialisation policy and the loss live in
//! training (`train/`), one floor up.

pub mod adding;
pub mod copy;
pub mod long_lag;
pub mod reber;
pub mod series;
pub mod temporal_order;
pub mod text;

use nalgebra::DVector;

use crate::model::Rng;
use crate::model::readout::OutputKind;

/// What a step is asked to produce.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// Real values, compared by squared error.
    Values(Vec<f64>),
    /// A class, compared by cross-entropy; `allowed` lists every class that would also be a
    /// correct continuation (for grammars, where several symbols may come next).
    Class {
        /// The class that actually came.
        index: usize,
        /// Every class that could have come (includes `index`).
        allowed: Vec<usize>,
    },
}

/// One training or test sequence.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    /// x_1 … x_T.
    pub inputs: Vec<DVector<f64>>,
    /// What the network should produce after reading x_t; `None` where nothing is asked.
    pub targets: Vec<Option<Target>>,
}

/// A one-hot vector.
pub fn one_hot(size: usize, index: usize) -> DVector<f64> {
    DVector::from_fn(size, |i, _| if i == index { 1.0 } else { 0.0 })
}

/// Every task, with its settings.
#[derive(Clone, Debug, PartialEq)]
pub enum Task {
    /// The adding problem (1997 paper, experiment 4) with minimal length T.
    Adding(adding::Adding),
    /// The embedded Reber grammar (experiment 1), next-symbol prediction.
    Reber(reber::EmbeddedReber),
    /// The noise-free long-lag task (experiment 2a) with lag p.
    LongLag(long_lag::LongLag),
    /// The temporal-order task (experiment 6a).
    TemporalOrder(temporal_order::TemporalOrder),
    /// Remember a symbol across a lag, then recall it.
    Copy(copy::CopyTask),
    /// Predict the next value of a time series.
    Series(series::Series),
    /// Predict the next character of a short text.
    Text(text::TextTask),
}

impl Task {
    /// The width of x_t.
    pub fn input_size(&self) -> usize {
        match self {
            Task::Adding(_) => 2,
            Task::Reber(_) => reber::SYMBOLS.len(),
            Task::LongLag(t) => t.alphabet(),
            Task::TemporalOrder(_) => temporal_order::SYMBOLS.len(),
            Task::Copy(t) => t.input_size(),
            Task::Series(_) => 1,
            Task::Text(t) => t.vocabulary().len(),
        }
    }

    /// The width of y_t.
    pub fn output_size(&self) -> usize {
        match self {
            Task::Adding(_) | Task::Series(_) => 1,
            Task::Reber(_) => reber::SYMBOLS.len(),
            Task::LongLag(t) => t.alphabet(),
            Task::TemporalOrder(_) => temporal_order::CLASSES,
            Task::Copy(t) => t.symbols,
            Task::Text(t) => t.vocabulary().len(),
        }
    }

    /// The readout's squash.
    pub fn output_kind(&self) -> OutputKind {
        match self {
            Task::Adding(_) | Task::Series(_) => OutputKind::Linear,
            _ => OutputKind::Softmax,
        }
    }

    /// A fresh sequence.
    pub fn generate(&self, rng: &mut Rng) -> Sample {
        match self {
            Task::Adding(t) => t.generate(rng),
            Task::Reber(t) => t.generate(rng),
            Task::LongLag(t) => t.generate(rng),
            Task::TemporalOrder(t) => t.generate(rng),
            Task::Copy(t) => t.generate(rng),
            Task::Series(t) => t.generate(rng),
            Task::Text(t) => t.generate(rng),
        }
    }

    /// Whether the outputs solve the sequence, by the task's stated criterion.
    pub fn correct(&self, sample: &Sample, outputs: &[Option<DVector<f64>>]) -> bool {
        let pairs =
            || sample.targets.iter().zip(outputs).filter_map(|(t, y)| Some((t.as_ref()?, y.as_ref()?)));
        match self {
            Task::Adding(_) => pairs().all(|(t, y)| value_error(t, y) < adding::TOLERANCE),
            Task::Reber(_) => pairs().all(|(t, y)| allowed_are_top(t, y)),
            Task::LongLag(_) => pairs().all(|(t, y)| class_error(t, y) < long_lag::TOLERANCE),
            Task::TemporalOrder(_) => pairs().all(|(t, y)| class_error(t, y) < temporal_order::TOLERANCE),
            Task::Copy(_) => pairs().all(|(t, y)| argmax_is_target(t, y)),
            Task::Series(s) => s.beats_persistence(sample, outputs),
            Task::Text(_) => {
                let (hits, total) =
                    pairs().fold((0, 0), |(h, n), (t, y)| (h + argmax_is_target(t, y) as usize, n + 1));
                total > 0 && hits as f64 >= text::ACCURACY * total as f64
            }
        }
    }
}

fn value_error(t: &Target, y: &DVector<f64>) -> f64 {
    match t {
        Target::Values(v) => v.iter().zip(y.iter()).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max),
        Target::Class { .. } => f64::INFINITY,
    }
}

/// The largest |y_k − onehot_k| (how far a distribution is from the right answer).
fn class_error(t: &Target, y: &DVector<f64>) -> f64 {
    match t {
        Target::Class { index, .. } => y
            .iter()
            .enumerate()
            .map(|(k, &v)| (v - if k == *index { 1.0 } else { 0.0 }).abs())
            .fold(0.0, f64::max),
        Target::Values(_) => f64::INFINITY,
    }
}

fn argmax_is_target(t: &Target, y: &DVector<f64>) -> bool {
    matches!(t, Target::Class { index, .. } if y.argmax().0 == *index)
}

/// The 1997 paper's Reber criterion: the k possible next symbols are the k most active outputs.
fn allowed_are_top(t: &Target, y: &DVector<f64>) -> bool {
    let Target::Class { allowed, .. } = t else { return false };
    let lowest_allowed = allowed.iter().map(|&k| y[k]).fold(f64::INFINITY, f64::min);
    y.iter().enumerate().all(|(k, &v)| allowed.contains(&k) || v < lowest_allowed)
}
