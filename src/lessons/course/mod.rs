//! The lessons, in order, one file each. Written from the seed material (`lstm-seed-ko.md`) in
//! Korean and English, in the seed's order of ideas.

mod bptt;
mod cells;
mod exploding;
mod explore;
mod gates;
mod gradient_flow;
mod language;
mod long_term;
mod lstm_cell;
mod lstm_gradient;
mod output;
mod rnn_cell;
mod sequences;
mod training;
mod unrolled;

use std::borrow::Cow;

use super::{Lesson, SequencePreset};
use crate::model::Activation;

/// Six days of a stock price, scaled to 0–1: the RNN and LSTM lessons' input.
const STOCK: &[f64] = &[0.20, 0.45, 0.40, 0.85, 1.00, 0.70];

/// A tanh cell of `hidden` units drawn from `seed`, reading `inputs`.
const fn cell(inputs: &'static [f64], hidden: usize, seed: u64) -> SequencePreset {
    SequencePreset { inputs: Cow::Borrowed(inputs), hidden, seed, activation: Activation::Tanh }
}

/// The RNN-cell, BPTT and both LSTM lessons: three units from seed 7 on the stock prices.
const STOCK_H3: SequencePreset = cell(STOCK, 3, 7);
/// The folded/unrolled and the cell-comparison lessons: four units from seed 11.
const STOCK_H4: SequencePreset = cell(STOCK, 4, 11);
/// The next-value lessons' sequence: a sine hump (the baked RNN has its own weights).
const SINE_HUMP: SequencePreset = cell(&[0.5, 0.7, 0.86, 0.95, 0.95, 0.86, 0.7, 0.5], 8, 1);

/// Every lesson, in the order the sidebar lists them.
pub static COURSE: &[Lesson] = &[
    sequences::SEQUENCES,
    rnn_cell::RNN_CELL,
    unrolled::UNROLLED,
    output::OUTPUT,
    bptt::BPTT,
    gradient_flow::GRADIENT_FLOW,
    exploding::EXPLODING,
    long_term::LONG_TERM,
    lstm_cell::LSTM_CELL,
    gates::GATES,
    lstm_gradient::LSTM_GRADIENT,
    cells::CELLS,
    training::TRAINING,
    language::LANGUAGE,
    explore::EXPLORE,
];
