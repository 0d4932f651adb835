//! The lab module: the second WebAssembly module Trunk builds (`data-type="worker"` in
//! index.html gives it stable file names and keeps it out of the first page load). The page
//! fetches it when a lesson shows a plot (`ui::lab`) and calls these functions; everything they
//! compute and draw lives in the library (`lab`, `plots`, `model`). A panic here stops only this
//! module: the page reports it and keeps running.

use lstm_explorer::lab::heatmap::Heatmaps;
use lstm_explorer::lab::protocol::{
    ClipDrawn, ClipRequest, DecayDrawn, DecayRequest, HeatmapRequest, LanguageRequest, RaceRequest,
    RaceStatus, TimeAxis, Wire,
};
use lstm_explorer::lab::protocol::{CsvRequest, OpenRequest, StackWire};
use lstm_explorer::lab::training;
use lstm_explorer::lab::{clipping, decay, files, language};
use lstm_explorer::model::Rng;
use lstm_explorer::model::train::language::{BATCH, BUDGET, LanguageModel};
use lstm_explorer::model::train::race::Race;
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

/// Reads a request of the protocol (`lab::protocol`), runs `work` on it and hands its answer back
/// as a plain object the page reads into the same type.
fn serve<Q: Wire, A: Wire>(
    request: JsValue,
    work: impl FnOnce(Q) -> Result<A, String>,
) -> Result<JsValue, JsError> {
    let request = Q::from_js(&request).map_err(|e| js(format!("bad request: {e}")))?;
    work(request).map(|answer| answer.to_js()).map_err(js)
}

/// What a decay request asks the plot to show.
fn shown(r: &DecayRequest) -> decay::Shown {
    decay::Shown { quantity: r.quantity, marker: r.lag, lstm: r.lstm }
}

/// Runs the gradient-decay experiment for a `DecayRequest` and draws it on `canvas`; answers a
/// `DecayDrawn`: the numbers drawn, what fell off the log axis, and where the lag axis runs.
#[wasm_bindgen]
pub fn decay_draw(canvas: HtmlCanvasElement, request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: DecayRequest| {
        let start = now();
        let curves = decay::compute(&r.setup)?;
        let compute_ms = now() - start;
        let labels = decay::Labels::parse(&r.labels)?;
        let (size, scale) = fit(&canvas, 0.55);
        let (picture, drawn) = decay::picture(&curves, &labels, shown(&r), size, scale)?;
        paint(&canvas, &picture)?;
        Ok(DecayDrawn {
            series: decay::series_json(&curves),
            rnn: curves.rnn,
            lstm: curves.lstm,
            belt: curves.lstm_cell,
            below: drawn.below,
            above: drawn.above,
            range: format!("{} – {}", tick_label(drawn.range.0), tick_label(drawn.range.1)),
            x_pixels: [f64::from(drawn.x_pixels.0), f64::from(drawn.x_pixels.1)],
            x_max: drawn.x_max,
            compute_ms,
        })
    })
}

/// The same plot as an SVG document.
#[wasm_bindgen]
pub fn decay_svg(request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: DecayRequest| {
        let curves = decay::compute(&r.setup)?;
        decay::svg(&curves, &decay::Labels::parse(&r.labels)?, shown(&r))
    })
}

/// Its numbers as CSV, one row per lag.
#[wasm_bindgen]
pub fn decay_csv(request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: DecayRequest| decay::compute(&r.setup).map(|c| decay::csv(&c)))
}

/// Draws a `HeatmapRequest`'s time × unit heatmaps on `canvas`; answers the `TimeAxis`: where step
/// 1 starts and step T ends on the canvas.
#[wasm_bindgen]
pub fn heatmap_draw(canvas: HtmlCanvasElement, request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: HeatmapRequest| {
        let maps = Heatmaps::new(&r.values, (r.steps, r.hidden), &r.signed, &r.labels)?;
        let css_h = maps.css_height();
        let (size, scale) = fit_with(&canvas, |_| css_h);
        let (picture, axis) = maps.picture(r.cursor, size, scale)?;
        paint(&canvas, &picture)?;
        Ok(TimeAxis { left: f64::from(axis.left), right: f64::from(axis.right) })
    })
}

