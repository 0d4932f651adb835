//! LSTM Explorer: an interactive course on recurrent neural networks.
//!
//! - [`model`] computes: cells, traces, seeded weights. Pure Rust, no web crate.
//! - [`text`] is text in both of the course's languages; [`lessons`] is the course as data.
//! - [`state`] turns the page's URL into a configuration and back.
//! - `ui` (feature `web`) draws what the model computed, with Leptos.
//! - `plots` and `lab` (feature `lab`): plots drawn with plotters, and the experiments behind
//!   them, built into a second WebAssembly module the page loads only when it shows a plot.

pub mod format;
pub mod input;
#[cfg(feature = "lab")]
pub mod lab;
#[cfg(feature = "landing")]
pub mod landing;
pub mod lessons;
pub mod model;
#[cfg(feature = "lab")]
pub mod plots;
pub mod site;
pub mod state;
pub mod text;
#[cfg(feature = "web")]
pub mod ui;
#[cfg(feature = "bench-exports")]
pub mod wasm_api;
