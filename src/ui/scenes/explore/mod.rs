//! The explorer: a vanilla RNN, an LSTM or a GRU reading an editable sequence, drawn folded
//! (one cell and its loop) or unrolled in time (one copy per step), with an animated transition
//! between the two; optionally two cells side by side on the same input and cursor. Every square
//! is a value of the model's trace, with its exact number in the tooltip.
//!
//! The network has one to three stacked layers, seeded here or opened from a PyTorch weight file,
//! and reads typed or drawn numbers, a text, or a CSV (what is brought from outside arrives
//! through `files`).
//!
//! This file owns what the explorer's parts share: the cells on offer and the model they draw.
//! `scene` is the whole scene, `lane` one layer over the sequence, `detail` the open step.

use std::sync::Arc;

use nalgebra::DVector;

use crate::model::Rng;
use crate::model::network::{AnyCell, AnyTrace, CellKind};
use crate::model::stack::{Stack, StackTrace};
use crate::model::trace::Units;
use crate::ui::i18n::Key;

mod detail;
mod files;
mod lane;
mod scene;

pub(crate) use files::{close, open, rows, shown};

pub use scene::ExploreScene;

/// The cells the explorer offers, with their menu labels and test ids.
const KINDS: [(CellKind, &str, Key); 4] = [
    (CellKind::Rnn(crate::model::Activation::Tanh), "rnn", Key::KindRnn),
    (CellKind::Lstm { peepholes: false }, "lstm", Key::KindLstm),
    (CellKind::Lstm1997, "lstm1997", Key::KindLstm1997),
    (CellKind::Gru, "gru", Key::KindGru),
];

/// What the cells read: numbers (one input unit), a text (one-hot over its characters) or the
/// columns of a CSV.
#[derive(Clone, PartialEq)]
struct Inputs {
    xs: Vec<Vec<f64>>,
    /// The character of each step, for text.
    chars: Option<Vec<char>>,
}

/// The most units a lane, the open step and the heatmaps draw at once; a wider network is shown
/// through a window of this many units that the learner moves.
pub(crate) const SHOWN_UNITS: usize = 8;

/// The most steps a lane draws at once; a longer sequence is shown a page of steps at a time,
/// the page the time cursor is on.
pub(crate) const SHOWN_STEPS: usize = 40;

/// The most steps × layers × hidden units the explorer runs: every step keeps up to 15 vectors
/// of H numbers per layer for the views, so this holds a trace to about 120 MB. It admits the
/// longest CSV (2,000 rows) through one layer of H = 512.
pub(crate) const MAX_WORK: usize = 1 << 20;

/// Why a network could not run on the inputs.
#[derive(Clone, PartialEq)]
enum RunError {
    /// The network reads `wants` numbers per step and the input has `has`.
    Input { wants: usize, has: usize },
    /// The input has `has` steps; this network runs at most `most`.
    TooLong { has: usize, most: usize },
    /// Anything else the model reports.
    Model(String),
}

impl RunError {
    fn message(&self, lang: crate::text::Lang) -> String {
        match self {
            RunError::Input { wants, has } => crate::ui::i18n::tr(Key::InputMismatch, lang)
                .replace("{wants}", &wants.to_string())
                .replace("{has}", &has.to_string()),
            RunError::TooLong { has, most } => crate::ui::i18n::tr(Key::InputTooLong, lang)
                .replace("{has}", &has.to_string())
                .replace("{most}", &most.to_string()),
            RunError::Model(m) => format!("{}: {m}", crate::ui::i18n::tr(Key::ModelError, lang)),
        }
    }
}

/// A network (seeded, or opened from a file) and its forward pass through every layer.
#[derive(Clone, PartialEq)]
struct Run {
    stack: Arc<Stack<f64>>,
    trace: Result<Arc<StackTrace<f64>>, RunError>,
    chars: Option<Vec<char>>,
}

