//! Live scenes: each takes a preset, runs the model and draws its trace.

mod clipping;
mod decay;
mod decay_path;
mod diagram;
pub(crate) mod explore;
mod gru_cell;
mod heatmaps;
mod language;
mod lstm_backward;
mod lstm_cell;
mod rnn_steps;
mod training;

use leptos::prelude::*;

use crate::state::presets::Preset;

pub use clipping::ClipScene;
pub use decay::DecayScene;
pub use explore::ExploreScene;
pub use language::{LanguagePreset, LanguageScene};
pub use lstm_cell::LstmCellScene;
pub use rnn_steps::RnnSteps;
pub use training::TrainingScene;

/// The scene a preset names.
#[component]
pub fn SceneView(
    /// Which scene, and where it starts.
    preset: Preset,
) -> impl IntoView {
    match preset {
        // The landing scene is a module of its own (`crate::landing`): pages that show it never
        // load this one (`lessons::html`).
        Preset::NextValue(_) => ().into_any(),
        Preset::Rnn(p) => view! { <RnnSteps preset=p /> }.into_any(),
        Preset::Lstm(p) => view! { <LstmCellScene preset=p /> }.into_any(),
        Preset::Explore(p) => view! { <ExploreScene preset=p /> }.into_any(),
        Preset::Decay(p) => view! { <DecayScene preset=p /> }.into_any(),
        Preset::Race(p) => view! { <TrainingScene preset=p /> }.into_any(),
        Preset::Clip(p) => view! { <ClipScene preset=p /> }.into_any(),
        Preset::Language(p) => view! { <LanguageScene preset=p /> }.into_any(),
    }
}
