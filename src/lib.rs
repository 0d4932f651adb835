//! LSTM Explorer: an interactive course on recurrent neural networks.
//!
//! - [`model`] computes: cells, traces, seeded weights. Pure Rust, no web crate.
//! - [`lessons`] is the course as data, in Korean and English.
//! - [`state`] turns the page's URL into a configuration and back.
//! - `ui` (feature `web`) draws what the model computed, with Leptos.

pub mod input;
pub mod lessons;
pub mod model;
pub mod state;
#[cfg(feature = "web")]
pub mod ui;
#[cfg(feature = "bench-exports")]
pub mod wasm_api;
