//! Fetching the lab module (`src/bin/lstm_lab.rs`) the first time a lesson shows a plot, and its
//! typed face. Requests and answers are the types of `lab::protocol`, compiled into both modules;
//! they cross as plain JavaScript objects (`protocol::Wire`). Every call is `catch`: an error
//! the lab reports becomes the scene's message, and a panic inside the lab (a WebAssembly trap)
//! retires that instance — the next use loads the lab afresh.
//!
//! Trunk builds the lab with wasm-bindgen's `no-modules` target under a fixed name; a post-build
//! step (`scripts/lab-factory.sh`) wraps its glue in a factory, `self.lstmLab()`, so that every
//! call makes an independent instance.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlCanvasElement;

use crate::lab::protocol::{
    ClipDrawn, ClipRequest, DecayDrawn, DecayRequest, HeatmapRequest, LanguageReading, LanguageRequest,
    LanguageStatus, RaceRequest, RaceStatus, TimeAxis, Wire,
};
use crate::text::Lang;
use crate::ui::i18n::{Key, tr};

#[wasm_bindgen(inline_js = r#"
let loading;
export function load_lab(src, wasm) {
  loading ??= new Promise((resolve, reject) => {
    const fail = (e) => { loading = undefined; reject(e); };
    const start = () => {
      try {
        const lab = self.lstmLab();
        lab({ module_or_path: wasm }).then(() => resolve(lab), fail);
      } catch (e) {
        fail(e);
      }
    };
    if (self.lstmLab) return start();
    const script = document.createElement('script');
    script.src = src;
    script.onload = start;
    script.onerror = () => fail(new Error('could not fetch ' + src));
    document.head.append(script);
  });
  return loading;
}
export function forget_lab() {
  loading = undefined;
}
"#)]
extern "C" {
    fn load_lab(src: &str, wasm: &str) -> js_sys::Promise;
    fn forget_lab();
}

