//! The explorer: a vanilla RNN, an LSTM or a GRU reading an editable sequence, drawn folded
//! (one cell and its loop) or unrolled in time (one copy per step), with an animated transition
//! between the two; optionally two cells side by side on the same input and cursor. Every square
//! is a value of the model's trace, with its exact number in the tooltip.
//!
//! This file owns what the explorer's parts share: the cells on offer and the model they draw.
//! `scene` is the whole scene, `lane` one cell over the sequence, `detail` the open step.

use std::sync::Arc;

use nalgebra::DVector;

use crate::model::Rng;
use crate::model::network::{AnyCell, AnyTrace, CellKind};
use crate::ui::i18n::Key;

mod detail;
mod lane;
mod scene;

pub use scene::ExploreScene;

/// The cells the explorer offers, with their menu labels and test ids.
const KINDS: [(CellKind, &str, Key); 4] = [
    (CellKind::Rnn(crate::model::Activation::Tanh), "rnn", Key::KindRnn),
    (CellKind::Lstm { peepholes: false }, "lstm", Key::KindLstm),
    (CellKind::Lstm1997, "lstm1997", Key::KindLstm1997),
    (CellKind::Gru, "gru", Key::KindGru),
];

/// What the cells read: numbers (one input unit) or a text (one-hot over its characters).
#[derive(Clone, PartialEq)]
struct Inputs {
    xs: Vec<Vec<f64>>,
    /// The character of each step, for text.
    chars: Option<Vec<char>>,
}

/// A cell seeded from the preset and its trace on the inputs.
#[derive(Clone, PartialEq)]
struct Model {
    kind: CellKind,
    cell: Arc<AnyCell<f64>>,
    trace: Result<Arc<AnyTrace<f64>>, String>,
    chars: Option<Vec<char>>,
}

/// Seeds a cell of `kind` and runs it over `inputs`.
fn run(kind: CellKind, hidden: usize, seed: u64, inputs: &Inputs) -> Model {
    let input_size = inputs.xs.first().map_or(1, Vec::len);
    let cell = AnyCell::seeded(kind, input_size, hidden, &mut Rng::new(seed));
    let xs: Vec<DVector<f64>> = inputs.xs.iter().map(|x| DVector::from_column_slice(x)).collect();
    let trace = cell.forward(&xs).map(Arc::new).map_err(|e| e.to_string());
    Model { kind, cell: Arc::new(cell), trace, chars: inputs.chars.clone() }
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
