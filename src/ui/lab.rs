//! Fetching the lab module (`src/bin/lstm_lab.rs`) the first time a lesson shows a plot, and the
//! typed face of its exports. Trunk builds it with wasm-bindgen's `no-modules` target under a
//! fixed name next to the page, so it loads from a classic script that defines `wasm_bindgen`.

use std::cell::RefCell;

use leptos::prelude::*;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::ui::i18n::{Key, tr};

#[wasm_bindgen(inline_js = r#"
let loading;
export function load_lab(src) {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => wasm_bindgen().then(() => resolve(wasm_bindgen), reject);
    script.onerror = () => { loading = undefined; reject(new Error('could not fetch ' + src)); };
    document.head.append(script);
  });
  return loading;
}
"#)]
extern "C" {
    fn load_lab(src: &str) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    /// The lab module's exports.
    #[derive(Clone)]
    pub type Lab;

    /// Runs the gradient-decay experiment and draws it; see `lstm_lab::decay_draw`.
    #[wasm_bindgen(method, catch)]
    pub fn decay_draw(
        this: &Lab,
        canvas: &web_sys::HtmlCanvasElement,
        setup: &[f64],
        labels: &str,
        quantity: u32,
        lag: Option<u32>,
    ) -> Result<DecayDrawn, JsValue>;

    /// The gradient-decay plot as SVG.
    #[wasm_bindgen(method, catch)]
    pub fn decay_svg(
        this: &Lab,
        setup: &[f64],
        labels: &str,
        quantity: u32,
        lag: Option<u32>,
    ) -> Result<String, JsValue>;

    /// The gradient-decay numbers as CSV.
    #[wasm_bindgen(method, catch)]
    pub fn decay_csv(this: &Lab, setup: &[f64]) -> Result<String, JsValue>;

    /// Draws time × unit heatmaps; see `lstm_lab::heatmap_draw`.
    #[wasm_bindgen(method, catch)]
    pub fn heatmap_draw(
        this: &Lab,
        canvas: &web_sys::HtmlCanvasElement,
        values: &[f64],
        steps: u32,
        hidden: u32,
        signed: &[u8],
        labels: &str,
        cursor: Option<u32>,
    ) -> Result<TimeAxis, JsValue>;

    /// The heatmaps as SVG.
    #[wasm_bindgen(method, catch)]
    pub fn heatmap_svg(
        this: &Lab,
        values: &[f64],
        steps: u32,
        hidden: u32,
        signed: &[u8],
        labels: &str,
        cursor: Option<u32>,
    ) -> Result<String, JsValue>;

    /// Starts a training race; see `lstm_lab::training_start`.
    #[wasm_bindgen(method, catch)]
    pub fn training_start(this: &Lab, setup: &[f64]) -> Result<Training, JsValue>;

    /// A training race kept in the lab between calls.
    #[derive(Clone)]
    pub type Training;
    /// Trains both networks for about this many more sequences; returns the sequences seen.
    #[wasm_bindgen(method)]
    pub fn advance(this: &Training, sequences: u32) -> u32;
    /// Sequences seen so far.
    #[wasm_bindgen(method)]
    pub fn seen(this: &Training) -> u32;
    /// Why a network stopped, or "".
    #[wasm_bindgen(method)]
    pub fn stopped(this: &Training) -> String;
    /// The last point's accuracies, RNN then LSTM.
    #[wasm_bindgen(method)]
    pub fn accuracy(this: &Training) -> Vec<f64>;
    /// Every measured point, JSON.
    #[wasm_bindgen(method)]
    pub fn series(this: &Training) -> String;
    /// Every measured point, CSV.
    #[wasm_bindgen(method)]
    pub fn csv(this: &Training) -> String;
    /// Draws the curves.
    #[wasm_bindgen(method, catch)]
    pub fn draw(this: &Training, canvas: &web_sys::HtmlCanvasElement, labels: &str) -> Result<(), JsValue>;
    /// The curves as SVG.
    #[wasm_bindgen(method, catch)]
    pub fn svg(this: &Training, labels: &str) -> Result<String, JsValue>;
    /// Frees the race's memory in the lab.
    #[wasm_bindgen(method)]
    pub fn free(this: &Training);

    /// Runs the clipping experiment and draws it; see `lstm_lab::clip_draw`.
    #[wasm_bindgen(method, catch)]
    pub fn clip_draw(
        this: &Lab,
        canvas: &web_sys::HtmlCanvasElement,
        setup: &[f64],
        labels: &str,
        marked: Option<u32>,
    ) -> Result<ClipDrawn, JsValue>;
    /// The clipping view as SVG.
    #[wasm_bindgen(method, catch)]
    pub fn clip_svg(this: &Lab, setup: &[f64], labels: &str, marked: Option<u32>) -> Result<String, JsValue>;
    /// The clipping numbers as CSV.
    #[wasm_bindgen(method, catch)]
    pub fn clip_csv(this: &Lab, setup: &[f64]) -> Result<String, JsValue>;

    /// What `clip_draw` measured, each series indexed by T − 1.
    pub type ClipDrawn;
    /// ‖∂L_T/∂θ‖.
    #[wasm_bindgen(method, getter)]
    pub fn grad_norm(this: &ClipDrawn) -> Vec<f64>;
    /// min(‖g‖, θ).
    #[wasm_bindgen(method, getter)]
    pub fn clipped_norm(this: &ClipDrawn) -> Vec<f64>;
    /// L_T before the step.
    #[wasm_bindgen(method, getter)]
    pub fn loss(this: &ClipDrawn) -> Vec<f64>;
    /// L_T after a raw step.
    #[wasm_bindgen(method, getter)]
    pub fn loss_raw(this: &ClipDrawn) -> Vec<f64>;
    /// L_T after a clipped step.
    #[wasm_bindgen(method, getter)]
    pub fn loss_clipped(this: &ClipDrawn) -> Vec<f64>;

    /// Where a plot's time axis runs on its canvas.
    pub type TimeAxis;
    /// Left edge of the first step, backing-store pixels.
    #[wasm_bindgen(method, getter)]
    pub fn x_left(this: &TimeAxis) -> f64;
    /// Right edge of the last step.
    #[wasm_bindgen(method, getter)]
    pub fn x_right(this: &TimeAxis) -> f64;

    /// What `decay_draw` drew.
    pub type DecayDrawn;

    /// Every plotted series, JSON.
    #[wasm_bindgen(method, getter)]
    pub fn series(this: &DecayDrawn) -> String;
    /// RNN ‖∂h_T/∂h_{T−k}‖ for every lag k.
    #[wasm_bindgen(method, getter)]
    pub fn rnn(this: &DecayDrawn) -> Vec<f64>;
    /// LSTM ‖∂h_T/∂h_{T−k}‖.
    #[wasm_bindgen(method, getter)]
    pub fn lstm(this: &DecayDrawn) -> Vec<f64>;
    /// LSTM belt ‖∂c_T/∂c_{T−k}‖.
    #[wasm_bindgen(method, getter)]
    pub fn belt(this: &DecayDrawn) -> Vec<f64>;
    /// Where lag 0 was drawn, backing-store pixels from the canvas's left edge.
    #[wasm_bindgen(method, getter)]
    pub fn x_left(this: &DecayDrawn) -> f64;
    /// Where the last lag was drawn.
    #[wasm_bindgen(method, getter)]
    pub fn x_right(this: &DecayDrawn) -> f64;
    /// The last lag on the axis.
    #[wasm_bindgen(method, getter)]
    pub fn x_max(this: &DecayDrawn) -> f64;
    /// Values below the log axis.
    #[wasm_bindgen(method, getter)]
    pub fn below(this: &DecayDrawn) -> u32;
    /// Values above it.
    #[wasm_bindgen(method, getter)]
    pub fn above(this: &DecayDrawn) -> u32;
    /// The axis range, as tick labels.
    #[wasm_bindgen(method, getter)]
    pub fn range(this: &DecayDrawn) -> String;
    /// Time the analysis took, ms.
    #[wasm_bindgen(method, getter)]
    pub fn compute_ms(this: &DecayDrawn) -> f64;
}

