//! Live scenes: each takes a preset, runs the model and draws its trace.

mod clipping;
mod decay;
mod decay_path;
mod diagram;
mod explore;
mod gru_cell;
mod heatmaps;
mod language;
mod lstm_backward;
mod lstm_cell;
mod rnn_steps;
mod training;

pub use clipping::ClipScene;
pub use decay::DecayScene;
pub use explore::ExploreScene;
pub use language::{LanguagePreset, LanguageScene};
pub use lstm_cell::LstmCellScene;
pub use rnn_steps::RnnSteps;
pub use training::TrainingScene;
