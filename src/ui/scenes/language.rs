//! The language lesson's scene: a character-level LSTM trained live in the lab module on a short
//! Korean or English text, a chunk of training per animation frame; then asked to continue a
//! prompt ("금요일이 지나면"), with its three likeliest next characters after every character of
//! the prompt, samples at a chosen temperature, and the text coloured by one hidden unit (as
//! LSTMVis does).
//!
//! The page's first load is at its size budget, so this scene is written for size: it renders
//! one static skeleton per page language (a string of HTML) and paints its changing parts straight
//! into the elements, found by `data-testid`; the lab writes the per-character table and the
//! coloured text as HTML; one click handler and one input handler on the section serve every
//! control; the behaviour lives in plain methods rather than closures inlined at every use.
//! Measured with the scene mounted in a lesson, on the first load's WebAssembly (gzip): a Leptos
//! view per character cost 18.8 KB, views for the controls only 12.7 KB, this version 10.4 KB.

use leptos::html::Section;
use leptos::prelude::*;

pub use crate::state::presets::LanguagePreset;

use crate::ui::knobs::use_panel;
use wasm_bindgen::JsCast;

use crate::lab::protocol::LanguageStatus;
use crate::model::train::language::{LanguageSetup, MAX_PROMPT};
use crate::text::Lang;
use crate::ui::i18n::{Key, tr};
use crate::ui::lab::{Lab, LabError, Language, use_lab, with_lab};
use crate::ui::use_lang;

/// Milliseconds of training per animation frame. The lab stops after the batch that crosses it,
/// so a frame's training takes this plus at most one batch.
const CHUNK_MS: f64 = 12.0;
/// Frames between two readings of the prompt and colourings of the text while training.
const REFRESH_FRAMES: u32 = 15;
/// Likeliest next characters shown after each character of the prompt.
const TOP: u32 = 3;
/// Characters of greedy continuation and of each sample.
const CONTINUATION: u32 = 32;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn setup(korean: bool, preset: LanguagePreset) -> LanguageSetup {
    LanguageSetup { korean, hidden: preset.hidden, seed: preset.seed }
}

