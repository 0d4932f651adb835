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

use super::Lesson;

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
