//! What crosses between the page and the lab module, typed once for both builds.
//!
//! The page and the lab are two WebAssembly modules with two memories, so a Rust value cannot be
//! handed from one to the other: it crosses as a plain JavaScript object. Both sides convert with
//! `serde_wasm_bindgen` from and to the types below, which both builds compile from this one
//! file, so a field added, renamed or retyped here changes both ends together. Numbers cross as
//! JavaScript numbers, NaN and infinities included.
//!
//! Every request has a matching function in `src/bin/lstm_lab.rs` and a typed method on
//! `ui::lab::Lab`; the canvas a picture is drawn on travels beside the request.

use serde::{Deserialize, Serialize};

use crate::model::clipping::ClipSetup;
use crate::model::decay::DecaySetup;
use crate::model::train::race::RaceSetup;

/// What the decay plot shows against the lag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Quantity {
    /// ‖∂h_T/∂h_{T−k}‖ for both cells, the LSTM's belt ‖∂c_T/∂c_{T−k}‖, the bound (γσ_max)^k.
    Jacobian,
    /// ‖∂L/∂h_{T−k}‖ for both cells (L reads h_T), the bound ‖∂L/∂h_T‖·(γσ_max)^k.
    LossGradient,
}

/// Draw (or export) the gradient-decay plot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecayRequest {
    /// The experiment.
    pub setup: DecaySetup,
    /// Six lines in the page's language: RNN, bound, LSTM, belt, x axis, y axis.
    pub labels: String,
    /// What is plotted.
    pub quantity: Quantity,
    /// The lag marked on the plot.
    pub lag: Option<usize>,
}

/// What the decay plot drew.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecayDrawn {
    /// Every plotted series by name, as JSON (the page puts it on the figure for tests).
    pub series: String,
    /// RNN ‖∂h_T/∂h_{T−k}‖ for every lag k.
    pub rnn: Vec<f64>,
    /// LSTM ‖∂h_T/∂h_{T−k}‖.
    pub lstm: Vec<f64>,
    /// The LSTM's belt ‖∂c_T/∂c_{T−k}‖.
    pub belt: Vec<f64>,
    /// Values below the log axis.
    pub below: usize,
    /// Values above it.
    pub above: usize,
    /// The axis range, as tick labels.
    pub range: String,
    /// Where lag 0 and the last lag were drawn: backing-store pixels from the canvas's left edge.
    pub x_pixels: (f64, f64),
    /// The last lag on the axis.
    pub x_max: f64,
    /// Time the analysis took, ms.
    pub compute_ms: f64,
}

/// Draw (or export) time × unit heatmaps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeatmapRequest {
    /// Every panel's `steps` × `hidden` values one after the other, step-major.
    pub values: Vec<f64>,
    /// Time steps.
    pub steps: usize,
    /// Units.
    pub hidden: usize,
    /// Per panel: signed values (true) or a gate in [0, 1] (false).
    pub signed: Vec<bool>,
    /// One line per panel, then the time axis's name.
    pub labels: String,
    /// The step outlined (0-based).
    pub cursor: Option<usize>,
}

/// Where a plot's time axis runs on its canvas, backing-store pixels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeAxis {
    /// Left edge of the first step.
    pub left: f64,
    /// Right edge of the last step.
    pub right: f64,
}

/// Draw (or export) the clipping experiment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClipRequest {
    /// The experiment.
    pub setup: ClipSetup,
    /// Nine lines in the page's language.
    pub labels: String,
    /// The length T marked.
    pub marked: Option<usize>,
}

/// What the clipping experiment measured, each series indexed by T − 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClipDrawn {
    /// ‖∂L_T/∂θ‖.
    pub grad_norm: Vec<f64>,
    /// The norm of the gradient the clipped step applied.
    pub clipped_norm: Vec<f64>,
    /// L_T before the step.
    pub loss: Vec<f64>,
    /// L_T after a raw step.
    pub loss_raw: Vec<f64>,
    /// L_T after a clipped step.
    pub loss_clipped: Vec<f64>,
    /// Time the measurement took, ms.
    pub compute_ms: f64,
}

/// Start a training race.
pub type RaceRequest = RaceSetup;

/// Where a training race stands.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RaceStatus {
    /// Sequences each network has seen.
    pub seen: usize,
    /// Why a network stopped ("RNN: …"), if one did.
    pub stopped: Option<String>,
    /// The last measured accuracies, RNN then LSTM.
    pub accuracy: Option<[f64; 2]>,
    /// Every measured point, as JSON (the page puts it on the figure for tests).
    pub series: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_keep_every_field_through_a_serde_round_trip() {
        let request = DecayRequest {
            setup: DecaySetup { rho: 1.25, steps: 7, seed: 9, ..Default::default() },
            labels: "a\nb".into(),
            quantity: Quantity::LossGradient,
            lag: Some(3),
        };
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<DecayRequest>(&text).unwrap(), request);
        let clip = ClipRequest {
            setup: ClipSetup { threshold: 0.5, ..Default::default() },
            labels: "x".into(),
            marked: None,
        };
        let text = serde_json::to_string(&clip).unwrap();
        assert_eq!(serde_json::from_str::<ClipRequest>(&text).unwrap(), clip);
    }
}
