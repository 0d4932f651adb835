//! The lessons, in order, one file each. Written from the seed material (`lstm-seed-ko.md`) in
//! Korean and English.

mod exploding;
mod explore;
mod gradient_flow;
mod lstm_cell;
mod lstm_gradient;
mod rnn_cell;
mod sequences;
mod training;

use super::Lesson;

/// Every lesson, in the order the sidebar lists them.
pub static COURSE: &[Lesson] = &[
    sequences::SEQUENCES,
    rnn_cell::RNN_CELL,
    gradient_flow::GRADIENT_FLOW,
    exploding::EXPLODING,
    lstm_cell::LSTM_CELL,
    lstm_gradient::LSTM_GRADIENT,
    training::TRAINING,
    explore::EXPLORE,
];