/// The same heatmaps as an SVG document.
#[wasm_bindgen]
pub fn heatmap_svg(request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: HeatmapRequest| {
        Heatmaps::new(&r.values, (r.steps, r.hidden), &r.signed, &r.labels)?.svg(r.cursor)
    })
}

/// A training race between an RNN and an LSTM on the copy task (`model::train::race`), kept in
/// the lab between calls: the page advances it a slice at a time and redraws.
#[wasm_bindgen]
pub struct Training(Race);

/// Starts a race from a `RaceRequest`, once it has passed the setup's range checks.
#[wasm_bindgen]
pub fn training_start(request: JsValue) -> Result<Training, JsError> {
    let setup = RaceRequest::from_js(&request).map_err(|e| js(format!("bad request: {e}")))?;
    let setup = RaceRequest::from_numbers(&setup.to_numbers()).map_err(js)?;
    Ok(Training(Race::new(setup)))
}

#[wasm_bindgen]
impl Training {
    /// The weights of network `which` (0 the RNN, 1 the LSTM) as a PyTorch weight file.
    pub fn weights(&self, which: u32) -> Result<String, JsError> {
        let network =
            self.0.networks().get(which as usize).copied().ok_or_else(|| js("no such network".into()))?;
        files::save(&files::wire_of_network(network)).map_err(js)
    }

    /// Trains both networks for about `sequences` more sequences; answers the `RaceStatus`.
    pub fn advance(&mut self, sequences: u32) -> JsValue {
        self.0.advance(sequences as usize);
        self.status()
    }

    /// Where the race stands: a `RaceStatus`.
    pub fn status(&self) -> JsValue {
        let race = &self.0;
        let status = RaceStatus {
            seen: race.seen(),
            stopped: race.stopped().map(|(who, why)| format!("{who}: {why}")),
            accuracy: race.points.last().map(|p| p.accuracy),
            symbol_gradient: race.symbol_gradient().ok(),
            series: training::series_json(race),
        };
        status.to_js()
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

/// Runs the clipping experiment for a `ClipRequest` and draws it on `canvas`; answers a
/// `ClipDrawn`, each series indexed by T − 1.
#[wasm_bindgen]
pub fn clip_draw(canvas: HtmlCanvasElement, request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: ClipRequest| {
        let start = now();
        let (setup, curves) = clipping::compute(&r.setup)?;
        let compute_ms = now() - start;
        let labels = clipping::Labels::parse(&r.labels)?;
        let (size, scale) = fit_with(&canvas, |w| (w * 0.95).clamp(420.0, 720.0));
        let picture = clipping::picture(&setup, &curves, &labels, r.marked, size, scale)?;
        paint(&canvas, &picture)?;
        Ok(ClipDrawn { curves, compute_ms })
    })
}

/// The clipping view as an SVG document.
#[wasm_bindgen]
pub fn clip_svg(request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: ClipRequest| {
        let (setup, curves) = clipping::compute(&r.setup)?;
        let labels = clipping::Labels::parse(&r.labels)?;
        clipping::picture(&setup, &curves, &labels, r.marked, (880, 760), 1.0).and_then(|p| p.to_svg())
    })
}

/// Its numbers as CSV, one row per length T.
#[wasm_bindgen]
pub fn clip_csv(request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: ClipRequest| clipping::compute(&r.setup).map(|(_, c)| clipping::csv(&c)))
}

/// Panics on purpose. Only the browser tests call it, to check that a panic inside the lab
/// becomes that scene's error, the page keeps working and the lab is loaded afresh on next use.
#[wasm_bindgen]
pub fn panic_for_tests() {
    panic!("the lab was asked to panic (a browser test)");
}

/// A character-level LSTM language model (`model::train::language`) kept in the lab between
/// calls: the page trains it a chunk per animation frame and asks it to read and continue prompts.
#[wasm_bindgen]
pub struct LanguageTraining(LanguageModel);

