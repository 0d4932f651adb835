//! Live scenes: each takes a preset, runs the model and draws its trace.

mod rnn_steps;

pub use rnn_steps::RnnSteps;