#[wasm_bindgen]
extern "C" {
    /// One instance of the lab module: its exports, untyped (see [`Lab`] for the typed face).
    #[derive(Clone)]
    type LabExports;

    #[wasm_bindgen(method, catch)]
    fn decay_draw(
        this: &LabExports,
        canvas: &HtmlCanvasElement,
        request: JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn decay_svg(this: &LabExports, request: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn decay_csv(this: &LabExports, request: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn heatmap_draw(
        this: &LabExports,
        canvas: &HtmlCanvasElement,
        request: JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn heatmap_svg(this: &LabExports, request: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn clip_draw(this: &LabExports, canvas: &HtmlCanvasElement, request: JsValue)
    -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn clip_svg(this: &LabExports, request: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn clip_csv(this: &LabExports, request: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn training_start(this: &LabExports, request: JsValue) -> Result<TrainingExports, JsValue>;

    /// A training race kept in one lab instance between calls.
    #[derive(Clone)]
    type TrainingExports;
    #[wasm_bindgen(method, catch)]
    fn advance(this: &TrainingExports, sequences: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn status(this: &TrainingExports) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn csv(this: &TrainingExports) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn draw(this: &TrainingExports, canvas: &HtmlCanvasElement, labels: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn svg(this: &TrainingExports, labels: &str) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn free(this: &TrainingExports) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = weights)]
    fn race_weights(this: &TrainingExports, which: u32) -> Result<String, JsValue>;
}

thread_local! {
    static LOADED: RefCell<Option<Lab>> = const { RefCell::new(None) };
    /// Bumped whenever an instance panicked: instances of an older generation are not used again.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// Why a call into the lab did not give an answer.
#[derive(Clone, Debug, PartialEq)]
pub enum LabError {
    /// The lab could not be fetched or started.
    Unavailable(String),
    /// The lab refused the request or could not do it: its message.
    Failed(String),
    /// The lab panicked; it is loaded afresh on the next use.
    Crashed,
}

impl LabError {
    /// The message a scene shows, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Unavailable(why) => format!("{}: {why}", tr(Key::LabFailed, lang)),
            Self::Failed(why) => format!("{}: {why}", tr(Key::PlotFailed, lang)),
            Self::Crashed => tr(Key::LabCrashed, lang).to_string(),
        }
    }
}

/// A JavaScript error's message.
fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))
}

/// What a failed call means. A WebAssembly trap (a panic: release builds abort) leaves the
/// instance in an unknown state, so it is retired.
fn failure(e: &JsValue) -> LabError {
    if e.is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
        GENERATION.set(GENERATION.get() + 1);
        LOADED.set(None);
        forget_lab();
        LabError::Crashed
    } else {
        LabError::Failed(message(e))
    }
}

fn answer<A: Wire>(reply: Result<JsValue, JsValue>) -> Result<A, LabError> {
    let value = reply.map_err(|e| failure(&e))?;
    A::from_js(&value).map_err(|e| LabError::Failed(format!("bad answer: {e}")))
}

/// One instance of the lab, typed by `lab::protocol`.
#[derive(Clone)]
pub struct Lab {
    exports: LabExports,
    generation: u32,
}

impl Lab {
    /// False once this instance (or a later one) has panicked.
    fn is_current(&self) -> bool {
        self.generation == GENERATION.get()
    }

    /// Runs the gradient-decay experiment and draws it on `canvas`.
    pub fn decay_draw(
        &self,
        canvas: &HtmlCanvasElement,
        request: &DecayRequest,
    ) -> Result<DecayDrawn, LabError> {
        answer(self.exports.decay_draw(canvas, request.to_js()))
    }

    /// The gradient-decay plot as SVG.
    pub fn decay_svg(&self, request: &DecayRequest) -> Result<String, LabError> {
        answer(self.exports.decay_svg(request.to_js()))
    }

    /// The gradient-decay numbers as CSV.
    pub fn decay_csv(&self, request: &DecayRequest) -> Result<String, LabError> {
        answer(self.exports.decay_csv(request.to_js()))
    }

    /// Draws time × unit heatmaps on `canvas`; where the time axis runs.
    pub fn heatmap_draw(
        &self,
        canvas: &HtmlCanvasElement,
        request: &HeatmapRequest,
    ) -> Result<TimeAxis, LabError> {
        answer(self.exports.heatmap_draw(canvas, request.to_js()))
    }

    /// The heatmaps as SVG.
    pub fn heatmap_svg(&self, request: &HeatmapRequest) -> Result<String, LabError> {
        answer(self.exports.heatmap_svg(request.to_js()))
    }

    /// Runs the clipping experiment and draws it on `canvas`.
    pub fn clip_draw(
        &self,
        canvas: &HtmlCanvasElement,
        request: &ClipRequest,
    ) -> Result<ClipDrawn, LabError> {
        answer(self.exports.clip_draw(canvas, request.to_js()))
    }

    /// The clipping view as SVG.
    pub fn clip_svg(&self, request: &ClipRequest) -> Result<String, LabError> {
        answer(self.exports.clip_svg(request.to_js()))
    }

    /// The clipping numbers as CSV.
    pub fn clip_csv(&self, request: &ClipRequest) -> Result<String, LabError> {
        answer(self.exports.clip_csv(request.to_js()))
    }

    /// Starts a training race in this instance.
    pub fn training_start(&self, request: &RaceRequest) -> Result<Training, LabError> {
        let race = self.exports.training_start(request.to_js()).map_err(|e| failure(&e))?;
        Ok(Training { race, generation: self.generation })
    }
}

/// A training race kept in one lab instance between calls.
#[derive(Clone)]
pub struct Training {
    race: TrainingExports,
    generation: u32,
}

impl Training {
    /// Trains both networks for about `sequences` more sequences.
    pub fn advance(&self, sequences: u32) -> Result<RaceStatus, LabError> {
        answer(self.race.advance(sequences))
    }

    /// Where the race stands.
    pub fn status(&self) -> Result<RaceStatus, LabError> {
        answer(self.race.status())
    }

    /// Every measured point, CSV.
    pub fn csv(&self) -> Result<String, LabError> {
        self.race.csv().map_err(|e| failure(&e))
    }

    /// Draws the curves on `canvas` with `labels` (six lines).
    pub fn draw(&self, canvas: &HtmlCanvasElement, labels: &str) -> Result<(), LabError> {
        self.race.draw(canvas, labels).map_err(|e| failure(&e))
    }

    /// The curves as SVG.
    pub fn svg(&self, labels: &str) -> Result<String, LabError> {
        self.race.svg(labels).map_err(|e| failure(&e))
    }

    /// Network `which` (0 the RNN, 1 the LSTM) as a PyTorch weight file.
    pub fn weights(&self, which: u32) -> Result<String, LabError> {
        self.race.race_weights(which).map_err(|e| failure(&e))
    }

    /// Frees the race's memory in the lab (nothing to free in an instance that panicked).
    pub fn free(&self) {
        if self.generation == GENERATION.get() {
            let _ = self.race.free();
        }
    }
}

/// A scene's handle on the lab: `None` while it loads, then the lab or why it could not load.
pub type LabSlot = RwSignal<Option<Result<Lab, String>>, LocalStorage>;

/// Fetches the lab into `slot` (once per page and instance; later calls reuse it).
fn fill(slot: LabSlot) {
    leptos::task::spawn_local(async move {
        let loaded = lab().await;
        slot.try_set(Some(loaded));
    });
}

/// The lab for a scene. Starts loading it (once per page) if nobody has yet.
pub fn use_lab() -> LabSlot {
    let slot = RwSignal::new_local(None);
    fill(slot);
    slot
}

/// Runs `work` with the lab once it has arrived. While it is on its way nothing happens; if it
/// could not be loaded, `error` says why (in `lang`); if the instance this scene holds has
/// panicked since, a fresh one is fetched and `work` runs when it arrives (the slot is tracked).
pub fn with_lab(slot: LabSlot, error: RwSignal<Option<String>>, lang: Lang, work: impl FnOnce(&Lab)) {
    let held = slot.with(|m| m.clone());
    match held {
        None => {}
        Some(Err(e)) => error.set(Some(LabError::Unavailable(e).text(lang))),
        Some(Ok(lab)) if !lab.is_current() => {
            slot.set(None);
            fill(slot);
        }
        Some(Ok(lab)) => work(&lab),
    }
}

/// The lab, fetched and started the first time it is asked for (and again after a panic).
async fn lab() -> Result<Lab, String> {
    if let Some(lab) = LOADED.with_borrow(Clone::clone) {
        return Ok(lab);
    }
    let generation = GENERATION.get();
    let exports =
        JsFuture::from(load_lab("./lstm-lab.js", "./lstm-lab_bg.wasm")).await.map_err(|e| message(&e))?;
    let lab = Lab { exports: exports.unchecked_into(), generation };
    LOADED.set(Some(lab.clone()));
    Ok(lab)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(method, catch)]
    fn language_start(this: &LabExports, request: JsValue) -> Result<LanguageExports, JsValue>;

    /// A language model kept in one lab instance between calls.
    #[derive(Clone)]
    type LanguageExports;
    #[wasm_bindgen(method, catch, js_name = advance)]
    fn language_advance(this: &LanguageExports, sequences: u32, budget_ms: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = status)]
    fn language_status(this: &LanguageExports) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = top)]
    fn language_top(this: &LanguageExports, prompt: &str, k: u32, n: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = sample)]
    fn language_sample(
        this: &LanguageExports,
        prompt: &str,
        n: u32,
        temperature: f64,
        seed: f64,
    ) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch, js_name = activations)]
    fn language_activations(this: &LanguageExports, text: &str, unit: u32) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch, js_name = free)]
    fn language_free(this: &LanguageExports) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = weights)]
    fn language_weights(this: &LanguageExports) -> Result<String, JsValue>;
}

