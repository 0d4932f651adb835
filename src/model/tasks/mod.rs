//! Sequence tasks: seeded generators, each with the success criterion its source states.

pub mod adding;
pub mod copy;
pub mod long_lag;
pub mod reber;
pub mod series;
pub mod temporal_order;
pub mod text;

use nalgebra::DVector;

use crate::model::network::Network;
use crate::model::readout::OutputKind;
use crate::model::train::Evaluation;
use crate::model::train::loss::Target;
use crate::model::{Real, Rng};

/// The initial forget-gate bias of a forget-gate LSTM: σ(3) ≈ 0.95 of the cell state is kept
/// per step at first.
pub const FORGET_BIAS: f64 = 3.0;

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

    /// Initialisation for long memory, as the 1997 paper advises and our runs confirm: input
    /// gates start mostly closed (biases −1, −2, −3 staggered across units) and output gates
    /// too (−2), so that cells are not written or read before they have learned to be. A
    /// forget-gate LSTM also starts with the paper's small weights, U(−0.1, 0.1) instead of
    /// PyTorch's U(−1/√H, 1/√H), and forget-gate bias [`FORGET_BIAS`] (σ(3) ≈ 0.95 of the cell
    /// state kept per step; Gers et al. 2000 initialise forget gates open, too).
    ///
    /// Measured on the adding problem, T = 100, H = 8, Adam 0.01, batch 16, seeds 1–5: with
    /// PyTorch's plain initialisation the forget-gate LSTM stayed at the baseline for 300,000
    /// sequences; with forget bias 1 and closed gates, too; with this it was solved after 92,000,
    /// 36,000, 112,000, 36,000 and 40,000 sequences.
    pub fn prepare<T: Real>(&self, network: &mut Network<T>) {
        use crate::model::cell::Parameters;
        use crate::model::network::AnyCell;
        let (n, bias_ih, bias_hh, output_gate) = match &mut network.cell {
            AnyCell::Lstm(c) => {
                let n = c.hidden_size();
                let to_paper_range = T::of(0.1 * (n.max(1) as f64).sqrt());
                c.params_mut()
                    .into_iter()
                    .for_each(|p| p.values.iter_mut().for_each(|v| *v *= to_paper_range));
                c.bias_ih.rows_mut(n, n).fill(T::of(FORGET_BIAS));
                c.bias_hh.rows_mut(n, n).fill(T::zero());
                (n, &mut c.bias_ih, &mut c.bias_hh, 3)
            }
            AnyCell::Lstm1997(c) => (c.hidden_size(), &mut c.bias_ih, &mut c.bias_hh, 2),
            _ => return,
        };
        for k in 0..n {
            bias_ih[k] = T::of(-1.0 - (k % 3) as f64);
            bias_ih[output_gate * n + k] = T::of(-2.0);
            bias_hh[k] = T::zero();
            bias_hh[output_gate * n + k] = T::zero();
        }
    }

    /// Scores `network` on `count` fresh sequences from `seed`.
    pub fn evaluate<T: Real>(&self, network: &Network<T>, count: usize, seed: u64) -> Evaluation {
        let mut rng = Rng::new(seed);
        let (mut loss, mut sq, mut values, mut correct) = (0.0, 0.0, 0usize, 0usize);
        let mut kernel = crate::model::kernel::LstmKernel::new();
        for _ in 0..count {
            let sample = self.generate(&mut rng);
            let Ok((outputs, sample_loss)) =
                crate::model::train::sample::outputs_and_loss(network, &sample, &mut kernel)
            else {
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
            correct += self.correct(&sample, &outputs) as usize;
        }
        let n = count.max(1) as f64;
        Evaluation {
            loss: loss / n,
            mse: if values > 0 { sq / values as f64 } else { f64::NAN },
            accuracy: correct as f64 / n,
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