/// What to set on an element.
enum Put<'a> {
    /// Its text.
    Text(&'a str),
    /// Its markup.
    Html(&'a str),
    /// An attribute.
    Attr(&'a str, &'a str),
    /// A boolean attribute, present or not.
    Flag(&'a str, bool),
    /// An input's value.
    Value(&'a str),
}

/// Sets `what` on the element of `root` whose `data-testid` is `id`.
fn put(root: &web_sys::Element, id: &str, what: Put) {
    let Ok(Some(el)) = root.query_selector(&format!(r#"[data-testid="{id}"]"#)) else { return };
    match what {
        Put::Text(t) => el.set_text_content(Some(t)),
        Put::Html(h) => el.set_inner_html(h),
        Put::Attr(name, v) => {
            let _ = el.set_attribute(name, v);
        }
        Put::Flag(name, true) => {
            let _ = el.set_attribute(name, "");
        }
        Put::Flag(name, false) => {
            let _ = el.remove_attribute(name);
        }
        Put::Value(v) => {
            let _ = js_sys::Reflect::set(&el, &"value".into(), &v.into());
        }
    }
}

/// The scene's markup in `lang`, without anything that changes: the state is painted in.
fn skeleton(lang: Lang, hidden: usize) -> String {
    let t = |k| tr(k, lang);
    // Units are numbered from 1 on the page, values and labels alike.
    let options: String = (1..=hidden).map(|u| format!(r#"<option value="{u}">{u}</option>"#)).collect();
    format!(
        r#"<h2 id="scene-language-title" class="scene-title">{}</h2>
<div class="plot-controls race-controls"><div class="plot-control"><span>{}</span><div class="race-buttons"><button class="toggle-btn" data-testid="language-text-ko">{}</button><button class="toggle-btn" data-testid="language-text-en">{}</button></div></div>
<div class="race-buttons"><button class="toggle-btn" data-testid="language-train" disabled></button><button class="toggle-btn" data-testid="language-reset">{}</button><button class="chip" data-testid="language-save">{}</button></div></div>
<p class="plot-note" data-testid="language-status">{}</p><p class="scene-error" role="alert" data-testid="language-error"></p>
<label class="seq-label">{}<input type="text" data-testid="language-prompt" maxlength="{MAX_PROMPT}"></label><p class="input-error" role="status" data-testid="language-unknown"></p>
<p class="language-line"><span>{}</span><output class="language-text" data-testid="language-continuation"></output></p>
<p class="plot-note">{}</p><div class="language-steps" data-testid="language-steps"></div>
<div class="plot-controls race-controls"><label class="plot-control"><span>{} <output data-testid="language-temperature-value"></output></span><input type="range" data-testid="language-temperature" min="0.1" max="2" step="0.1"></label>
<div class="race-buttons"><button class="toggle-btn" data-testid="language-sample" disabled>{}</button></div></div>
<p class="language-line"><output class="language-text" data-testid="language-sampled"></output></p>
<label class="plot-control language-unit"><span>{}</span><select data-testid="language-unit">{options}</select></label>
<p class="plot-note">{}</p><p class="language-coloured" data-testid="language-coloured"></p>"#,
        t(Key::SceneLanguageTitle),
        t(Key::LanguageText),
        t(Key::LanguageKorean),
        t(Key::LanguageEnglish),
        t(Key::RaceReset),
        t(Key::SaveWeightsOf),
        t(Key::LabLoading),
        t(Key::LanguagePrompt),
        t(Key::LanguageContinuation),
        t(Key::LanguageTopHint),
        t(Key::LanguageTemperature),
        t(Key::LanguageSample),
        t(Key::LanguageUnit),
        t(Key::LanguageColoured),
    )
}

/// The status line: sequences seen, loss per character, training time (each an `<output>` with
/// its number in `data-value`).
fn status_html(s: &LanguageStatus, elapsed_ms: f64, lang: Lang) -> String {
    let (loss_value, loss_text) =
        s.loss.map_or((String::new(), "–".to_string()), |l| (l.to_string(), format!("{l:.3}")));
    format!(
        r#"{} <output data-testid="language-seen" data-value="{seen}">{seen} / {}</output> · {} <output data-testid="language-loss" data-value="{loss_value}">{loss_text}</output> · {} <output data-testid="language-elapsed-ms" data-value="{elapsed_ms:.0}">{:.1} s</output>"#,
        tr(Key::RaceSeen, lang),
        s.budget,
        tr(Key::LanguageLoss, lang),
        tr(Key::LanguageElapsed, lang),
        elapsed_ms / 1000.0,
        seen = s.seen,
    )
}

/// The `data-testid` of the control an event came from, and the control.
fn control(ev: &web_sys::Event) -> Option<(String, web_sys::Element)> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    Some((el.get_attribute("data-testid")?, el))
}

/// Everything the scene keeps between events: read when painting, never tracked.
#[derive(Default)]
struct State {
    model: Option<Language>,
    /// `None` until a network is ready.
    status: Option<LanguageStatus>,
    prompt: String,
    temperature: f64,
    /// The unit coloured by, numbered from 1 as the page shows it.
    unit: u32,
    playing: bool,
    /// Time spent in training calls, and the longest one, ms (measured here, around each call).
    elapsed: f64,
    longest: f64,
    /// Bumped to end a running frame loop.
    loop_id: u32,
    frames: u32,
    /// The seed of the last sample.
    samples: u64,
    /// Training time (ms) when the prompt's continuation first began as the text goes on.
    learned: Option<f64>,
}

/// The scene's handles. Its behaviour is in plain methods (not closures inlined at every use),
/// which keeps the page small.
#[derive(Clone, Copy)]
struct Scene {
    lang: Signal<Lang>,
    root: NodeRef<Section>,
    /// What starts a fresh network: the text chosen, and "start over" (always enabled, so that
    /// after the lab failed it also fetches a fresh lab).
    korean: RwSignal<bool>,
    restarts: RwSignal<u32>,
    state: StoredValue<State, LocalStorage>,
    preset: LanguagePreset,
}

impl Scene {
    fn put(self, id: &str, what: Put) {
        if let Some(r) = self.root.get_untracked() {
            put(&r, id, what);
        }
    }

    fn model(self) -> Option<Language> {
        self.state.try_with_value(|s| s.model.clone()).flatten()
    }

    fn text(self) -> &'static str {
        setup(self.korean.get_untracked(), self.preset).text()
    }

    /// The controls' states and the status line.
    #[inline(never)]
    fn paint_status(self) {
        let Some(r) = self.root.get_untracked() else { return };
        let lang = self.lang.get_untracked();
        let k = self.korean.get_untracked();
        let flag = |b: bool| if b { "true" } else { "false" };
        self.state.with_value(|s| {
            let ready = s.status.is_some();
            let done = s.status.as_ref().is_some_and(|s| s.seen >= s.budget);
            let _ = r.set_attribute("aria-busy", flag(!ready));
            let _ = r.set_attribute("data-longest-chunk-ms", &format!("{:.1}", s.longest));
            put(&r, "language-text-ko", Put::Attr("aria-pressed", flag(k)));
            put(&r, "language-text-en", Put::Attr("aria-pressed", flag(!k)));
            put(&r, "language-train", Put::Attr("aria-pressed", flag(s.playing)));
            put(
                &r,
                "language-train",
                Put::Text(tr(if s.playing { Key::RacePause } else { Key::RaceTrain }, lang)),
            );
            put(&r, "language-train", Put::Flag("disabled", !ready || done));
            put(&r, "language-sample", Put::Flag("disabled", !ready));
            let line = s
                .status
                .as_ref()
                .map_or_else(|| tr(Key::LabLoading, lang).to_string(), |st| status_html(st, s.elapsed, lang));
            put(&r, "language-status", Put::Html(&line));
        });
    }

    fn show_error(self, why: &str) {
        self.put("language-error", Put::Text(why));
    }

    fn stop(self) {
        self.state.update_value(|s| {
            s.playing = false;
            s.loop_id += 1;
        });
    }

    /// Frees the network, if there is one, and says why, if there is a reason.
    #[inline(never)]
    fn drop_model(self, why: Option<String>) {
        if let Some(old) = self
            .state
            .try_update_value(|s| {
                s.status = None;
                s.model.take()
            })
            .flatten()
        {
            old.free();
        }
        self.stop();
        self.paint_status();
        if let Some(why) = why {
            self.show_error(&why);
        }
    }

    fn fail(self, e: LabError) {
        self.drop_model(Some(e.text(self.lang.get_untracked())));
    }

    /// The prompt read again: its table, continuation and unknown characters.
    #[inline(never)]
    fn read(self) {
        let Some(m) = self.model() else { return };
        let prompt = self.state.with_value(|s| s.prompt.clone());
        match m.top(&prompt, TOP, CONTINUATION) {
            Ok(r) => {
                let unknown = if r.unknown.is_empty() {
                    String::new()
                } else {
                    format!("{} {}", tr(Key::LanguageUnknown, self.lang.get_untracked()), r.unknown)
                };
                self.put("language-steps", Put::Html(&r.html));
                self.put("language-continuation", Put::Text(&r.continuation));
                let setup = setup(self.korean.get_untracked(), self.preset);
                self.state.update_value(|s| {
                    if s.learned.is_none()
                        && s.prompt == setup.prompt()
                        && r.continuation.starts_with(setup.answer())
                    {
                        s.learned = Some(s.elapsed);
                    }
                });
                self.put(
                    "language-prompt",
                    Put::Attr("aria-invalid", if unknown.is_empty() { "false" } else { "true" }),
                );
                self.put("language-unknown", Put::Text(&unknown));
            }
            Err(e) => self.fail(e),
        }
    }

    /// The text coloured by the chosen unit again.
    #[inline(never)]
    fn colour(self) {
        let Some(m) = self.model() else { return };
        let unit = self.state.with_value(|s| s.unit);
        match m.activations(self.text(), unit.saturating_sub(1)) {
            Ok(html) => {
                self.put("language-coloured", Put::Html(&html));
                self.put("language-coloured", Put::Attr("data-unit", &unit.to_string()));
            }
            Err(e) => self.fail(e),
        }
    }

    /// The skeleton in the page's language, with everything painted into it.
    #[inline(never)]
    fn paint_all(self) {
        let Some(r) = self.root.get_untracked() else { return };
        r.set_inner_html(&skeleton(self.lang.get_untracked(), self.preset.hidden));
        self.state.with_value(|s| {
            put(&r, "language-prompt", Put::Value(&s.prompt));
            put(&r, "language-temperature", Put::Value(&s.temperature.to_string()));
            put(&r, "language-temperature-value", Put::Text(&format!("{:.1}", s.temperature)));
            put(&r, "language-unit", Put::Value(&s.unit.to_string()));
        });
        self.paint_status();
        self.read();
        self.colour();
    }

    /// A fresh network in `lab`.
    #[inline(never)]
    fn start(self, lab: &Lab, korean: bool) {
        self.drop_model(None);
        self.show_error("");
        match lab.language_start(&setup(korean, self.preset)).and_then(|m| Ok((m.status()?, m))) {
            Ok((now, m)) => {
                self.state.update_value(|s| {
                    s.model = Some(m);
                    s.status = Some(now);
                    s.elapsed = 0.0;
                    s.learned = None;
                    s.longest = 0.0;
                });
                self.put("language-sampled", Put::Text(""));
                self.paint_status();
                self.read();
                self.colour();
            }
            Err(e) => self.show_error(&e.text(self.lang.get_untracked())),
        }
    }

    /// One chunk of training; whether to go on.
    #[inline(never)]
    fn step(self) -> bool {
        let (Some(m), true) = (self.model(), self.state.with_value(|s| s.playing)) else { return false };
        let start = now();
        let result = m.advance(1_000_000, CHUNK_MS);
        let took = now() - start;
        let s = match result {
            Ok(s) => s,
            Err(e) => {
                self.fail(e);
                return false;
            }
        };
        let done = s.seen >= s.budget || s.stopped.is_some();
        if let Some(why) = &s.stopped {
            self.show_error(&format!("{}: {why}", tr(Key::RaceStopped, self.lang.get_untracked())));
        }
        let frames = self.state.try_update_value(|st| {
            st.elapsed += took;
            st.longest = st.longest.max(took);
            st.status = Some(s);
            st.frames += 1;
            st.frames
        });
        if done {
            self.stop();
        }
        self.paint_status();
        if done || frames.is_some_and(|f| f.is_multiple_of(REFRESH_FRAMES)) {
            self.read();
            self.colour();
        }
        !done
    }

    /// Trains a chunk, then again next animation frame, while training goes on and no newer
    /// loop (`id`) has started.
    fn run_frames(self, id: u32) {
        // The scene may be gone by the next frame.
        if self.state.try_with_value(|s| s.loop_id) == Some(id) && self.step() {
            request_animation_frame(move || self.run_frames(id));
        }
    }

    /// A button, by its test id.
    #[inline(never)]
    fn click(self, id: &str) {
        match id {
            "language-text-ko" | "language-text-en" => {
                let k = id == "language-text-ko";
                if self.korean.get_untracked() != k {
                    let prompt = setup(k, self.preset).prompt();
                    self.state.update_value(|s| s.prompt = prompt.to_string());
                    self.put("language-prompt", Put::Value(prompt));
                    self.korean.set(k);
                }
            }
            "language-train" if self.state.with_value(|s| s.playing) => {
                self.stop();
                self.paint_status();
                self.read();
                self.colour();
            }
            "language-train" => {
                let id = self.state.try_update_value(|s| {
                    s.playing = true;
                    s.loop_id += 1;
                    s.loop_id
                });
                self.paint_status();
                if let Some(id) = id {
                    self.run_frames(id);
                }
            }
            "language-reset" => self.restarts.update(|r| *r += 1),
            // The LSTM as it stands, as a file `torch.nn.LSTM(I, H)` loads (the readout is not in it).
            "language-save" => {
                let Some(m) = self.model() else { return };
                match m.weights() {
                    Ok(text) => crate::ui::widgets::export::download(
                        "language-lstm.json",
                        &crate::ui::widgets::export::text_url("application/json", &text),
                    ),
                    Err(e) => self.fail(e),
                }
            }
            "language-sample" => {
                let Some(m) = self.model() else { return };
                let (prompt, t, seed) = self
                    .state
                    .try_update_value(|s| {
                        s.samples += 1;
                        (s.prompt.clone(), s.temperature, s.samples)
                    })
                    .unwrap_or_default();
                match m.sample(&prompt, CONTINUATION, t, seed) {
                    Ok(text) => self.put("language-sampled", Put::Text(&text)),
                    Err(e) => self.fail(e),
                }
            }
            _ => {}
        }
    }

    /// The prompt, the temperature or the unit changed to `v`.
    #[inline(never)]
    fn input(self, id: &str, v: String) {
        match id {
            "language-prompt" => {
                self.state.update_value(|s| s.prompt = v.chars().take(MAX_PROMPT).collect());
                self.read();
            }
            "language-temperature" => {
                let t = crate::input::number(&v).filter(|t| t.is_finite()).unwrap_or(1.0).clamp(0.1, 2.0);
                self.state.update_value(|s| s.temperature = t);
                self.put("language-temperature-value", Put::Text(&format!("{t:.1}")));
            }
            "language-unit" => {
                self.state.update_value(|s| s.unit = v.parse().unwrap_or(1));
                self.colour();
            }
            _ => {}
        }
    }
}

/// The scene.
#[component]
pub fn LanguageScene(
    /// Where it starts.
    preset: LanguagePreset,
) -> impl IntoView {
    let lang = use_lang();
    let module = use_lab();
    let state = State {
        prompt: setup(preset.korean, preset).prompt().to_string(),
        temperature: 1.0,
        unit: 1,
        samples: preset.seed,
        ..State::default()
    };
    let scene = Scene {
        lang,
        root: NodeRef::new(),
        korean: RwSignal::new(preset.korean),
        restarts: RwSignal::new(0),
        state: StoredValue::new_local(state),
        preset,
    };
    let panel = use_panel();
    panel.knob("text", scene.korean, crate::state::presets::text_lang, |k| {
        if *k { "ko" } else { "en" }.to_string()
    });
    panel.custom(
        "play",
        move || crate::state::write_flag(scene.state.with_value(|s| s.playing)),
        move |v| {
            let Some(on) = crate::state::flag(v) else { return false };
            if on != scene.state.with_value(|s| s.playing) {
                scene.click("language-train");
            }
            true
        },
    );
    let status = move |f: fn(&State) -> Option<f64>| scene.state.try_with_value(f).flatten();
    panel.reading("seen", move |_| status(|s| s.status.as_ref().map(|st| st.seen as f64)));
    panel.reading("ms", move |_| status(|s| Some(s.elapsed)));
    panel.reading("learned", move |_| status(|s| s.learned));
    // The skeleton again whenever the page's language changes.
    Effect::new(move |_| {
        lang.track();
        scene.root.track();
        scene.paint_all();
    });
    // A fresh network whenever the lab arrives, the text changes or the learner starts over.
    Effect::new(move |_| {
        scene.restarts.track();
        let korean = scene.korean.get();
        let error = RwSignal::new(None::<String>);
        with_lab(module, error, lang.get_untracked(), |lab| scene.start(lab, korean));
        if let Some(why) = error.get_untracked() {
            scene.show_error(&why);
        }
    });
    // Only the network's memory in the lab is freed: the page's elements are going.
    on_cleanup(move || {
        let model = scene.state.try_update_value(|s| {
            s.loop_id += 1;
            s.model.take()
        });
        if let Some(m) = model.flatten() {
            m.free();
        }
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((id, _)) = control(&ev) {
            scene.click(&id);
        }
    };
    // A select fires `input` too.
    let on_input = move |ev: web_sys::Event| {
        if let Some((id, el)) = control(&ev) {
            let v = js_sys::Reflect::get(&el, &"value".into()).ok().and_then(|v| v.as_string());
            scene.input(&id, v.unwrap_or_default());
        }
    };
    view! {
        <section class="scene language" data-testid="scene-language" aria-labelledby="scene-language-title"
            aria-busy="true" node_ref=scene.root on:click=on_click on:input=on_input></section>
    }
}