impl Run {
    fn kind(&self) -> CellKind {
        self.stack.kind()
    }

    /// Layer `layer` as the views draw it: its cell, and its trace for units `start ..` (a
    /// window of [`SHOWN_UNITS`] when the network is wider).
    fn layer(&self, layer: usize, start: usize) -> Model {
        let layers = self.stack.layers();
        let layer = layer.min(layers.len() - 1);
        let hidden = self.stack.hidden_size();
        let start = if hidden > SHOWN_UNITS { start.min(hidden - SHOWN_UNITS) } else { 0 };
        let trace = match &self.trace {
            Ok(t) if hidden > SHOWN_UNITS => Ok(Arc::new(t.layers[layer].units(start, SHOWN_UNITS))),
            Ok(t) => Ok(Arc::new(t.layers[layer].clone())),
            Err(e) => Err(e.clone()),
        };
        Model {
            kind: self.kind(),
            cell: Arc::new(layers[layer].clone()),
            trace,
            chars: (layer == 0).then(|| self.chars.clone()).flatten(),
            layer,
            layers: layers.len(),
            start,
        }
    }
}

/// One layer of a run, as a lane, the open step, the heatmaps and the weights draw it.
#[derive(Clone, PartialEq)]
struct Model {
    kind: CellKind,
    cell: Arc<AnyCell<f64>>,
    trace: Result<Arc<AnyTrace<f64>>, RunError>,
    chars: Option<Vec<char>>,
    /// Which layer (0 = the one reading the input) of how many.
    layer: usize,
    layers: usize,
    /// The first unit drawn.
    start: usize,
}

/// Runs `stack` over `inputs`, refusing inputs of another width.
fn run_stack(stack: Arc<Stack<f64>>, inputs: &Inputs) -> Run {
    let has = inputs.xs.first().map_or(0, Vec::len);
    let wants = stack.input_size();
    let most = MAX_WORK / (stack.layers().len() * stack.hidden_size()).max(1);
    let trace = if has != wants {
        Err(RunError::Input { wants, has })
    } else if inputs.xs.len() > most {
        Err(RunError::TooLong { has: inputs.xs.len(), most })
    } else {
        let xs: Vec<DVector<f64>> = inputs.xs.iter().map(|x| DVector::from_column_slice(x)).collect();
        stack.forward(&xs).map(Arc::new).map_err(|e| RunError::Model(e.to_string()))
    };
    Run { stack, trace, chars: inputs.chars.clone() }
}

/// Seeds `layers` cells of `kind` to read `inputs` and runs them.
fn run(kind: CellKind, hidden: usize, layers: usize, seed: u64, inputs: &Inputs) -> Run {
    let input_size = inputs.xs.first().map_or(1, Vec::len).max(1);
    let stack = Stack::seeded(kind, input_size, hidden, layers, true, &mut Rng::new(seed))
        .unwrap_or_else(|_| Stack::single(AnyCell::seeded(kind, input_size, hidden, &mut Rng::new(seed))));
    run_stack(Arc::new(stack), inputs)
}

/// The cell drawn beside `kind` in the side-by-side mode: an RNN beside either LSTM, the
/// forget-gate LSTM beside an RNN or a GRU.
fn partner_of(kind: CellKind) -> CellKind {
    match kind {
        CellKind::Lstm { .. } | CellKind::Lstm1997 => KINDS[0].0,
        CellKind::Rnn(_) | CellKind::Gru => KINDS[1].0,
    }
}

/// The menu label of a cell kind.
fn kind_key(kind: CellKind) -> Key {
    KINDS.iter().find(|(k, _, _)| *k == kind).map_or(Key::KindRnn, |(_, _, key)| *key)
}

/// The test id and URL name of a cell kind.
fn kind_id(kind: CellKind) -> &'static str {
    KINDS.iter().find(|(k, _, _)| *k == kind).map_or("rnn", |(_, id, _)| id)
}
