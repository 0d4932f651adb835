//! The lab: what the page loads only when a lesson shows a plot. It is built into a second
//! WebAssembly module (`src/bin/lstm_lab.rs`, fetched on demand by `ui::lab`), so plotters, the
//! gradient-flow analysis and their numbers stay out of the first download.
//!
//! Each experiment takes a typed request (`protocol`, compiled into both modules), computes with
//! `model`, draws with `plots`, and hands back the numbers behind the picture: the page never
//! recomputes them.

pub mod clipping;
pub mod decay;
pub mod files;
pub mod heatmap;
pub mod language;
pub mod protocol;
pub mod training;