thread_local! {
    static LOADED: RefCell<Option<Lab>> = const { RefCell::new(None) };
}

/// A JavaScript error's message.
pub fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))
}

/// The lab for a scene: `None` while it loads, then the lab or why it could not be loaded.
/// Starts loading it (once per page) if nobody has yet.
pub fn use_lab() -> RwSignal<Option<Result<Lab, String>>, LocalStorage> {
    let module = RwSignal::new_local(None);
    leptos::task::spawn_local(async move {
        let loaded = lab().await;
        module.try_set(Some(loaded));
    });
    module
}

/// Runs `draw` with the lab once it has arrived; if it could not be loaded, says why in `error`
/// (in `lang`). Does nothing while it is still on its way.
pub fn with_lab(
    module: RwSignal<Option<Result<Lab, String>>, LocalStorage>,
    error: RwSignal<Option<String>>,
    lang: crate::lessons::Lang,
    draw: impl FnOnce(&Lab),
) {
    module.with(|m| match m {
        None => {}
        Some(Err(e)) => error.set(Some(format!("{}: {e}", tr(Key::LabFailed, lang)))),
        Some(Ok(lab)) => draw(lab),
    });
}

/// The lab, fetched and started the first time it is asked for.
pub async fn lab() -> Result<Lab, String> {
    if let Some(lab) = LOADED.with_borrow(Clone::clone) {
        return Ok(lab);
    }
    let lab: Lab = JsFuture::from(load_lab("./lstm-lab.js")).await.map_err(|e| message(&e))?.unchecked_into();
    LOADED.set(Some(lab.clone()));
    Ok(lab)
}