impl Lab {
    /// Starts a character-level language model in this instance.
    pub fn language_start(&self, request: &LanguageRequest) -> Result<Language, LabError> {
        let model = self.exports.language_start(request.to_js()).map_err(|e| failure(&e))?;
        Ok(Language { model, generation: self.generation })
    }
}

/// A language model kept in one lab instance between calls.
#[derive(Clone)]
pub struct Language {
    model: LanguageExports,
    generation: u32,
}

impl Language {
    /// Trains on up to `sequences` more windows, for about `budget_ms` milliseconds at most.
    pub fn advance(&self, sequences: u32, budget_ms: f64) -> Result<LanguageStatus, LabError> {
        answer(self.model.language_advance(sequences, budget_ms))
    }

    /// Where training stands.
    pub fn status(&self) -> Result<LanguageStatus, LabError> {
        answer(self.model.language_status())
    }

    /// `prompt` read character by character: the `k` likeliest next characters after each (as
    /// HTML) and `n` characters of greedy continuation.
    pub fn top(&self, prompt: &str, k: u32, n: u32) -> Result<LanguageReading, LabError> {
        answer(self.model.language_top(prompt, k, n))
    }

    /// `n` characters continuing `prompt`, drawn at `temperature` with `seed`.
    pub fn sample(&self, prompt: &str, n: u32, temperature: f64, seed: u64) -> Result<String, LabError> {
        self.model.language_sample(prompt, n, temperature, seed as f64).map_err(|e| failure(&e))
    }

    /// `text` coloured by hidden unit `unit`, as HTML.
    pub fn activations(&self, text: &str, unit: u32) -> Result<String, LabError> {
        self.model.language_activations(text, unit).map_err(|e| failure(&e))
    }

    /// The recurrent layer as a PyTorch weight file.
    pub fn weights(&self) -> Result<String, LabError> {
        self.model.language_weights().map_err(|e| failure(&e))
    }

    /// Frees the model's memory in the lab (nothing to free in an instance that panicked).
    pub fn free(&self) {
        if self.generation == GENERATION.get() {
            let _ = self.model.language_free();
        }
    }
}
