//! The lab module: the second WebAssembly module Trunk builds (`data-type="worker"` in
//! index.html gives it stable file names and keeps it out of the first page load). The page
//! fetches it when a lesson shows a plot (`ui::lab`) and calls these functions; everything they
//! compute and draw lives in the library (`lab`, `plots`, `model`). A panic here stops only this
//! module: the page reports it and keeps running.

use js_sys::{Float64Array, Object, Reflect};
use lstm_explorer::lab::heatmap::Heatmaps;
use lstm_explorer::lab::training;
use lstm_explorer::lab::{clipping, decay};
use lstm_explorer::model::train::race::{Race, RaceSetup};
use lstm_explorer::plots::canvas::{fit, fit_with, paint};
use lstm_explorer::plots::log_plot::tick_label;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

fn main() {
    console_error_panic_hook::set_once();
}

/// A message from the library as the error JavaScript receives.
fn js(message: String) -> JsError {
    JsError::new(&message)
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn object(fields: &[(&str, JsValue)]) -> Result<Object, JsError> {
    let out = Object::new();
    for (key, value) in fields {
        Reflect::set(&out, &JsValue::from_str(key), value)
            .map_err(|_| JsError::new("could not build the result"))?;
    }
    Ok(out)
}

/// Runs the gradient-decay experiment for `setup` (`DecaySetup::to_numbers` form) and draws it on
/// `canvas` with `labels` (six lines): the Jacobians (`quantity` 0) or the loss gradients (1), the
/// lag `lag` marked. Returns `{series, rnn, lstm, belt,
/// below, above, range, x_left, x_right, x_max, compute_ms}`: the numbers drawn (JSON, and the
/// three measured curves as arrays), what fell off the axis, the axis range as text, and where the
/// lag axis runs on the canvas (backing-store pixels).
#[wasm_bindgen]
pub fn decay_draw(
    canvas: HtmlCanvasElement,
    setup: &[f64],
    labels: &str,
    quantity: u32,
    lag: Option<u32>,
) -> Result<Object, JsError> {
    let quantity = decay::Quantity::from_index(quantity).map_err(js)?;
    let start = now();
    let curves = decay::compute(setup).map_err(js)?;
    let compute_ms = now() - start;
    let labels = decay::Labels::parse(labels).map_err(js)?;
    let (size, scale) = fit(&canvas, 0.55);
    let marker = lag.map(|k| k as usize);
    let (picture, drawn) = decay::picture(&curves, &labels, (quantity, marker), size, scale).map_err(js)?;
    paint(&canvas, &picture).map_err(js)?;
    let array = |v: &[f64]| JsValue::from(Float64Array::from(v));
    object(&[
        ("series", decay::series_json(&curves).into()),
        ("rnn", array(&curves.rnn)),
        ("lstm", array(&curves.lstm)),
        ("belt", array(&curves.lstm_cell)),
        ("below", drawn.below.into()),
        ("above", drawn.above.into()),
        ("range", format!("{} – {}", tick_label(drawn.range.0), tick_label(drawn.range.1)).into()),
        ("x_left", drawn.x_pixels.0.into()),
        ("x_right", drawn.x_pixels.1.into()),
        ("x_max", drawn.x_max.into()),
        ("compute_ms", compute_ms.into()),
    ])
}

/// The same plot as an SVG document.
#[wasm_bindgen]
pub fn decay_svg(setup: &[f64], labels: &str, quantity: u32, lag: Option<u32>) -> Result<String, JsError> {
    let quantity = decay::Quantity::from_index(quantity).map_err(js)?;
    let curves = decay::compute(setup).map_err(js)?;
    let labels = decay::Labels::parse(labels).map_err(js)?;
    decay::svg(&curves, &labels, (quantity, lag.map(|k| k as usize))).map_err(js)
}

/// Its numbers as CSV, one row per lag.
#[wasm_bindgen]
pub fn decay_csv(setup: &[f64]) -> Result<String, JsError> {
    decay::compute(setup).map(|c| decay::csv(&c)).map_err(js)
}

/// Draws time × unit heatmaps on `canvas`: `values` holds every panel's `steps` × `hidden`
/// values one after the other (step-major), `signed[p]` is 1 for a signed panel and 0 for a gate,
/// `labels` one line per panel and then the time axis's name; step `cursor` (0-based) is
/// outlined. Returns `{x_left, x_right}`: where step 1 starts and step T ends on the canvas
/// (backing-store pixels).
#[wasm_bindgen]
pub fn heatmap_draw(
    canvas: HtmlCanvasElement,
    values: &[f64],
    steps: u32,
    hidden: u32,
    signed: &[u8],
    labels: &str,
    cursor: Option<u32>,
) -> Result<Object, JsError> {
    let maps = Heatmaps::new(values, (steps as usize, hidden as usize), signed, labels).map_err(js)?;
    let css_h = maps.css_height();
    let (size, scale) = fit_with(&canvas, |_| css_h);
    let (picture, axis) = maps.picture(cursor.map(|c| c as usize), size, scale).map_err(js)?;
    paint(&canvas, &picture).map_err(js)?;
    object(&[("x_left", axis.left.into()), ("x_right", axis.right.into())])
}

/// The same heatmaps as an SVG document.
#[wasm_bindgen]
pub fn heatmap_svg(
    values: &[f64],
    steps: u32,
    hidden: u32,
    signed: &[u8],
    labels: &str,
    cursor: Option<u32>,
) -> Result<String, JsError> {
    Heatmaps::new(values, (steps as usize, hidden as usize), signed, labels)
        .and_then(|m| m.svg(cursor.map(|c| c as usize)))
        .map_err(js)
}

/// A training race between an RNN and an LSTM on the copy task (`model::train::race`), kept in
/// the lab between calls: the page advances it a slice at a time and redraws.
#[wasm_bindgen]
pub struct Training(Race);

/// Starts a race from `setup` (`RaceSetup::to_numbers` form).
#[wasm_bindgen]
pub fn training_start(setup: &[f64]) -> Result<Training, JsError> {
    RaceSetup::from_numbers(setup).map(|s| Training(Race::new(s))).map_err(js)
}

#[wasm_bindgen]
impl Training {
    /// Trains both networks for about `sequences` more sequences; returns the sequences seen.
    pub fn advance(&mut self, sequences: u32) -> u32 {
        self.0.advance(sequences as usize);
        self.0.seen() as u32
    }

    /// Sequences seen so far.
    pub fn seen(&self) -> u32 {
        self.0.seen() as u32
    }

    /// Why a network stopped ("RNN: …"), or an empty string.
    pub fn stopped(&self) -> String {
        self.0.stopped().map_or(String::new(), |(who, why)| format!("{who}: {why}"))
    }

    /// The last point's accuracies, [RNN, LSTM].
    pub fn accuracy(&self) -> Vec<f64> {
        self.0.points.last().map_or(vec![], |p| p.accuracy.to_vec())
    }

    /// Every measured point, JSON.
    pub fn series(&self) -> String {
        training::series_json(&self.0)
    }

    /// Every measured point, CSV.
    pub fn csv(&self) -> String {
        self.0.csv()
    }

    /// Draws the curves on `canvas` with `labels` (six lines).
    pub fn draw(&self, canvas: HtmlCanvasElement, labels: &str) -> Result<(), JsError> {
        let labels = training::Labels::parse(labels).map_err(js)?;
        let (size, scale) = fit(&canvas, 0.62);
        let picture = training::picture(&self.0, &labels, size, scale).map_err(js)?;
        paint(&canvas, &picture).map_err(js)
    }

    /// The curves as an SVG document, 880 × 520.
    pub fn svg(&self, labels: &str) -> Result<String, JsError> {
        let labels = training::Labels::parse(labels).map_err(js)?;
        training::picture(&self.0, &labels, (880, 520), 1.0).and_then(|p| p.to_svg()).map_err(js)
    }
}

/// Runs the clipping experiment for `setup` (`ClipSetup::to_numbers` form) and draws it on
/// `canvas` with `labels` (nine lines), length `marked` marked. Returns `{grad_norm,
/// clipped_norm, loss, loss_raw, loss_clipped, compute_ms}`, each series indexed by T − 1.
#[wasm_bindgen]
pub fn clip_draw(
    canvas: HtmlCanvasElement,
    setup: &[f64],
    labels: &str,
    marked: Option<u32>,
) -> Result<Object, JsError> {
    let start = now();
    let (setup, curves) = clipping::compute(setup).map_err(js)?;
    let compute_ms = now() - start;
    let labels = clipping::Labels::parse(labels).map_err(js)?;
    let (size, scale) = fit_with(&canvas, |w| (w * 0.95).clamp(420.0, 720.0));
    let picture =
        clipping::picture(&setup, &curves, &labels, marked.map(|t| t as usize), size, scale).map_err(js)?;
    paint(&canvas, &picture).map_err(js)?;
    let array = |v: &[f64]| JsValue::from(Float64Array::from(v));
    object(&[
        ("grad_norm", array(&curves.grad_norm)),
        ("clipped_norm", array(&curves.clipped_norm)),
        ("loss", array(&curves.loss)),
        ("loss_raw", array(&curves.loss_raw)),
        ("loss_clipped", array(&curves.loss_clipped)),
        ("compute_ms", compute_ms.into()),
    ])
}

/// The clipping view as an SVG document.
#[wasm_bindgen]
pub fn clip_svg(setup: &[f64], labels: &str, marked: Option<u32>) -> Result<String, JsError> {
    let (setup, curves) = clipping::compute(setup).map_err(js)?;
    let labels = clipping::Labels::parse(labels).map_err(js)?;
    clipping::picture(&setup, &curves, &labels, marked.map(|t| t as usize), (880, 760), 1.0)
        .and_then(|p| p.to_svg())
        .map_err(js)
}

/// Its numbers as CSV, one row per length T.
#[wasm_bindgen]
pub fn clip_csv(setup: &[f64]) -> Result<String, JsError> {
    clipping::compute(setup).map(|(_, c)| clipping::csv(&c)).map_err(js)
}