/// Starts a language model from a `LanguageRequest`, once it has passed the setup's range checks.
#[wasm_bindgen]
pub fn language_start(request: JsValue) -> Result<LanguageTraining, JsError> {
    let setup = LanguageRequest::from_js(&request).map_err(|e| js(format!("bad request: {e}")))?;
    let setup = LanguageRequest::from_numbers(&setup.to_numbers()).map_err(js)?;
    Ok(LanguageTraining(LanguageModel::new(setup)))
}

#[wasm_bindgen]
impl LanguageTraining {
    /// The recurrent layer's weights as a PyTorch weight file.
    pub fn weights(&self) -> Result<String, JsError> {
        files::save(&files::wire_of_network(self.0.network())).map_err(js)
    }

    /// Trains on up to `sequences` more windows, a batch at a time, stopping once `budget_ms`
    /// milliseconds have passed (after at least one batch) and never past the budget of windows;
    /// answers the `LanguageStatus`.
    pub fn advance(&mut self, sequences: u32, budget_ms: f64) -> JsValue {
        let start = now();
        let target = self.0.seen().saturating_add(sequences as usize).min(BUDGET);
        while self.0.seen() < target && self.0.stopped().is_none() {
            self.0.train(BATCH);
            if now() - start >= budget_ms {
                break;
            }
        }
        self.status()
    }

    /// Where training stands: a `LanguageStatus`.
    pub fn status(&self) -> JsValue {
        language::status(&self.0).to_js()
    }

    /// `prompt` read character by character: a `LanguageReading` with the `k` most likely next
    /// characters after each and `n` characters of greedy continuation.
    pub fn top(&self, prompt: &str, k: u32, n: u32) -> JsValue {
        language::reading(&self.0, prompt, k as usize, n as usize).to_js()
    }

    /// `n` characters continuing `prompt`, drawn at `temperature` from a generator seeded with
    /// `seed` (a whole number below 2⁵³).
    pub fn sample(&self, prompt: &str, n: u32, temperature: f64, seed: f64) -> String {
        self.0.sample(prompt, n as usize, temperature, &mut Rng::new(seed as u64))
    }

    /// `text` read from the zero state and coloured by hidden unit `unit`, as HTML: one span per
    /// character, its h_t and c_t in its title.
    pub fn activations(&self, text: &str, unit: u32) -> Result<String, JsError> {
        language::unit_html(&self.0, text, unit as usize).map_err(js)
    }
}

/// Reads a weight file (an `OpenRequest`); answers the `StackWire` it holds, or throws one
/// sentence in the page's language.
#[wasm_bindgen]
pub fn open_weights(request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: OpenRequest| {
        files::read_weights(&r, |text| {
            let value = js_sys::JSON::parse(text).map_err(|e| {
                e.dyn_ref::<js_sys::Error>()
                    .map_or_else(|| "not JSON".to_string(), |e| String::from(e.message()))
            })?;
            files::tree_of(&value, 0)
        })
    })
}

/// Writes a `StackWire` as a PyTorch weight file.
#[wasm_bindgen]
pub fn save_weights(request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: StackWire| files::save(&r))
}

/// Reads a CSV (a `CsvRequest`); answers the `CsvTable`, or throws one sentence in the page's
/// language naming the row and column.
#[wasm_bindgen]
pub fn read_csv(request: JsValue) -> Result<JsValue, JsError> {
    serve(request, |r: CsvRequest| files::csv_with(&r, &|s| Some(js_sys::Number::parse_float(s))))
}

/// A stroke drawn on the explorer's pad (x, y pairs, x in [0, 1], y the value) resampled to
/// `steps` values; or one sentence (Korean when `ko`) saying why not.
#[wasm_bindgen]
pub fn resample(points: Vec<f64>, steps: u32, ko: bool) -> Result<Vec<f64>, JsError> {
    let pairs: Vec<(f64, f64)> = points.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    let lang = if ko { lstm_explorer::text::Lang::Ko } else { lstm_explorer::text::Lang::En };
    lstm_explorer::input::resample_drawing(&pairs, steps as usize).map_err(|e| js(e.message(lang)))
}
